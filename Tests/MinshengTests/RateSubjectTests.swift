@testable import Minsheng
import TestSupport
import Testing

/// A rate that names what it measures, when the target and completed columns are of something
/// else (工作量完成率 beside 计划投资 · 投入资金), is no ratio of theirs: not checked against them.
struct RateSubjectTests {
    static func rows(rate header: String) -> [[String]] {
        [
            ["序号", "项目名称", "年内计划投资(万元)", "年内已累计投入资金(万元)", header],
            ["1", "餐饮服务食品安全提升工程", "350", "206", "95%"],
            ["2", "儿童口腔健康幸福工程", "130", "105.96", "95%"],
        ]
    }

    @Test func aRateOfSomethingElseIsANote() throws {
        let (result, findings) = try TableFixture.check(Self.rows(rate: "年内累计工作量完成率"))
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.columns.map(\.role) == ["sequence", "project", "target", "completed", "note"])
    }

    @Test func aRateOfTheirsIsCheckedAgainstThem() throws {
        for header in ["投资完成率", "完成率", "年内累计完成率"] {
            let (result, findings) = try TableFixture.check(Self.rows(rate: header))
            #expect(result.readings.first?.columns.map(\.role) == ["sequence", "project", "target", "completed", "rate"], "\(header)")
            #expect(findings.map(\.code.rawValue) == ["rate-mismatch", "rate-mismatch"], "\(header)")
        }
    }

    @Test func theSubjectOfARate() {
        #expect(RateSubject.subject(of: "年内累计工作量完成率") == "工作量")
        #expect(RateSubject.subject(of: "资金到位率(%)") == "资金到位")
        #expect(RateSubject.subject(of: "完成率") == nil)
        #expect(RateSubject.subject(of: "1-11月累计完成率") == nil)
    }
}
