import Foundation
import TestSupport
import Testing
import XLSXReader

/// XlsxWriter caches 0 for every formula it is given no result for and asks for a recalculation
/// on opening (`<calcPr fullCalcOnLoad="1"/>`): such a 0 is marked as a placeholder, its formula
/// kept; a formula's 0 in a workbook that does not ask, and any other cached value, is a result.
struct PlaceholderResultTests {
    static let cells = #"<row r="1"><c r="A1"><f>B1/C1</f><v>0</v></c><c r="B1"><f>1+1</f><v>2</v></c><c r="C1"><v>0</v></c></row>"#

    @Test(arguments: [true, false])
    func aFormulasZeroIsAPlaceholderOnlyWhereTheWorkbookRecalculatesOnOpening(tokenizer: Bool) throws {
        var options = ReadOptions()
        options.tokenizer = tokenizer
        let recalculated = try ZipBuilder.workbook(sheetData: Self.cells, workbookExtra: #"<calcPr calcId="124519" fullCalcOnLoad="1"/>"#).write()
        let sheet = try Workbook(path: recalculated, options: options).sheet(at: 0)
        let a1 = try #require(sheet.cell("A1"))
        #expect(a1.placeholderResult)
        #expect(a1.number == 0)
        #expect(a1.formula == "B1/C1")
        #expect(sheet.cell("B1")?.placeholderResult == false, "a cached 2 is a result")
        #expect(sheet.cell("C1")?.placeholderResult == false, "a typed 0 is no formula")

        let calculated = try ZipBuilder.workbook(sheetData: Self.cells, workbookExtra: #"<calcPr calcId="191029"/>"#).write()
        let plain = try Workbook(path: calculated, options: options).sheet(at: 0)
        #expect(plain.cell("A1")?.placeholderResult == false)
        #expect(plain.cell("A1")?.formula == nil, "formulas with results keep no text unless asked")
    }
}
