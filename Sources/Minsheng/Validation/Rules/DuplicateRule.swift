import XLSXReader

/// `duplicate-item`: the same item (project and indicator, and area in a table with one row per
/// area) as an earlier row.
struct DuplicateRule: TableRule {
    /// Creates one.
    init() {}

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        let key = row.key
        guard !key.isEmpty, let first = table.firstRowOfKey[key], first != row.row.row else { return }
        let layout = table.table.layout
        // With the areas in rows, the item's name is its group's header.
        let column = row.row.group?.columns.first?.column ?? layout.column(.indicator)?.column ?? layout.column(.project)?.column ?? 0
        findings.add(
            .duplicateRow(firstRow: first + 1, item: row.row.itemName), row,
            cell: CellReference(row: row.row.row, column: column).a1)
    }
}
