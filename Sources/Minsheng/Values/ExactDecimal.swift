import Foundation

/// A decimal figure as an integer mantissa and a power of ten, read from a `Decimal`'s own
/// storage: the fast path of the rate and figure arithmetic that runs for every value of every
/// row. Foundation's `Decimal` division, rounding and formatting allocate and compact on each
/// call; most figures people type have a mantissa of a few digits, and for them the same
/// answers come exactly from integer arithmetic. Anything else (a mantissa over 63 bits, a
/// platform whose `Decimal` is stored otherwise) has no `ExactDecimal`, and the caller uses
/// `Decimal` as before — the answers are the same either way (`ExactDecimalTests`).
struct ExactDecimal: Sendable, Equatable {
    /// The value is `mantissa` × 10^`exponent`.
    var mantissa: Int64
    var exponent: Int

    init(mantissa: Int64, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// The value of `decimal`, when its mantissa fits 63 bits.
    init?(_ decimal: Decimal) {
        guard ExactDecimal.layoutIsKnown, let read = ExactDecimal.read(decimal) else { return nil }
        self = read
    }

    /// Reads the storage Foundation gives `Decimal` (swift-foundation: the exponent in the first
    /// byte, the mantissa's length in 16-bit words in the high half of the second, its sign in
    /// bit 3 of it, the words from the fifth byte on, least significant first).
    private static func read(_ decimal: Decimal) -> ExactDecimal? {
        withUnsafeBytes(of: decimal) { raw -> ExactDecimal? in
            guard raw.count == 20 else { return nil }
            let exponent = Int(Int8(bitPattern: raw[0]))
            let length = Int(raw[1] >> 4)
            let negative = raw[1] & 0x08 != 0
            // Length 0 is zero, or NaN when negative.
            if length == 0 { return negative ? nil : ExactDecimal(mantissa: 0, exponent: 0) }
            guard length <= 4 else { return nil }
            var magnitude: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                magnitude = magnitude << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
            }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return ExactDecimal(mantissa: negative ? -Int64(magnitude) : Int64(magnitude), exponent: exponent)
        }
    }

