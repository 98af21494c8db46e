import Foundation

/// `total-mismatch` in prose: a target cell such as `33000人，其中涡阳县8300人、…` whose areas do
/// not add up to its total (`每个县区` counts every county the table names).
public struct ProseBreakdownRule: TableRule {
    /// Creates one.
    public init() {}

    public func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        guard let cell = row.row.values[ValueKey(.target)], case .string(let text) = cell.value else { return }
        for breakdown in BreakdownParser.parse(text) {
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
