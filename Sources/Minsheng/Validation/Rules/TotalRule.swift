import Foundation

/// `total-mismatch` / `completed-total-mismatch`: a total against the sum of its area columns.
///
/// A blank area cell is no share (people leave most areas of most items empty): the total is
/// checked against the filled areas, and a mismatch names the blank ones. A row whose area cells
/// are all blank has no breakdown. A completed total cannot be checked while an area that has a
/// target has no completion (`breakdown-incomplete`).
///
/// Not every figure sums: a rate, ratio, ceiling or per-person floor (`IndicatorKind`, from the
/// indicator's words), a percentage total, or a total that every filled area repeats
/// (失业率 4.3 for the city and 4.3 for each area) is not checked.
public struct TotalRule: TableRule {
    /// Target or completion totals.
    public var measure: Measure

    /// Creates one for a measure.
    public init(_ measure: Measure) {
        self.measure = measure
    }

    public func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        let areas = table.table.layout.areas.filter { table.column(for: ValueKey(measure, area: $0), in: row) != nil }
        // A rate, ratio, ceiling or per-person floor is never summed across areas.
        guard !areas.isEmpty, row.row.indicatorKind.isAdditive, let total = row.figure(ValueKey(measure)), !total.isPercent
        else { return }
        var sum = Decimal(0)
        var blank: [String] = []
        var counted = 0
        var allEqualTotal = true
        for area in areas {
            switch row.values[ValueKey(measure, area: area)]?.quantity {
            case .quantity(let q)?:
                sum += q.value
                counted += 1
                allEqualTotal = allEqualTotal && Quantity.equal(q.value, total.value)
            case .notApplicable?: break
            case nil: blank.append(area)
            default: return  // text or qualitative: reported by ValueRule, not summed
            }
        }
        guard counted > 0 else { return }
        // Every filled area giving the total's own figure: a rate or a standard, not a share.
        if counted >= 2 && allEqualTotal { return }
        let totalCell = table.a1(row, ValueKey(measure))
        let header = table.column(for: ValueKey(measure), in: row)?.header ?? CheckedRow.label(ValueKey(measure))
        if measure == .completed {
            // An area with a target but no completion: the completed total cannot be checked.
            let incomplete = blank.filter { row.figure(ValueKey(.target, area: $0)) != nil }
            if let first = incomplete.first {
                // Points at the first blank completion, where the missing figure belongs.
                findings.add(
                    .breakdownIncomplete(blank: incomplete, measure: measure, total: total.value), row,
                    cell: table.a1(row, ValueKey(measure, area: first)), area: first, actual: total.value)
                return
            }
        }
        if !Quantity.equal(sum, total.value) {
            findings.add(
                .totalMismatch(measure: measure, header: HeaderText.normalize(header), total: total.value, sum: sum, blank: blank), row,
                cell: totalCell, expected: sum, actual: total.value)
        }
    }
}
