import Foundation
import Testing
import TestSupport

@testable import Minsheng
@testable import XLSXReader

/// The rules over an area's return (`collect` merges it, `reconcile` compares it), each on a few
/// rows against the small plan of `ColumnSpecTests.tinyPlan`: 城镇新增就业 (涡阳县 5000),
/// 康复训练救助 (300), 办理法律援助案件 (700).
struct ReturnRuleTests {
    static func plan() throws -> Splitter.Plan {
        try Splitter().readPlan(try ColumnSpecTests.tinyPlan())
    }

    /// A cell of the return's sheet (zero-based row, column).
    static func cell(_ row: Int, _ column: Int, _ value: CellValue) -> Cell {
        Cell(reference: CellReference(row: row, column: column), value: value, format: NumberFormat(code: "General"), hasFormula: false)
    }

    /// A return row naming plan item `item` (nil: none), its target in E and completion in F.
    static func line(_ row: Int, item: Int?, of plan: Splitter.Plan, target: Double? = nil, completed: CellValue?) -> AreaReturn.Line {
        AreaReturn.Line(
            row: row, name: item.map { plan.items[$0].indicator ?? "" } ?? "新增的一行", planKey: item.map { ItemKey(plan.items[$0]) },
            target: target.map { cell(row, 4, .number($0)) }, targetCell: CellReference(row: row, column: 4).a1,
            completed: completed.map { cell(row, 5, $0) })
    }

    static func findings(
        _ lines: [AreaReturn.Line], plan: Splitter.Plan, use: AreaReturn.Use = .merge, valuesChecked: Bool = false,
        namedCells: Set<String> = []
    ) -> (areaReturn: AreaReturn, atReturn: [Finding], atPlan: [Finding]) {
        let areaReturn = AreaReturn(
            use: use, path: "涡阳县.xlsx", sheet: "填报表", area: "涡阳县", lines: lines, plan: plan, valuesChecked: valuesChecked,
            namedCells: namedCells)
        let found = Validator().findings(for: areaReturn, after: [])
        return (areaReturn, found.atReturn, found.atPlan)
    }

    /// All three items filled with their targets as planned, plus `extra` rows.
    static func complete(_ plan: Splitter.Plan, completions: [Double] = [4000, 200, 600]) -> [AreaReturn.Line] {
        let targets: [Double] = [5000, 300, 700]
        return (0..<3).map { line(2 + $0, item: $0, of: plan, target: targets[$0], completed: .number(completions[$0])) }
    }

    @Test func aFullReturnAsPlannedHasNoFinding() throws {
        let plan = try Self.plan()
        let (areaReturn, atReturn, atPlan) = Self.findings(Self.complete(plan), plan: plan)
        assertFindings(atReturn + atPlan, [])
        #expect(areaReturn.accounting.merged == 3 && areaReturn.accounting.isComplete)
        #expect(areaReturn.merged[ItemKey(plan.items[0])]?.value == 4000)
    }

    // MARK: TargetChangedRule

    @Test func aRetypedTargetIsTargetChanged() throws {
        let plan = try Self.plan()
        var lines = Self.complete(plan)
        lines[0] = Self.line(2, item: 0, of: plan, target: 4000, completed: .number(3000))
        let (_, atReturn, _) = Self.findings(lines, plan: plan)
        assertFindings(atReturn, ["target-changed error E3"])
        #expect(atReturn.first?.expected == 5000 && atReturn.first?.actual == 4000)
    }

    // MARK: UnmergedRowRule

