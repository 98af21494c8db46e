@testable import Minsheng
import TestSupport
import Testing

/// Headers in several rows: a text merged across columns names a group, and each column is
/// named by the lowest text over it. A total first (秋季合计) covers the items under it that
/// add up to it, not the breakdowns listed after them.
struct GroupHeadersTests {
    static let rows = [
        ["2022年秋季学期各学段资助情况汇总表", "", "", "", "", "", ""],
        ["教育阶段", "资助项目", "资助合计", "", "受助学生困难类别", "", ""],
        ["", "", "金额(万元)", "人数", "脱贫户学生", "", "低保家庭学生(人数)"],
        ["", "", "", "", "金额(万元)", "人数", ""],
        ["秋季合计", "", "992.24", "26122", "606.86", "5882", "2385"],
        ["2022年秋", "学前", "224.43", "2072", "130.08", "1203", "463"],
        ["", "小学", "767.81", "24050", "476.78", "4679", "1922"],
        ["学前(秋)", "免保教费", "156.47", "2072", "90.66", "1203", "400"],
        ["", "免生活费", "67.96", "2068", "39.42", "1202", "63"],
    ]
    static let merges = ["A1:G1", "A2:A4", "B2:B4", "C2:D2", "E2:G2", "E3:F3", "C3:C4", "D3:D4", "G3:G4", "A5:B5", "A6:A7", "A8:A9"]

    @Test func eachColumnIsNamedByItsLowestText() throws {
        let (result, findings) = try TableFixture.check(Self.rows, merges: Self.merges)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let reading = try #require(result.readings.first)
        #expect(reading.columns.map(\.header) == ["教育阶段", "资助项目", "金额(万元)", "人数", "金额(万元)", "人数", "低保家庭学生(人数)"])
        #expect(reading.columns.dropFirst(2).allSatisfy { $0.role == "completed" })
    }

    @Test func theTotalFirstCoversTheItemsThatAddUpToIt() throws {
        var rows = Self.rows
        rows[6][3] = "24051"
        let (_, findings) = try TableFixture.check(rows, merges: Self.merges)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["completed-total-mismatch D5"], "\(findings.map(\.message))")
    }
}
