@testable import Minsheng
import TestSupport
import Testing

/// Places named without their endings over columns that add up to a 合计 column are areas (the
/// figures say so), and an indicator's target and completion on two rows are one item.
struct MeasureRowsTests {
    static let rows = [
        ["", "鄞州", "海曙、江东、江北", "镇海", "北仑", "合计"],
        ["新辟线路年度目标", "2", "5", "1", "2", "10"],
        ["实际完成", "1", "2", "0", "3", "6"],
        ["优化调整线路年度目标", "6", "9", "1", "4", "20"],
        ["实际完成", "12", "12", "0", "0", "24"],
    ]

    @Test func columnsThatAddUpToATotalAreAreasAndMeasureRowsJoinTheirItem() throws {
        let (result, findings) = try TableFixture.check(Self.rows)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let reading = try #require(result.readings.first)
        #expect(reading.areas == ["鄞州", "海曙、江东、江北", "镇海", "北仑"])
        #expect(reading.total?.label == "合计")
        let checked = CheckedTable(try TableFixture.table(Self.rows))
        #expect(checked.rows.map(\.row.indicator) == ["新辟线路", "优化调整线路"])
        #expect(checked.rows.map { $0.figure(ValueKey(.completed))?.value } == [6, 24])
        #expect(checked.rows.map { $0.figure(ValueKey(.completed, area: "北仑"))?.value } == [3, 0])
    }

    @Test func aWrongFigureIsFoundNotMadeUnreadable() throws {
        var rows = Self.rows
        rows[1][2] = "6"
        let (_, findings) = try TableFixture.check(rows)
        #expect(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["total-mismatch F2"])
        // A completion row that does not add up is found in the completion.
        rows = Self.rows
        rows[2][1] = "2"
        let (_, completion) = try TableFixture.check(rows)
        #expect(completion.map { "\($0.code.rawValue) \($0.cell ?? "")" } == ["completed-total-mismatch F3"])
    }

    @Test func columnsThatDoNotAddUpAreNoAreas() throws {
        var rows = Self.rows
        for i in 1..<rows.count { rows[i][5] = "99" }
        let (result, _) = try TableFixture.check(rows)
        #expect(result.status == .unreadable)
    }
}
