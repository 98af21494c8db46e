import Foundation

/// `total-mismatch` in prose: a target cell such as `33000人，其中涡阳县8300人、…` whose areas do
/// not add up to its total (`每个县区` counts every county the table names).
struct ProseBreakdownRule: TableRule {
    /// Creates one.
    init() {}

    /// A 分解情况 column (`元坝镇280 白果乡15 …`, or prose): its areas against the row's target.
    func checkBreakdownColumn(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        guard let cell = row.row.breakdown, let text = cell.string else { return }
        for breakdown in BreakdownParser.parseBreakdownCell(text, words: table.table.words) where breakdown.each == nil {
            guard let total = breakdown.total ?? row.figure(ValueKey(.target)) else { continue }
            let sum = breakdown.areas.reduce(Decimal(0)) { $0 + $1.value.value }
            if !Quantity.equal(sum, total.value) {
                let totalCell = breakdown.total == nil ? table.a1(row, ValueKey(.target)) ?? cell.reference.a1 : cell.reference.a1
                findings.add(
                    .breakdownColumnMismatch(
                        total: total.value, sum: sum, areas: breakdown.areas.count, cell: cell.reference.a1), row,
                    cell: totalCell, expected: sum, actual: total.value)
            }
        }
    }

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        checkBreakdownColumn(row, in: table, into: &findings)
        guard let cell = row.row.values[ValueKey(.target)], case .string(let text) = cell.value else { return }
        for breakdown in table.breakdowns.value(text, { BreakdownParser.parse($0, words: table.table.words) }) {
            guard let total = breakdown.total else { continue }
            var sum = breakdown.areas.reduce(Decimal(0)) { $0 + $1.value.value }
            if let each = breakdown.each {
                let listed = Set(breakdown.areas.map(\.area))
                let others = table.counties.filter { !listed.contains($0) }
                guard !others.isEmpty else { continue }
                sum += each.value * Decimal(others.count)
            }
            if !Quantity.equal(sum, total.value) {
                findings.add(
                    .proseTotalMismatch(total: total.value, sum: sum, clause: breakdown.clause), row,
                    cell: cell.reference.a1, expected: sum, actual: total.value)
            }
        }
    }
}
