import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// The integer fast paths of the figure arithmetic (`ExactDecimal`) answer exactly as the
/// `Decimal` arithmetic they replace: each is compared here with the code it replaced, kept
/// below as the reference, over many figures of the shapes tables hold.
struct ExactDecimalTests {
    /// A reproducible sequence of figures (SplitMix64).
    struct Figures {
        var random: SplitMix64

        init(state: UInt64) { random = SplitMix64(seed: state) }

        mutating func below(_ n: Int) -> Int { random.below(n) }

        /// A figure as tables hold them: whole counts, 万元 to a few places, percentages, now
        /// and then a long quotient, zero or a negative.
        mutating func figure() -> Decimal {
            let digits = [1, 2, 3, 4, 5, 6, 8, 10, 13, 17][below(10)]
            var mantissa = Decimal(0)
            for _ in 0..<digits { mantissa = mantissa * 10 + Decimal(below(10)) }
            var value = Decimal(sign: below(12) == 0 ? .minus : .plus, exponent: -below(9), significand: mantissa)
            if below(20) == 0 { value = value / Decimal(below(997) + 3) }
            return value
        }
    }

    // MARK: the code the fast paths replaced

    static func referenceFormat(_ value: Decimal) -> String {
        var v = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &v, 6, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    static func referenceEqual(_ a: Decimal, _ b: Decimal) -> Bool {
        if a == b { return true }
        let difference = abs(NSDecimalNumber(decimal: a - b).doubleValue)
        let scale = max(abs(NSDecimalNumber(decimal: a).doubleValue), abs(NSDecimalNumber(decimal: b).doubleValue))
        if Quantity.isInteger(a) && Quantity.isInteger(b) { return false }
        return difference <= 1e-9 * scale
    }

    static func referenceCompare(reported: Decimal, decimals: Int, completed: Decimal, target: Decimal) -> RateVerdict {
        guard target != 0 else { return .notCheckable }
        let expected = completed / target * 100
        let places = max(0, min(decimals, 10))
        if RateCheck.round(expected, places, .plain) == reported { return .consistent }
        if RateCheck.round(expected, places, .down) == reported { return .truncationOnly(expected: expected) }
        let unit = Decimal(sign: .plus, exponent: -places, significand: 1)
        if abs(reported - expected) < unit { return .nearMiss(expected: expected) }
        return .mismatch(expected: expected)
    }

    static func referencePrintedDecimals(_ text: String) -> Int {
        let folded = QuantityParser.fold(text)
        guard let point = folded.firstIndex(of: ".") else { return 0 }
        return folded[folded.index(after: point)...].prefix(while: { $0.isASCII && $0.isNumber }).count
    }

    // MARK: tests

    @Test func readsThisPlatformsDecimals() throws {
        #expect(ExactDecimal.layoutIsKnown)
        let decimal = try #require(Decimal(string: "-123.45", locale: Locale(identifier: "en_US_POSIX")))
        let value = try #require(ExactDecimal(decimal))
        #expect(value == ExactDecimal(mantissa: -12345, exponent: -2))
        #expect(value.decimal == decimal)
    }

    @Test func formatsAsFoundationDoes() {
        var figures = Figures(state: 1)
        var fast = 0
        for _ in 0..<20_000 {
            let value = figures.figure()
            if ExactDecimal(value)?.formatted != nil { fast += 1 }
            #expect(Quantity.format(value) == Self.referenceFormat(value), "\(value)")
        }
        // Most figures take the fast path (the rest: long quotients and mantissas).
        #expect(fast > 15_000, "\(fast)")
        for text in ["0.0000005", "-0.0000005", "0.00000049", "1.2345675", "99.9999995", "-0.0000001", "1e25", "1230"] {
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
            #expect(Quantity.format(value) == Self.referenceFormat(value), "\(text)")
        }
    }

    @Test func comparesAsFoundationDoes() {
        var figures = Figures(state: 2)
        for _ in 0..<20_000 {
            let a = figures.figure()
            // Equal, nearly equal (within and beyond 1e-9) and unrelated figures.
            let b: Decimal
            switch figures.below(4) {
            case 0: b = a
            case 1: b = a + a * Decimal(sign: .plus, exponent: -(8 + figures.below(4)), significand: Decimal(figures.below(20) + 1))
            case 2: b = a + Decimal(sign: .plus, exponent: -figures.below(12), significand: 1)
            default: b = figures.figure()
            }
            #expect(Quantity.equal(a, b) == Self.referenceEqual(a, b), "\(a) \(b)")
        }
    }

    @Test func judgesRatesAsFoundationDoes() {
        var figures = Figures(state: 3)
        var answeredExactly = 0
        for _ in 0..<20_000 {
            let completed = figures.figure()
            let target = figures.below(30) == 0 ? Decimal(0) : figures.figure()
            let decimals = figures.below(5)
            // The rate as printed: rounded, truncated, off by a little or by a lot.
            var reported: Decimal
            if target == 0 {
                reported = Decimal(figures.below(200))
            } else {
                let expected = completed / target * 100
                switch figures.below(5) {
                case 0: reported = RateCheck.round(expected, decimals, .plain)
                case 1: reported = RateCheck.round(expected, decimals, .down)
                case 2: reported = RateCheck.round(expected, decimals, .plain) + Decimal(sign: .plus, exponent: -decimals, significand: 1)
                case 3: reported = RateCheck.round(expected, decimals + 1, .plain)
                default: reported = figures.figure()
                }
            }
            let fast = RateCheck.compare(reported: reported, decimals: decimals, completed: completed, target: target)
            let reference = Self.referenceCompare(reported: reported, decimals: decimals, completed: completed, target: target)
            #expect(fast == reference, "\(reported) \(decimals) \(completed) \(target)")
            if let r = ExactDecimal(reported), let c = ExactDecimal(completed), let t = ExactDecimal(target), t.mantissa != 0,
                RateCheck.exactVerdict(reported: r, places: decimals, completed: c, target: t) != nil
            {
                answeredExactly += 1
            }
        }
        #expect(answeredExactly > 10_000, "\(answeredExactly)")
        // A tie at the printed precision rounds away from zero, as NSDecimalRound's .plain does.
        let ties: [(Int, Int, String, Int)] = [(1, 8, "12.5", 1), (1, 8, "13", 0), (-1, 8, "-13", 0), (-1, 8, "-12", 0), (827, 790, "104", 0)]
        for (c, t, r, d) in ties {
            let reported = Decimal(string: r, locale: Locale(identifier: "en_US_POSIX")) ?? 0
            #expect(
                RateCheck.compare(reported: reported, decimals: d, completed: Decimal(c), target: Decimal(t))
                    == Self.referenceCompare(reported: reported, decimals: d, completed: Decimal(c), target: Decimal(t)))
        }
    }

