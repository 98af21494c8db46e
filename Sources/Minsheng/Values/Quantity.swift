import Foundation

/// A figure as people write it in plans and reports: an exact decimal value, a unit, and
/// whether it is a floor (以上, 不少于), a ceiling (以内), or an approximation (约, 左右).
///
/// ```swift
/// QuantityParser.parse("3.3万人以上")   // .quantity(33000 人, atLeast)
/// ```
struct Quantity: Hashable, Sendable, CustomStringConvertible {
    /// How the figure binds.
    enum Bound: String, Hashable, Sendable {
        case exact, atLeast, atMost, approximately
    }

    /// The value in base units (3.3万 is 33000). Percentages hold the percent figure: 95% is 95.
    var value: Decimal
    /// The unit as written (人, 个, 万元, 公里 …), `%` for percentages, nil when none.
    var unit: String?
    /// Floor, ceiling, approximation or exact.
    var bound: Bound

    /// Creates one from its parts.
    init(_ value: Decimal, unit: String? = nil, bound: Bound = .exact) {
        self.value = value
        self.unit = unit
        self.bound = bound
    }

    /// Whether the figure is a percentage.
    var isPercent: Bool {
        // `unit == "%"` by its one byte: no other text is equal to `%` (String's equality would
        // walk a unit such as 万元 through the non-ASCII comparison every time).
        guard let unit else { return false }
        let bytes = unit.utf8
        return bytes.count == 1 && bytes.first == UInt8(ascii: "%")
    }

    /// The value as a plain ratio for percentages (95% → 0.95), else the value.
    var ratio: Decimal { isPercent ? Quantity.shifted(value, by: -2) : value }

    /// `value` × 10^`places`, exactly: the decimal point moved, not Foundation's multiplication
    /// or division (which allocate on every call): a percentage read (0.95 → 95) or turned into
    /// a ratio (95 → 0.95) for every rate of every row.
    static func shifted(_ value: Decimal, by places: Int) -> Decimal {
        let exponent = value.exponent + places
        guard !value.isZero, !value.isNaN, (-120...120).contains(exponent) else {
            return places >= 0 ? value * Decimal(sign: .plus, exponent: places, significand: 1)
                : value / Decimal(sign: .plus, exponent: -places, significand: 1)
        }
        return Decimal(sign: value.sign, exponent: exponent, significand: value.significand)
    }

    /// The value as a Double (for reports).
    var doubleValue: Double { NSDecimalNumber(decimal: value).doubleValue }

    /// `33000人以上`.
    var description: String {
        let number = Quantity.format(value)
        let suffix: String
        switch bound {
        case .exact: suffix = ""
        case .atLeast: suffix = "以上"
        case .atMost: suffix = "以内"
        case .approximately: suffix = "左右"
        }
        return number + (unit ?? "") + suffix
    }

    /// A decimal as plain text (`33000`, `0.95`, `111.67`).
    static func format(_ value: Decimal) -> String {
        if let text = ExactDecimal(value)?.formatted { return text }
        var v = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &v, 6, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    /// A cell's number as the decimal it shows: whole numbers (most figures) directly, others
    /// from their shortest text (`0.1` stays 0.1, not 0.1000000000000000055…), which `text`
    /// gives.
    static func decimal(_ n: Double, text: (Double) -> String) -> Decimal {
        if n == n.rounded(), abs(n) < 1e15 { return Decimal(Int64(n)) }
        let written = text(n)
        // Plain decimals (`0.853`, nearly every rate) read as integers, not by Foundation's parser.
        if let exact = ExactDecimal(plain: written) { return exact.decimal }
        return Decimal(string: written) ?? Decimal(n)
    }

    /// Whether two values are equal: exactly for integers, to a relative 1e-9 otherwise.
    static func equal(_ a: Decimal, _ b: Decimal) -> Bool {
        if let x = ExactDecimal(a), let y = ExactDecimal(b), let answer = exactlyEqual(x, y) { return answer }
        if a == b { return true }
        let difference = abs(NSDecimalNumber(decimal: a - b).doubleValue)
        let scale = max(abs(NSDecimalNumber(decimal: a).doubleValue), abs(NSDecimalNumber(decimal: b).doubleValue))
        if isInteger(a) && isInteger(b) { return false }
        return difference <= 1e-9 * scale
    }

    /// `equal` on typed figures, from integer arithmetic; nil when the relative difference is
    /// too close to 1e-9 to be sure the `Double` arithmetic of `equal` would agree (or a figure
    /// overflows), for `equal` to decide as before.
    private static func exactlyEqual(_ a: ExactDecimal, _ b: ExactDecimal) -> Bool? {
        guard let (x, y) = ExactDecimal.aligned(a, b) else { return nil }
        if x == y { return true }
        if a.isInteger && b.isInteger { return false }
        let (difference, overflow) = x.subtractingReportingOverflow(y)
        guard !overflow else { return nil }
        let gap = Double(difference.magnitude) * 1e9
        let scale = Double(max(x.magnitude, y.magnitude))
        if gap < scale * (1 - 1e-6) { return true }
        if gap > scale * (1 + 1e-6) { return false }
        return nil
    }

    static func isInteger(_ value: Decimal) -> Bool {
        var v = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &v, 0, .plain)
        return rounded == value
    }
}

/// What a cell holds once read as a figure.
enum CellQuantity: Hashable, Sendable {
    /// A figure.
    case quantity(Quantity)
    /// Not applicable: `——`, `—`, `-`, `/`, `无`, blank. Never an error.
    case notApplicable
    /// A qualitative target kept as text: 应保尽保, 全覆盖 … Never an error.
    case qualitative(String)
    /// Text that is no figure (见附件, `8300人以上？？`), kept as written.
    case unparsed(String)

    /// The figure, if any.
    var quantity: Quantity? {
        if case .quantity(let q) = self { return q }
        return nil
    }
}
