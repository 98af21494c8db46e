import Testing
import TestSupport
import XLSXReader

/// `Workbook.sheet(_:rows:)`: the first rows of a sheet, read no further, whichever parser reads.
struct RowLimitTests {
    static let rows = """
        <row r="1"><c r="A1" t="inlineStr"><is><t>minsheng-output</t></is></c><c r="B1"><v>1</v></c></row>\
        <row r="2"><c r="A2" t="inlineStr"><is><t>second</t></is></c></row>\
        <row r="3"><c r="A3"><v>3</v></c></row>
        """

    static func workbook(_ sheetData: String, tokenizer: Bool) throws -> Workbook {
        var options = ReadOptions()
        options.tokenizer = tokenizer
        return try Workbook(
            bytes: ZipBuilder.workbook(sheetData: sheetData).build(), name: "rows.xlsx", options: options)
    }

    static func cells(_ sheet: Sheet) -> [String] {
        var cells: [String] = []
        sheet.forEachCell { cells.append("\($0.reference.a1)=\($0.value)") }
        return cells
    }

    @Test(arguments: [true, false])
    func readsTheFirstRowsOnly(tokenizer: Bool) throws {
        let workbook = try Self.workbook(Self.rows, tokenizer: tokenizer)
        let info = try #require(workbook.sheets.first)
        let full = Self.cells(try workbook.sheet(info))
        #expect(full.count == 4)
        #expect(Self.cells(try workbook.sheet(info, rows: 1)) == Array(full.prefix(2)))
        #expect(Self.cells(try workbook.sheet(info, rows: 2)) == Array(full.prefix(3)))
        #expect(Self.cells(try workbook.sheet(info, rows: 100)) == full)
        #expect(Self.cells(try workbook.sheet(info, rows: 0)).isEmpty)
    }

    /// Rows written without `r` are counted as they come.
    @Test(arguments: [true, false])
    func countsRowsWithoutReferences(tokenizer: Bool) throws {
        let workbook = try Self.workbook(
            "<row><c><v>1</v></c></row><row><c><v>2</v></c></row>", tokenizer: tokenizer)
        let info = try #require(workbook.sheets.first)
        #expect(Self.cells(try workbook.sheet(info, rows: 1)) == ["A1=number(1.0)"])
    }

    /// What lies after the rows asked for is not read: a broken row there is no error for them,
    /// while reading the whole sheet reports it.
    @Test(arguments: [true, false])
    func stopsBeforeWhatItDoesNotRead(tokenizer: Bool) throws {
        let broken = Self.rows + #"<row r="4"><c r="A4"><v>4</c></row>"#
        let workbook = try Self.workbook(broken, tokenizer: tokenizer)
        let info = try #require(workbook.sheets.first)
        #expect(throws: XLSXError.self) { try workbook.sheet(info) }
        #expect(Self.cells(try workbook.sheet(info, rows: 1)).first == "A1=string(\"minsheng-output\")")
    }
}
