@testable import Minsheng
import TestSupport
import Testing

/// Sum lines above the items they sum: a 合计 before every item (the total first) and a section
/// heading that carries its section's sums (一、市级项目 | 16842). Both are checked against the
/// items under them, and the reading names the 合计 row as the table's total.
struct SumLineTests {
    static func codes(_ findings: [Finding]) -> [String] { findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } }

    static let rows = [
        ["序号", "项目", "投资计划(万元)", "完成额度(万元)", "占比(%)"],
        ["合计", "", "1000", "500", "50"],
        ["一、市级项目", "", "600", "300", "50"],
        ["1", "老旧小区改造", "400", "200", "50"],
        ["2", "农村公路护栏", "200", "100", "50"],
        ["二、区级项目", "", "400", "200", "50"],
        ["3", "口袋公园", "300", "150", "50"],
        ["4", "菜市场改造", "100", "50", "50"],
    ]

    @Test func aTotalAboveTheItemsIsTheirTotalAndAgrees() throws {
        let (result, findings) = try TableFixture.check(Self.rows)
        #expect(Self.codes(findings).isEmpty, "\(findings.map(\.message))")
        let reading = try #require(result.readings.first)
        #expect(reading.total?.label == "合计")
        #expect(reading.total?.place == "第2行")
        #expect(reading.itemRows == [4, 5, 7, 8])
    }

    @Test func aWrongTotalAboveTheItemsIsFoundAndSaysBelow() throws {
        var rows = Self.rows
        rows[1][2] = "1100"
        let (_, findings) = try TableFixture.check(rows)
        // (Its rate, 500 ÷ 1100, no longer holds either.)
        #expect(Self.codes(findings) == ["total-mismatch C2", "rate-mismatch E2"])
        #expect(findings.first?.message.contains("与下面 4 项之和 1000 不一致") == true, "\(findings.map(\.message))")
    }

    @Test func aSectionHeadingsSumsAreItsItemsSums() throws {
        var rows = Self.rows
        rows[5][3] = "250"  // 二、区级项目's completion: its items give 200
        rows[1][3] = "550"  // (and the 合计 follows it, so only the heading is wrong)
        rows[1][4] = "55"
        rows[5][4] = "62.5"
        let (_, findings) = try TableFixture.check(rows)
        #expect(Self.codes(findings).sorted() == ["completed-total-mismatch D2", "completed-total-mismatch D6"], "\(findings.map(\.message))")
        // The heading's own rate is checked as a row's: 250 ÷ 400 is 62.5%, typed 50 it is wrong.
        rows[5][4] = "50"
        let (_, again) = try TableFixture.check(rows)
        #expect(Self.codes(again).contains("rate-mismatch E6"), "\(again.map(\.message))")
    }
}

/// A 合计 row of figures printed with decimals may differ from its items' sum by their rounding,
/// as a total of areas may; whole numbers are exact.
struct ColumnTotalRoundingTests {
    static func rows(total: String, parts: [String]) -> [[String]] {
        [["项目", "资金(万元)"]] + parts.enumerated().map { ["项目\($0.offset + 1)", $0.element] } + [["合计", total]]
    }

    @Test func aTotalWithinTheRoundingOfItsPartsIsNoError() throws {
        // 33.333 three times printed to two places: 33.33 × 3 = 99.99 against a total of 100.00.
        let (_, findings) = try TableFixture.check(Self.rows(total: "100.00", parts: ["33.33", "33.33", "33.33"]))
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func wholeNumbersAndLargerGapsAreErrors() throws {
        let (_, whole) = try TableFixture.check(Self.rows(total: "100", parts: ["33", "33", "33"]))
        #expect(whole.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch B5"])
        let (_, gap) = try TableFixture.check(Self.rows(total: "101.00", parts: ["33.33", "33.33", "33.33"]))
        #expect(gap.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch B5"])
    }
}
