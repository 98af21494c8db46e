@testable import Minsheng
import TestSupport
import Testing

/// The corner of a table with its areas across names what the header row lists, not the column
/// under it; places typed with their numbering (其中:1.历下区) are the places; 实发 is what was paid.
struct CornerAndNumberedAreasTests {
    @Test func theCornerOfAreasAcrossIsNoAreaColumn() throws {
        let rows = [
            ["乡镇(街道)", "玉城街道", "坎门街道", "清港镇", "合计"],
            ["残疾人人数", "2039", "2200", "1514", "5753"],
            ["补助资金", "2.1", "2.2", "1.8", "6.1"],
        ]
        let (result, findings) = try TableFixture.check(rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let reading = try #require(result.readings.first)
        #expect(reading.areas == ["玉城街道", "坎门街道", "清港镇"])
        #expect(reading.columns.first?.role == "indicator")
    }

    @Test func numberedPlacesAreThePlaces() throws {
        let (result, _) = try TableFixture.check([
            ["序号", "城市", "县(市、区)", "小区数(个)", "户数(户)"],
            ["1", "济南市", "其中:1.历下区", "226", "56525"],
            ["2", "", "2.市中区", "101", "14133"],
            ["3", "", "3.槐荫区", "38", "5680"],
        ])
        #expect(result.readings.first?.areas == ["历下区", "市中区", "槐荫区"])
        #expect(LabelMerges.unnumbered("（3）槐荫区") == "槐荫区")
        #expect(LabelMerges.unnumbered("2024年") == "2024年")
    }

    @Test func whatWasPaidIsWhatWasDone() throws {
        let vocabulary = try HeaderVocabulary.load()
        #expect(vocabulary.role(of: "实发资金合计(万元)") == .completed)
        #expect(vocabulary.role(of: "实发人数合计(人)") == .completed)
    }
}

/// Columns that add up to a column of what was done are its parts, done as it was.
struct PartsOfATotalTests {
    static let rows = [
        ["县(市、区)", "实发资金合计(万元)", "中央和省级补助资金(万元)", "州(市)配套资金(万元)", "县(市、区)配套资金(万元)"],
        ["隆阳区", "22.12", "20.48", "0.82", "0.82"],
        ["施甸县", "8.98", "8.34", "0.32", "0.32"],
        ["腾冲市", "39.57", "39.57", "", ""],
        ["合计", "70.67", "68.39", "1.14", "1.14"],
    ]

    @Test func partsThatAddUpAreDoneAsTheirTotal() throws {
        let (result, findings) = try TableFixture.check(Self.rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.columns.map(\.role) == ["areaName", "completed", "completed", "completed", "completed"])
    }

    @Test func partsThatDoNotAddUpStayTargets() throws {
        var rows = Self.rows
        for i in 1..<rows.count { rows[i][2] = "1" }
        let (result, _) = try TableFixture.check(rows)
        #expect(result.readings.first?.columns.map(\.role) == ["areaName", "completed", "target", "target", "target"])
    }
}
