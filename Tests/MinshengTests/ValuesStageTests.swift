import Foundation
@testable import Minsheng
import TestSupport
import Testing
import XLSXReader

/// The values stage: each value cell is read once, under one unit rule, and check and convert
/// use that one reading — they cannot disagree on a cell.
struct ValuesStageTests {
    /// 项目 | 单位 | 全市 | 涡阳县 | 蒙城县: a target written `500万元` in a row whose unit only the 单位
    /// column gives (万元), its areas' shares bare (200, 300 — in 万元 too).
    static let rows = [
        ["项目", "单位", "全市", "涡阳县", "蒙城县"],
        ["基础设施投资", "万元", "500万元", "200", "300"],
    ]

    /// check reads the target as 500 万元 — the sum of its areas, no finding — and convert writes
    /// the same 500, not 5,000,000 (万 taken as a multiplier of 元).
    @Test func checkAndConvertAgreeOnACellWhoseUnitOnlyTheUnitColumnGives() async throws {
        let source = TableFixture.source(Self.rows)
        let table = try TableFixture.table(Self.rows)
        let checked = CheckedTable(table)
        let row = try #require(checked.rows.first)
        #expect(row.figure(ValueKey(.target)) == Quantity(500, unit: "万元"))

        let (_, findings) = try Checker().check(source: source)
        assertFindings(findings, [])

        let items = ProgressItems.items(of: checked)
        #expect(items.first?.target == .number(500))
        #expect(items.first?.unit == "万元")
        #expect(items.first?.areas["涡阳县"]?.target == 200)

        let result = try await Engine.standard().convert(ConvertRequest(inputs: [source], output: .memory))
        assertFindings(result.report.findings, [])
        let bytes = try #require(result.written.bytes)
        let summary = try InputWorkbook.open(.bytes(bytes, name: "out.xlsx")).sheet(named: "进度汇总")
        var numbers: [Double] = []
        summary.forEachCell { if let number = $0.number { numbers.append(number) } }
        #expect(numbers.contains(500))
        #expect(!numbers.contains(5_000_000))
    }

    /// A rate takes no unit from the 单位 column (its unit is %, whatever the row counts in).
    @Test func aRateTakesNoUnitFromTheUnitColumn() {
        #expect(ValueReading.unit(measure: .rate, headerUnit: nil, rowUnit: "人") == nil)
        #expect(ValueReading.unit(measure: .rate, headerUnit: "%", rowUnit: "人") == "%")
        #expect(ValueReading.unit(measure: .target, headerUnit: nil, rowUnit: "人") == "人")
        #expect(ValueReading.unit(measure: .completed, headerUnit: "万元", rowUnit: "人") == "万元")
    }
}
