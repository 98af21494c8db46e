import Foundation
@testable import Minsheng
import TestSupport
import Testing
import XLSXReader

/// split → returns filled by openpyxl (one re-saved by LibreOffice, one with rows inserted and
/// reversed, one with a target typed over, one area missing, one in the county's own layout,
/// one from another plan; `Samples/returns/`, made by `Samples/generate/returns.py`) → collect.
struct RoundTripTests {
    static let plan = TestPaths.samples.appendingPathComponent("002-亳州-分解表-分列.xlsx").path
    static let returns = TestPaths.samples.appendingPathComponent("returns")

    nonisolated(unsafe) static let expected: [String: Any] = {
        guard let data = try? Data(contentsOf: returns.appendingPathComponent("expected.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }()

    @Test func splitWritesEachAreasOwnTargetsLockedWithMetadata() async throws {
        let folder = try ZipPart.temporaryPath("templates")
        let written = try await Engine.standard().split(
            SplitRequest(plan: .path(Self.plan), output: .folder(folder, overwrite: false), period: "1-9月")).templates
        #expect(written.map(\.area) == ["涡阳县", "蒙城县", "利辛县", "谯城区", "亳州高新区", "市本级"])
        #expect(written.map(\.items) == [24, 25, 24, 24, 5, 2])
        let path = try #require(written.first?.output.path)
        #expect((path as NSString).lastPathComponent == "涡阳县.xlsx")
        var options = ReadOptions()
        options.keepFormulas = true
        let workbook = try Workbook(path: path, options: options)
        #expect(workbook.sheets.map(\.name) == ["填报表", "填报说明", "_minsheng"])
        #expect(workbook.sheets.map(\.state) == [.visible, .visible, .hidden])
        let form = try workbook.sheet(named: "填报表")
        #expect(form.cell("A1")?.string == "涡阳县民生实事进展情况（1-9月）")
        #expect(form.cell("C4")?.string == "城镇新增就业")
        #expect(form.cell("E4")?.number == 8300)
        #expect(form.cell("E6")?.number == 550)
        #expect(form.cell("G4")?.formula == "IF(F4=\"\",\"\",IFERROR(F4/E4,\"\"))")
        #expect(form.cell("G4")?.string == "", "完成率 is blank until 完成数 is filled in")
        #expect(form.cell("I4")?.string?.hasPrefix("k") == true)
        let sheetXML = try ZipPart.text("xl/worksheets/sheet1.xml", in: path)
        // Exactly what 填报说明 promises: rows inserted, rows and columns resized; sorting after
        // unprotecting (Excel sorts no locked cell of a protected sheet).
        #expect(sheetXML.contains(#"<sheetProtection"#) && sheetXML.contains(#"insertRows="0""#) && sheetXML.contains(#"formatRows="0""#))
        #expect(!sheetXML.contains(#"sort="0""#))
        #expect(sheetXML.contains(#"<dataValidation type="date""#), "填报日期 takes a date")
        #expect(sheetXML.contains(#"<dataValidation type="decimal" operator="greaterThanOrEqual""#))
        #expect(sheetXML.contains(#"hidden="1""#), "the key column is hidden")
        #expect(try ZipPart.text("xl/styles.xml", in: path).contains(#"<protection locked="0"/>"#))
        #expect(try ZipPart.text("docProps/custom.xml", in: path).contains("minsheng.plan"))
        let meta = try workbook.sheet(named: "_minsheng")
        #expect(meta.cell("A1")?.string == "minsheng-template")
        #expect(meta.cell("B3")?.string == "涡阳县")
    }

    @Test func splitRefusesToOverwriteAndUnknownAreas() async throws {
        let folder = try ZipPart.temporaryPath("templates")
        let engine = try Engine.standard()
        let once = SplitRequest(plan: .path(Self.plan), output: .folder(folder, overwrite: false), areas: ["涡阳县"])
        _ = try await engine.split(once)
        await #expect(throws: MinshengError.self) { _ = try await engine.split(once) }
        let unknown = SplitRequest(plan: .path(Self.plan), output: .folder(folder, overwrite: true), areas: ["黄山区"])
        await #expect(throws: MinshengError.self) { _ = try await engine.split(unknown) }
    }

    @Test func theReturnsWereMadeFromTheCurrentPlan() async throws {
        // The plan id is a hash of the plan's content: it must not change between versions.
        let plan = try Splitter().readPlan(Self.plan)
        let template = try #require(try ReturnReader.readTemplate(Self.returns.appendingPathComponent("涡阳县.xlsx").path))
        #expect(template.planID == plan.id)
    }

    @Test func metadataSurvivesALibreOfficeResave() async throws {
        let path = Self.returns.appendingPathComponent("蒙城县.xlsx").path
        let app = try ZipPart.text("docProps/app.xml", in: path)
        #expect(app.contains("LibreOffice"), "the fixture really was re-saved by LibreOffice")
        #expect(try ZipPart.text("xl/workbook.xml", in: path).contains(#"name="_minsheng" sheetId="3" state="hidden""#))
        #expect(try ZipPart.text("xl/workbook.xml", in: path).contains(#"name="minsheng_plan""#))
        #expect(try ZipPart.text("docProps/custom.xml", in: path).contains(#"name="minsheng.area""#))
        let template = try #require(try ReturnReader.readTemplate(path))
        #expect(template.area == "蒙城县")
        #expect(template.lines.filter { $0.key != nil }.count == 25)
    }

    @Test func collectPutsEveryTypedCompletionInItsCell() async throws {
        let output = try ZipPart.temporaryPath("汇总.xlsx")
        let files = InputFiles.expand([Self.returns.path])
        let result = try await Collector().collect(plan: Self.plan, returns: files, to: output, title: "民生实事进展情况", asOf: nil)
        let areasSheet = try Workbook(path: output).sheet(named: "分县区")
        var areaColumn: [String: Int] = [:]
        for cell in areasSheet.rows.first(where: { $0.index == 1 })?.cells ?? [] {
            if let name = cell.string { areaColumn[name] = cell.reference.column }
        }
        var rowOfKey: [String: Int] = [:]
        for row in areasSheet.rows where row.index >= 3 {
            let project = row.cells.first { $0.reference.column == 1 }?.string ?? ""
            let indicator = row.cells.first { $0.reference.column == 2 }?.string ?? ""
            let key = "k" + PlanIdentity.hash(HeaderText.normalize(project) + "|" + HeaderText.normalize(indicator)).prefix(12)
            rowOfKey[key] = row.index
        }
        let areas = try #require(Self.expected["areas"] as? [String: [String: Any]])
        var arrived = 0
        for (area, info) in areas {
            let typed = try #require(info["completed"] as? [String: Int])
            #expect(result.used[area].map { ($0 as NSString).lastPathComponent } == info["file"] as? String)
            let column = try #require(areaColumn[area], "no column for \(area)") + 1
            for (key, value) in typed {
                let row = try #require(rowOfKey[key], "\(area): no row for \(key)")
                let cell = areasSheet.cell(at: CellReference(row: row, column: column))
                #expect(cell?.number == Double(value), "\(area) \(key): \(String(describing: cell?.value)) ≠ \(value)")
                arrived += 1
            }
        }
        #expect(arrived > 90)
        // 亳州高新区 sent nothing: its completion cells are empty.
        let missing = try #require(areaColumn["亳州高新区"]) + 1
        #expect(areasSheet.cells.filter { $0.reference.column == missing && $0.reference.row >= 3 }.isEmpty)
    }

    @Test func collectReportsExactlyTheExpectedFindings() async throws {
        let output = try ZipPart.temporaryPath("汇总.xlsx")
        let files = InputFiles.expand([Self.returns.path])
        let result = try await Collector().collect(plan: Self.plan, returns: files, to: output, title: "t", asOf: nil)
        let findings = result.report.findings
        let want = try #require(Self.expected["findings"] as? [[String: Any]])
        #expect(findings.count == want.count, "\(findings.map { "\($0.code.rawValue) \($0.file) \($0.cell ?? "")" })")
        for w in want {
            let match = findings.first { f in
                f.code.rawValue == w["code"] as? String && f.severity.rawValue == w["severity"] as? String
                    && ((w["file"] as? String).map { (f.file as NSString).lastPathComponent == $0 } ?? true)
                    && ((w["cell"] as? String).map { f.cell == $0 } ?? true)
                    && ((w["area"] as? String).map { f.area == $0 } ?? true)
                    && ((w["expected"] as? Double).map { f.expected == $0 } ?? true)
                    && ((w["actual"] as? Double).map { f.actual == $0 } ?? true)
            }
            #expect(match != nil, "expected \(w)")
        }
        #expect(result.report.exitStatus == 1)
    }
}
