import Foundation
import Testing
import TestSupport

@testable import Minsheng
import XLSXReader

/// What became of each file and item is typed: the sheets put it in words from the resources,
/// and no sheet reads another module's sentences. Rewording a finding or a status word moves
/// nothing.
struct OutcomeTests {
    static func content() throws -> ProgressWorkbookContent {
        let plan = try ReturnRuleTests.plan()
        var content = ProgressWorkbookContent(
            title: "民生实事进展情况", asOf: nil, items: plan.items, findings: [],
            files: ["分解表.xlsx", "涡阳县.xlsx", "蒙城县.xlsx", "蒙城县-初稿.xlsx"].map { FileResult(path: $0, status: .ok, sheet: "填报表", items: 3) },
            outcomes: [
                "分解表.xlsx": .plan,
                "涡阳县.xlsx": .notMerged(area: "涡阳县", .otherPlan(theirs: "p1", ours: "p2")),
                "蒙城县.xlsx": .merged(area: "蒙城县"),
                "蒙城县-初稿.xlsx": .notMerged(area: "蒙城县", .notChosen(area: "蒙城县", chosen: "蒙城县.xlsx", chosenCount: 3, thisCount: 1)),
            ])
        content.submissions = ["蒙城县": "蒙城县.xlsx"]
        return content
    }

    @Test func anAreasSubmissionComesFromTheOutcomesNotFromFindingMessages() throws {
        let content = try Self.content()
        let words = try WorkbookSettings.load().overview
        // No finding at all, and no sentence to take apart: the outcomes alone say it.
        let lines = Dictionary(uniqueKeysWithValues: OverviewSheet.areaLines(content, words: words).map { ($0.area, $0.submission) })
        #expect(lines["涡阳县"] == "未采用：这份报表来自另一份分解表（p1，本次为 p2）")
        #expect(lines["蒙城县"] == "已报送：蒙城县（另有 1 份未采用）")
        // A finding whose message was reworded changes nothing.
        var reworded = content
        var finding = FindingBuilder(file: "涡阳县.xlsx", sheet: "填报表")
        finding.add(.returnNotMerged(.otherPlan(theirs: "p1", ours: "p2")), area: "涡阳县")
        reworded.findings = finding.findings.map { var f = $0; f.message = "另一张表，不要了"; return f }
        #expect(OverviewSheet.areaLines(reworded, words: words).map(\.submission) == OverviewSheet.areaLines(content, words: words).map(\.submission))
    }

