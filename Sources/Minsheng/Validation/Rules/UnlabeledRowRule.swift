/// `unread-row`: a row under the header with figures but no project or indicator to name them
/// is no item and is not checked — said once per row, so that a ✓ never covers figures that were
/// not read.
struct UnlabeledRowRule: WholeTableRule {
    /// Creates one.
    init() {}

    func check(_ table: CheckedTable, into findings: inout FindingBuilder) {
        for row in table.table.rows where row.kind == .unlabeled {
            let cells = row.values.values.map(\.reference).sorted { $0.column < $1.column }
            guard let first = cells.first else { continue }
            findings.add(
                .unlabeledRow(row: row.row + 1, cells: cells.count), cell: first.a1, row: row.row + 1, item: nil)
        }
    }
}
