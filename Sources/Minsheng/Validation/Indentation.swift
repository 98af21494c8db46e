import XLSXReader

/// How far a row's name is indented with spaces typed before it (`        养老机构` under
/// `  1.提供住宿的民政机构`): the outline some statistical tables show instead of numbers.
enum Indentation {
    /// The spaces before the name of the row at `row` (a full-width space counts two), nil when
    /// the name cell holds no text.
    static func of(row: Int, in table: CheckedTable) -> Int? {
        guard let column = nameColumn(of: table.table.layout) else { return nil }
        return of(row: row, column: column, in: table.table.sheet)
    }

    /// The column holding the items' names, whose indentation is read.
    static func nameColumn(of layout: TableLayout) -> Int? {
        (layout.column(.indicator) ?? layout.column(.project))?.column
    }

    /// The spaces before the text in a cell, nil when it holds no text.
    static func of(row: Int, column: Int, in sheet: Sheet) -> Int? {
        guard let cell = sheet.cell(at: CellReference(row: row, column: column)), case .string(let text) = cell.value else { return nil }
        var spaces = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\u{A0}": spaces += 1
            case "\u{3000}": spaces += 2
            case "\t": spaces += 4
            default: return spaces
            }
        }
        return nil
    }

    /// The sheet row of the nearest item row above the one at `row` indented less than it, nil
    /// when there is none or it is not indented.
    static func parent(ofRow row: Int, in table: CheckedTable) -> Int? {
        let sheet = table.table.sheet
        guard let column = nameColumn(of: table.table.layout), let depth = of(row: row, column: column, in: sheet), depth > 0,
            let index = table.rows.firstIndex(where: { $0.row.row == row })
        else { return nil }
        for above in table.rows[..<index].reversed() {
            if let d = of(row: above.row.row, column: column, in: sheet), d < depth { return above.row.row }
        }
        return nil
    }
}
