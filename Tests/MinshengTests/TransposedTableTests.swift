import Foundation
@testable import Minsheng
import TestSupport
import Testing
import XLSXReader

/// Issue 13, items 8 and 9: a city table with the areas in rows (全市, 市本级, 东坡区 …) and each
/// indicator in a group of columns (目标任务 / 进度 / 完成比例(%)), as a 2019 眉山市-style office
/// publishes it; and indicators that never sum (a ceiling 失业率, a 每万人 rate, a 报销比例, a
/// per-person floor). Fixtures in `Tests/Fixtures/transposed/` are written by openpyxl (序号 and
/// 县（区） columns, title, project, indicator and sub-header rows) and XlsxWriter (地区 in A, no
/// project row) from `generate.py`.
struct TransposedTableTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("transposed")

    /// One writer's files and where its cells are.
    struct Writer: Sendable, CustomStringConvertible {
        var name: String
        /// The 全市 目标任务 cell of 城镇新增就业.
        var cityTargetCell: String
        /// 仁寿县's 完成比例 cell of 棚户区改造.
        var rateCell: String
        /// Whether a project row is merged over the indicators.
        var hasProjects: Bool
        var description: String { name }

        func path(_ defect: String) -> String {
            TransposedTableTests.folder.appendingPathComponent("\(name)-\(defect).xlsx").path
        }
    }

    static let writers = [
        Writer(name: "openpyxl", cityTargetCell: "C5", rateCell: "T9", hasProjects: true),
        Writer(name: "xlsxwriter", cityTargetCell: "B4", rateCell: "S8", hasProjects: false),
    ]

    static let indicators = [
        "城镇新增就业", "城镇登记失业率低于", "每万人口全科医生数", "住院费用报销比例", "城乡居民基础养老金最低标准不低于", "棚户区改造",
    ]
    static let areas = ["市本级", "东坡区", "彭山区", "仁寿县", "洪雅县", "丹棱县", "青神县", "眉山天府新区"]

    func table(_ path: String) throws -> RecognizedTable {
        try TableFinder(vocabulary: try HeaderVocabulary.load()).find(in: path)
    }

    @Test(arguments: writers)
    func aCorrectTransposedTableHasNoFinding(_ writer: Writer) throws {
        let (result, findings) = try Checker().check(file: writer.path("correct"))
        #expect(result.status == .ok)
        #expect(result.items == 6)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test(arguments: writers)
    func eachIndicatorGroupIsOneItemKeyedByArea(_ writer: Writer) throws {
        let table = try table(writer.path("correct"))
        #expect(table.layout.areaRows != nil)
        #expect(table.layout.areas == Self.areas)
        #expect(table.items.map { $0.indicator ?? "" } == Self.indicators)
        #expect(table.items.map { $0.unit ?? "" } == ["人", "%", "人", "%", "元/人·月", "套"])
        if writer.hasProjects {
            #expect(table.items.map { $0.project ?? "" } == ["就业创业", "就业创业", "医疗卫生", "医疗卫生", "社会保障", "住房保障"])
            #expect(table.items[0].itemName == "就业创业 — 城镇新增就业")
        } else {
            #expect(table.items.allSatisfy { $0.project == nil })
            #expect(table.items[0].itemName == "城镇新增就业")
        }
        let employment = table.items[0]
        // 全市 is the total (no area); 进度 beside 完成比例 is the completed figure.
        #expect(employment.values[ValueKey(.target)]?.reference.a1 == writer.cityTargetCell)
        #expect(employment.values[ValueKey(.target)]?.value == .number(25500))
        #expect(employment.values[ValueKey(.completed)]?.value == .number(26500))
        #expect(employment.values[ValueKey(.target, area: "东坡区")]?.value == .number(6000))
        #expect(employment.values[ValueKey(.completed, area: "市本级")]?.value == .number(2100))
        // 市本级 fills only 城镇新增就业 and 棚户区改造: a share of those only.
        let cityLevel = table.items.map { $0.values[ValueKey(.target, area: "市本级")] != nil }
        #expect(cityLevel == [true, false, false, false, false, true])
    }

    /// 目标任务 / 进度 only: 进度 is the completed figure; the 合计 row last is the total.
    @Test func aLoneProgressColumnIsTheCompletedFigure() throws {
        let path = Self.folder.appendingPathComponent("xlsxwriter-two-columns.xlsx").path
        let table = try table(path)
        #expect(table.items.map { $0.indicator ?? "" } == ["城镇新增就业", "农村危房改造"])
        #expect(table.layout.areas == ["东坡区", "彭山区", "仁寿县"])
        let housing = try #require(table.items.last)
        #expect(housing.values[ValueKey(.completed)]?.value == .number(950))
        #expect(housing.values[ValueKey(.completed)]?.reference.a1 == "E7")
        #expect(housing.values[ValueKey(.completed, area: "彭山区")]?.value == .number(150))
        #expect(housing.values[ValueKey(.rate, area: "彭山区")] == nil)
        let (result, findings) = try Checker().check(file: path)
        #expect(result.items == 2)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test(arguments: writers)
    func aWrongAreaTargetIsOneTotalMismatchAtTheCityCell(_ writer: Writer) throws {
        let (_, findings) = try Checker().check(file: writer.path("total-mismatch"))
        #expect(findings.count == 1, "\(findings.map(\.message))")
        let finding = try #require(findings.first)
        #expect(finding.code == .totalMismatch)
        #expect(finding.severity == .error)
        #expect(finding.cell == writer.cityTargetCell)
        #expect(finding.row == CellReference(writer.cityTargetCell).map { $0.row + 1 })
        #expect(finding.expected == 25600)
        #expect(finding.actual == 25500)
        #expect(finding.item?.hasSuffix("城镇新增就业") == true)
        #expect(finding.message.contains("全市目标任务 25500"))
    }

    @Test(arguments: writers)
    func aWrongRateIsARateMismatchAtThatCell(_ writer: Writer) throws {
        let (_, findings) = try Checker().check(file: writer.path("rate-mismatch"))
        #expect(findings.count == 1, "\(findings.map(\.message))")
        let finding = try #require(findings.first)
        #expect(finding.code == .rateMismatch)
        #expect(finding.cell == writer.rateCell)
        #expect(finding.row == CellReference(writer.rateCell).map { $0.row + 1 })
        #expect(finding.area == "仁寿县")
        #expect(finding.actual == 110)
    }

    /// 失业率 4.3 for the city and 4.3 for each area: summed, 全市 would be 30.1.
    @Test(arguments: writers)
    func aCeilingOrRateIndicatorIsNeverSummed(_ writer: Writer) throws {
        var table = try table(writer.path("correct"))
        #expect(table.items.map(\.indicatorKind) == [.additive, .ceiling, .ratio, .ratio, .floor, .additive])
        let totals = Validator(rules: [TotalRule(.target), TotalRule(.completed)])
        #expect(totals.findings(for: table).isEmpty)
        // The words alone decide for 每万人口全科医生数 (its areas differ from the city's 2.5):
        // taken for a count, its target would be summed and fail.
        guard let index = table.rows.firstIndex(where: { $0.indicator == "每万人口全科医生数" }) else {
            Issue.record("no 每万人口全科医生数 row")
            return
        }
        table.rows[index].indicatorKind = .additive
        #expect(totals.findings(for: table).map(\.code).contains(.totalMismatch))
    }

    /// A blank cell's finding points where the figure belongs: its area's row, its group's column.
    @Test func aBlankCellIsNamedInItsAreaRow() throws {
        var table = try table(Self.writers[0].path("correct"))
        // 彭山区 (row 8): 城镇新增就业 进度 (D) and 棚户区改造 目标任务 (R) blank.
        table.rows[0].values[ValueKey(.completed, area: "彭山区")] = nil
        table.rows[5].values[ValueKey(.target, area: "彭山区")] = nil
        let findings = Validator().findings(for: table)
        let places = findings.map { "\($0.code.rawValue) \($0.cell ?? "") \($0.row ?? 0) \($0.area ?? "")" }
        #expect(places.contains("breakdown-incomplete D8 8 彭山区"), "\(places)")
        #expect(places.contains("total-mismatch R5 5 "), "\(places)")
        #expect(places.contains("missing-target R8 8 彭山区"), "\(places)")
        #expect(findings.allSatisfy { $0.row == CellReference($0.cell ?? "").map { $0.row + 1 } })
    }

    @Test func theWordsOfNonAdditiveIndicatorsAreData() throws {
        let vocabulary = try HeaderVocabulary.load()
        #expect(vocabulary.indicatorKind(of: "城镇登记失业率低于", unit: "%") == .ceiling)
        #expect(vocabulary.indicatorKind(of: "城镇登记失业率控制在4.5%以内", unit: nil) == .ceiling)
        #expect(vocabulary.indicatorKind(of: "城乡居民基础养老金不低于", unit: "元/人·月") == .floor)
        #expect(vocabulary.indicatorKind(of: "城镇新增就业不低于", unit: "万人") == .additive)
        #expect(vocabulary.indicatorKind(of: "每万人口全科医生数", unit: "人") == .ratio)
        #expect(vocabulary.indicatorKind(of: "城乡居民医保参保率", unit: nil) == .ratio)
        #expect(vocabulary.indicatorKind(of: "住院费用报销比例", unit: "%") == .ratio)
        #expect(vocabulary.indicatorKind(of: "城镇新增就业", unit: "万人") == .additive)
        #expect(vocabulary.indicatorKind(of: "棚户区改造", unit: "套") == .additive)
        // Without the nonAdditive words, every indicator sums.
        let bare = try HeaderVocabulary(
            roles: vocabulary.roles, totals: vocabulary.totals, areaEndings: vocabulary.areaEndings,
            areaNames: vocabulary.areaNames, sectionPatterns: vocabulary.sectionPatterns, footerPrefixes: vocabulary.footerPrefixes,
            quantityWords: vocabulary.quantityWords)
        #expect(bare.indicatorKind(of: "城镇登记失业率低于", unit: "%") == .additive)
    }

    /// A ceiling is met at or under its target: 3.9 against 低于 4.3 is 已完成, not 滞后.
    @Test func aCeilingUnderItsTargetIsDone() async throws {
        let output = try ZipPart.temporaryPath("眉山汇总.xlsx")
        _ = try await Converter().convert(
            files: [Self.writers[0].path("correct")], to: output, title: "十大民生工程", asOf: AsOfDate("2019-06-30"), jobs: 1)
        let workbook = try Workbook(path: output)
        let summary = try workbook.sheet(named: "进度汇总")
        func status(of indicator: String) -> String? {
            guard let row = summary.rows.first(where: { row in row.cells.contains { $0.string == indicator } }) else { return nil }
            return summary.cell(at: CellReference(row: row.index, column: 9))?.string
        }
        #expect(status(of: "城镇登记失业率低于") == "已完成")
        #expect(status(of: "城镇新增就业") == "超额完成")
        // 分县区: a non-additive item's areas are not summed.
        let areas = try workbook.sheet(named: "分县区")
        let ceiling = try #require(areas.rows.first { row in row.cells.contains { $0.string == "城镇登记失业率低于" } })
        #expect(ceiling.cells.contains { $0.string == "不相加" })
        #expect(!ceiling.cells.contains { $0.string == "不一致" })
    }

    /// `--layout` with `areaColumn`: towns (乡 / 镇) in rows, whatever the area words know.
    @Test func aLayoutFileNamesTheAreaColumn() throws {
        let layoutPath = try ZipPart.temporaryPath("towns-layout.json")
        try Data(#"{"headerRows": [2, 3], "areaColumn": "A"}"#.utf8).write(to: URL(fileURLWithPath: layoutPath))
        let override = try LayoutOverride.load(path: layoutPath)
        #expect(override.areaColumnIndex == 0)
        let path = Self.folder.appendingPathComponent("xlsxwriter-towns.xlsx").path
        let table = try TableFinder(vocabulary: try HeaderVocabulary.load())
            .find(in: path, options: RecognitionOptions(layoutOverride: override))
        #expect(table.layout.areas == ["元坝镇", "白果乡", "柏林沟镇"])
        #expect(table.items.map { $0.indicator ?? "" } == ["城镇新增就业", "农村劳动力转移就业"])
        #expect(table.items.first?.values[ValueKey(.target)]?.reference.a1 == "B4")
        #expect(Validator().findings(for: table).isEmpty)
        let result = try CommandRunner.run(["check", "--layout", layoutPath, "Tests/Fixtures/transposed/xlsxwriter-towns.xlsx"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 项"))
        try Data(#"{"headerRows": [3], "areaColumn": "?"}"#.utf8).write(to: URL(fileURLWithPath: layoutPath))
        #expect(throws: MinshengError.self) { try LayoutOverride.load(path: layoutPath) }
    }

    /// Zero items is never ✓: a header with nothing under it is reported as no table.
    @Test func aTableOfZeroItemsIsNoTableRecognized() throws {
        let path = Self.folder.appendingPathComponent("empty-table.xlsx").path
        #expect {
            _ = try table(path)
        } throws: { error in
            guard case MinshengError.noTableRecognized(let file, let seen)? = error as? MinshengError else { return false }
            return file == path && seen.contains("项目") && seen.contains("目标任务")
        }
        let (result, findings) = try Checker().check(file: path)
        #expect(result.status == .unreadable)
        #expect(result.error?.contains("无法识别") == true)
        #expect(findings.isEmpty)
    }

    @Test func checkPrintsTheFindingsAndExitsAsForAnyTable() throws {
        let correct = try CommandRunner.run(["check", "Tests/Fixtures/transposed/openpyxl-correct.xlsx"])
        #expect(correct.status == 0)
        #expect(correct.stdout.contains("6 项"))
        let wrong = try CommandRunner.run(["check", "Tests/Fixtures/transposed/xlsxwriter-total-mismatch.xlsx"])
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("B4  total-mismatch"))
        let empty = try CommandRunner.run(["check", "Tests/Fixtures/transposed/empty-table.xlsx"])
        #expect(empty.status == 2)
        #expect(!empty.stdout.contains("✓"))
    }
}
