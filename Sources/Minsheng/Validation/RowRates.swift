import Foundation

/// A row's reported rates against its completed ÷ target, at the precision each is printed: what
/// `RateRule` judges in every item row and `TotalRowRateRule` in every 合计 / 小计 row.
enum RowRates {
    /// A ceiling's rate (失业率 3.9 under 低于 4.3) may be written as 100 when met, or as
    /// target ÷ completed (how far under the ceiling): both agree.
    static func agreesWithCeiling(_ reported: Decimal, decimals: Int, completed: Decimal, target: Decimal) -> Bool {
        if completed <= target, Quantity.equal(reported, 100) { return true }
        guard completed != 0 else { return false }
        return RateCheck.compare(reported: reported, decimals: decimals, completed: target, target: completed) == .consistent
    }

    /// The digits after the point a figure was rounded to: its own, or for a whole number among
    /// figures of the same measure printed with decimals (92 among 65.1, 31.2), theirs — its
    /// zeros were dropped, not its rounding (a whole number alone is a count, exact).
    static func digitsShown(_ measure: Measure, in row: CheckedRow, atLeast own: Int) -> Int {
        guard own == 0 else { return own }
        var most = 0
        for (key, value) in row.values where key.measure == measure { most = max(most, value.digitsShown) }
        return most
    }

    static func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        for (key, rate) in row.values where key.measure == .rate {
            guard let reported = rate.quantity.quantity, reported.isPercent,
                let target = row.figure(key.of(.target)),
                let completed = row.figure(key.of(.completed))
            else { continue }
            // A number is judged as its format shows it (a `0.00%` cell holding =E4/D4 shows
            // 130.04%); a number shown in full (General) agrees within a relative 1e-9.
            var reportedValue = reported.value
            if case .number = rate.cell.value {
                if case .percent(let decimals) = rate.cell.format.kind {
                    // Stored already rounded (0.8995, shown 90.0%): right at the precision it holds.
                    let stored = RateCheck.printedDecimals(of: reported.value)
                    if RateCheck.compare(reported: reported.value, decimals: stored, completed: completed.value, target: target.value)
                        == .consistent
                    {
                        continue
                    }
                    reportedValue = RateCheck.round(reported.value, decimals, .plain)
                } else if target.value != 0, RateCheck.agreesInFull(reported.value, completed.value / target.value * 100) {
                    continue
                }
            }
            var verdict = RateCheck.compare(
                reported: reportedValue, decimals: rate.printedDecimals, completed: completed.value, target: target.value)
            if row.row.indicatorKind == .ceiling, verdict != .consistent, verdict != .notCheckable,
                agreesWithCeiling(reportedValue, decimals: rate.printedDecimals, completed: completed.value, target: target.value)
            {
                verdict = .consistent
            }
            // (A target written with 万 beside a completion written bare is one scale already:
            // the values stage took both in the 万 the row's rate says, `WrittenScale`.)
            // Figures printed with decimals are rounded themselves: a rate within what they allow agrees.
            if verdict != .consistent, verdict != .notCheckable,
                let c = row.values[key.of(.completed)], let t = row.values[key.of(.target)],
                // (each at its own precision: a plan and a completion are often given to different
                // digits; a row's figures of one measure share theirs — 92 among 65.1, 31.2 is 92.0)
                RateCheck.agreesWithRoundedInputs(
                    reported: reportedValue, decimals: rate.printedDecimals, completed: completed.value,
                    completedDecimals: Self.digitsShown(.completed, in: row, atLeast: c.digitsShown), target: target.value,
                    targetDecimals: Self.digitsShown(.target, in: row, atLeast: t.digitsShown))
            {
                verdict = .consistent
            }
            // The texts of a finding, built only when there is one.
            var shown: String { "\(Quantity.format(reportedValue))%" }
            func computed(_ expected: Decimal) -> String {
                "\(Quantity.format(completed.value))÷\(Quantity.format(target.value)) = \(Quantity.format(RateCheck.round(expected, 2, .plain)))%"
            }
            var cell: String { rate.cell.reference.a1 }
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
