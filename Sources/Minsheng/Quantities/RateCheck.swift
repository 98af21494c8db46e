import Foundation

/// How a reported completion rate compares with completed ÷ target.
public enum RateVerdict: Hashable, Sendable {
    /// The reported rate is completed ÷ target rounded at its printed precision.
    case consistent
    /// The reported rate is the truncated value, not the rounded one (827/790 printed 104%).
    case truncationOnly(expected: Decimal)
    /// Off by less than one unit of the last printed digit, but neither rounded nor truncated
    /// (81%/80% = 101.25% printed 102%): a warning.
    case nearMiss(expected: Decimal)
    /// Off by more (7568/7400 = 102.27% printed 111%): an error.
    case mismatch(expected: Decimal)
    /// Cannot be checked (a zero target).
    case notCheckable
}

/// Compares reported completion rates with completed ÷ target.
///
/// ```swift
/// RateCheck.compare(reported: 104, decimals: 0, completed: 827, target: 790)  // .truncationOnly
/// ```
public enum RateCheck {
    /// `reported` is the percent figure as printed (104 for 104%), `decimals` the digits printed
    /// after the point; completed and target in the same unit.
    public static func compare(reported: Decimal, decimals: Int, completed: Decimal, target: Decimal) -> RateVerdict {
        guard target != 0 else { return .notCheckable }
        let expected = completed / target * 100
        let places = max(0, min(decimals, 10))
        if round(expected, places, .plain) == reported { return .consistent }
        if round(expected, places, .down) == reported { return .truncationOnly(expected: expected) }
        // One unit of the last printed digit, built exactly (Decimal division is slow).
        let unit = Decimal(sign: .plus, exponent: -places, significand: 1)
        if abs(reported - expected) < unit { return .nearMiss(expected: expected) }
        return .mismatch(expected: expected)
    }

    /// Whether a reported rate is within what completed ÷ target can be when the figures were
    /// themselves rounded to the digits they are printed with (3.49 万人 ÷ 3.31 万人 printed
    /// 105.3%: 3.485…3.495 over 3.305…3.315 gives 105.13%…105.75%). Whole numbers are counts,
    /// taken as exact: only figures printed with decimals widen the range.
    public static func agreesWithRoundedInputs(
        reported: Decimal, decimals: Int, completed: Decimal, completedDecimals: Int, target: Decimal, targetDecimals: Int
    ) -> Bool {
        guard completedDecimals > 0 || targetDecimals > 0, target > 0, completed >= 0 else { return false }
        func half(_ places: Int) -> Decimal { places > 0 ? Decimal(sign: .plus, exponent: -(places + 1), significand: 5) : 0 }
        let c = half(completedDecimals)
        let t = half(targetDecimals)
        guard target - t > 0 else { return false }
        let low = max(0, completed - c) / (target + t) * 100
        let high = (completed + c) / (target - t) * 100
        // The reported rate is rounded too, whole percentages included (±0.5).
        let r = Decimal(sign: .plus, exponent: -(max(0, min(decimals, 10)) + 1), significand: 5)
        return reported + r >= low && reported - r <= high
    }

    /// Whether a rate shown with all its digits is completed ÷ target (relative tolerance 1e-9).
    public static func agreesInFull(_ reported: Decimal, _ expected: Decimal) -> Bool {
        let scale = max(abs(expected), abs(reported))
        return abs(reported - expected) <= scale * Decimal(sign: .plus, exponent: -9, significand: 1)
    }

    static func round(_ value: Decimal, _ places: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var v = value
        var result = Decimal()
        NSDecimalRound(&result, &v, places, value < 0 && mode == .down ? .up : mode)
        return result
    }

    /// Digits after the decimal point in a printed number (`116.67%` → 2, `12%` → 0).
    public static func printedDecimals(_ text: String) -> Int {
        let folded = QuantityParser.fold(text)
        guard let point = folded.firstIndex(of: ".") else { return 0 }
        return folded[folded.index(after: point)...].prefix(while: { $0.isASCII && $0.isNumber }).count
    }
}
