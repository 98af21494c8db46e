@testable import Minsheng
import TestSupport
import Testing

/// completed ÷ target = rate and completed ÷ rate = target are one equation: the figures cannot
/// tell a rate from a target, and a rate column its words name and its cells show as
/// percentages stays the rate. A figure written as a product (1*2) is the product.
struct PercentRatesAndProductsTests {
    static let rows = [
        ["序号", "指标名称", "单位", "目标任务", "1-7月累计完成情况", "完成进度"],
        ["1", "增加公办幼儿园学位", "个", "2295", "1095", "47.7%"],
        ["2", "职业技能培训", "人次", "1640", "628", "38.3%"],
        ["3", "农村转移就业劳动者", "人次", "600", "537", "89.5%"],
        ["4", "免费产前筛查", "人次", "3100", "1990", "64.2%"],
        ["5", "两癌免费检查", "人次", "2500", "1755", "70.2%"],
        ["6", "城镇老旧小区改造", "个", "6", "4", "66.7%"],
        ["7", "农村低保标准", "元/年", "不低于4000", "2520元", "108.0%"],
        ["8", "村卫生室运行经费", "万元", "", "", "350%"],
    ]

    @Test func aRateShownAsPercentagesStaysTheRate() throws {
        let (result, findings) = try TableFixture.check(Self.rows)
        let reading = try #require(result.readings.first)
        #expect(reading.columns.map(\.role) == ["sequence", "indicator", "unit", "target", "completed", "rate"])
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["rate-mismatch F8", "implausible-value F9"], "\(findings.map(\.message))")
    }

    @Test func aProductIsItsValue() throws {
        let words = try QuantityWords.load()
        #expect(QuantityParser.parse("1*9", words: words).quantity?.value == 9)
        #expect(QuantityParser.parse("3×5户", words: words).quantity?.value == 15)
        #expect(QuantityParser.parse("3×5户", words: words).quantity?.unit == "户")
        #expect(QuantityParser.parse("3*", words: words).quantity == nil)
    }

    @Test func whatWasPaidOutIsWhatWasDone() throws {
        let (result, _) = try TableFixture.check([
            ["嘉定区2022年11月困难残疾人生活补贴资金发放情况"],
            ["街镇名称", "人数", "金额(元)"],
            ["安亭镇", "197", "81070"],
            ["马陆镇", "155", "63430"],
            ["合计", "352", "144500"],
        ], merges: ["A1:C1"])
        #expect(result.readings.first?.columns.map(\.role) == ["areaName", "completed", "completed"])
    }

    @Test func aColumnNamedOnlyByItsKindOfFigureIsOfTheTitle() throws {
        let (result, findings) = try TableFixture.check([
            ["救灾补助资金指标分配表"],
            ["乡镇", "金额"],
            ["杨兴乡", "2"],
            ["新州镇", "0.5"],
            ["安场镇", "0.5"],
            ["合计", "3"],
        ], merges: ["A1:B1"])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        // (The column keeps its own name; the title's subject is the level above it.)
        #expect(result.readings.first?.columns.last?.indicator == "金额")
        #expect(result.readings.first?.groups.first?.project == "救灾补助资金指标")
        #expect(TitleSubject.of("2017年科技馆免费开放补助资金分配表") == "科技馆免费开放补助资金")
    }

    @Test func theYearsEstimateIsWhatWasDone() throws {
        let vocabulary = try HeaderVocabulary.load()
        #expect(vocabulary.role(of: "2020年预计值") == .completed)
        #expect(vocabulary.role(of: "预计完成") == .completed)
    }
}
