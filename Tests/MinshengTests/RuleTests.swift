import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// Each rule on small tables written here, read and checked in memory.
struct RuleTests {
    /// 项目 | 单位 | 合计 目标 完成 | 涡阳县 目标 完成 | 蒙城县 目标 完成 | 市本级 目标 完成, two header rows.
    static func progress(_ body: [[String]]) -> (rows: [[String]], merges: [String]) {
        let rows = [
            ["项目", "单位", "合计", "", "涡阳县", "", "蒙城县", "", "市本级", ""],
            ["", "", "目标", "完成", "目标", "完成", "目标", "完成", "目标", "完成"],
        ] + body
        return (rows, ["A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:H1", "I1:J1"])
    }

    static let plan = ["项目", "单位", "全市", "涡阳县", "蒙城县", "市本级"]

    // MARK: TotalRule

    @Test func aBlankAreaTargetIsNoShare() throws {
        let (_, findings) = try TableFixture.check([Self.plan, ["就业", "人", "16400", "8300", "8100", ""]])
        assertFindings(findings, [])
    }

    @Test func aTotalOffTheFilledAreasNamesTheBlankOnes() throws {
        let (_, findings) = try TableFixture.check([Self.plan, ["就业", "人", "17400", "8300", "8100", ""]])
        assertFindings(findings, ["total-mismatch error C2"])
        #expect(findings.first?.message.contains("市本级为空，按无任务计") == true)
        #expect(findings.first?.expected == 16400)
    }

    @Test func zeroIsAShareAndADashIsNone() throws {
        let (_, ok) = try TableFixture.check([Self.plan, ["就业", "人", "16400", "8300", "8100", "0"], ["岗位", "个", "10", "5", "5", "——"]])
        assertFindings(ok, [])
        let (_, off) = try TableFixture.check([Self.plan, ["就业", "人", "16401", "8300", "8100", "0"]])
        assertFindings(off, ["total-mismatch error C2"])
        #expect(off.first?.message.contains("为空") == false, "a 0 is filled, not blank")
    }

    @Test func aRowWithAllAreasBlankHasNoBreakdown() throws {
        let (_, findings) = try TableFixture.check([Self.plan, ["住房", "套", "500", "", "", ""]])
        assertFindings(findings, [])
    }

    @Test func aCompletedTotalIsCheckedAgainstTheAreasThatHaveTargets() throws {
        let table = Self.progress([["就业", "人", "16400", "14000", "8300", "7000", "8100", "7000", "", ""]])
        assertFindings(try TableFixture.check(table.rows, merges: table.merges).1, [])
        let off = Self.progress([["就业", "人", "16400", "15000", "8300", "7000", "8100", "7000", "", ""]])
        assertFindings(try TableFixture.check(off.rows, merges: off.merges).1, ["completed-total-mismatch error D3"])
    }

    @Test func anAreaWithATargetButNoCompletionIsIncomplete() throws {
        let table = Self.progress([["就业", "人", "16400", "14000", "8300", "7000", "8100", "", "", ""]])
        let (_, findings) = try TableFixture.check(table.rows, merges: table.merges)
        assertFindings(findings, ["breakdown-incomplete warning H3"])
        #expect(findings.first?.area == "蒙城县")
    }

    // MARK: ValueRule, MissingTargetRule, DuplicateRule

    static let simple = ["项目", "单位", "年度目标", "完成数", "完成率"]

    @Test func negativeFiguresAreErrorsAndTextInAColumnOfFiguresIsUnparsed() throws {
        let (_, findings) = try TableFixture.check([
            Self.simple, ["就业", "人", "-3", "2", ""], ["岗位", "个", "见附件", "5", ""], ["食堂", "个", "10", "5", ""],
            ["家政", "人", "20", "10", ""],
        ])
        assertFindings(findings, ["negative-value error C2", "unparsed-value warning C3"])
    }

    @Test func aSentenceTargetIsProseNotAnUnparsedFigure() throws {
        let (_, findings) = try TableFixture.check([
            Self.simple, ["食品安全", "批次", "围绕重点民生食品，开展食品安全抽检200批次。", "", ""], ["就业", "人", "10", "5", ""],
            ["岗位", "个", "20", "10", ""],
        ])
        assertFindings(findings, [])
    }

    @Test func aCompletionWithoutTargetIsMissingTargetButADashTargetIsNot() throws {
        let (_, findings) = try TableFixture.check([Self.simple, ["就业", "人", "", "20", ""], ["救助", "人", "——", "20", ""]])
        assertFindings(findings, ["missing-target warning C2"])
    }

    @Test func theSameItemTwiceIsADuplicate() throws {
        let (_, findings) = try TableFixture.check([Self.simple, ["就业", "人", "10", "5", ""], ["就 业", "人", "10", "5", ""]])
        assertFindings(findings, ["duplicate-item warning A3"])
    }

    // MARK: RateRule

    @Test func ratesAreJudgedAtTheirPrintedPrecision() throws {
        let (_, findings) = try TableFixture.check([
            Self.simple,
            ["对", "人", "790", "827", "104.68%"],
            ["截尾", "人", "790", "827", "104%"],
            ["略有出入", "人", "80", "81", "102%"],
            ["错", "人", "7400", "7568", "111%"],
        ])
        assertFindings(
            findings, ["rate-mismatch warning E3", "rate-mismatch warning E4", "rate-mismatch error E5"])
        #expect(findings.last?.expected == 102.27)
    }

    // MARK: ScheduleRule

    @Test func behindScheduleOnlyWithAnAsOfDate() throws {
        let rows = [Self.simple, ["就业", "人", "100", "50", ""], ["岗位", "个", "100", "90", ""]]
        assertFindings(try TableFixture.check(rows).1, [])
        let (_, findings) = try TableFixture.check(rows, asOf: AsOfDate("2023-10-31"))
        assertFindings(findings, ["behind-schedule warning D2"])
    }

    // MARK: PlausibilityRule

    @Test func implausibleFiguresAndUnitsAreWarnings() throws {
        let (_, findings) = try TableFixture.check([
            Self.simple,
            ["就业", "人", "8300", "66400", ""],
            ["岗位", "个", "550", "80%", ""],
            ["助餐点", "个", "7", "33", ""],
            ["培训", "人", "100", "90", "90人"],
        ])
        assertFindings(
            findings, ["implausible-value warning D2", "unit-mismatch warning D3", "unit-mismatch warning E5"])
    }

    // MARK: ProseBreakdownRule

    @Test func aProseBreakdownMustAddUp() throws {
        let rows = [
            ["项目", "单位", "年度目标"],
            ["就业", "人", "新增就业1000人，其中涡阳县300人、蒙城县300人、利辛县400人"],
            ["岗位", "个", "新增岗位1000个，其中涡阳县300个、蒙城县300个、利辛县300个"],
        ]
        let (_, findings) = try TableFixture.check(rows)
        assertFindings(findings, ["total-mismatch error C3"])
    }

    // MARK: The rules as a list

    @Test func aValidatorRunsOnlyTheRulesItIsGiven() throws {
        let table = try TableFixture.table([Self.plan, ["就业", "人", "17400", "8300", "8100", ""]])
        #expect(Validator(rules: [], tableRules: []).findings(for: table).isEmpty)
        #expect(Validator(rules: [TotalRule(.target)]).findings(for: table).map(\.code) == [.totalMismatch])
        #expect(Validator().findings(for: table).map(\.code) == [.totalMismatch])
    }
}