    @Test func movesThePointAsMultiplyingBy100Does() {
        var figures = Figures(state: 5)
        for _ in 0..<20_000 {
            let value = figures.figure()
            let times100 = Quantity.shifted(value, by: 2)
            let over100 = Quantity.shifted(value, by: -2)
            #expect(times100 == value * 100, "\(value)")
            #expect(over100 == value / 100, "\(value)")
            #expect(Quantity.format(times100) == Self.referenceFormat(value * 100), "\(value)")
            #expect(Quantity.format(over100) == Self.referenceFormat(value / 100), "\(value)")
            #expect(Quantity(value, unit: "%").ratio == value / 100)
        }
    }

    @Test func countsPrintedDecimalsAsFoldingDoes() {
        for text in ["116.67%", "12%", "3.49", " 1 . 5 ", "8,300.25", "１２．５", "0.", ".5", "1.2.3", "95%以上", "abc", "", "1.5\r\n", "−0.25"] {
            #expect(RateCheck.printedDecimals(text) == Self.referencePrintedDecimals(text), "\(text)")
        }
        var figures = Figures(state: 4)
        for _ in 0..<2_000 {
            let text = Quantity.format(figures.figure())
            #expect(RateCheck.printedDecimals(text) == Self.referencePrintedDecimals(text), "\(text)")
        }
    }

    /// A `Decimal`'s storage, byte for byte: the fast paths give the very same value, not only
    /// an equal one.
    static func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    @Test func readsNumbersAsDecimalStringDoes() {
        var figures = Figures(state: 5)
        var fast = 0
        for _ in 0..<20_000 {
            let double = NSDecimalNumber(decimal: figures.figure()).doubleValue / Double([1, 3, 7, 100][figures.below(4)])
            let text = "\(double)"
            let reference = Decimal(string: text) ?? Decimal(double)
            if ExactDecimal(plain: text) != nil { fast += 1 }
            #expect(Self.bytes(Quantity.decimal(double) { "\($0)" }) == Self.bytes(double == double.rounded() && abs(double) < 1e15 ? Decimal(Int64(double)) : reference), "\(text)")
        }
        for text in ["0.853", "-0.5", "12.50", "007.10", "1e-05", "+1.5", "1.2.3", "-", ".", "", "123456789012345678901.5"] {
            if let exact = ExactDecimal(plain: text) {
                #expect(Self.bytes(exact.decimal) == Self.bytes(Decimal(string: text) ?? .nan), "\(text)")
            } else {
                #expect(["1e-05", "+1.5", "1.2.3", "-", ".", "", "123456789012345678901.5"].contains(text), "\(text)")
            }
        }
        #expect(fast > 10_000)
    }

    @Test func addsAsFoundationDoes() {
        var figures = Figures(state: 6)
        for _ in 0..<5_000 {
            let values = (0..<(1 + figures.below(14))).map { _ in figures.figure() }
            var reference = Decimal(0)
            for value in values { reference += value }
            var exact: ExactDecimal? = ExactDecimal(mantissa: 0, exponent: 0)
            for value in values { exact = exact.flatMap { sum in ExactDecimal(value).flatMap(sum.adding) } }
            guard let exact else { continue }
            #expect(Self.bytes(exact.decimal) == Self.bytes(reference), "\(values)")
        }
    }

    @Test func judgesPlausibilityAsFoundationDoes() {
        var figures = Figures(state: 7)
        for _ in 0..<20_000 {
            let target = figures.figure()
            let completed = figures.below(3) == 0 ? target * Decimal(figures.below(40)) / 3 : figures.figure()
            let reference = target > 0 && ((target >= 20 && completed > target * 3) || completed > target * 10)
            #expect(Plausibility.isImplausible(completed: completed, target: target) == reference, "\(completed) \(target)")
            #expect(ExactDecimal.greater(completed, than: target) == (completed > target), "\(completed) \(target)")
            #expect((ExactDecimal.signum(target) < 0) == (target < 0) && (ExactDecimal.signum(target) != 0) == (target != 0), "\(target)")
        }
    }

    @Test func countsFormattedDecimalsAsTheTextDoes() {
        var figures = Figures(state: 8)
        for _ in 0..<20_000 {
            let value = figures.figure()
            #expect(RateCheck.printedDecimals(of: value) == RateCheck.printedDecimals(Quantity.format(value)), "\(value)")
        }
    }
}
