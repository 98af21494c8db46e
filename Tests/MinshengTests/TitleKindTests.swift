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

/// A table of what was paid (实发人数合计 · 实发资金合计 and its parts by source): every part of
/// the money is what was paid, the sums named by what they are (配套资金, 结余资金) too, and
/// the standard it was paid by (补助标准) is no figure to add up.
struct PaidOutTests {
    static let rows: [[String]] = [
        ["县(市、区)", "实发人数合计(人)", "实发资金合计(万元)", "中央和省级补助资金(万元)", "州(市)配套资金(万元)", "县(市、区)配套资金(万元)", "结余资金(万元)", "补助标准(元/月/人)"],
        ["隆阳区", "206", "22.12", "20.48", "0.82", "0.82", "1.5", "1980"],
        ["施甸县", "80", "8.98", "8.34", "0.32", "0.32", "0.4", ""],
        ["腾冲市", "317", "39.57", "39.57", "", "", "2", ""],
        ["龙陵县", "112", "12.75", "12.75", "", "", "", ""],
        ["合计", "715", "83.42", "81.14", "1.14", "1.14", "3.9", ""],
    ]

    @Test func everyPartOfWhatWasPaidIsWhatWasDone() throws {
        let (result, findings) = try TableFixture.check(Self.rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let roles = Dictionary(uniqueKeysWithValues: (result.readings.first?.columns ?? []).map { ($0.letter, $0.role) })
        #expect(["B", "C", "D", "E", "F", "G"].map { roles[$0] } == Array(repeating: "completed", count: 6))
        #expect(roles["H"] == nil || roles["H"] == "note")
    }

    @Test func aPartTypedWrongIsFoundInItsColumnsTotal() throws {
        var rows = Self.rows
        rows[3][3] = "39.75"
        let (_, findings) = try TableFixture.check(rows)
        #expect(findings.contains { $0.code.rawValue == "completed-total-mismatch" && $0.cell == "D6" }, "\(findings.map(\.message))")
    }
}

/// A list of who is helped (保障对象) and what they were paid is a table of items: each 保障对象
/// names one; a quarter opening a header (一季度发放资金) is its period.
struct BeneficiaryListTests {
    @Test func eachGroupHelpedIsAnItem() throws {
        let rows = [
            ["2023年第三季度儿童福利保障情况"],
            ["保障对象", "发放人次", "发放资金(元)"],
            ["散居孤儿", "384", "537600"],
            ["事实无人抚养儿童", "1563", "2188200"],
            ["父母养育受艾滋病病毒感染儿童", "18", "25200"],
        ]
        let (result, findings) = try TableFixture.check(rows, merges: ["A1:C1"])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.columns.first?.role == "indicator")
        #expect(result.readings.first?.itemRows.count == 3)
    }

    @Test func aQuarterIsThePeriodOfAHeader() {
        #expect(HeaderVocabulary.droppingPeriod("一季度发放资金") == "发放资金")
        #expect(HeaderVocabulary.droppingPeriod("第二季度完成数") == "完成数")
    }
}
