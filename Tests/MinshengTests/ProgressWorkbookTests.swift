import Foundation
@testable import Minsheng
import TestSupport
import Testing
import XLSXReader

/// `convert`: the standardized progress workbook, read back with our reader and opened in
/// LibreOffice.
struct ProgressWorkbookTests {
    static let asOf = AsOfDate("2023-10-31")

    func convertSamples(to name: String = "汇总.xlsx", jobs: Int = 2) async throws -> (String, Converter.Result) {
        let output = try ZipPart.temporaryPath(name)
        let files = InputFiles.expand([TestPaths.samples.path])
        let result = try await Converter().convert(
            files: files, to: output, title: "民生实事进展情况", asOf: Self.asOf, jobs: jobs)
        return (output, result)
    }

    @Test func writesTheFiveSheetsWithEveryItem() async throws {
        let (output, result) = try await convertSamples()
        let workbook = try Workbook(path: output)
        #expect(workbook.sheets.map(\.name) == ["总览", "进度汇总", "分县区", "校验结果", "说明", "_minsheng"])
        // The last sheet is a hidden marker: a folder of sources holding this output never takes it for one.
        #expect(workbook.sheets.map(\.state) == [.visible, .visible, .visible, .visible, .visible, .hidden])
        let summary = try workbook.sheet(named: "进度汇总")
        #expect(summary.cell("A1")?.string == "民生实事进展情况（截至 2023年10月31日）")
        #expect(summary.mergedRanges.map(\.description) == ["A1:L1"])
        #expect((0..<12).compactMap { summary.cell(at: CellReference(row: 1, column: $0))?.string } == [
            "序号", "类别", "项目", "指标", "单位", "年度目标", "完成数", "完成率", "序时进度", "状态", "责任单位", "来源",
        ])
        // Every item row of every sample, merged by project + indicator.
        #expect(result.items > 200)
        #expect(summary.cell(at: CellReference(row: result.items + 1, column: 0))?.number == Double(result.items))
        #expect(summary.cell(at: CellReference(row: result.items + 2, column: 0)) == nil)
        let findings = try workbook.sheet(named: "校验结果")
        #expect(findings.rows.count == result.report.findings.count + 2)
    }

    @Test func writesRatesAsFormulasWithTheirCachedValues() async throws {
        let (output, _) = try await convertSamples()
        var options = ReadOptions()
        options.keepFormulas = true
        let summary = try Workbook(path: output, options: options).sheet(named: "进度汇总")
        var checked = 0
        for row in summary.rows where row.index >= 2 {
            let cells = Dictionary(row.cells.map { ($0.reference.column, $0) }, uniquingKeysWith: { a, _ in a })
            guard let target = cells[5]?.number, let completed = cells[6]?.number, target != 0 else {
                #expect(cells[7]?.hasFormula != true, "row \(row.index + 1): a rate without a numeric target")
                continue
            }
            let rate = try #require(cells[7])
            #expect(rate.formula == "IFERROR(G\(row.index + 1)/F\(row.index + 1),\"\")")
            // libxlsxwriter writes numbers to 16 significant digits.
            let cached = try #require(rate.number)
            #expect(abs(cached - completed / target) <= 1e-15 * abs(completed / target), "row \(row.index + 1)")
            #expect(rate.format.kind == .percent(decimals: 1))
            checked += 1
        }
        #expect(checked > 50)
    }

    @Test func namesTheSourceFileAndCellOfEachItem() async throws {
        let (output, _) = try await convertSamples()
        let summary = try Workbook(path: output).sheet(named: "进度汇总")
        let sources = summary.rows.dropFirst(2).compactMap { $0.cells.first { $0.reference.column == 11 }?.string }
        #expect(sources.contains("000-镜湖区-进展情况.xlsx!E13"))
        #expect(sources.allSatisfy { $0.contains(".xlsx!") })
    }

    @Test func writesPerAreaFiguresWithSumsAndAChecks() async throws {
        let (output, _) = try await convertSamples()
        var options = ReadOptions()
        options.keepFormulas = true
        let areas = try Workbook(path: output, options: options).sheet(named: "分县区")
        let header = areas.rows.first { $0.index == 1 }?.cells.compactMap(\.string) ?? []
        #expect(header.starts(with: ["序号", "项目", "指标", "涡阳县"]))
        let checks = areas.cells.filter { $0.string == "一致" || $0.string == "不一致" }
        #expect(checks.count > 40)
        #expect(checks.allSatisfy { $0.string == "一致" }, "the seed breakdowns all add up")
        let sums = areas.cells.filter { $0.formula?.hasPrefix("SUM(") == true }
        #expect(!sums.isEmpty)
    }

    @Test func linksEachFindingToItsRow() async throws {
        let (output, result) = try await convertSamples()
        let path = output
        let xml = try ZipPart.text("xl/worksheets/sheet4.xml", in: path)
        #expect(xml.contains("location=\"'进度汇总'!A"))
        #expect(result.report.errorCount == 2)
    }

    @Test func givesWrappedProseATallerRow() async throws {
        let (output, result) = try await convertSamples()
        let xml = try ZipPart.text("xl/worksheets/sheet2.xml", in: output)
        // Every item row is as tall as its wrapped text: the narrow 来源 column takes two lines,
        // the prose targets of seed 001 more.
        let heights = xml.components(separatedBy: "<row r=\"").dropFirst().compactMap { row -> Double? in
            guard let range = row.range(of: #" ht="[0-9.]+""#, options: .regularExpression) else { return nil }
            return Double(row[range].dropFirst(5).dropLast())
        }
        #expect(heights.count == result.items + 2, "the title, the header and every item row")
        #expect(heights.filter { $0 > 40 }.count > 20)
        // A one-line row keeps the default height (分县区's short names).
        let areas = try ZipPart.text("xl/worksheets/sheet3.xml", in: output)
        #expect(areas.range(of: #"<row r="8" spans="[0-9:]+">"#, options: .regularExpression) != nil)
    }

    @Test func writesTheSameBytesTwiceWhateverTheJobs() async throws {
        let (first, _) = try await convertSamples(to: "a.xlsx", jobs: 1)
        let (second, _) = try await convertSamples(to: "b.xlsx", jobs: 5)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func refusesToWriteOverAnInput() async throws {
        let input = try ZipPart.temporaryPath("input.xlsx")
        try FileManager.default.copyItem(atPath: TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx").path, toPath: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        await #expect(throws: MinshengError.self) {
            _ = try await Converter().convert(files: [input], to: input, title: "t", asOf: nil)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    @Test func listsUnreadableInputsInTheNotes() async throws {
        let output = try ZipPart.temporaryPath("notes.xlsx")
        let files = [
            TestPaths.fixtures.appendingPathComponent("calamine/pass_protected.xlsx").path,
            TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx").path,
        ]
        let result = try await Converter().convert(files: files, to: output, title: "t", asOf: nil)
        #expect(result.report.unreadableCount == 1)
        let notes = try Workbook(path: output).sheet(named: "说明")
        #expect(notes.cells.contains { $0.string?.hasPrefix("无法读取：") == true })
        #expect(notes.cells.contains { $0.string?.contains("已读取：工作表 10月，17 项") == true })
    }

    @Test func isCheckedInLibreOfficeWhenThisIsCI() {
        if ProcessInfo.processInfo.environment["CI"] != nil {
            #expect(LibreOffice.isInstalled, "CI installs libreoffice-calc-nogui")
        }
    }

    @Test(.enabled(if: LibreOffice.isInstalled))
    func opensInLibreOfficeAsAPrintablePDF() async throws {
        let (output, _) = try await convertSamples()
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent()
        let pdf = try LibreOffice.convert(output, to: "pdf", in: folder)
        #expect(try LibreOffice.pageCount(ofPDF: pdf) >= 4)
    }

    @Test(.enabled(if: LibreOffice.isInstalled))
    func recalculatesInLibreOfficeToTheCachedValues() async throws {
        let (output, _) = try await convertSamples()
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent()
        let resaved = try LibreOffice.convert(output, to: "xlsx", in: folder)
        let ours = try Workbook(path: output).allSheets()
        let theirs = try Workbook(path: resaved).allSheets()
        var compared = 0
        for (a, b) in zip(ours, theirs) {
            for cell in a.cells where cell.hasFormula {
                let recalculated = b.cell(at: cell.reference)
                switch (cell.value, recalculated?.value) {
                case (.number(let x), .number(let y)?):
                    #expect(abs(x - y) <= 1e-12 * max(1, abs(x)), "\(a.name)!\(cell.reference.a1): \(x) vs \(y)")
                case (.string(let x), .string(let y)?):
                    #expect(x == y, "\(a.name)!\(cell.reference.a1)")
                case (.string(""), nil):
                    break
                default:
                    Issue.record("\(a.name)!\(cell.reference.a1): ours \(cell.value), LibreOffice \(String(describing: recalculated?.value))")
                }
                compared += 1
            }
        }
        #expect(compared > 100)
    }
}

extension ProgressWorkbookTests {
    /// 200 returns with long names name every item 200 times: the 来源 cell names the first and counts them all.
    @Test func namesTheFirstSourceAndCountsThemAll() async throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("minsheng-sources-\(UUID().uuidString)")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let sample = TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx").path
        let stem = String(repeating: "镜湖区民生实事进展情况报送表", count: 5)  // 210 bytes
        var files: [String] = []
        for index in 0..<200 {
            let path = folder.appendingPathComponent(String(format: "%03d", index) + stem + ".xlsx").path
            try manager.linkItem(atPath: sample, toPath: path)
            files.append(path)
        }
        let output = try ZipPart.temporaryPath("many-sources.xlsx")
        let result = try await Converter().convert(files: files, to: output, title: "t", asOf: nil)
        #expect(result.report.unreadableCount == 0)
        let summary = try Workbook(path: output).sheet(named: "进度汇总")
        // One source and how many in all: a narrow column, a row of one or two lines (说明 lists every file).
        let source = try #require(summary.cell("L3")?.string)
        #expect(source == "000\(stem).xlsx!E4 等 200 个")
        let notes = try Workbook(path: output).sheet(named: "说明")
        #expect(notes.cells.filter { $0.string?.hasPrefix("已读取：") == true }.count == 200)
    }
}

/// 总览 and what the inputs say when the command line does not.
extension ProgressWorkbookTests {
    func convertMonthly(title: String = ConvertRequest.defaultTitle, asOf: AsOfDate? = nil) async throws -> String {
        let output = try ZipPart.temporaryPath("monthly.xlsx")
        _ = try await Converter().convert(
            files: [TestPaths.samples.appendingPathComponent("monthly/亳州-1-9月.xlsx").path], to: output, title: title, asOf: asOf)
        return output
    }

    @Test func takesTheCityPeriodAndAsOfDateFromTheInputs() async throws {
        let output = try await convertMonthly()
        let workbook = try Workbook(path: output)
        let overview = try workbook.sheet(named: "总览")
        #expect(overview.cell("A1")?.string == "亳州市2023年1-9月民生实事进展情况")
        #expect(overview.cell("A2")?.string?.contains("截至 2023年9月30日（截至日期取自报表（2023年1-9月））") == true)
        // Statuses use that date: none is 推进中.
        let summary = try workbook.sheet(named: "进度汇总")
        #expect(summary.cell("A1")?.string == "亳州市2023年1-9月民生实事进展情况（截至 2023年9月30日）")
        let statuses = summary.cells.filter { $0.reference.column == ProgressSheet.columns.index(.status) && $0.reference.row >= 2 }
            .compactMap(\.string)
        #expect(statuses.count == 6 && !statuses.contains("推进中") && statuses.contains("正常"))
        let notes = try workbook.sheet(named: "说明")
        #expect(notes.cells.contains { $0.string?.contains("取自报表（2023年1-9月）的期末") == true })
        // The status counts are charted from 总览's own cells.
        let chart = try ZipPart.text("xl/charts/chart1.xml", in: output)
        #expect(chart.contains("<c:f>'总览'!$B$7:$B$12</c:f>"))
    }

    @Test func aGivenTitleAndDateWin() async throws {
        let output = try await convertMonthly(title: "九月进展", asOf: AsOfDate("2023-10-31"))
        let overview = try Workbook(path: output).sheet(named: "总览")
        #expect(overview.cell("A1")?.string == "九月进展")
        #expect(overview.cell("A2")?.string?.hasPrefix("截至 2023年10月31日　") == true)
    }

    @Test func listsErrorsFirstLinkedToTheirRows() async throws {
        let (output, result) = try await convertSamples()
        let overview = try Workbook(path: output).sheet(named: "总览")
        let levels = overview.cells.filter { $0.reference.column == 0 }.compactMap(\.string).filter { $0 == "错误" || $0 == "警告" }
        #expect(levels.count == 10)
        #expect(levels.prefix(result.report.errorCount).allSatisfy { $0 == "错误" })
        let xml = try ZipPart.text("xl/worksheets/sheet1.xml", in: output)
        #expect(xml.components(separatedBy: "<hyperlink ").count - 1 == 10)
    }
}
