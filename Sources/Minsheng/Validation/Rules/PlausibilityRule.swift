import Foundation

/// `implausible-value` (a completion over 3× its target, a rate over 300 %) and `unit-mismatch`
/// (a percentage typed where a count belongs, a count where a rate belongs): figures a person
/// should look at again, though they may be right.
struct PlausibilityRule: TableRule {
    /// Creates one.
    init() {}

    /// Whether the row's own reported rate says the same (577 of 60 printed 961.7%): the office
    /// saw the figure and stood by it; nothing for a person to look at again.
    static func rateConfirms(_ row: CheckedRow, area: String?, completed: Decimal, target: Decimal) -> Bool {
        guard let rate = row.values[ValueKey(.rate, area: area)], let reported = rate.quantity.quantity, reported.isPercent else {
            return false
        }
        let verdict = RateCheck.compare(reported: reported.value, decimals: rate.printedDecimals, completed: completed, target: target)
        switch verdict {
        case .consistent, .truncationOnly, .nearMiss: return true
        default: return false
        }
    }

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        // Each value has its own cell, and `Validator` orders findings by cell: no sort here.
        // (A figure beside the main ones, `ValueKey.figure`, has no target or rate to be judged by.)
        for (key, value) in row.values where key.figure == nil {
            guard let q = value.quantity.quantity else { continue }
            var cell: String { value.cell.reference.a1 }  // only for a finding
            switch key.measure {
            case .completed:
                let target = row.figure(key.of(.target))
                if q.isPercent, let target, !target.isPercent {
                    findings.add(
                        .percentInCountColumn(label: CheckedRow.label(key), shown: "\(Quantity.format(q.value))%"), row, cell: cell,
                        area: key.area, actual: q.value)
                } else if let target, !q.isPercent, !target.isPercent,
                    Plausibility.isImplausible(completed: q.value, target: target.value),
                    !Self.rateConfirms(row, area: key.area, completed: q.value, target: target.value)
                {
                    findings.add(
                        .completionImplausible(completed: q.value, target: target.value), row, cell: cell, area: key.area,
                        expected: target.value, actual: q.value)
                }
            case .rate:
                if !q.isPercent, q.unit != nil {
                    findings.add(.countInRateColumn(shown: Quantity.format(q.value) + (q.unit ?? "")), row, cell: cell, area: key.area)
                } else if q.isPercent, ExactDecimal.greater(q.value, than: 300), !ValueRule.measuresAChange(row, key, in: table),
                    row.figure(key.of(.target)) == nil || row.figure(key.of(.completed)) == nil
                {
                    // A rate with its target and completion beside it is judged through them.
                    findings.add(.rateImplausible(shown: "\(Quantity.format(q.value))%"), row, cell: cell, area: key.area, actual: q.value)
                }
            case .target:
                break
            }
        }
    }
}
