import Foundation
@testable import Minsheng
import Testing

/// The plan id written into every template: a hash of the plan's figures in a canonical form,
/// never of how they are displayed, so returns of templates already sent out keep matching.
struct PlanIdentityTests {
    static func decimal(_ text: String) throws -> Decimal {
        try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
    }

    /// A tiny plan: a number target split over two areas, a prose target, a percentage.
    static func plan(
        employment: Decimal = 8300, wuoyang: Decimal = 5000, mengcheng: Decimal = 3300, prose: String = "不少于30个",
        rate: ProgressItem.Figure = .percent(0.95)
    ) -> [ProgressItem] {
        var employmentItem = ProgressItem()
        employmentItem.project = "促进就业"
        employmentItem.indicator = "城镇新增就业"
        employmentItem.target = .number(employment)
        employmentItem.areaOrder = ["涡阳县", "蒙城县"]
        employmentItem.areas = ["涡阳县": .init(target: wuoyang), "蒙城县": .init(target: mengcheng)]
        var meals = ProgressItem()
        meals.project = "老年助餐"
        meals.indicator = "新增助餐点"
        meals.target = .text(prose)
        meals.areaOrder = ["涡阳县"]
        meals.areas = ["涡阳县": .init()]
        var screening = ProgressItem()
        screening.project = "“两癌”免费筛查"
        screening.indicator = "筛查覆盖率"
        screening.target = rate
        return [employmentItem, meals, screening]
    }

    @Test func isPinned() {
        // A change here orphans every template already sent out: change the canonical form only
        // on purpose, and say so in the release notes.
        #expect(
            PlanIdentity.canonicalText(Self.plan())
                == "31:促进就业|城镇新增就业=n8300;9:涡阳县=n5000,9:蒙城县=n3300,\n"
                + "28:老年助餐|新增助餐点=t14:不少于30个;9:涡阳县=,\n"
                + "40:“两癌”免费筛查|筛查覆盖率=p0.95;\n")
        // 64-bit FNV-1a of that text (checked with an independent implementation).
        #expect(PlanIdentity.planID(Self.plan()) == "a2a1e4306f649f0a")
    }

    @Test func hashesExactFiguresNotTheirDisplay() throws {
        // The same value written two ways is the same plan.
        #expect(
            PlanIdentity.planID(Self.plan(employment: try Self.decimal("8300.50")))
                == PlanIdentity.planID(Self.plan(employment: try Self.decimal("8300.5"))))
        // Figures a display rounds alike (six decimals) are different plans all the same.
        let a = try Self.decimal("0.1234567")
        let b = try Self.decimal("0.1234568")
        #expect(ProgressWorkbook.figureText(.number(a)) == ProgressWorkbook.figureText(.number(b)))
        #expect(PlanIdentity.planID(Self.plan(mengcheng: a)) != PlanIdentity.planID(Self.plan(mengcheng: b)))
        // The canonical form is defined beside planID, not by figureText.
        #expect(PlanIdentity.canonicalFigure(.percent(try Self.decimal("0.95"))) == "p0.95")
        #expect(ProgressWorkbook.figureText(.percent(try Self.decimal("0.95"))) == "95%")
        #expect(PlanIdentity.canonicalFigure(.number(a)) == "n0.1234567")
        #expect(PlanIdentity.canonicalFigure(.text("不少于30个")) == "t14:不少于30个")
        #expect(PlanIdentity.canonicalFigure(nil) == "")
    }

    @Test func anyOtherFigureIsAnotherPlan() throws {
        let base = PlanIdentity.planID(Self.plan())
        #expect(PlanIdentity.planID(Self.plan(employment: 8301)) != base)
        #expect(PlanIdentity.planID(Self.plan(mengcheng: 3301)) != base)
        #expect(PlanIdentity.planID(Self.plan(wuoyang: 3300, mengcheng: 5000)) != base, "figures swapped between areas")
        #expect(PlanIdentity.planID(Self.plan(prose: "不少于31个")) != base)
        #expect(PlanIdentity.planID(Self.plan(rate: .number(try Self.decimal("0.95")))) != base, "a ratio is not a percentage")
        #expect(PlanIdentity.planID(Array(Self.plan().reversed())) != base, "the order of items")
    }
}
