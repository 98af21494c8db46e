/// `missing-target`: a completion whose target cell is blank (a `——` target says there is none,
/// on purpose). The finding points at the blank target cell, where the figure belongs.
struct MissingTargetRule: TableRule {
    /// Creates one.
    init() {}

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        for (key, value) in row.values where key.measure == .completed && key.figure == nil {
            guard let completed = value.quantity.quantity, ExactDecimal.signum(completed.value) != 0 else { continue }
            let targetKey = key.of(.target)
            // (The target's own cell first: most rows have one, and the column is looked for only then.)
            guard row.values[targetKey] == nil, table.column(for: targetKey, in: row) != nil else { continue }
            findings.add(
                .missingTarget(completed: completed.value), row, cell: table.a1(row, targetKey), area: key.area,
                actual: completed.value)
        }
    }
}
