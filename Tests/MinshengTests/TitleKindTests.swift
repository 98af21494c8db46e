@testable import Minsheng
import TestSupport
import Testing

/// A figure column whose header names no measure (产前筛查数, 户数) is a target in a plan and
/// what was done in a table whose title says it reports what was done.
struct TitleKindTests {
    static func rows(title: String) -> [[String]] {
        [
            [title],
            ["乡镇", "产前筛查数(人)"],
            ["合计", "300"],
            ["文坪镇", "100"],
            ["双牌镇", "120"],
            ["晏田乡", "80"],
        ]
    }

    @Test func aTitleOfWhatWasDoneMakesABareCountTheCompletion() throws {
        let (result, findings) = try TableFixture.check(Self.rows(title: "2022年产前筛查完成情况统计表"))
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.columns.map(\.role) == ["areaName", "completed"])
    }

    @Test func aPlanOrNoTitleKeepsItATarget() throws {
        for title in ["2022年产前筛查目标任务分解表", "各乡镇产前筛查人数"] {
            let (result, _) = try TableFixture.check(Self.rows(title: title))
            #expect(result.readings.first?.columns.map(\.role) == ["areaName", "target"], "\(title)")
        }
    }
}
