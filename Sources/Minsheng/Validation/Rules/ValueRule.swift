/// `formula-without-value`, `unparsed-value` (text in a column of figures) and `negative-value`.
public struct ValueRule: TableRule {
    /// Creates one.
    public init() {}

    public func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        // Each value has its own cell, and `Validator` orders findings by cell: no sort here.
        for (key, value) in row.values {
            // Built only for a finding (most values have none).
            var cell: String { value.cell.reference.a1 }
            var label: String { CheckedRow.label(key) }
            if value.cell.value == .formulaWithoutValue {
                findings.add(.formulaWithoutValue(label: label), row, cell: cell, area: key.area)
                continue
            }
            switch value.quantity {
            case .unparsed(let raw) where table.numericColumns.contains(value.cell.reference.column) && !ProseText.isProse(raw):
                findings.add(.unparsed(label: label, raw: raw), row, cell: cell, area: key.area)
            case .quantity(let q) where q.value < 0 && key.measure != .rate:
                findings.add(.negative(label: label, value: q.value), row, cell: cell, area: key.area, actual: q.value)
            default:
                break
            }
        }
    }
}
