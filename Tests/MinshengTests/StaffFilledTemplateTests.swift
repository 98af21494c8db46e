import Foundation
@testable import Minsheng
import TestSupport
import Testing
import XLSXReader

/// Templates filled the way staff fill them (`Tests/Fixtures/staff`, made by
/// `Samples/generate/staff.py`): a note row inserted, the rows sorted by 完成数, 填报人 /
/// 联系电话 / 审核人 / 填报日期 filled in below — by openpyxl, by openpyxl then re-saved by
/// LibreOffice, and (`Samples/generate/staff_libreoffice.py`, through UNO) edited in LibreOffice
/// itself. `collect` merges every figure and takes nothing from the 填报人 block.
struct StaffFilledTemplateTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("staff")
    static let plan = TestPaths.samples.appendingPathComponent("002-亳州-分解表-分列.xlsx").path

    struct Expected: Decodable {
        struct Area: Decodable {
            var file: String
            var completed: [String: Double]
            var preparer: String
        }
        var areas: [String: Area]
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
    }

    @Test func theReaderReadsEveryTypedFigureAndSkipsTheSignatureBlock() throws {
        for (area, want) in try Self.expected().areas {
            let path = Self.folder.appendingPathComponent(want.file).path
            let read = try #require(try ReturnReader.readTemplate(path))
            #expect(read.area == area)
            let byKey = Dictionary(read.lines.compactMap { line in line.key.map { ($0, line) } }, uniquingKeysWith: { a, _ in a })
            #expect(Set(byKey.keys) == Set(want.completed.keys), "\(want.file): every item row, nothing else keyed")
            for (key, value) in want.completed { #expect(byKey[key]?.completed?.number == value, "\(want.file) \(key)") }
            // Neither 填报人 nor 填报日期 becomes a line; the inserted note row has nothing to read.
            #expect(read.lines.count == want.completed.count, "\(want.file): \(read.lines.map { $0.project ?? "-" })")
            #expect(!read.lines.contains { $0.project?.hasPrefix("填报人") == true || $0.project?.hasPrefix("审核人") == true })
            // The figures were sorted: the rows are no longer in plan order, and the block kept its text.
            let form = try Workbook(path: path).sheet(named: "填报表")
            #expect(form.cells.contains { $0.string == want.preparer })
            #expect(form.cells.contains { $0.string?.hasPrefix("以下各项为县里统计口径") == true })
        }
    }

    /// The fixture edited in LibreOffice itself is what Calc makes of the staff edit: written by
    /// LibreOffice, protected again, the note row among the items, the rows out of plan order, the
    /// 填报日期 a date, and the reader takes exactly the typed figures from it.
    @Test func theTemplateEditedInLibreOfficeItselfReadsAsTyped() throws {
        let (area, want) = try #require(try Self.expected().areas.first { $0.value.file.hasSuffix("-libreoffice-edited.xlsx") })
        let path = Self.folder.appendingPathComponent(want.file).path
        #expect(try ZipPart.text("docProps/app.xml", in: path).contains("LibreOffice"))
        let form = try Workbook(path: path).sheet(named: "填报表")
        let sheetXML = try ZipPart.text("xl/worksheets/sheet1.xml", in: path)
        #expect(sheetXML.contains("<sheetProtection"), "protected again after the edit")
        let keyColumn = 8
        let keyed = form.cells.filter { $0.reference.column == keyColumn && $0.string?.hasPrefix("k") == true }.map(\.reference.row)
        let note = try #require(form.cells.first { $0.string?.hasPrefix("以下各项为县里统计口径") == true })
        #expect(keyed.contains { $0 < note.reference.row } && keyed.contains { $0 > note.reference.row }, "the note row is among the items")
        // Sorted by 完成数, largest first: the 序号 of plan order no longer ascends.
        let sequence = keyed.sorted().compactMap { row in form.cells.first { $0.reference.row == row && $0.reference.column == 0 }?.number }
        #expect(sequence.count == want.completed.count && sequence != sequence.sorted())
        let completed = keyed.sorted().compactMap { row in form.cells.first { $0.reference.row == row && $0.reference.column == 5 }?.number }
        #expect(completed == completed.sorted(by: >))
        let date = try #require(form.cells.first { $0.reference.row == (form.cells.first { $0.string == "填报日期：" }?.reference.row ?? -1) && $0.reference.column == 5 })
        if case .date(let iso, _) = date.value { #expect(iso.hasPrefix("2023-10-08")) } else { Issue.record("填报日期 \(date.value)") }

        let read = try #require(try ReturnReader.readTemplate(path))
        #expect(read.area == area)
        #expect(read.lines.count == want.completed.count, "\(read.lines.map { $0.indicator ?? "-" })")
        #expect(Dictionary(read.lines.compactMap { line in line.key.map { ($0, line.completed?.number) } }, uniquingKeysWith: { a, _ in a })
            == want.completed.mapValues { Optional($0) })
    }

    /// collect on each staff fixture alone: every item's 完成 on 分县区 is the figure typed for it,
    /// nothing from the note row or the 填报人 block.
    @Test(arguments: try expected().areas.keys.sorted())
    func collectPutsEachTypedFigureOnItsItem(area: String) async throws {
        let want = try #require(try Self.expected().areas[area])
        let path = Self.folder.appendingPathComponent(want.file).path
        let output = try ZipPart.temporaryPath("staff-\(area).xlsx")
        let result = try await Engine.standard().collect(
            CollectRequest(plan: .path(Self.plan), returns: [.path(path)], output: .file(output, overwrite: true)))
        #expect(result.accounting.filled == want.completed.count)
        #expect(result.accounting.merged == want.completed.count)
        #expect(result.used.keys.sorted() == [area])
        let problems = result.report.findings.filter { $0.code != .missingSubmission }
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        #expect(!result.report.findings.contains { $0.code == .unknownItem })
        // Items matched by (指标, this area's 目标), both read from the template itself.
        let read = try #require(try ReturnReader.readTemplate(path))
        var byItem: [String: Double] = [:]
        for line in read.lines {
            let key = try #require(line.key)
            byItem["\(line.indicator ?? "")|\(line.target?.number ?? -1)"] = want.completed[key]
        }
        #expect(byItem.count == want.completed.count, "indicator and target tell the items apart")
        let sheet = try Workbook(path: output).sheet(named: AreaSheet.name)
        // 目标, 完成, 完成率 under the area's name on the group row.
        let targetColumn = try #require(sheet.cells.first { $0.reference.row == AreaSheet.groupRow && $0.string == area }?.reference.column)
        let indicatorColumn = AreaSheet.columns(areas: []).index(.indicator)
        var found: [String: Double] = [:]
        for row in Set(sheet.cells.map(\.reference.row)) where row >= AreaSheet.firstRow {
            let cell = { (c: Int) in sheet.cells.first { $0.reference.row == row && $0.reference.column == c } }
            guard let indicator = cell(indicatorColumn)?.string, let target = cell(targetColumn)?.number else { continue }
            if let completed = cell(targetColumn + 1)?.number { found["\(indicator)|\(target)"] = completed }
        }
        #expect(found == byItem, "\(want.file)")
    }

    @Test func collectMergesEveryFigureAfterStaffInsertAndSort() async throws {
        let expected = try Self.expected()
        let returns = expected.areas.values.map { InputSource.path(Self.folder.appendingPathComponent($0.file).path) }
        let output = try ZipPart.temporaryPath("staff.xlsx")
        let result = try await Engine.standard().collect(
            CollectRequest(plan: .path(Self.plan), returns: returns, output: .file(output, overwrite: true)))
        let typed = expected.areas.values.map(\.completed.count).reduce(0, +)
        #expect(result.accounting.filled == typed)
        #expect(result.accounting.merged == typed, "every typed figure is merged")
        #expect(result.accounting.isComplete)
        #expect(Set(result.used.keys) == Set(expected.areas.keys))
        let problems = result.report.findings.filter { $0.code != .missingSubmission }
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        // Each area's completions on 分县区 add up to what was typed.
        let areas = try Workbook(path: output).sheet(named: AreaSheet.name)
        for (area, want) in expected.areas {
            let labels = Dictionary(
                areas.cells.filter { $0.reference.row == AreaSheet.groupRow }.compactMap { cell in cell.string.map { ($0, cell.reference.column) } },
                uniquingKeysWith: { a, _ in a })
            let column = try #require(labels[area]) + 1  // 目标, 完成, 完成率 under the area's name
            let sum = areas.cells.filter { $0.reference.column == column && $0.reference.row >= AreaSheet.firstRow }.compactMap(\.number)
                .reduce(0, +)
            #expect(sum == want.completed.values.reduce(0, +), "\(area)")
        }
    }
}
