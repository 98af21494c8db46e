@testable import Minsheng
import TestSupport
import Testing

/// A 小计 among the areas in rows (梅山 … 青山 | 小计 | 外县 | 合计) sums the areas above it; the
/// 合计 sums every area. The 小计 is neither an area nor the total, and is checked.
struct AreaSubtotalTests {
    static let rows = [
        ["序号", "乡镇名称", "走读生", "寄宿生"],
        ["1", "梅山", "542", "271"],
        ["2", "天堂寨", "141", "147"],
        ["3", "青山", "129", "67"],
        ["小计", "", "812", "485"],
        ["4", "外县", "110", "76"],
        ["合计", "", "922", "561"],
    ]
    static let merges = ["A5:B5", "A7:B7"]

    @Test func aSubtotalIsNoAreaAndNoTotal() throws {
        let (result, findings) = try TableFixture.check(Self.rows, merges: Self.merges)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let reading = try #require(result.readings.first)
        #expect(reading.areas == ["梅山", "天堂寨", "青山", "外县"])
        // (The reading shows it.)
        #expect(reading.subtotalRows == [5])
        #expect(reading.total?.place == "第7行")
    }

    @Test func aSubtotalTypedWrongIsFoundAndTheTotalStillHolds() throws {
        var rows = Self.rows
        rows[4][3] = "74"
        let (_, findings) = try TableFixture.check(rows, merges: Self.merges)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch D5"], "\(findings.map(\.message))")
        #expect(findings.first?.message.contains("小计") == true)
    }

    @Test func aLoneSubtotalIsTheTotal() throws {
        let rows = Array(Self.rows.prefix(5))
        let (result, findings) = try TableFixture.check(rows, merges: ["A5:B5"])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.total != nil)
    }
}
