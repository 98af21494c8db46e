@testable import Minsheng
import TestSupport
import Testing

/// A place typed twice among places named once is still a table of places: both rows are read
/// (a total still adds up to what the table holds) and the second is named; a growth may fall
/// below zero.
struct DuplicateAreaTests {
    @Test func aPlaceTypedTwiceInIndicatorColumnsIsNamed() throws {
        let (result, findings) = try TableFixture.check([
            ["县(市、区)", "小区数(个)", "户数(户)"],
            ["历下区", "226", "56525"],
            ["市中区", "101", "14133"],
            ["槐荫区", "38", "5680"],
            ["市中区", "11", "10003"],
            ["历城区", "15", "1608"],
            ["合计", "391", "87949"],
        ])
        #expect(findings.map(\.code.rawValue) == ["duplicate-item"], "\(findings.map(\.message))")
        #expect(findings.first?.cell == "A5")
        #expect(findings.first?.severity == .warning)
        #expect(result.readings.first?.areas.count == 5)
    }

    @Test func theTotalIsCheckedAgainstBothRows() throws {
        let (_, findings) = try TableFixture.check([
            ["县(市、区)", "小区数(个)", "户数(户)"],
            ["历下区", "226", "56525"],
            ["市中区", "101", "14133"],
            ["槐荫区", "38", "5680"],
            ["市中区", "11", "10003"],
            ["历城区", "15", "1608"],
            ["合计", "380", "87949"],
        ])
        #expect(Set(findings.map(\.code.rawValue)) == ["duplicate-item", "total-mismatch"], "\(findings.map(\.message))")
        #expect(findings.first { $0.code.rawValue == "total-mismatch" }?.cell == "B7")
    }

    @Test func aPlaceTypedTwiceUnderGroupsIsNamed() throws {
        let (result, findings) = try TableFixture.check([
            ["县区", "城镇新增就业(人)", "", ""],
            ["", "目标", "完成", "完成率"],
            ["全市", "1000", "800", "80%"],
            ["涡阳县", "300", "240", "80%"],
            ["蒙城县", "300", "240", "80%"],
            ["利辛县", "200", "160", "80%"],
            ["蒙城县", "200", "160", "80%"],
        ], merges: ["B1:D1", "A1:A2"])
        #expect(findings.map(\.code.rawValue) == ["duplicate-item"], "\(findings.map(\.message))")
        #expect(findings.first?.cell == "A7")
        #expect(result.readings.first?.areas.count == 4)
    }

    @Test func aGrowthMayFallBelowZero() throws {
        let (_, findings) = try TableFixture.check([
            ["县(市)、新区", "1-6月投资增速(%)", "新开工项目(个)"],
            ["兴义市", "0.2", "8"],
            ["兴仁市", "10.7", "2"],
            ["义龙新区", "-11.8", "-9"],
        ])
        #expect(findings.map(\.code.rawValue) == ["negative-value"], "\(findings.map(\.message))")
        #expect(findings.first?.cell == "C4")
    }

    @Test func aPlaceTypedOverTwoColumnsIsNamedAndBothAreSummed() throws {
        let rows = [
            ["项目", "全市", "涡阳县", "蒙城县", "利辛县", "蒙城县"],
            ["城镇新增就业", "1000", "300", "200", "250", "250"],
            ["农村劳动力转移", "800", "200", "200", "200", "200"],
        ]
        let (result, findings) = try TableFixture.check(rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["duplicate-item F1"], "\(findings.map(\.message))")
        #expect(result.readings.first?.areas.count == 4)
        var wrong = rows
        wrong[1][5] = "240"
        let (_, found) = try TableFixture.check(wrong)
        #expect(Set(found.map { "\($0.code.rawValue) \($0.cell ?? "")" }) == ["duplicate-item F1", "total-mismatch B2"], "\(found.map(\.message))")
    }

    @Test func aGrowthIsNoCompletionRate() throws {
        let (_, findings) = try TableFixture.check([
            ["指标名称", "单位", "数量", "上季度", "环比"],
            ["1.优抚安置", "人", "7040", "7010", "0.43"],
            ["2.退役安置", "人", "703", "1", "70200"],
        ])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
