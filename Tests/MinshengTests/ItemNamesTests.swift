@testable import Minsheng
import TestSupport
import Testing

/// The column of names left of the figures names the items whatever its header says; of two
/// completions the one the rate names is measured; a wording's headline figure is its target.
struct ItemNamesTests {
    @Test func aColumnOfNamesUnderAnUnknownHeaderNamesTheItems() throws {
        let rows = [
            ["性质", "年度投资目标(万元)", "1-6月底累计到位资金(万元)", "1-6月底累计完成投资(万元)", "完成投资占年度投资目标的比例(%)"],
            ["新建项目", "2954712", "1420619", "1422596", "48.15"],
            ["续建项目", "7629583", "4411177", "4356017", "57.09"],
            ["收尾项目", "1061218", "1010184", "1012025", "95.36"],
        ]
        let (result, findings) = try TableFixture.check(rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.columns.map(\.role) == ["indicator", "target", "note", "completed", "rate"])
        var wrong = rows
        wrong[2][4] = "59.07"
        let (_, errors) = try TableFixture.check(wrong)
        #expect(errors.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["rate-mismatch E3"])
    }

    @Test func aColumnOfPlacesIsNoColumnOfNames() throws {
        // (Areas down the rows are read as such, not as items named by places.)
        let (result, _) = try TableFixture.check([
            ["单位", "目标", "完成"],
            ["吉首市", "100", "50"],
            ["泸溪县", "200", "90"],
        ])
        #expect(result.readings.first?.orientation != .noAreas)
    }

    @Test func aWordingsHeadlineFigureIsItsTarget() {
        let words = TestWords.value.quantities
        #expect(WordedFigure.written(in: "新增托位1140个,普惠托位685个", words: words) == "1140个")
        #expect(WordedFigure.written(in: "新建建筑垃圾中转站8个、建筑垃圾分类池20个。", words: words) == "8个")
        #expect(WordedFigure.written(in: "新增托位1140个,普惠托位685个", words: words, onlyOne: true) == nil)
        #expect(WordedFigure.written(in: "开展徽菜师傅技能培训不少于240人次", words: words, onlyOne: true) == "不少于240人次")
    }
}
