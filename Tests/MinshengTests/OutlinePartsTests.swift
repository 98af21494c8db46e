@testable import Minsheng
import TestSupport
import Testing

/// A line with figures followed by lines numbered in another way holds at least their sum —
/// whatever numbering either uses (乡镇级合计 over 1. 2. 3.; A over I · II), and a line without a
/// number between the parts of a numbered line is a part's part.
struct OutlinePartsTests {
    static let rows = [
        ["指标名称", "单位", "数量", "上期"],
        ["一、综合", "", "", ""],
        ["(一)行政区划", "", "", ""],
        ["乡镇级合计", "个", "1107", "1107"],
        ["1.镇", "个", "653", "653"],
        ["2.乡", "个", "251", "270"],
        ["3.民族乡", "个", "19", "19"],
        ["4.街道", "个", "184", "184"],
        ["(二)民政事业费累计支出", "万元", "76164.3", "714496.8"],
        ["1.社会福利", "万元", "17122.5", "211426.2"],
        ["2.社会救助", "万元", "37321.9", "366176.2"],
        ["最低生活保障", "万元", "24991.9", "223535.6"],
        ["A城市低保累计支出", "万元", "4546.5", "36059.9"],
        ["I城市低保金", "万元", "3011.3", "33495.7"],
        ["II城市低保临时补助", "万元", "1535.2", "2564.2"],
        ["B农村低保累计支出", "万元", "20445.4", "187475.7"],
        ["3.民政管理事务", "万元", "8252.1", "76080.4"],
        ["4.其他", "万元", "13467.8", "60814.0"],
    ]

    @Test func partsThatExceedTheirWholeAreFound() throws {
        let (_, findings) = try TableFixture.check(Self.rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch D4"], "\(findings.map(\.message))")
    }

    @Test func listsUnderLinesWithoutNumbersBeginAgain() throws {
        let rows = [
            ["指标名称", "单位", "数量"],
            ["社会服务事业费总支出", "万元", "406996.1"],
            ["1.抚恤支出", "万元", "81007.2"],
            ["2.社会救助支出", "万元", "164547.9"],
            ["城市低保支出", "万元", "22273.8"],
            ["(1)城市低保金", "万元", "20632.5"],
            ["(2)城市低保临时补助", "万元", "1641.3"],
            ["农村低保支出", "万元", "79118.2"],
            ["(1)农村低保金", "万元", "72972.4"],
            ["(2)农村低保临时补助", "万元", "6415.8"],
            ["3.自然灾害生活救助支出", "万元", "18056.5"],
        ]
        let (_, findings) = try TableFixture.check(rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch C8"], "\(findings.map(\.message))")
    }

    @Test func aLineNumberedAboveIsNoPart() throws {
        let (_, findings) = try TableFixture.check([
            ["指标名称", "计量单位", "全部完成面积"],
            ["一、人工造林", "公顷", "7123"],
            ["三、封山育林", "公顷", "9303"],
            ["1.无林地和疏林地封山育林", "公顷", "1534"],
            ["2.有林地和灌木林地封山育林", "公顷", "7236"],
            ["3.新造幼林地封山育林", "公顷", "533"],
            ["四、退化林修复", "公顷", "10468"],
            ["五、人工更新", "公顷", "0"],
            ["六、森林抚育", "公顷", "14545"],
        ])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func partsJustShortOfTheirWholeAreASlip() throws {
        let rows = [
            ["指标名称", "单位", "数量"],
            ["2.社会救助", "万元", "413393.4"],
            ["(1)最低生活保障", "万元", "349123.7"],
            ["(2)特困人员救助供养支出", "万元", "42544.9"],
            ["(3)临时救助支出", "万元", "13700.0"],
            ["3.社会福利", "万元", "56507.5"],
            ["其中:(1)儿童福利", "万元", "11886.3"],
            ["(2)老年人福利", "万元", "15216.1"],
        ]
        let (_, findings) = try TableFixture.check(rows)
        // 405368.6 is 98% of 413393.4: a slip to look at; 27102.4 is less than half of 56507.5:
        // lines left unlisted (其中), and (2) after 其中:(1) is no list of its own.
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "") \($0.severity)" } == ["total-mismatch C2 warning"], "\(findings.map(\.message))")
    }

    @Test func indentedLinesArePartsOfTheLineAbove() throws {
        var rows = [
            ["指标名称", "单位", "数量"],
            ["  1.提供住宿的民政机构", "个", "617"],
            ["        养老机构", "个", "586"],
            ["        儿童福利和救助保护机构", "个", "11"],
            ["        其他提供住宿机构", "个", "20"],
            ["      城市最低生活保障", "", ""],
            ["         最低生活保障人数", "万人", "7.1"],
            ["      农村最低生活保障", "", ""],
            ["         最低生活保障人数", "万人", "3.8"],
        ]
        // (As .xlsx, whose cells keep the spaces typed before a name; the merge is out of the way.)
        let (_, correct) = try TableFixture.check(rows, merges: ["Z40:Z41"])
        #expect(correct.isEmpty, "\(correct.map(\.message))")
        rows[2][2] = "568"
        let (_, findings) = try TableFixture.check(rows, merges: ["Z40:Z41"])
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch C2"], "\(findings.map(\.message))")
    }

    @Test func theNumberings() {
        #expect(OutlineNumber.of("A城市低保") == .letter && OutlineNumber.of("II城市") == .roman && OutlineNumber.of("I城市") == .roman)
        #expect(OutlineNumber.of("(二)民政") == .chineseInParentheses && OutlineNumber.of("1.镇") == .arabic && OutlineNumber.of("最低") == .none)
        #expect(OutlineNumber.of("ABC城市") == .none && OutlineNumber.of("①城市") == .circled && OutlineNumber.of("A、养老机构") == .letter)
        #expect(OutlineNumber.of("1.2万元") == .none && OutlineNumber.of("10.镇") == .arabic && OutlineNumber.of("1城镇新增就业") == .none)
        #expect(OutlineNumber.of("三、封山育林") == .chineseHeading && OutlineNumber.of("其中:(1)儿童福利") == .arabicInParentheses && OutlineNumber.of("其他") == .none)
        #expect(OutlineNumber.isFirst("(1)城市") && OutlineNumber.isFirst("1.镇") && !OutlineNumber.isFirst("10.镇") && !OutlineNumber.isFirst("II城市"))
    }
}
