import Foundation
import XLSXReader

/// A target written with 万 or 亿 beside a completion written bare, or the other way round
/// (10000万 and 7965, both in 万元): the bare figure is in the same 万 as the written one when
/// the row's rate says so (7965 ÷ 10000 is the 80% reported), or, with no rate, when read as it
/// stands it would be under a hundredth of the other. Then the written figure is taken in 万
/// (10000, unit 万…), so that check and convert give the item one scale.
enum WrittenScale {
    static func settle(_ values: inout [ValueKey: ReadValue]) {
        for (key, target) in values where key.measure == .target {
            let completedKey = key.of(.completed)
            // Only a figure written as text (`10000万`) beside one typed as a number is scaled
            // (`writtenScale`): two numbers, the most common row, are left as they are.
            guard let completed = values[completedKey], target.cell.value.isString != completed.cell.value.isString,
                let t = target.quantity.quantity, let c = completed.quantity.quantity,
                !t.isPercent, !c.isPercent, t.value > 0, c.value > 0
            else { continue }
            let rate = values[key.of(.rate)]
            if let scale = writtenScale(of: target, beside: completed) {
                guard agrees(rate, scaled: (c.value * scale, t.value), plain: (c.value, t.value)) else { continue }
                values[key] = unscaled(target, by: scale)
            } else if let scale = writtenScale(of: completed, beside: target) {
                guard agrees(rate, scaled: (c.value, t.value * scale), plain: (c.value, t.value)) else { continue }
                values[completedKey] = unscaled(completed, by: scale)
            }
        }
    }

    /// How much a figure written with 万 (10 000) or 亿 (100 000 000) was scaled on reading, when
    /// the figure beside it is a bare number — the factor to bring the bare one to the same unit.
    static func writtenScale(of scaled: ReadValue, beside bare: ReadValue) -> Decimal? {
        guard case .string(let text) = scaled.cell.value, case .number = bare.cell.value else { return nil }
        let folded = QuantityParser.fold(text)
        if folded.contains("亿") { return Decimal(100_000_000) }
        if folded.contains("万") { return Decimal(10_000) }
        return nil
    }

    /// Whether (completed, target) agree once the bare one is scaled and not as they stand:
    /// against the reported rate as it is shown (a `0%` cell's number rounded to its format)
    /// when there is one, else when the plain reading is under 1% and the scaled one a
    /// plausible share.
    private static func agrees(
        _ rate: ReadValue?, scaled: (completed: Decimal, target: Decimal), plain: (completed: Decimal, target: Decimal)
    ) -> Bool {
        if let rate, let reported = rate.quantity.quantity, reported.isPercent {
            var shown = reported.value
            if case .number = rate.cell.value, case .percent(let decimals) = rate.cell.format.kind {
                shown = RateCheck.round(reported.value, decimals, .plain)
            }
            let decimals = rate.printedDecimals
            return RateCheck.compare(reported: shown, decimals: decimals, completed: scaled.completed, target: scaled.target) == .consistent
                && RateCheck.compare(reported: shown, decimals: decimals, completed: plain.completed, target: plain.target) != .consistent
        }
        let share = scaled.completed / scaled.target
        return plain.completed * 100 < plain.target && share * 100 >= 1 && share <= 10
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

extension CellValue {
    /// Whether the cell holds text.
    fileprivate var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
