import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// "✓ 未发现问题" means nothing was dropped, and a warning is something to act on. Fixtures in
/// `Tests/Fixtures/assurance/` are written by openpyxl and XlsxWriter (some re-saved by
/// LibreOffice) from `generate.py`; `manifest.json` says what each must give.
struct NoFalseAssuranceTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("assurance")
    static let plan = TestPaths.samples.appendingPathComponent("002-亳州-分解表-分列.xlsx").path

    nonisolated(unsafe) static let manifest: [String: [[String: Any]]] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: [[String: Any]]]
        else { return [:] }
        return object
    }()

    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var findings: [[String: String]]
        var description: String { file }
    }

    static let checkCases: [Case] = (manifest["check"] ?? []).map { entry in
        Case(
            file: entry["file"] as? String ?? "",
            findings: (entry["findings"] as? [[String: String]]) ?? [])
    }

    /// Code, severity and cell; a cell off the main sheet (`mainSheet`) as `sheet!cell`.
    static func place(_ f: Finding, mainSheet: String? = nil) -> String {
        let cell = f.cell ?? ""
        let named = mainSheet != nil && f.sheet != nil && f.sheet != mainSheet && !cell.isEmpty ? "\(f.sheet ?? "")!\(cell)" : cell
        return "\(f.code.rawValue) \(f.severity.rawValue) \(named)"
    }

    @Test func theManifestCoversBothWritersOfEveryCase() {
        #expect(Self.collectCases.count >= 8)
        #expect(Set(Self.collectCases.flatMap { $0.findings.compactMap { $0["code"] } }) == [
            "target-changed", "missing-item", "empty-return", "implausible-value",
        ])
        #expect(Self.checkCases.count >= 11)
        #expect(Self.checkCases.contains { $0.file.hasSuffix(".openpyxl.xlsx") })
        #expect(Self.checkCases.contains { $0.file.hasSuffix(".xlsxwriter.xlsx") })
        #expect(Self.checkCases.contains { $0.file.hasSuffix(".libreoffice.xlsx") })
    }

    @Test(arguments: checkCases)
    func checkFindsExactlyWhatIsWrong(_ testCase: Case) throws {
        let (result, findings) = try Checker().check(file: Self.folder.appendingPathComponent(testCase.file).path)
        #expect(result.status == .ok)
        #expect(result.items > 0)
        let want = Set(testCase.findings.map { "\($0["code"] ?? "") \($0["severity"] ?? "") \($0["cell"] ?? "")" })
        #expect(Set(findings.map { Self.place($0, mainSheet: result.sheet) }) == want, "\(testCase.file): \(findings.map(\.message))")
        for expected in testCase.findings {
            guard let words = expected["message_contains"] else { continue }
            #expect(findings.contains { $0.message.contains(words) }, "\(testCase.file): the message names \(words)")
        }
    }

    /// A table on a second sheet is checked too: before, only the sheet with the most items was,
    /// and a wrong rate on the other one got a ✓.
    @Test(arguments: ["openpyxl", "xlsxwriter"])
    func everySheetWithATableIsChecked(_ writer: String) throws {
        let checker = try Checker()
        let (clean, none) = checker.check(file: Self.folder.appendingPathComponent("two-sheets.\(writer).xlsx").path)
        #expect(none.isEmpty)
        #expect(clean.sheets == ["汇总", "附表"])
        #expect(clean.items == 5)
        let (result, findings) = checker.check(file: Self.folder.appendingPathComponent("two-sheets-wrong-annex.\(writer).xlsx").path)
        #expect(result.sheet == "汇总")
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.sheet == "附表")
        #expect(finding.cell == "E3")
        #expect(finding.code == .rateMismatch)
        var report = CheckReport()
        report.files = [result]
        report.findings = findings
        let text = TextReport.render(report)
        #expect(text.contains("工作表 汇总、附表，5 项"))
        #expect(text.contains("附表!E3"))
        // A named sheet is the only one read.
        let (named, _) = checker.check(
            file: Self.folder.appendingPathComponent("two-sheets-wrong-annex.\(writer).xlsx").path,
            recognition: RecognitionOptions(sheetName: "汇总"))
        #expect(named.sheets.isEmpty)
        #expect(named.items == 3)
    }

    /// A blank area cell is no share; before, a plan with 33000 against 32000 gave only warnings.
    @Test func aWrongTotalWithBlankAreasIsAnErrorNamingThem() throws {
        let path = Self.folder.appendingPathComponent("plan-blank-areas-wrong-total.xlsxwriter.xlsx").path
        let (_, findings) = try Checker().check(file: path)
        let finding = try #require(findings.first)
        #expect(finding.code == .totalMismatch)
        #expect(finding.expected == 32000)
        #expect(finding.actual == 33000)
        #expect(finding.message.contains("亳州高新区、市本级为空，按无任务计"))
        #expect(findings.allSatisfy { $0.code != .breakdownIncomplete })
    }

    // MARK: - No finding on a correct table

    /// The workbooks that are correct: the Samples without the seeds' own errors, the fixtures
    /// expected to be clean, and every workbook our own commands write.
    @Test func noFindingOnAnyCorrectWorkbookNorOnOurOwnOutputs() async throws {
        let engine = try Engine.standard()
        var paths = ["001-庐阳区-分解表.xlsx", "002-亳州-分县区进度.xlsx", "002-亳州-分解表-分列.xlsx", "002-亳州-分解表-文字.xlsx", "004-临沂-推进情况.xlsx"]
            .map { TestPaths.samples.appendingPathComponent($0).path }
        paths += Self.checkCases.filter(\.findings.isEmpty).map { Self.folder.appendingPathComponent($0.file).path }
        paths += ["涡阳县-自制表.openpyxl.xlsx", "涡阳县-自制表.xlsxwriter.xlsx"].map {
            Self.folder.appendingPathComponent("returns").appendingPathComponent($0).path
        }
        // The other fixture sets' correct workbooks: tables with the areas in rows, both months of
        // a clean series, a summary and its areas' returns.
        let fixtures = TestPaths.fixtures
        paths += ["openpyxl-correct.xlsx", "xlsxwriter-correct.xlsx", "xlsxwriter-two-columns.xlsx"].map {
            fixtures.appendingPathComponent("transposed/\($0)").path
        }
        paths += ["openpyxl-1-8月.xlsx", "openpyxl-1-9月.xlsx", "xlsxwriter-1-8月.xlsx", "xlsxwriter-1-9月.xlsx"].map {
            fixtures.appendingPathComponent("monthly/\($0)").path
        }
        for writer in ["openpyxl", "xlsxwriter"] {
            paths += ["汇总表.xlsx", "clean/利辛县.xlsx", "clean/涡阳县.xlsx", "clean/蒙城县进展.xlsx"].map {
                fixtures.appendingPathComponent("reconcile/\(writer)/\($0)").path
            }
        }
        let out = try ZipPart.temporaryPath("outputs")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let samples = InputFiles.list([TestPaths.samples.path]).inputs
        _ = try await engine.convert(ConvertRequest(inputs: samples, output: .file(out + "/convert.xlsx", overwrite: true)))
        _ = try await engine.convert(
            ConvertRequest(inputs: samples, output: .file(out + "/convert-asof.xlsx", overwrite: true), asOf: AsOfDate("2023-10-31")))
        let returns = InputFiles.list([TestPaths.samples.appendingPathComponent("returns").path]).inputs
        _ = try await engine.collect(CollectRequest(plan: .path(Self.plan), returns: returns, output: .file(out + "/collect.xlsx", overwrite: true)))
        let templates = try await engine.split(SplitRequest(plan: .path(Self.plan), output: .folder(out + "/templates", overwrite: true)))
        paths += [out + "/convert.xlsx", out + "/convert-asof.xlsx", out + "/collect.xlsx"]
        paths += templates.templates.compactMap(\.output.path)
        #expect(paths.count >= 35)
        let report = await engine.check(CheckRequest(inputs: paths.map(InputSource.path)))
        #expect(report.files.allSatisfy { $0.status == .ok }, "\(report.files.filter { $0.status != .ok })")
        #expect(report.findings.isEmpty, "\(report.findings.map { "\(($0.file as NSString).lastPathComponent) \($0.cell ?? "") \($0.code.rawValue) \($0.message)" })")
    }

    // MARK: - convert: conflicting figures and periods of one series

    @Test(arguments: ["openpyxl", "xlsxwriter"])
    func twoFilesWithDifferentFiguresForOneItemAreAConflict(writer: String) async throws {
        let inputs = ["conflict-a", "conflict-b"].map { InputSource.path(Self.folder.appendingPathComponent("\($0).\(writer).xlsx").path) }
        let result = try await Engine.standard().convert(ConvertRequest(inputs: inputs, output: .memory))
        let conflict = try #require(result.report.findings.first { $0.code == .conflictingValues })
        #expect(conflict.severity == .error)
        #expect(conflict.file.hasSuffix("conflict-b.\(writer).xlsx"))
        #expect(conflict.cell == "E3")
        #expect(conflict.message.contains("conflict-a.\(writer).xlsx!E3"), "the message names the other cell")
        #expect(conflict.expected == 24118)
        #expect(conflict.actual == 25118)
        #expect(result.report.exitStatus == 1)
        #expect(result.accounting.filled == 2)
        #expect(result.accounting.merged == 1)
        #expect(result.accounting.named == 1, "the second file's row is named by its conflict")
    }

    /// convert takes every sheet's table, as check checks them: the second sheet's items are in
    /// the workbook, their sources naming the sheet.
    @Test(arguments: ["openpyxl", "xlsxwriter"])
    func convertTakesTheItemsOfEverySheet(writer: String) async throws {
        let input = InputSource.path(Self.folder.appendingPathComponent("two-sheets-wrong-annex.\(writer).xlsx").path)
        let result = try await Engine.standard().convert(ConvertRequest(inputs: [input], output: .memory))
        #expect(result.items == 5)
        #expect(result.accounting.filled == 5)
        #expect(result.accounting.isComplete)
        #expect(result.report.findings.map { "\($0.sheet ?? "") \($0.cell ?? "") \($0.code.rawValue)" } == ["附表 E3 rate-mismatch"])
        let bytes = try #require(result.written.bytes)
        let summary = try InputWorkbook.open(.bytes(bytes, name: "out.xlsx")).sheet(named: "进度汇总")
        var texts: [String] = []
        summary.forEachCell { if case .string(let text) = $0.value { texts.append(text) } }
        #expect(texts.contains("康复训练救助"))
        #expect(texts.contains { $0.hasSuffix("two-sheets-wrong-annex.\(writer).xlsx 附表!C3") })
    }

    /// A table with one row per area becomes one item per indicator with its areas' figures:
    /// before, each area row was the same item again, a conflicting-values error per figure.
    @Test(arguments: ["openpyxl", "xlsxwriter"])
    func convertFoldsAreaRowsIntoTheirItem(writer: String) async throws {
        let input = InputSource.path(Self.folder.appendingPathComponent("area-rows.\(writer).xlsx").path)
        let result = try await Engine.standard().convert(ConvertRequest(inputs: [input], output: .memory))
        #expect(result.report.findings.isEmpty, "\(result.report.findings.map(\.message))")
        #expect(result.items == 2)
        let bytes = try #require(result.written.bytes)
        let book = try InputWorkbook.open(.bytes(bytes, name: "out.xlsx"))
        let summary = try book.sheet(named: "进度汇总")
        #expect(summary.cell("F3")?.number == 33000)
        #expect(summary.cell("G3")?.number == 29500)
        let areas = try book.sheet(named: "分县区")
        var header: [String] = []
        areas.forEachCell { if $0.reference.row == 1, let text = $0.string { header.append(text) } }
        #expect(Array(header.prefix(4)) == ["序号", "项目", "指标", "涡阳县"])
        #expect(areas.cell("D4")?.number == 8300)
        #expect(areas.cell("E4")?.number == 7000)
    }

    @Test func convertingTheSamplesAccountsForEveryItemRow() async throws {
        let engine = try Engine.standard()
        let inputs = InputFiles.list([TestPaths.samples.path]).inputs
        let rows = try inputs.reduce(0) { $0 + (try TableFinder(vocabulary: engine.vocabulary).find(in: $1).items.count) }
        let result = try await engine.convert(ConvertRequest(inputs: inputs, output: .memory))
        #expect(result.accounting.filled == rows, "every item row of every input is read")
        #expect(result.accounting.isComplete)
        #expect(result.accounting.merged == rows, "the samples agree: nothing is in conflict")
    }

    @Test(arguments: ["openpyxl", "xlsxwriter"])
    func periodsOfOneSeriesTakeTheLatest(writer: String) async throws {
        // Given latest first, too: the order of the files must not decide.
        for names in [["series-1-8", "series-1-9"], ["series-1-9", "series-1-8"]] {
            let inputs = names.map { InputSource.path(Self.folder.appendingPathComponent("\($0).\(writer).xlsx").path) }
            let result = try await Engine.standard().convert(ConvertRequest(inputs: inputs, output: .memory))
            #expect(result.report.findings.isEmpty)
            let bytes = try #require(result.written.bytes)
            let book = try InputWorkbook.open(.bytes(bytes, name: "out.xlsx"))
            let summary = try book.sheet(named: "进度汇总")
            #expect(summary.cell("G3")?.number == 28150, "the 1-9月 completion, whichever file came first")
            #expect(summary.cell("A1")?.string?.contains("1-9月") == true, "the heading names the latest period: \(summary.cell("A1")?.string ?? "")")
            if names.first == "series-1-8" {
                #expect(result.notes.count == 1)
                #expect(result.notes.first?.contains("采用最新一期 2023年1-9月") == true)
            }
        }
    }

    @Test func periodsAreReadFromTitlesSheetsAndFileNames() {
        #expect(ReportPeriod.find(in: "亳州市2023年1-9月民生实事进展情况")?.month == 9)
        #expect(ReportPeriod.find(in: "1—8月")?.month == 8)
        #expect(ReportPeriod.find(in: "截至2023年10月31日")?.day == 31)
        #expect(ReportPeriod.find(in: "2023年10月") == ReportPeriod(year: 2023, month: 10, text: ""))
        #expect(ReportPeriod.find(in: "上半年")?.month == 6)
        #expect(ReportPeriod.find(in: "第三季度")?.month == 9)
        #expect(ReportPeriod.find(in: "民生实事进展情况") == nil)
        let earlier = ReportPeriod.find(in: "2023年1-8月")
        let later = ReportPeriod.find(in: "2023年1-9月")
        #expect(earlier != nil && later != nil && earlier! < later!)
    }

    // MARK: - collect: every filled row merged or named

    struct CollectCase: Sendable, CustomStringConvertible {
        var file: String
        var area: String
        var merged: Int
        var findings: [[String: String]]
        var description: String { file }
    }

    static let collectCases: [CollectCase] = (manifest["collect"] ?? []).map { entry in
        CollectCase(
            file: entry["file"] as? String ?? "", area: entry["area"] as? String ?? "", merged: entry["merged"] as? Int ?? -1,
            findings: (entry["findings"] as? [[String: String]]) ?? [])
    }

    @Test(arguments: collectCases)
    func everyFilledRowOfAReturnIsMergedOrNamed(_ testCase: CollectCase) async throws {
        let source = InputSource.path(Self.folder.appendingPathComponent(testCase.file).path)
        let result = try await Engine.standard().collect(
            CollectRequest(plan: .path(Self.plan), returns: [source], output: .memory))
        #expect(result.used[testCase.area] == source.name)
        #expect(result.accounting.filled == testCase.merged)
        #expect(result.accounting.merged == testCase.merged, "every filled row is merged")
        #expect(result.accounting.isComplete)
        let own = result.report.findings.filter { $0.file == source.name }
        #expect(!own.contains { $0.code == .unknownItem })
        let want = Set(testCase.findings.map { "\($0["code"] ?? "") \($0["severity"] ?? "") \($0["cell"] ?? "")" })
        #expect(Set(own.map { Self.place($0) }) == want)
    }

    @Test func collectingTheSampleReturnsAccountsForEveryFilledRow() async throws {
        let returns = InputFiles.list([TestPaths.samples.appendingPathComponent("returns").path]).inputs
        let result = try await Engine.standard().collect(CollectRequest(plan: .path(Self.plan), returns: returns, output: .memory))
        #expect(result.accounting.filled > 100)
        #expect(result.accounting.isComplete, "\(result.accounting)")
        #expect(result.accounting.named > 0, "another plan's return, an unknown area, a draft and an inserted row are named")
    }

    @Test func ourOwnOutputInTheReturnsFolderIsNeverTakenForAReturn() async throws {
        let folder = try ZipPart.temporaryPath("returns")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["涡阳县-自制表.xlsxwriter.xlsx"] {
            try FileManager.default.copyItem(
                atPath: Self.folder.appendingPathComponent("returns/\(name)").path, toPath: folder + "/涡阳县.xlsx")
        }
        let engine = try Engine.standard()
        let first = try await engine.collect(
            CollectRequest(plan: .path(Self.plan), returns: InputFiles.list([folder]).inputs, output: .file(folder + "/涡阳县汇总.xlsx", overwrite: false)))
        #expect(first.used["涡阳县"] == folder + "/涡阳县.xlsx")
        let second = try await engine.collect(
            CollectRequest(plan: .path(Self.plan), returns: InputFiles.list([folder]).inputs, output: .memory))
        #expect(second.used["涡阳县"] == folder + "/涡阳县.xlsx", "the output named after the area is not its return")
        let skipped = try #require(second.report.files.first { $0.path.hasSuffix("涡阳县汇总.xlsx") })
        #expect(skipped.status == .skipped)
        #expect(skipped.error?.contains("minsheng 生成") == true)
        #expect(!second.report.findings.contains { $0.code == .duplicateSubmission })
        #expect(second.accounting == first.accounting)
    }

    @Test func anUnreadableReturnIsItsAreasSubmissionNotAlsoMissing() async throws {
        let folder = try ZipPart.temporaryPath("returns")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
            .write(to: URL(fileURLWithPath: folder + "/蒙城县.xls"))
        let result = try await Engine.standard().collect(
            CollectRequest(plan: .path(Self.plan), returns: InputFiles.list([folder]).inputs, output: .memory))
        #expect(result.report.files.contains { $0.path.hasSuffix("蒙城县.xls") && $0.status == .unreadable })
        #expect(!result.report.findings.contains { $0.code == .missingSubmission && $0.area == "蒙城县" })
        #expect(result.report.findings.contains { $0.code == .missingSubmission && $0.area == "涡阳县" })
        #expect(result.report.exitStatus == 2)
    }

    @Test func convertSkipsOurOwnOutputAmongItsSources() async throws {
        let folder = try ZipPart.temporaryPath("sources")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx").path, toPath: folder + "/镜湖区.xlsx")
        let engine = try Engine.standard()
        let first = try await engine.convert(
            ConvertRequest(inputs: InputFiles.list([folder]).inputs, output: .file(folder + "/汇总.xlsx", overwrite: false)))
        let second = try await engine.convert(ConvertRequest(inputs: InputFiles.list([folder]).inputs, output: .memory))
        #expect(second.items == first.items)
        #expect(second.report.readCount == 1)
        #expect(second.report.skippedCount == 1)
        #expect(second.summaryLine.hasPrefix("已汇总 1/2 个文件（跳过 1 个）"))
    }

    @Test func aListedSheetWhoseContentIsMissingIsNamedNotPassedOver() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>年度目标</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>就业</t></is></c><c r=\"B2\"><v>100</v></c></row>"
        let book = ZipBuilder.workbook(
            sheetData: rows,
            extra: [
                "xl/workbook.xml": """
                    <?xml version="1.0"?><workbook xmlns="\(main)" xmlns:r="\(rel)"><sheets>\
                    <sheet name="进度" sheetId="1" r:id="rId1"/><sheet name="第二季度" sheetId="2" r:id="rId9"/></sheets></workbook>
                    """,
                "xl/_rels/workbook.xml.rels": """
                    <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId9" Type="\(rel)/worksheet" Target="worksheets/sheet9.xml"/></Relationships>
                    """,
            ]
        ).build()
        let (result, findings) = try Checker().check(source: .bytes(book, name: "缺表.xlsx"))
        #expect(result.status == .ok)
        #expect(result.sheet == "进度")
        assertFindings(findings, ["incomplete-workbook warning "])
        #expect(findings.first?.message.contains("第二季度") == true)
    }
}
