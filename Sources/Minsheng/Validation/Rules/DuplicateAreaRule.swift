import XLSXReader

/// `duplicate-item`: with the areas in rows, a place named on two rows (天桥区's row typed
/// 市中区). Both rows' figures are read, each under its own key, so a total still adds up to
/// what the table holds; the second row is named, at its label.
struct DuplicateAreaRule: WholeTableRule {
    /// Creates one.
    init() {}

    func check(_ table: CheckedTable, into findings: inout FindingBuilder) {
        guard let areaRows = table.table.layout.areaRows else { return }
        for row in areaRows.rows {
            guard let first = row.namedFirstAt else { continue }
            let name = TableReader.clean(row.label)
            findings.add(
                .duplicateArea(firstRow: first + 1, area: name),
                cell: CellReference(row: row.row, column: areaRows.column + row.shift).a1, row: row.row + 1, item: nil, area: name)
        }
    }
}
