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

    /// Typed once per group and left blank below, unmerged, the column groups them all the same:
    /// its texts vary between the items (`settleVaryingLabels`).
    @Test func withoutMergesTheGroupIsTypedOnce() throws {
        let (result, findings) = try TableFixture.check(Self.rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.columns.prefix(2).map(\.role) == ["project", "indicator"])
    }

    /// Two columns of categories both name the item, left to right.
    @Test func everyCategoryColumnIsInTheName() throws {
        let rows = [
            ["类别", "分项", "项目", "指标", "目标"],
            ["教育", "义务教育", "学校建设", "新建校舍", "12"],
            ["教育", "学前教育", "幼儿园建设", "新建园舍", "5"],
            ["卫生", "基层医疗", "村卫生室", "标准化建设", "3"],
        ]
        let (result, findings) = try TableFixture.check(rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.columns.prefix(2).map(\.role) == ["category", "category"])
        let table = try TableFixture.table(rows)
        #expect(table.rows.compactMap(\.category) == ["教育 · 义务教育", "教育 · 学前教育", "卫生 · 基层医疗"])
    }

    /// A column the same on every row (the city, the county) names no item; one that varies does.
    @Test func aColumnTheSameOnEveryRowNamesNothing() throws {
        let rows = [
            ["学校名称", "学校名称", "学校名称", "项目名称", "中央资金", "省级资金"],
            ["六安市", "金安区", "人民路小学北校", "运动场等", "0", "120"],
            ["六安市", "金安区", "椿树镇中心小学", "运动场等", "0", "20"],
            ["六安市", "金安区", "毛坦厂学校", "附属设施", "20", "0"],
            ["六安市", "金安区", "毛坦厂学校", "运动场等", "50", "0"],
        ]
        let (result, findings) = try TableFixture.check(rows, merges: ["A1:C1"])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let columns = try #require(result.readings.first?.columns)
        #expect(columns.map(\.letter).prefix(2) == ["C", "D"])
        #expect(columns.prefix(2).map(\.role) == ["project", "indicator"])
        var twice = rows
        twice[4][3] = "附属设施"
        let (_, again) = try TableFixture.check(twice, merges: ["A1:C1"])
        #expect(again.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["duplicate-item D5"])
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
