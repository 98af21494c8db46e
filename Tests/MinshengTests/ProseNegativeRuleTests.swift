import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// A figure written with a minus sign inside a progress text is a `negative-value`; a range, a
/// date, a phone number or a change (增幅-1.1%) is not.
struct ProseNegativeRuleTests {
    @Test(arguments: [
        ("已进场施工,完成-60%。", -60.0), ("-10015套已安装到位", -10015), ("实际参与课后服务的学生-32402人,参与率100%", -32402), ("新增托位-1155个,其中新增普惠托位1155个。", -1155),
    ])
    func findsAMinusSignBeforeAFigure(_ text: String, _ value: Double) {
        #expect(ProseNegativeRule.negativeFigure(in: text) == Decimal(value))
    }

    @Test(arguments: [
        "1-10月完成60%", "2024-2025年建成", "监督电话0535-8246306", "地区生产总值增幅-1.1%", "增长由年初的2%调整为-4%左右",
        "G-15高速", "2家进度30%-50%之间", "完成—60个", "已完成", "-",
    ])
    func findsNoneInRangesDatesAndChanges(_ text: String) {
        #expect(ProseNegativeRule.negativeFigure(in: text) == nil)
    }

    @Test func aTableWithAMinusSignInItsProgressTextHasTheFinding() throws {
        let rows = [
            ["序号", "主要任务", "牵头单位", "1-11月推进情况"],
            ["1", "优化提升50条背街后巷交通组织。", "城管局", "已进场施工,完成-60%。"],
            ["2", "新建建筑垃圾中转站8个。", "城管局", "已建成建筑垃圾中转站7个。"],
        ]
        let (_, findings) = try TableFixture.check(rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["negative-value D2"], "\(findings.map(\.message))")
    }
}