    @Test func notesSayWhatBecameOfEachFile() throws {
        let rows = Dictionary(NotesSheet.rows(try Self.content(), statuses: try WorkbookSettings.load().statuses).map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        #expect(rows["分解表.xlsx"]?.hasSuffix("；分解表") == true)
        #expect(rows["蒙城县.xlsx"]?.hasSuffix("；已汇总为蒙城县的报表") == true)
        #expect(rows["涡阳县.xlsx"]?.hasSuffix("；未汇总：这份报表来自另一份分解表（p1，本次为 p2）") == true)
        #expect(rows["蒙城县-初稿.xlsx"]?.contains("未汇总：蒙城县报送了多份，采用 蒙城县.xlsx（填报了 3 项完成数，本份 1 项）") == true)
    }

    @Test func aReturnNotMergedIsOneFindingWithItsReason() {
        var builder = FindingBuilder(file: "a.xlsx", sheet: nil)
        builder.add(.returnNotMerged(.otherTemplateVersion(theirs: "1", ours: "2")))
        builder.add(.returnNotMerged(.areaUnknown(named: nil, planAreas: ["涡阳县", "蒙城县"])))
        builder.add(.returnNotMerged(.notChosen(area: "涡阳县", chosen: "b.xlsx", chosenCount: 2, thisCount: 1)))
        assertFindings(builder.findings, ["plan-mismatch error ", "unknown-area warning ", "duplicate-submission warning "])
        #expect(builder.findings.map(\.message) == [
            "模板版本 1 与当前版本 2 不同，未汇总",
            "无法从文件名或标题判断是哪个县区的报表（分解表的县区有 涡阳县、蒙城县），未汇总",
            "涡阳县报送了多份，采用 b.xlsx（填报了 2 项完成数，本份 1 项），本份未采用",
        ])
    }

    // MARK: Statuses

    static func item(target: Decimal, completed: Decimal) -> ProgressItem {
        var item = ProgressItem(project: "就业", indicator: "城镇新增就业")
        item.target = .number(target)
        item.completed = .number(completed)
        return item
    }

    @Test func statusesAreDecidedByTheFiguresNotByTheirWords() throws {
        let asOf = try #require(AsOfDate("2023-06-30"))
        #expect(ItemStatus(Self.item(target: 100, completed: 120), asOf: asOf) == .exceeded)
        #expect(ItemStatus(Self.item(target: 100, completed: 100), asOf: asOf) == .completed)
        #expect(ItemStatus(Self.item(target: 100, completed: 60), asOf: asOf) == .onSchedule)
        #expect(ItemStatus(Self.item(target: 100, completed: 10), asOf: asOf) == .behind)
        #expect(ItemStatus(Self.item(target: 100, completed: 0), asOf: asOf) == .notStarted)
        #expect(ItemStatus(Self.item(target: 100, completed: 10), asOf: nil) == .inProgress)
        var qualitative = ProgressItem(project: "救助", indicator: "应保尽保")
        qualitative.target = .text("应保尽保")
        #expect(ItemStatus(qualitative, asOf: asOf) == .qualitative)
        #expect(ItemStatus(ProgressItem(project: "空", indicator: "空"), asOf: asOf) == nil)
    }

    /// 总览's counts and 进度汇总's 状态 with every status word of `workbook.json` changed: the
    /// same items in the same statuses, under the new words.
    @Test func rewordedStatusesCountTheSameItems() throws {
        let asOf = try #require(AsOfDate("2023-06-30"))
        let items = [
            Self.item(target: 100, completed: 120), Self.item(target: 100, completed: 100), Self.item(target: 100, completed: 10),
            Self.item(target: 100, completed: 0),
        ].enumerated().map { index, item -> ProgressItem in
            var item = item
            item.indicator = "指标\(index)"
            return item
        }
        func written(_ settings: WorkbookSettings) throws -> (counts: [String: Double], statuses: [String]) {
            var content = ProgressWorkbookContent(title: "进展", asOf: asOf, items: items, findings: [], files: [])
            content.settings = settings
            let path = try ZipPart.temporaryPath("状态.xlsx")
            try ProgressWorkbook.write(content, to: path)
            let book = try Workbook(path: path)
            let overview = try book.sheet(named: settings.overview.sheetName)
            var counts: [String: Double] = [:]
            for row in OverviewSheet.firstRow..<(OverviewSheet.firstRow + ItemStatus.counted.count) {
                if let label = overview.cell(at: CellReference(row: row, column: 0))?.string {
                    counts[label] = overview.cell(at: CellReference(row: row, column: 1))?.number
                }
            }
            let progress = try book.sheet(named: ProgressSheet.name)
            let column = ProgressSheet.columns.index(.status)
            let statuses = (0..<items.count).compactMap {
                progress.cell(at: CellReference(row: ProgressSheet.firstRow + $0, column: column))?.string
            }
            return (counts, statuses)
        }
        let standard = try WorkbookSettings.load()
        var renamed = standard
        for status in ItemStatus.allCases { renamed.statuses[status] = "甲\(status.rawValue)" }
        let before = try written(standard)
        let after = try written(renamed)
        #expect(before.statuses == ["超额完成", "已完成", "滞后", "未开展"])
        #expect(after.statuses == ["甲exceeded", "甲completed", "甲behind", "甲notStarted"])
        for status in ItemStatus.counted {
            #expect(after.counts["甲\(status.rawValue)"] == before.counts[standard.statuses[status] ?? ""], "\(status)")
        }
        #expect(after.counts["甲exceeded"] == 1 && after.counts["甲behind"] == 1)
    }
}

extension OutcomeTests {
    /// `collect` over the sample returns: every return read has an outcome, and each one not
    /// merged is named by the finding of its reason.
    @Test func collectSaysWhatBecameOfEveryReturn() async throws {
        let root = TestPaths.packageRoot.path
        let folder = root + "/Samples/returns"
        let returns = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xlsx") }.sorted().map { folder + "/" + $0 }
        let output = try ZipPart.temporaryPath("汇总.xlsx")
        let result = try await Collector().collect(
            plan: root + "/Samples/002-亳州-分解表-分列.xlsx", returns: returns, to: output, title: "民生实事进展情况", asOf: nil)
        #expect(result.outcomes[root + "/Samples/002-亳州-分解表-分列.xlsx"] == .plan)
        for (area, path) in result.used { #expect(result.outcomes[path] == .merged(area: area)) }
        for file in result.report.files where file.status == .ok {
            let outcome = try #require(result.outcomes[file.path], "\(file.path)")
            guard case .notMerged(_, let reason) = outcome else { continue }
            let named = result.report.findings.filter { $0.file == file.path }.map(\.code)
            #expect(named.contains(FindingMessage.returnNotMerged(reason).code), "\(file.path): \(reason)")
        }
        let reasons = result.outcomes.values.compactMap { outcome -> NotMergedReason? in
            if case .notMerged(_, let reason) = outcome { return reason }
            return nil
        }
        #expect(reasons.contains { if case .otherPlan = $0 { return true } else { return false } })
        #expect(reasons.contains { if case .notChosen = $0 { return true } else { return false } })
    }
}
