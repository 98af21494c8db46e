import Foundation
import TestSupport
import Testing

/// The standardized workbook as a person gets it: printed to A4 PDF by LibreOffice and read back
/// as text boxes (`pdftotext -bbox`). Three workbooks — `convert` of the Samples, `collect` of the
/// returns, `convert --previous` (two more columns) — are made once and converted in one run.
struct PrintedWorkbookTests {
    /// The printed pages of one workbook, each named after the sheet it shows.
    struct Printed: Sendable {
        var name: String
        var workbook: String
        var pages: [(sheet: String, page: PDFText.Page)]

        func pages(of sheet: String) -> [PDFText.Page] { pages.filter { $0.sheet == sheet }.map(\.page) }
    }

    static let sheets = ["总览", "进度汇总", "分县区", "校验结果", "说明"]

    static let printed: Result<[Printed], any Error> = Result {
        let folder = URL(fileURLWithPath: try ZipPart.temporaryPath("printed"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let runs: [(String, [String])] = [
            ("samples", ["convert", "Samples", "--as-of", "2023-10-31"]),
            ("collect", ["collect", "--plan", "Samples/002-亳州-分解表-分列.xlsx", "Samples/returns"]),
            ("monthly", ["convert", "Samples/monthly/亳州-1-9月.xlsx", "--previous", "Samples/monthly/亳州-1-8月.xlsx"]),
        ]
        var workbooks: [String] = []
        for (name, arguments) in runs {
            let path = folder.appendingPathComponent(name + ".xlsx").path
            let result = try CommandRunner.run(arguments + ["-o", path])
            guard result.status <= 1 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
            workbooks.append(path)
        }
        let pdfs = try LibreOffice.convert(workbooks, to: "pdf", in: folder)
        return try zip(runs, zip(workbooks, pdfs)).map { run, files in
            Printed(name: run.0, workbook: files.0, pages: sheetPages(try PDFText(pdf: files.1).pages))
        }
    }

    /// Names each page after its sheet: 总览 is the first page; then 进度汇总 until a title naming
    /// 分县区, then 校验结果 and 说明 (titles repeated on every page but 说明's).
    static func sheetPages(_ pages: [PDFText.Page]) -> [(sheet: String, page: PDFText.Page)] {
        var sheet = "总览"
        return pages.enumerated().map { index, page in
            let first = page.words.first?.text ?? ""
            if index == 1 { sheet = "进度汇总" }
            if page.words.prefix(8).map(\.text).joined().contains("分县区") { sheet = "分县区" }
            if first == "校验结果" { sheet = "校验结果" }
            if first == "说明" { sheet = "说明" }
            return (sheet, page)
        }
    }

    static var canRender: Bool { LibreOffice.isInstalled && PDFText.isInstalled }

    @Test(.enabled(if: canRender))
    func printsEveryTextAtNinePointsOrMore() throws {
        for printed in try Self.printed.get() {
            var report: [String] = []
            for sheet in Self.sheets {
                let pages = printed.pages(of: sheet)
                #expect(!pages.isEmpty, "\(printed.name): no page of \(sheet)")
                let smallest = pages.map(\.smallestFontSize).min() ?? .infinity
                report.append("\(sheet) \(pages.count) 页 最小 \(String(format: "%.1f", smallest)) pt")
                for (number, page) in pages.enumerated() {
                    for word in page.words where page.fontSize(word) < 8.95 {
                        Issue.record("\(printed.name) \(sheet) page \(number + 1): “\(word.text)” at \(page.fontSize(word)) pt")
                    }
                }
            }
            print("[print] \(printed.name): " + report.joined(separator: "；"))
        }
    }

    @Test(.enabled(if: canRender))
    func noTextIsDrawnOverAnother() throws {
        for printed in try Self.printed.get() {
            for (sheet, page) in printed.pages {
                for (a, b) in page.overlappingWords.prefix(3) {
                    Issue.record("\(printed.name) \(sheet): “\(a.text)” overlaps “\(b.text)” at y \(a.yMin)…\(a.yMax) / \(b.yMin)…\(b.yMax)")
                }
            }
        }
    }

    @Test(.enabled(if: canRender))
    func everyHeaderIsPrintedWhole() throws {
        let printed = try Self.printed.get()
        let overview = try Self.overviewWords()
        let headers: [String: [String]] = [
            "总览": overview,
            "进度汇总": ["序号", "类别", "项目", "指标", "单位", "年度目标", "完成数", "完成率", "序时进度", "状态", "责任单位", "来源"],
            // The 合计 headers break after 目标 / 完成 / 全市目标; each prints whole in its cell.
            "分县区": ["序号", "项目", "指标", "目标", "完成", "完成率", "目标（各县区之和）", "完成（各县区之和）", "全市目标（报送）", "核对"],
            "校验结果": ["序号", "级别", "代码", "文件", "工作表", "单元格", "项目", "县区", "应为", "实为", "说明", "定位"],
        ]
        for workbook in printed where workbook.name != "monthly" {
            for (sheet, words) in headers {
                let pages = workbook.pages(of: sheet)
                let missing = words.filter { word in !pages.contains { $0.contains(word) } }
                #expect(missing.isEmpty, "\(workbook.name) \(sheet): not printed whole: \(missing.joined(separator: "、"))")
            }
        }
        let monthly = try #require(printed.first { $0.name == "monthly" })
        let progress = monthly.pages(of: "进度汇总").map(\.joined).joined()
        let missing = ["上期累计", "本期新增", "完成率", "序时进度", "状态", "责任单位", "来源"].filter { !progress.contains($0) }
        #expect(missing.isEmpty, "monthly 进度汇总: not printed whole: \(missing.joined(separator: "、"))")
    }

    @Test(.enabled(if: canRender))
    func theOverviewIsOnePageWithTheCityAndPeriod() throws {
        for printed in try Self.printed.get() {
            let overview = printed.pages(of: "总览")
            #expect(overview.count == 1, "\(printed.name): 总览 on \(overview.count) pages")
            let text = overview.first?.joined ?? ""
            #expect(text.contains("一、完成情况") && text.contains("三、主要问题"), "\(printed.name)")
            // The last section ends on the page: the next page is 进度汇总.
            #expect(printed.pages.dropFirst().first?.sheet == "进度汇总")
        }
        let collect = try #require(try Self.printed.get().first { $0.name == "collect" })
        let text = collect.pages(of: "总览").first?.joined ?? ""
        #expect(text.contains("亳州市2023年1-9月民生实事进展情况"))
        #expect(text.contains("截至日期取自报表（2023年1-9月）"))
        #expect(text.contains("二、县区报送情况与排名"))
        #expect(text.contains("未报送"), "亳州高新区 sent nothing")
    }

    @Test(.enabled(if: canRender))
    func twentyFiveItemsPrintOnTwoPages() throws {
        let collect = try #require(try Self.printed.get().first { $0.name == "collect" })
        #expect(collect.pages(of: "进度汇总").count <= 2)
    }

    /// The 总览 headers and headings from `Templates/workbook.json`.
    static func overviewWords() throws -> [String] {
        let data = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Templates/workbook.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let overview = try #require(json["overview"] as? [String: Any])
        let lists = ["statusHeaders", "findingHeaders"].compactMap { overview[$0] as? [String] }.flatMap { $0 }
        // The status words, counted on 总览 in this order.
        let statuses = try #require(json["statuses"] as? [String: String])
        let counted = ["exceeded", "completed", "onSchedule", "behind", "notStarted", "inProgress"].compactMap { statuses[$0] }
        return lists + counted + [overview["statusHeading"] as? String ?? "一、完成情况"]
    }

    @Test func collectWritesTheSameBytesTwice() throws {
        var outputs: [Data] = []
        for name in ["a", "b"] {
            let path = try ZipPart.temporaryPath("\(name).xlsx")
            let result = try CommandRunner.run(["collect", "--plan", "Samples/002-亳州-分解表-分列.xlsx", "Samples/returns", "-o", path])
            #expect(result.status <= 1, "\(result.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(outputs[0] == outputs[1])
    }
}
