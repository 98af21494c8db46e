import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// Each form of DESIGN's quantity table, and the ones seen in the seeds.
struct QuantityParserTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var value: Decimal
        var unit: String?
        var bound: Quantity.Bound
        var description: String { text }
    }

    static let figures: [Case] = [
        Case(text: "3.3万人以上", value: 33000, unit: "人", bound: .atLeast),
        Case(text: "不少于816个", value: 816, unit: "个", bound: .atLeast),
        Case(text: "约3900人", value: 3900, unit: "人", bound: .approximately),
        Case(text: "3900人左右", value: 3900, unit: "人", bound: .approximately),
        Case(text: "95%以上", value: 95, unit: "%", bound: .atLeast),
        Case(text: "８３００", value: 8300, unit: nil, bound: .exact),
        Case(text: "8,300", value: 8300, unit: nil, bound: .exact),
        Case(text: "８，３００", value: 8300, unit: nil, bound: .exact),
        Case(text: "8300 ", value: 8300, unit: nil, bound: .exact),
        Case(text: "0.74万人", value: 7400, unit: "人", bound: .exact),
        Case(text: "1.2亿元", value: 120_000_000, unit: "元", bound: .exact),
        Case(text: "790户及以上", value: 790, unit: "户", bound: .atLeast),
        Case(text: "不低于7400件", value: 7400, unit: "件", bound: .atLeast),
        Case(text: "116.67%", value: Decimal(string: "116.67")!, unit: "%", bound: .exact),
        Case(text: "14.0 ", value: 14, unit: nil, bound: .exact),
        Case(text: "-5", value: -5, unit: nil, bound: .exact),
        Case(text: "1645 户", value: 1645, unit: "户", bound: .exact),
        Case(text: "887套(间)", value: 887, unit: "套(间)", bound: .exact),
        Case(text: "不超过12个月", value: 12, unit: "个月", bound: .atMost),
    ]

    @Test(arguments: figures)
    func readsAFigure(_ c: Case) {
        let parsed = TestWords.quantity(c.text)
        #expect(parsed == .quantity(Quantity(c.value, unit: c.unit, bound: c.bound)), "\(c.text) → \(parsed)")
    }

    @Test(arguments: ["——", "—", "-", "/", "无", "", "  ", "— —"])
    func readsNotApplicable(_ text: String) {
        #expect(TestWords.quantity(text) == .notApplicable)
    }

    @Test(arguments: ["应保尽保", "全覆盖", "应救尽救"])
    func keepsQualitativeTargetsAsText(_ text: String) {
        #expect(TestWords.quantity(text) == .qualitative(text))
    }

    @Test(arguments: ["见附件", "8300人以上？？", "1-10月", "详见说明材料第3页", "495O", "12l"])
    func keepsWhatIsNoFigureAsUnparsedText(_ text: String) {
        #expect(TestWords.quantity(text) == .unparsed(text))
    }

    @Test func readsPercentFormattedNumbers() {
        #expect(QuantityParser.parse(number: 0.95, percentFormat: true) == .quantity(Quantity(95, unit: "%")))
        #expect(QuantityParser.parse(number: 0.1, percentFormat: false) == .quantity(Quantity(Decimal(string: "0.1")!)))
    }

    @Test func keepsAHeaderUnitOfWanUnscaled() {
        #expect(TestWords.quantity("500万元", headerUnit: "万元") == .quantity(Quantity(500, unit: "万元")))
        #expect(TestWords.quantity("500万元") == .quantity(Quantity(5_000_000, unit: "元")))
    }

    @Test func comparesIntegersExactlyAndDecimalsWithTolerance() {
        #expect(Quantity.equal(33000, 33000))
        #expect(!Quantity.equal(33000, 33001))
        #expect(Quantity.equal(Decimal(string: "81.69")!, Decimal(string: "81.6900000000001")!))
        #expect(!Quantity.equal(Decimal(string: "81.69")!, Decimal(string: "81.7")!))
    }
}
