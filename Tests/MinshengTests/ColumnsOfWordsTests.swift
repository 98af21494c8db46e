@testable import Minsheng
import TestSupport
import Testing
@testable import XLSXReader

/// Columns headed as figures that hold only words are read as words, and the items' own
/// wording states their targets.
struct ColumnsOfWordsTests {
    @Test func aPlanAndAStateInWordsBesideWordedTargets() throws {
        // 四季度计划目标 and 10月完成情况 hold sentences, 进度状态 the state of the work; each
        // target is in 主要内容's wording.
        let rows = [
            ["序号", "重点工作", "主要内容", "四季度计划目标", "10月完成情况", "进度状态"],
            ["1", "教育设施", "打造最美上学路9条。", "开展结算审核。", "9条最美上学路建设完成", "办结"],
            ["2", "午休", "配置午休躺睡座椅10000套。", "完成安装。", "10015套已安装到位", "办结"],
            ["3", "托育", "新增普惠托位500个。", "全部建成，投入使用。", "已建成托位320个", "部分滞后"],
        ]
        let (result, findings) = try TableFixture.check(rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let reading = try #require(result.readings.first)
        #expect(reading.columns.map(\.role) == ["sequence", "project", "indicator", "note", "progressText", "note"])
        let checked = CheckedTable(try TableFixture.table(rows))
        #expect(checked.rows.map { $0.figure(ValueKey(.target))?.value } == [9, 10000, 500])
    }

    @Test func aTargetColumnCoveredByTheWordingMergedAcrossIsNone() throws {
        let rows = [
            ["序号", "主要任务", "全年目标任务", "牵头单位", "1-11月推进情况"],
            ["24", "优化提升50条背街后巷交通组织。", "", "城管局", "已进场施工,完成60%。"],
            ["25", "新增四分类“三定一督”达标小区210个。", "", "城管局", "在46个小区建成38个厢房。"],
        ]
        let merges = ["B2:C2", "B3:C3"]
        let checked = CheckedTable(try TableFixture.table(rows, merges: merges))
        #expect(checked.rows.map { $0.figure(ValueKey(.target))?.value } == [50, 210])
    }

    static func cell(_ text: String) -> Cell {
        Cell(reference: CellReference(row: 1, column: 1), value: .string(text), format: NumberFormat(code: "General"), hasFormula: false)
    }

    @Test func aSentenceThatOpensWithANumberIsNoFigure() {
        for text in ["9条最美上学路建设完成", "10015套已安装到位"] {
            #expect(!LayoutRecognizer.isFigure(Self.cell(text)), "\(text)")
        }
        for text in ["3.3万人以上", "8300人以上？？", "1.2万平方米以上", "不少于816个", "500"] {
            #expect(LayoutRecognizer.isFigure(Self.cell(text)), "\(text)")
        }
    }

    @Test func aTargetColumnOfSentencesIsTheItemsWordingUnlessItSplitsAmongAreas() throws {
        let worded = [
            ["类别", "民生事项名称", "2022年度任务目标", "责任单位"],
            ["教育", "推进学校塑胶运动场地建设", "完成罗峰学校及13处农村学校塑胶运动场地建成并投入使用。", "教育体育局"],
            ["教育", "推进义务教育课后服务", "对全市34所义务教育学校实行课后服务全覆盖。", "教育体育局"],
        ]
        let (result, _) = try TableFixture.check(worded)
        #expect(result.readings.first?.columns.map(\.role) == ["category", "project", "indicator", "lead"])
        #expect(CheckedTable(try TableFixture.table(worded)).rows.map { $0.figure(ValueKey(.target))?.value } == [13, 34])
        // Split among areas, the sentence stays the target, and its parts are checked.
        let split = [
            ["项目名称", "目标任务", "牵头单位"],
            ["城镇新增就业", "新增就业1000人，其中涡阳县300人、蒙城县700人。", "人社局"],
            ["技能培训", "培训2000人次，其中涡阳县1000人次、蒙城县900人次。", "人社局"],
        ]
        let (splitResult, findings) = try TableFixture.check(split)
        #expect(splitResult.readings.first?.columns.map(\.role) == ["project", "target", "lead"])
        #expect(findings.map(\.code.rawValue) == ["total-mismatch"], "\(findings.map(\.message))")
    }
}
