import Foundation
import Minsheng
import TestSupport
import Testing
import XLSXReader

/// Templates filled the way staff fill them (`Tests/Fixtures/staff`, made by
/// `Samples/generate/staff.py`): a note row inserted, the rows sorted by 完成数, 填报人 /
/// 联系电话 / 审核人 / 填报日期 filled in below — by openpyxl, and by openpyxl then re-saved by
/// LibreOffice. `collect` merges every figure and takes nothing from the 填报人 block.
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
