@testable import Minsheng
import TestSupport
import Testing

/// With no areas, figure columns whose headers name no measure are more figures of each item,
/// read and checked on their own: a 合计 of them that does not add up is found, not covered
/// by a ✓. Columns that do not sum (a rank, a standard) stay unread.
struct FiguresBesideTests {
    static let rows = [
        ["序号", "项目名称", "户数(户)", "人数(人)", "资金(万元)", "补助标准(元/人)", "排名"],
        ["1", "农村危房改造", "120", "360", "240", "500", "2"],
        ["2", "老旧小区改造", "300", "900", "1500", "600", "1"],
        ["3", "公办幼儿园", "5", "1200", "800", "700", "3"],
        ["合计", "", "425", "2460", "2540", "1800", "6"],
    ]

    @Test func everyColumnOfAmountsIsRead() throws {
        let (result, findings) = try TableFixture.check(Self.rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let columns = try #require(result.readings.first?.columns)
        // (补助标准 is shown as a note: the rule the amounts are paid by.)
        #expect(columns.map(\.letter) == ["A", "B", "C", "D", "E", "F"])
        #expect(columns.suffix(4).map(\.role) == ["target", "target", "target", "note"])
    }

    @Test func theirSumsAndSignsAreChecked() throws {
        var rows = Self.rows
        rows[4][2] = "426"
        rows[2][3] = "-900"
        let (_, findings) = try TableFixture.check(rows)
        #expect(
            Set(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" }) == ["total-mismatch C5", "negative-value D3", "total-mismatch D5"],
            "\(findings.map(\.message))")
    }

    @Test func aReportOfWhatWasPaidHasNoTargets() throws {
        let (result, _) = try TableFixture.check([
            ["2020年学生资助情况统计报表"],
            ["项目", "资助人数", "资助金额"],
            ["国家助学金", "175", "59.15"],
            ["免学杂费", "142", "33.64"],
        ], merges: ["A1:C1"])
        #expect(result.readings.first?.columns.map(\.role) == ["project", "completed", "completed"])
    }
}
