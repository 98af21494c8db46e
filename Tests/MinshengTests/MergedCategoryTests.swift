@testable import Minsheng
import TestSupport
import Testing

/// A column merged down over the items' names, whatever its header, groups them: the same name
/// under two groups is two items. A line of the form left empty (—— throughout) is no item
/// typed twice.
struct MergedCategoryTests {
    static let rows = [
        ["学段", "项目", "资助人数", "资助金额"],
        ["普通高中", "国家助学金", "175", "59.15"],
        ["", "免学杂费", "142", "33.64"],
        ["", "其它资助", "——", "——"],
        ["义务教育", "国家助学金", "3210", "180.5"],
        ["", "免学杂费", "1200", "60.2"],
        ["", "其它资助", "——", "——"],
    ]

    @Test func aMergedColumnGroupsTheNames() throws {
        let (result, findings) = try TableFixture.check(Self.rows, merges: ["A2:A4", "A5:A7"])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.columns.prefix(2).map(\.role) == ["project", "indicator"])
    }

    @Test func withoutMergesTheNamesRepeat() throws {
        let (_, findings) = try TableFixture.check(Self.rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["duplicate-item B5", "duplicate-item B6"], "\(findings.map(\.message))")
    }

    @Test func oneNameUnderTwoHeadingsIsTwoItems() throws {
        var rows = [
            ["指标", "单位", "数量"],
            ["城市最低生活保障", "", ""],
            ["最低生活保障人数", "人", "59395"],
            ["农村最低生活保障", "", ""],
            ["最低生活保障人数", "人", "240887"],
            ["社会团体", "个", "1200"],
            ["民办非企业单位", "个", "1504"],
        ]
        let (_, correct) = try TableFixture.check(rows)
        #expect(correct.isEmpty, "\(correct.map(\.message))")
        rows[6][0] = "社会团体"
        let (_, findings) = try TableFixture.check(rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["duplicate-item A7"], "\(findings.map(\.message))")
    }
}
