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
}
