import Foundation

/// `rate-mismatch`: a reported rate against completed ÷ target, at the precision it is printed.
public struct RateRule: TableRule {
    /// Creates one.
    public init() {}

    public func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        for (key, rate) in row.values where key.measure == .rate {
            guard let reported = rate.quantity.quantity, reported.isPercent,
                let target = row.figure(ValueKey(.target, area: key.area)),
                let completed = row.figure(ValueKey(.completed, area: key.area))
            else { continue }
            let verdict = RateCheck.compare(
                reported: reported.value, decimals: rate.printedDecimals, completed: completed.value, target: target.value)
            let shown = "\(Quantity.format(reported.value))%"
            func computed(_ expected: Decimal) -> String {
                "\(Quantity.format(completed.value))÷\(Quantity.format(target.value)) = \(Quantity.format(RateCheck.round(expected, 2, .plain)))%"
            }
            let cell = rate.cell.reference.a1
            switch verdict {
            case .consistent, .notCheckable: break
            case .truncationOnly(let expected):
                let rounded = "\(Quantity.format(RateCheck.round(expected, rate.printedDecimals, .plain)))%"
                findings.add(
                    .rateTruncated(shown: shown, rounded: rounded, computed: computed(expected)), row, cell: cell, area: key.area,
                    expected: RateCheck.round(expected, 2, .plain), actual: reported.value)
            case .nearMiss(let expected):
                findings.add(
                    .rateNearMiss(shown: shown, computed: computed(expected)), row, cell: cell, area: key.area,
                    expected: RateCheck.round(expected, 2, .plain), actual: reported.value)
            case .mismatch(let expected):
                findings.add(
                    .rateMismatch(shown: shown, computed: computed(expected)), row, cell: cell, area: key.area,
                    expected: RateCheck.round(expected, 2, .plain), actual: reported.value)
            }
        }
    }
}
