import Foundation

/// `rate-mismatch`: a reported rate against completed ÷ target, at the precision it is printed
/// (`RowRates`, which a 合计 row's rate is judged by too).
struct RateRule: TableRule {
    /// Creates one.
    init() {}

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        RowRates.check(row, in: table, into: &findings)
    }
}