    /// Whether `read` reads this platform's `Decimal`: checked once, on known values.
    static let layoutIsKnown: Bool = {
        let samples = ["0", "1230", "-0.001", "123456789012", "-98765432109876.5", "0.0000001", "9223372036854775807"]
        for text in samples {
            guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), let read = read(decimal),
                read.decimal == decimal
            else { return false }
        }
        return true
    }()

    /// The value as a `Decimal`.
    var decimal: Decimal {
        Decimal(sign: mantissa < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa.magnitude))
    }

    /// 10^n for n in 0...18.
    static func power(_ n: Int) -> Int64? {
        guard (0...18).contains(n) else { return nil }
        var result: Int64 = 1
        for _ in 0..<n { result *= 10 }
        return result
    }

    /// `value` × 10^`n` (n ≥ 0), nil on overflow.
    static func scale(_ value: Int64, by n: Int) -> Int64? {
        guard n >= 0 else { return nil }
        if value == 0 { return 0 }
        guard let factor = power(n) else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    /// Whether the value has no fractional part.
    var isInteger: Bool {
        guard exponent < 0 else { return true }
        guard let divisor = ExactDecimal.power(-exponent) else { return mantissa == 0 }
        return mantissa % divisor == 0
    }

    /// The value as a whole number × 10^`places` (`value` × 10^places, exactly), nil when that is
    /// no whole number or overflows.
    func scaled(toPlaces places: Int) -> Int64? {
        let shift = exponent + places
        if shift >= 0 { return ExactDecimal.scale(mantissa, by: shift) }
        guard let divisor = ExactDecimal.power(-shift) else { return mantissa == 0 ? 0 : nil }
        return mantissa % divisor == 0 ? mantissa / divisor : nil
    }

    /// The value of a plain decimal text (`0.853`, `-12.5`: an optional minus, digits, at most one
    /// point), as `Decimal(string:)` reads it; nil for anything else (an exponent, a sign `+`,
    /// more digits than 63 bits hold), for the caller to read with `Decimal(string:)`.
    init?(plain text: String) {
        // (Read from the bytes in place: the text is a number's, made for this, and walking its
        // `utf8` view cost more than the arithmetic.)
        var text = text
        guard let read = text.withUTF8({ ExactDecimal.plain($0) }) else { return nil }
        self = read
    }

    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        var mantissa: Int64 = 0
        var fraction = 0
        var digits = 0
        var negative = false
        var point = false
        for index in 0..<bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "-") where index == 0: negative = true
            case UInt8(ascii: "."):
                guard !point else { return nil }
                point = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (times10, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                guard !overflow, fraction < 100 else { return nil }
                mantissa = times10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if point { fraction += 1 }
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        return ExactDecimal(mantissa: negative ? -mantissa : mantissa, exponent: -fraction)
    }

    /// The value × `factor`, nil on overflow.
    func times(_ factor: Int64) -> ExactDecimal? {
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: factor)
        return overflow ? nil : ExactDecimal(mantissa: product, exponent: exponent)
    }

    /// The sign of `a − b` (−1, 0, 1), nil when aligning the two overflows.
    static func order(_ a: ExactDecimal, _ b: ExactDecimal) -> Int? {
        guard let (x, y) = aligned(a, b) else { return nil }
        return x < y ? -1 : x == y ? 0 : 1
    }

    /// The sign of `value` against zero (−1, 0, 1), from its mantissa when it fits, else from
    /// Foundation's comparisons (a NaN is 1: neither below nor equal to zero, as they say).
    static func signum(_ value: Decimal) -> Int {
        if let exact = ExactDecimal(value) { return Int(exact.mantissa.signum()) }
        return value < 0 ? -1 : value == 0 ? 0 : 1
    }

    /// Whether `a > b`: from integer arithmetic when both fit, else Foundation's comparison
    /// (which normalizes the two on every call).
    static func greater(_ a: Decimal, than b: Decimal) -> Bool {
        if let x = ExactDecimal(a), let y = ExactDecimal(b), let order = order(x, y) { return order > 0 }
        return a > b
    }

    /// `self + other` as Foundation adds two `Decimal`s (its sums are compact, and so is
    /// `decimal`: the same `Decimal`), nil on overflow.
    func adding(_ other: ExactDecimal) -> ExactDecimal? {
        guard let (x, y) = ExactDecimal.aligned(self, other) else { return nil }
        let (sum, overflow) = x.addingReportingOverflow(y)
        return overflow ? nil : ExactDecimal(mantissa: sum, exponent: min(exponent, other.exponent))
    }

    /// The two values over one exponent (the smaller), nil on overflow.
    static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int64, Int64)? {
        let exponent = min(a.exponent, b.exponent)
        guard let x = scale(a.mantissa, by: a.exponent - exponent), let y = scale(b.mantissa, by: b.exponent - exponent) else {
            return nil
        }
        return (x, y)
    }

    /// The value as `Quantity.format` writes it (rounded to 6 places, half away from zero;
    /// trailing zeros dropped), or nil when its storage is not compact (trailing zeros kept in
    /// the mantissa), which this does not promise to write as Foundation does.
    var formatted: String? {
        var magnitude = mantissa.magnitude
        var exponent = self.exponent
        if magnitude == 0 { return "0" }
        if exponent < 0 && magnitude % 10 == 0 { return nil }
        if exponent < -6 {
            guard let divisor = ExactDecimal.power(-6 - exponent) else { return nil }
            let divisorMagnitude = divisor.magnitude
            let remainder = magnitude % divisorMagnitude
            magnitude /= divisorMagnitude
            if remainder >= divisorMagnitude - remainder { magnitude += 1 }
            exponent = -6
            if magnitude == 0 { return nil }
            while exponent < 0 && magnitude % 10 == 0 {
                magnitude /= 10
                exponent += 1
            }
        }
        var digits = String(magnitude)
        if exponent >= 0 {
            digits += String(repeating: "0", count: exponent)
        } else {
            let fraction = -exponent
            if digits.utf8.count <= fraction { digits = String(repeating: "0", count: fraction - digits.utf8.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -fraction))
        }
        return mantissa < 0 ? "-" + digits : digits
    }
}