    @Test func everyFilledRowNotMergedIsNamedWithWhy() throws {
        let plan = try Self.plan()
        let lines = Self.complete(plan) + [
            Self.line(5, item: nil, of: plan, completed: .number(12)),  // no plan item
            Self.line(6, item: 0, of: plan, target: 5000, completed: .number(4100)),  // 城镇新增就业 again
        ]
        var withText = lines
        withText[1] = Self.line(3, item: 1, of: plan, target: 300, completed: .string("见附件"))
        withText[2] = Self.line(4, item: 2, of: plan, target: 700, completed: .string("85%"))
        let (areaReturn, atReturn, _) = Self.findings(withText, plan: plan)
        assertFindings(atReturn, ["unparsed-value warning F4", "unit-mismatch warning F5", "unknown-item warning F6", "duplicate-item warning F7"])
        #expect(atReturn.first { $0.code == .duplicateItem }?.message.contains("第 3 行") == true, "the first row is the one used")
        let counted = areaReturn.accounting
        #expect(counted.filled == 5 && counted.merged == 1 && counted.named == 4 && counted.isComplete)
        #expect(
            areaReturn.lines.compactMap(\.outcome) == [
                .merged, .notMerged(.notAFigure(raw: "见附件")), .notMerged(.percentInCount(85)), .notMerged(.unknownItem),
                .notMerged(.duplicate(firstRow: 3)),
            ])
    }

    @Test func textTheTablesOwnCheckNamedIsNotNamedTwice() throws {
        let plan = try Self.plan()
        var lines = Self.complete(plan)
        lines[1] = Self.line(3, item: 1, of: plan, target: 300, completed: .string("见附件"))
        let (areaReturn, atReturn, _) = Self.findings(lines, plan: plan, valuesChecked: true, namedCells: ["F4"])
        assertFindings(atReturn, [])
        #expect(areaReturn.accounting.named == 1, "still not merged")
    }

    @Test func comparingNamesOnlyUnknownAndRepeatedRows() throws {
        let plan = try Self.plan()
        var lines = Self.complete(plan, completions: [5000, 300, 700])
        lines[1] = Self.line(3, item: 1, of: plan, target: 300, completed: .string("见附件"))
        lines.append(Self.line(5, item: nil, of: plan, completed: .number(12)))
        let (areaReturn, atReturn, _) = Self.findings(lines, plan: plan, use: .compare)
        assertFindings(atReturn, ["unknown-item warning F6"])
        #expect(atReturn.first?.message.contains("未核对") == true)
        #expect(areaReturn.accounting.merged == 3, "text is compared, not merged")
    }

    @Test func comparingTheFirstRowOfAnItemIsUsedFilledOrNot() throws {
        let plan = try Self.plan()
        let lines = [
            Self.line(2, item: 0, of: plan, target: 5000, completed: nil),
            Self.line(3, item: 0, of: plan, target: 5000, completed: .number(4000)),
        ]
        assertFindings(Self.findings(lines, plan: plan, use: .compare).atReturn, ["duplicate-item warning F4"])
        // Merging, the filled row is the item's.
        let merged = Self.findings(lines, plan: plan)
        #expect(merged.areaReturn.merged[ItemKey(plan.items[0])]?.value == 4000)
    }

    // MARK: ReturnNegativeRule

    @Test func aNegativeCompletionOfATemplateIsNamed() throws {
        let plan = try Self.plan()
        let lines = Self.complete(plan, completions: [-5, 200, 600])
        assertFindings(Self.findings(lines, plan: plan).atReturn, ["negative-value error F3"])
        // A table in its own layout had its values checked with the table.
        assertFindings(Self.findings(lines, plan: plan, valuesChecked: true).atReturn, [])
    }

    // MARK: ReturnPlausibilityRule

    @Test func aCompletionFarOverThePlannedTargetIsImplausible() throws {
        let plan = try Self.plan()
        let (_, atReturn, _) = Self.findings(Self.complete(plan, completions: [60000, 200, 600]), plan: plan)
        assertFindings(atReturn, ["implausible-value warning F3"])
    }

    // MARK: EmptyReturnRule, MissingItemRule

    @Test func aReturnWithNothingFilledIsEmptyAndMissesNoItem() throws {
        let plan = try Self.plan()
        let targets: [Double] = [5000, 300, 700]
        let lines = (0..<3).map { Self.line(2 + $0, item: $0, of: plan, target: targets[$0], completed: .string("——")) }
        assertFindings(Self.findings(lines, plan: plan).atReturn, ["empty-return warning "])
    }

    @Test func aPlanItemNoRowNamesIsMissing() throws {
        let plan = try Self.plan()
        let (_, atReturn, _) = Self.findings(Array(Self.complete(plan).prefix(2)), plan: plan)
        assertFindings(atReturn, ["missing-item warning "])
        #expect(atReturn.first?.item == "法律援助 — 办理法律援助案件" || atReturn.first?.item?.contains("办理法律援助案件") == true)
    }

    // MARK: ReturnNotMergedRule

    @Test func aReturnOfAnotherPlanIsNamedOnceAndNotMerged() throws {
        let plan = try Self.plan()
        let lines = (0..<3).map { Self.line(2 + $0, item: nil, of: plan, target: -1, completed: .number(Double($0))) }
        let (areaReturn, atReturn, _) = Self.findings(lines, plan: plan)
        assertFindings(atReturn, ["plan-mismatch error "])
        #expect(areaReturn.notMerged == Refusal(area: "涡阳县", reason: .mostRowsUnmatched(unmatched: 3, filled: 3)))
        #expect(areaReturn.merged.isEmpty && areaReturn.accounting.named == 3)
    }

    // MARK: MissingSubmissionRule

    @Test func anAreaThatSentNothingIsMissingButAnUnreadableReturnIsNot() throws {
        let plan = try Self.plan()
        func findings(returned: Bool, unreadable: Bool) -> [Finding] {
            Validator().findings(for: AreaSubmission(plan: plan, area: "蒙城县", returned: returned, unreadable: unreadable))
        }
        let missing = findings(returned: false, unreadable: false)
        assertFindings(missing, ["missing-submission warning "])
        #expect(missing.first?.file == plan.path && missing.first?.area == "蒙城县")
        assertFindings(findings(returned: false, unreadable: true), [])
        assertFindings(findings(returned: true, unreadable: false), [])
    }

    // MARK: AreaMismatchRule

    @Test func aSummaryFigureOffTheAreasReturnIsNamedAtTheSummary() throws {
        let plan = try Self.plan()
        var lines = Self.complete(plan, completions: [5000, 300, 700])
        lines[0] = Self.line(2, item: 0, of: plan, target: 5100, completed: nil)
        let (_, atReturn, atPlan) = Self.findings(lines, plan: plan, use: .compare)
        assertFindings(atReturn, [])
        assertFindings(atPlan, ["area-mismatch error F3"])
        #expect(atPlan.first?.file == plan.path)
        #expect(atPlan.first?.message.contains("涡阳县.xlsx!E3") == true)
    }
}

/// A 合计 row's rate is a rule of its own, not run from inside the column-total rule.
struct TotalRowRateRuleTests {
    static let table = [
        ["项目", "单位", "年度目标", "完成数", "完成率"],
        ["就业", "人", "100", "50", "50%"],
        ["岗位", "个", "100", "30", "30%"],
        ["合计", "", "200", "80", "50%"],
    ]

    @Test func aTotalRowsRateOffItsOwnFiguresIsNamed() throws {
        let table = try TableFixture.table(Self.table)
        let rate = Validator(rules: [], tableRules: [TotalRowRateRule()]).findings(for: table)
        assertFindings(rate, ["rate-mismatch error E4"])
        #expect(rate.first?.item == "合计")
        assertFindings(Validator(rules: [], tableRules: [ColumnTotalRule()]).findings(for: table), [])
        assertFindings(try TableFixture.check(Self.table).1, ["rate-mismatch error E4"])
    }
}
