@testable import Minsheng
import TestSupport
import Testing

/// An area name merged down the area column over its rows (寿县 over the sixteen indicators of
/// its block) is the area of every row it covers, not of the first one only.
struct MergedAreaTests {
    @Test func anAreaMergedDownItsRowsIsTheAreaOfEach() throws {
        let rows = [
            ["县区", "项目名称", "指标", "年度目标", "完成数", "完成率"],
            ["寿县", "就业促进", "见习岗位", "325", "330", "101.54%"],
            ["", "", "公益性岗位", "540", "838", "155.19%"],
            ["", "养老服务", "老年食堂", "6", "1", "16.67%"],
            ["凤台县", "就业促进", "见习岗位", "200", "100", "50%"],
            ["", "", "公益性岗位", "300", "150", "50%"],
            ["", "养老服务", "老年食堂", "4", "2", "50%"],
        ]
        let table = try TableFixture.table(rows, merges: ["A2:A4", "B2:B3", "A5:A7", "B5:B6"])
        #expect(table.items.map(\.areaName) == ["寿县", "寿县", "寿县", "凤台县", "凤台县", "凤台县"])
        let (result, findings) = try TableFixture.check(rows, merges: ["A2:A4", "B2:B3", "A5:A7", "B5:B6"])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(result.readings.first?.areas == ["寿县", "凤台县"])
    }
}
