import Foundation
@testable import Minsheng
import TestSupport
import Testing
import XLSXReader

/// Small files that ask `check` and `dump` for a lot of work: the domain's work must grow with
/// distinct content (one long shared string, one merge), never with how often a string is
/// referenced or how many rows a merge claims. Hang detectors: the bounds are generous (a debug
/// build on a loaded machine); a release build answers each in well under a second.
@Suite(.serialized)
struct HostileCheckTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let head = "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>"
    static let bound = HangBound.inProcess
    /// 民生实事项目进展情况 (30 bytes) × 100,000: one shared string of 3 MB.
    static let unit = "民生实事项目进展情况"
    static let repeats = 100_000

    /// Adds a part deflated from `prefix + unit × count + suffix`.
    func addRepeating(
        _ builder: inout ZipBuilder, _ name: String, prefix: String, unit: String, count: Int, suffix: String
    ) {
        let (stream, crc, size) = RepeatingDeflate.stream(
            prefix: Array(prefix.utf8), unit: Array(unit.utf8), count: count, suffix: Array(suffix.utf8))
        builder.addDeflated(name, stream: stream, uncompressedSize: UInt32(size), crc: crc)
    }

    /// A workbook whose shared string 0 is 3 MB and whose sheet is `prefix + unit × count + suffix`
    /// (as the reader's amplification suite builds it); `more` are shared strings 1, 2, ….
    func longStringWorkbook(
        named name: String, more: [String] = [], prefix: String, unit: String, count: Int, suffix: String
    ) throws -> String {
        var builder = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        addRepeating(
            &builder, "xl/sharedStrings.xml",
            prefix: "<?xml version=\"1.0\"?><sst xmlns=\"\(Self.main)\"><si><t>", unit: Self.unit, count: Self.repeats,
            suffix: "</t></si>" + more.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>")
        addRepeating(&builder, "xl/worksheets/sheet1.xml", prefix: prefix, unit: unit, count: count, suffix: suffix)
        let bytes = builder.build()
        #expect(bytes.count < 40_000, "a small file: \(bytes.count) bytes")
        return try builder.write(named: name)
    }

    func timedCheck(_ path: String) throws -> (FileResult, [Finding], Duration) {
        let checker = try Checker()
        var result: (FileResult, [Finding])?
        let elapsed = ContinuousClock().measure { result = checker.check(file: path) }
        let (file, findings) = try #require(result)
        return (file, findings, elapsed)
    }

    @Test func oneThreeMegabyteSharedStringReferencedByTwelveThousandCells() throws {
        let path = try longStringWorkbook(
            named: "一个长字符串.xlsx", prefix: Self.head + "<row r=\"1\">", unit: #"<c t="s"><v>0</v></c>"#,
            count: 12_000, suffix: "</row></sheetData></worksheet>")
        let (file, findings, elapsed) = try timedCheck(path)
        #expect(elapsed < Self.bound, "checked in \(elapsed)")
        #expect(file.status == .unreadable)
        #expect(findings.isEmpty)
        // What it saw, abbreviated: the beginning of the text and its size, never the text.
        let error = try #require(file.error)
        #expect(error.contains("民生实事项目进展情况民生实事") && error.contains("…（共 3000000 字节）"), "\(error.prefix(300))")
        #expect(error.utf8.count < 1_000)
    }

    @Test func rowsOfThreeMegabyteCellsUnderAHeader() throws {
        // A table the checker recognizes, 2,000 item rows below it, every cell the 3 MB string.
        let header = ["序号", "项目", "指标", "年度目标", "完成情况", "进展情况"]
        let headerRow = "<row r=\"1\">" + (1...6).map { "<c t=\"s\"><v>\($0)</v></c>" }.joined() + "</row>"
        let path = try longStringWorkbook(
            named: "长字符串表格.xlsx", more: header, prefix: Self.head + headerRow,
            unit: "<row>" + String(repeating: #"<c t="s"><v>0</v></c>"#, count: 6) + "</row>", count: 2_000,
            suffix: "</sheetData></worksheet>")
        let (file, findings, elapsed) = try timedCheck(path)
        #expect(elapsed < Self.bound, "checked in \(elapsed)")
        #expect(file.status == .ok)
        #expect(file.items == 2_000)
        // Messages name the item by its beginning: none carries the 3 MB text.
        #expect(findings.allSatisfy { $0.message.utf8.count < 10_000 })
    }

    @Test func textDumpOfTwelveThousandThreeMegabyteCells() throws {
        let path = try longStringWorkbook(
            named: "一个长字符串-导出.xlsx", prefix: Self.head + "<row r=\"1\">", unit: #"<c t="s"><v>0</v></c>"#,
            count: 12_000, suffix: "</row></sheetData></worksheet>")
        let sheet = try Workbook(path: path).sheet(at: 0)
        let sink = ByteSink.memory()
        let elapsed = ContinuousClock().measure { SheetExport.writeText(sheet, file: path, to: sink) }
        #expect(elapsed < Self.bound, "written in \(elapsed)")
        // Each cell clipped to the grid's 24 columns, as a terminal grid shows it.
        #expect(sink.collected.count < 12_000 * 80)
        let text = String(decoding: sink.collected, as: UTF8.self)
        #expect(text.contains("民生实事项目进展情况民…"))
    }

    /// A recognizable table of five items, with `merges` over it.
    func mergedTable(named name: String, merges: String) throws -> String {
        let rows = [
            ["序号", "项目", "指标", "单位", "年度目标", "完成"],
            ["1", "就业创业", "城镇新增就业", "人", "33000", "30000"],
            ["2", "", "失业人员再就业", "人", "8000", "7000"],
            ["3", "教育", "新建幼儿园", "所", "12", "10"],
            ["4", "", "改扩建中小学", "所", "20", "18"],
            ["5", "医疗", "家庭医生签约", "人", "50000", "45000"],
        ]
        let sheetData = rows.enumerated().map { r, cells in
            "<row r=\"\(r + 1)\">" + cells.enumerated().map { c, text in
                let ref = CellReference(row: r, column: c).a1
                if let n = Int(text) { return "<c r=\"\(ref)\"><v>\(n)</v></c>" }
                return text.isEmpty ? "" : "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }.joined() + "</row>"
        }.joined()
        return try ZipBuilder.workbook(sheetData: sheetData, sheetExtra: merges).write(named: name)
    }

    @Test func mergesOverHugeRangesFillDownNoMoreThanTheSheetsRows() throws {
        let plain = try mergedTable(named: "无合并.xlsx", merges: "")
        let (_, plainFindings, _) = try timedCheck(plain)
        var merges = "<mergeCells count=\"20003\"><mergeCell ref=\"B3:B1048576\"/><mergeCell ref=\"A7:XFD1048576\"/>"
        for i in 0..<20_000 { merges += "<mergeCell ref=\"B\(i + 8):C\(1_048_576 - i)\"/>" }
        merges += "<mergeCell ref=\"A1:XFD1048576\"/></mergeCells>"
        let path = try mergedTable(named: "两万合并-表格.xlsx", merges: merges)
        let (file, findings, elapsed) = try timedCheck(path)
        #expect(elapsed < Self.bound, "checked in \(elapsed)")
        #expect(file.status == .ok)
        #expect(file.items == 5)
        // Fill-down over merges changes no figure: the same findings (by code and cell).
        #expect(findings.map { "\($0.code) \($0.cell ?? "")" } == plainFindings.map { "\($0.code) \($0.cell ?? "")" })

        // The fill-down index: the last merge listed wins, over the sheet's rows only.
        let ranges = ["B2:B4", "B3:C1048576", "A1:XFD1048576"].compactMap(CellRange.init)
        let covering = TableReader.coveringMerges(ranges, column: 1, rows: [0, 1, 2, 3, 5, 1_000_000])
        #expect(covering.count == 5)
        #expect(covering[1]?.description == "A1:XFD1048576")
        #expect(covering[1_000_000]?.description == "A1:XFD1048576")
        let firstTwo = TableReader.coveringMerges(Array(ranges.prefix(2)), column: 1, rows: [0, 1, 2, 3, 5])
        #expect(firstTwo[2]?.description == "B2:B4")
        #expect(firstTwo[3]?.description == "B3:C1048576" && firstTwo[5]?.description == "B3:C1048576")
        #expect(firstTwo[1] == nil)
    }

    @Test func aMillionEmptyCellsBesideATable() throws {
        var builder = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        let header = ["序号", "项目", "指标", "年度目标", "完成"].map { "<c t=\"inlineStr\"><is><t>\($0)</t></is></c>" }
        addRepeating(
            &builder, "xl/worksheets/sheet1.xml", prefix: Self.head + "<row r=\"1\">" + header.joined() + "</row><row r=\"2\">",
            unit: "<c/>", count: 1_000_000,
            suffix: #"</row><row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>就业</t></is></c>"#
                + #"<c r="C3" t="inlineStr"><is><t>城镇新增就业</t></is></c><c r="D3"><v>100</v></c><c r="E3"><v>90</v></c>"#
                + "</row></sheetData></worksheet>")
        let path = try builder.write(named: "一百万空单元格-表格.xlsx")
        let (file, _, elapsed) = try timedCheck(path)
        #expect(elapsed < Self.bound, "checked in \(elapsed)")
        #expect(file.status == .ok)
        #expect(file.items == 1)
    }
}
