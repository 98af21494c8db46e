import XLSXReader
import XLSXWriter

/// Marks the workbooks minsheng writes (a hidden `_minsheng` sheet, as templates have), so that
/// one of them in a folder of returns or sources is never taken for an input.
enum OutputMarker {
    /// The marker in A1 of the hidden sheet.
    static let marker = "minsheng-output"
    /// What B1 says of the standardized progress workbook.
    static let progressWorkbook = "标准进度表"

    /// Adds the hidden marker sheet (last, so that the visible sheets keep their order).
    static func write(into book: XLSXWorkbook, kind: String) throws(XLSXWriterError) {
        let sheet = try book.addWorksheet(TemplateMetadata.sheetName)
        try sheet.write(marker, row: 0, column: 0)
        try sheet.write(kind, row: 0, column: 1)
        try sheet.write(MinshengInfo.version, row: 0, column: 2)
        sheet.hide()
    }

    /// What kind of minsheng output the workbook is (`标准进度表`), or nil for any other workbook.
    static func kind(of workbook: InputWorkbook) -> String? {
        // Templates have the sheet too: its cells are read only when the marker can be there.
        guard workbook.sheets.contains(where: { $0.name == TemplateMetadata.sheetName }), workbook.mayHoldText(marker),
            let sheet = try? workbook.sheet(named: TemplateMetadata.sheetName, rows: 1),
            sheet.cell("A1")?.string == marker
        else { return nil }
        return sheet.cell("B1")?.string ?? progressWorkbook
    }
}
