@testable import Minsheng
import TestSupport
import Testing

/// Numbers typed as text (WPS's 文本型数字, `1,002`) are figures wherever the reading weighs
/// figures: a header row is not found among them, a total column is told by their sums, the
/// parts of a whole are told by theirs.
struct TextNumbersTests {
    /// (`1,002` is written as text by the fixture; a merge far off makes it an .xlsx.)
    static let merges = ["Z40:Z41"]

    @Test func aTableOfAreasAcrossTheColumnsWithTextNumbers() throws {
        var rows = [
            ["", "鄞州", "海曙", "镇海", "北仑", "合计"],
            ["新辟线路年度目标", "1,002", "1,005", "1,001", "1,002", "4,010"],
            ["实际完成", "1,001", "1,002", "1,000", "1,003", "4,006"],
            ["优化调整线路年度目标", "1,006", "1,009", "1,001", "1,004", "4,020"],
            ["实际完成", "1,012", "1,012", "1,000", "1,000", "4,024"],
        ]
        let (result, correct) = try TableFixture.check(rows, merges: Self.merges)
        #expect(correct.isEmpty, "\(correct.map(\.message))")
        #expect(result.readings.first?.orientation == .areasInColumns)
        rows[1][5] = "4,100"
        let (_, findings) = try TableFixture.check(rows, merges: Self.merges)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch F2"])
    }

    @Test func partsOfWhatWasPaidWithTextNumbers() throws {
        let rows = [
            ["县(市、区)", "实发人数合计(人)", "实发资金合计(万元)", "中央和省级补助资金(万元)", "州(市)配套资金(万元)", "县(市、区)配套资金(万元)"],
            ["隆阳区", "1,206", "2,212", "2,048", "82", "82"],
            ["施甸县", "1,080", "1,898", "1,834", "32", "32"],
            ["腾冲市", "1,317", "3,957", "3,957", "", ""],
            ["合计", "3,603", "8,067", "7,839", "114", "114"],
        ]
        let (result, findings) = try TableFixture.check(rows, merges: Self.merges)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.columns.dropFirst().map(\.role) == Array(repeating: "completed", count: 5))
    }
}

/// A progress rate below zero is a figure typed wrong; a growth rate may fall below zero.
struct NegativeRateTests {
    @Test func aNegativeProgressIsAnErrorAndANegativeGrowthIsNot() throws {
        let (_, progress) = try TableFixture.check([
            ["序号", "任务项目指标", "责任单位", "进展比例"],
            ["1", "免费接种流感疫苗3.078万人", "区卫生健康局", "20%"],
            ["2", "新增配置自动体外除颤仪115台", "区卫生健康局", "-80%"],
        ])
        #expect(progress.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["negative-value D3"], "\(progress.map(\.message))")
        let (_, growth) = try TableFixture.check([
            ["序号", "指标", "目标", "1-6月投资增速(%)"],
            ["1", "固定资产投资", "100", "-11.8"],
            ["2", "工业投资", "50", "5.2"],
        ])
        #expect(!growth.contains { $0.code.rawValue == "negative-value" }, "\(growth.map(\.message))")
    }
}
