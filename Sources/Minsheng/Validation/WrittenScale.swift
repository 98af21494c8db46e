import Foundation

/// A target written with 万 or 亿 beside a completion written bare, or the other way round
/// (10000万 and 7965, both in 万元): the bare figure is in the same 万 as the written one when
/// the row's rate says so (7965 ÷ 10000 is the 80% reported), or, with no rate, when read as it
/// stands it would be under a hundredth of the other. Then the written figure is taken in 万
/// (10000, unit 万…), so that check and convert give the item one scale.
enum WrittenScale {
    static func settle(_ values: inout [ValueKey: ReadValue]) {
        for (key, target) in values where key.measure == .target {
            let completedKey = ValueKey(.completed, area: key.area)
            guard let completed = values[completedKey], let t = target.quantity.quantity, let c = completed.quantity.quantity,
                !t.isPercent, !c.isPercent, t.value > 0, c.value > 0
            else { continue }
            if let scale = RowRates.writtenScale(of: target, beside: completed) {
                guard agreesScaled(values[ValueKey(.rate, area: key.area)], completed: c.value * scale, target: t.value, plain: c.value) else { continue }
                values[key] = unscaled(target, by: scale)
            } else if let scale = RowRates.writtenScale(of: completed, beside: target) {
                guard agreesScaled(values[ValueKey(.rate, area: key.area)], completed: c.value, target: t.value * scale, plain: nil, plainTarget: t.value)
                else { continue }
                values[completedKey] = unscaled(completed, by: scale)
            }
        }
    }

    /// Whether the figures agree once the bare one is scaled: against the reported rate when
    /// there is one, else when the plain reading is under 1% and the scaled one a plausible share.
    private static func agreesScaled(
        _ rate: ReadValue?, completed: Decimal, target: Decimal, plain: Decimal?, plainTarget: Decimal? = nil
    ) -> Bool {
        let plainCompleted = plain ?? completed
        let plainTargetValue = plainTarget ?? target
        if let reported = rate?.quantity.quantity, reported.isPercent, let rate {
            let scaled = RateCheck.compare(reported: reported.value, decimals: rate.printedDecimals, completed: completed, target: target)
            let asIs = RateCheck.compare(reported: reported.value, decimals: rate.printedDecimals, completed: plainCompleted, target: plainTargetValue)
            return scaled == .consistent && asIs != .consistent
        }
        let share = completed / target
        return plainCompleted * 100 < plainTargetValue && share * 100 >= 1 && share <= 10
    }

    /// The figure in units of the 万 or 亿 it was written with.
    private static func unscaled(_ value: ReadValue, by scale: Decimal) -> ReadValue {
        guard case .quantity(var q) = value.quantity else { return value }
        q.value /= scale
        let word = scale == 10_000 ? "万" : "亿"
        if !(q.unit?.hasPrefix(word) ?? false) { q.unit = word + (q.unit ?? "") }
        var result = value
        result.quantity = .quantity(q)
        return result
    }
}
