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

    /// A sheet with no title says what it is by its name (a .csv's name is its sheet's).
    @Test func withNoTitleTheSheetsNameSays() throws {
        let rows = Array(Self.rows(title: "").dropFirst())
        let (done, _) = try TableFixture.check(rows, name: "2022年11月产前筛查统计")
        #expect(done.readings.first?.columns.map(\.role) == ["areaName", "completed"])
        for name in ["表", "2022年产前筛查任务分配"] {
            let (plan, _) = try TableFixture.check(rows, name: name)
            #expect(plan.readings.first?.columns.map(\.role) == ["areaName", "target"], "\(name)")
        }
    }

    /// An allocation (…资金分配情况表) is a plan, whatever else its title says.
    @Test func anAllocationIsAPlan() throws {
        let (result, _) = try TableFixture.check(Self.rows(title: "2022年产前筛查补助资金分配及使用情况"))
        #expect(result.readings.first?.columns.map(\.role) == ["areaName", "target"])
    }

    @Test func aPlanOrNoTitleKeepsItATarget() throws {
        for title in ["2022年产前筛查目标任务分解表", "各乡镇产前筛查人数"] {
            let (result, _) = try TableFixture.check(Self.rows(title: title))
            #expect(result.readings.first?.columns.map(\.role) == ["areaName", "target"], "\(title)")
        }
    }
}
