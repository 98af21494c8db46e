import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// `LayoutRecognizer` (which row is the header, what each column holds) and `TableReader` (body
/// rows: fill-down, sections, footers) on small tables written here.
struct LayoutRecognizerTests {
    @Test func findsTheHeaderBelowATitleAndNamesEachColumn() throws {
        let table = try TableFixture.table([
            ["亳州市2023年民生实事进展情况"],
            ["序号", "项目", "指标", "单位", "年度目标", "完成数", "完成率", "牵头单位"],
            ["1", "就业", "城镇新增就业", "人", "8300", "7470", "90%", "人社局"],
        ])
        #expect(table.layout.headerRows == 1...1)
        let meanings = table.layout.columns.map(\.meaning)
        #expect(meanings == [
            .role(.sequence), .role(.project), .role(.indicator), .role(.unit), .value(.target, area: nil),
            .value(.completed, area: nil), .value(.rate, area: nil), .role(.lead),
        ])
    }

    @Test func ignoresSpacesAndLineBreaksInHeaders() throws {
        let table = try TableFixture.table([["项 目", "年度\n目标", "完 成 数"], ["就业", "8300", "7470"]])
        #expect(table.layout.column(.project) != nil)
        #expect(table.layout.column(.target, area: nil) != nil)
        #expect(table.layout.column(.completed, area: nil) != nil)
    }

    @Test func readsAreaNamesMergedOverTheirFigures() throws {
        let table = try TableFixture.table(
            [
                ["项目", "合计", "", "涡阳县", "", "亳州高新区", ""],
                ["", "目标", "完成", "目标", "完成", "目标", "完成"],
                ["就业", "100", "90", "60", "50", "40", "40"],
            ], merges: ["A1:A2", "B1:C1", "D1:E1", "F1:G1"])
        #expect(table.layout.headerRows == 0...1)
        #expect(table.layout.areas == ["涡阳县", "亳州高新区"])
        #expect(table.layout.column(.completed, area: "亳州高新区")?.column == 6)
        #expect(table.layout.column(.target, area: nil)?.column == 1)
    }

    @Test func anAreaColumnPlanHasTargetsPerArea() throws {
        let table = try TableFixture.table([["项目", "全市", "涡阳县", "市本级"], ["就业", "100", "60", "40"]])
        #expect(table.layout.areas == ["涡阳县", "市本级"])
        #expect(table.layout.column(.target, area: "市本级")?.column == 3)
    }

    @Test func aSheetWithoutHeaderIsNotATableAndSaysWhatItSaw() throws {
        let source = TableFixture.source([["会议纪要"], ["请各单位按时报送"]])
        #expect {
            _ = try TableFinder(vocabulary: try HeaderVocabulary.load()).find(in: source)
        } throws: { error in
            guard case MinshengError.noTableRecognized(let file, let seen)? = error as? MinshengError else { return false }
            return file == "表.csv" && seen.contains("会议纪要")
        }
    }
}

struct TableReaderTests {
    @Test func fillsMergedProjectsDownAndReadsSectionsAndFooters() throws {
        let table = try TableFixture.table(
            [
                ["序号", "项目", "指标", "年度目标"],
                ["一、就业创业"],
                ["1", "促进就业", "城镇新增就业", "8300"],
                ["", "", "公益性岗位", "550"],
                ["二、社会保障"],
                ["2", "养老服务", "助餐点", "40"],
                ["合计", "", "", "8890"],
                ["填报人：张三"],
            ], merges: ["B3:B4", "A3:A4"])
        let items = table.items
        #expect(items.map(\.indicator) == ["城镇新增就业", "公益性岗位", "助餐点"])
        #expect(items.map(\.project) == ["促进就业", "促进就业", "养老服务"], "a merged 项目 fills down")
        #expect(items.map(\.category) == ["就业创业", "就业创业", "社会保障"], "the section number is dropped")
        #expect(table.rows.contains { $0.kind == .footer })
        #expect(items[1].values[ValueKey(.target)]?.reference.a1 == "D4")
    }

    @Test func skipsBlankRowsAndKeepsRowNumbersOfTheSheet() throws {
        let table = try TableFixture.table([["项目", "年度目标"], ["就业", "1"], [], [], ["岗位", "2"]])
        #expect(table.items.map(\.row) == [1, 4])
    }
}
