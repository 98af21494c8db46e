@testable import Minsheng
import TestSupport
import Testing

/// A statistical report as provinces collect them (安徽 民生工程 实施情况): the areas under
/// 市/县, groups of columns under 计划情况 and 进度情况, a row of units and a row numbering the
/// columns (01 02 03), 合计 first; a county's own report holds one area besides the total.
struct StatisticalReportTests {
    static let rows: [[String]] = [
        ["“中小学校舍维修改造长效机制”2025年实施情况"],
        ["市/县", "计划情况", "", "", "进度情况", "", ""],
        ["", "项目个数", "建设面积", "投资额", "已开工", "开工比例", "完成投资额"],
        ["", "", "平方米", "万元", "", "%", "万元"],
        ["", "01", "02", "03", "04", "05", "06"],
        ["合计", "39", "16523", "1014.1", "30", "76.9", "800"],
        ["金安区", "39", "16523", "1014.1", "30", "76.9", "800"],
    ]
    static let merges = ["A1:G1", "A2:A5", "B2:D2", "E2:G2"]

    @Test func theGroupsSayWhatTheirColumnsHold() throws {
        let (result, findings) = try TableFixture.check(Self.rows, merges: Self.merges)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let reading = try #require(result.readings.first)
        #expect(reading.columns.map(\.role) == ["areaName", "target", "target", "target", "completed", "rate", "completed"])
        // (The row of column numbers names nothing.)
        #expect(reading.columns.dropFirst().map(\.indicator) == ["项目个数", "建设面积", "投资额", "已开工", "开工比例", "完成投资额"])
    }

    @Test func oneCountysTotalIsCheckedAgainstIt() throws {
        var rows = Self.rows
        rows[6][3] = "1041.1"
        let (_, findings) = try TableFixture.check(rows, merges: Self.merges)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch D6"])
    }

    @Test func oneAreaWithoutATotalIsNoTableOfAreas() throws {
        let rows = Array(Self.rows.dropLast(2)) + [Self.rows[6]]
        let (result, _) = try TableFixture.check(rows, merges: Self.merges)
        #expect(result.readings.first?.orientation != .areasInRows)
    }
}

/// A town's split among its villages (村别 | 户数 | 人数 | 区负担 …): villages are its areas.
struct VillageAreasTests {
    @Test func villagesAreTheAreasOfATownsSplit() throws {
        let (result, findings) = try TableFixture.check([
            ["横林镇最低生活保障负担表"],
            ["村 别", "户数", "人数", "区负担", "镇负担", "村负担", "合 计"],
            ["余 巷 村", "8", "18", "24300", "12150", "12150", "48600"],
            ["狄 坂 村", "2", "3", "5730", "2865", "2865", "11460"],
            ["江 村 村", "14", "17", "38652", "19326", "19326", "77304"],
            ["新东方村", "1", "3", "4320", "2160", "2160", "8641"],
        ], merges: ["A1:G1"])
        let reading = try #require(result.readings.first)
        #expect(reading.areas == ["余巷村", "狄坂村", "江村村", "新东方村"])
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch G6"])
    }

    /// Under 村委会名称 the villages are named without 村; the town they belong to, last with
    /// the largest figures, is their total even when its figure is typed wrong.
    @Test func villagesNamedWithoutTheirEndingAndTheirTown() throws {
        var rows = [
            ["序号", "村委会名称", "参保任务人数"],
            ["1", "程畈", "800"],
            ["2", "新屋", "750"],
            ["3", "农科所", "300"],
            ["4", "内洪", "900"],
            ["", "曹溪镇", "2750"],
        ]
        let (result, correct) = try TableFixture.check(rows)
        #expect(correct.isEmpty, "\(correct.map(\.message))")
        #expect(result.readings.first?.areas == ["程畈", "新屋", "农科所", "内洪"])
        rows[5][2] = "2850"
        let (_, findings) = try TableFixture.check(rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch C6"])
    }

    /// 小计 and 合计 typed in the serial column do not make it the column of the areas.
    @Test func totalsInTheSerialColumnNameNoAreas() throws {
        let rows = [
            ["序号", "乡镇名称", "总人数"],
            ["1", "梅山", "991"],
            ["2", "天堂寨", "381"],
            ["3", "白塔畈", "418"],
            ["小计", "", "1790"],
            ["4", "外县", "247"],
            ["合计", "", "2037"],
        ]
        let (result, _) = try TableFixture.check(rows)
        #expect(result.readings.first?.areas.prefix(3) == ["梅山", "天堂寨", "白塔畈"])
    }

    @Test func theCountrysideIsNoVillage() throws {
        let vocabulary = try HeaderVocabulary.load()
        #expect(vocabulary.isArea("余巷村"))
        for word in ["农村", "新农村", "美丽乡村", "村"] { #expect(!vocabulary.isArea(word), "\(word)") }
    }
}
