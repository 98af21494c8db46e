import Foundation

/// How a reported completion rate compares with completed ÷ target.
enum RateVerdict: Hashable, Sendable {
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
enum RateCheck {
    /// `reported` is the percent figure as printed (104 for 104%), `decimals` the digits printed
    /// after the point; completed and target in the same unit.
    static func compare(reported: Decimal, decimals: Int, completed: Decimal, target: Decimal) -> RateVerdict {
        let places = max(0, min(decimals, 10))
        // Typed figures: the verdict from integer arithmetic, the expected rate (for a finding's
        // words) only when there is a finding.
        if let r = ExactDecimal(reported), let c = ExactDecimal(completed), let t = ExactDecimal(target) {
            if t.mantissa == 0 { return .notCheckable }
            if let verdict = exactVerdict(reported: r, places: places, completed: c, target: t) {
                switch verdict {
                case .consistent: return .consistent
                case .truncationOnly: return .truncationOnly(expected: completed / target * 100)
                case .nearMiss: return .nearMiss(expected: completed / target * 100)
                case .mismatch: return .mismatch(expected: completed / target * 100)
                }
            }
        }
        guard target != 0 else { return .notCheckable }
        let expected = completed / target * 100
        if round(expected, places, .plain) == reported { return .consistent }
        if round(expected, places, .down) == reported { return .truncationOnly(expected: expected) }
        // One unit of the last printed digit, built exactly (Decimal division is slow).
        let unit = Decimal(sign: .plus, exponent: -places, significand: 1)
        if abs(reported - expected) < unit { return .nearMiss(expected: expected) }
        return .mismatch(expected: expected)
    }

    /// What `compare` answers, from integer arithmetic on the figures' mantissas: completed ÷
    /// target × 100 is the fraction n ÷ d at `places` digits, rounded (half away from zero) and
    /// truncated exactly. Nil when a product would overflow 63 bits (then `Decimal` decides).
    /// Foundation's 38-digit quotient rounds the same way: a fraction of 63-bit integers is
    /// never within 10⁻³⁸ of a rounding boundary without being on it.
    static func exactVerdict(reported: ExactDecimal, places: Int, completed: ExactDecimal, target: ExactDecimal)
        -> ExactVerdict?
    {
        let shift = completed.exponent - target.exponent + 2 + places
        var n: Int64
        var d: Int64
        if shift >= 0 {
            guard let scaled = ExactDecimal.scale(completed.mantissa, by: shift) else { return nil }
            (n, d) = (scaled, target.mantissa)
        } else {
            guard let scaled = ExactDecimal.scale(target.mantissa, by: -shift) else { return nil }
            (n, d) = (completed.mantissa, scaled)
        }
        guard n != .min, d != .min, d != 0 else { return nil }
        if d < 0 { (n, d) = (-n, -d) }
        let quotient = n.magnitude / d.magnitude
        let remainder = n.magnitude % d.magnitude
        let roundsUp = remainder >= d.magnitude - remainder
        let sign: Int64 = n < 0 ? -1 : 1
        let truncated = sign * Int64(quotient)
        let rounded = sign * Int64(quotient + (roundsUp ? 1 : 0))
        if let shown = reported.scaled(toPlaces: places) {
            if shown == rounded { return .consistent }
            if shown == truncated { return .truncationOnly }
        }
        // |reported − n ÷ d| < one unit of the last digit, over a common denominator:
        // reported × 10^places = m ÷ 10^s.
        let digits = reported.exponent + places
        let s = max(0, -digits)
        guard let m = ExactDecimal.scale(reported.mantissa, by: max(0, digits)), let unit = ExactDecimal.scale(d, by: s),
            let scaledN = ExactDecimal.scale(n, by: s)
        else { return nil }
        let (md, overflow) = m.multipliedReportingOverflow(by: d)
        guard !overflow else { return nil }
        let (gap, overflowed) = md.subtractingReportingOverflow(scaledN)
        guard !overflowed, gap != .min else { return nil }
        return gap.magnitude < unit.magnitude ? .nearMiss : .mismatch
    }

    enum ExactVerdict {
        case consistent, truncationOnly, nearMiss, mismatch
    }

    /// Whether a reported rate is within what completed ÷ target can be when the figures were
    /// themselves rounded to the digits they are printed with (3.49 万人 ÷ 3.31 万人 printed
    /// 105.3%: 3.485…3.495 over 3.305…3.315 gives 105.13%…105.75%). Whole numbers are counts,
    /// taken as exact: only figures printed with decimals widen the range.
    static func agreesWithRoundedInputs(
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
    static func agreesInFull(_ reported: Decimal, _ expected: Decimal) -> Bool {
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
    static func printedDecimals(_ text: String) -> Int {
        if let ascii = printedDecimalsOfASCII(text) { return ascii }
        let folded = QuantityParser.fold(text)
        guard let point = folded.firstIndex(of: ".") else { return 0 }
        return folded[folded.index(after: point)...].prefix(while: { $0.isASCII && $0.isNumber }).count
    }

    /// `printedDecimals(Quantity.format(value))`, read from the value's exponent when its
    /// storage is compact and within the 6 places `format` rounds to (no text made); else from
    /// the text.
    static func printedDecimals(of value: Decimal) -> Int {
        if let exact = ExactDecimal(value), exact.exponent >= -6, exact.exponent >= 0 || exact.mantissa % 10 != 0 {
            return max(0, -exact.exponent)
        }
        return printedDecimals(Quantity.format(value))
    }

    /// `printedDecimals` of an ASCII text without folding it into a new string (white space is
    /// skipped, as folding removes it); nil for other text.
    private static func printedDecimalsOfASCII(_ text: String) -> Int? {
        var count = 0
        var state = 0  // 0: before the point, 1: counting its digits, 2: done
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            switch state {
            case 0: if byte == UInt8(ascii: ".") { state = 1 }
            case 1: if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { count += 1 } else { state = 2 }
            default: break
            }
        }
        return count
    }
}
