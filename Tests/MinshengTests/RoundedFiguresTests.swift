import Foundation
import TestSupport
import Testing

@testable import Minsheng

/// Figures printed with decimals are themselves rounded: a rate or a total is judged within what
/// that rounding allows, and no further.
struct RoundedFiguresTests {
    @Test func aRateOfRoundedFiguresAgreesWithinTheirRounding() {
        // 3.49 万人 ÷ 3.31 万人: 3.485…3.495 over 3.305…3.315 is 105.13%…105.75%.
        #expect(RateCheck.agreesWithRoundedInputs(reported: 105.3, decimals: 1, completed: 3.49, completedDecimals: 2, target: 3.31, targetDecimals: 2))
        #expect(RateCheck.agreesWithRoundedInputs(reported: 105.7, decimals: 1, completed: 3.49, completedDecimals: 2, target: 3.31, targetDecimals: 2))
        // Outside that range, however the inputs were rounded.
        #expect(!RateCheck.agreesWithRoundedInputs(reported: 106.0, decimals: 1, completed: 3.49, completedDecimals: 2, target: 3.31, targetDecimals: 2))
        #expect(!RateCheck.agreesWithRoundedInputs(reported: 104.9, decimals: 1, completed: 3.49, completedDecimals: 2, target: 3.31, targetDecimals: 2))
        // Whole numbers are counts: exact, no range.
        #expect(!RateCheck.agreesWithRoundedInputs(reported: 111, decimals: 0, completed: 7568, completedDecimals: 0, target: 7400, targetDecimals: 0))
    }

    @Test func aRateRuleAcceptsARoundedFiguresRateAndStillFindsAWrongOne() throws {
        let (_, findings) = try TableFixture.check([
            ["项目", "单位", "年度目标", "完成数", "完成率"],
            ["新增农村通自来水人口", "万人", "3.31", "3.49", "105.3%"],
            ["城镇新增就业", "万人", "5.2", "7.23", "139.1%"],
            ["培训", "万人", "3.31", "3.49", "107.3%"],
        ])
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["rate-mismatch E4"])
    }

    @Test func aTotalOfRoundedFiguresAgreesWithinTheirRounding() throws {
        // 14 areas to two decimals: the total may be off their sum by up to 15 half-hundredths.
        let (_, findings) = try TableFixture.check([
            ["项目", "单位", "合计", "甲县", "乙县", "丙县"],
            ["计划投资", "万元", "100.03", "33.34", "33.34", "33.34"],
            ["计划投资二", "万元", "100.50", "33.34", "33.34", "33.34"],
        ])
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch C3"])
    }
}
