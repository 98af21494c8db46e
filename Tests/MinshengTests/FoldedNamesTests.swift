@testable import Minsheng
import TestSupport
import Testing

/// A list of named units that are no places (助产机构名称: hospitals), folded into blocks side by
/// side, is read as a breakdown whose units are those names, and its 合计 is checked.
struct FoldedNamesTests {
    static let rows = [
        ["助产机构名称", "筛查数(人)", "助产机构名称", "筛查数(人)"],
        ["人民医院", "1693", "都梁医院", "104"],
        ["展辉医院", "515", "中医院", "36"],
        ["合计", "2348", "", ""],
    ]

    @Test func theNamesAreTheUnitsAndTheTotalAddsThemUp() throws {
        let (result, findings) = try TableFixture.check(Self.rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let reading = try #require(result.readings.first)
        #expect(Set(reading.areas) == ["人民医院", "都梁医院", "展辉医院", "中医院"])
        #expect(reading.total?.label == "合计")
        var wrong = Self.rows
        wrong[3][1] = "2349"
        let (_, errors) = try TableFixture.check(wrong)
        #expect(errors.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch B4"])
    }

    @Test func aNamesColumnThatIsNotFoldedIsNoAreaColumn() throws {
        let (result, _) = try TableFixture.check([
            ["学校名称", "建设内容", "投资(万元)"],
            ["第一小学", "新建教学楼", "500"],
            ["第二中学", "改造操场", "300"],
        ])
        #expect(result.readings.first?.areas.isEmpty == true)
    }
}
