/// `rate-mismatch` in a 合计, 总计 or 小计 row, or a section heading with its sums: the row's own reported rate
/// against its own completed ÷ target, judged as an item row's is (`RowRates`); named by the
/// row's label.
struct TotalRowRateRule: WholeTableRule {
    /// Creates one.
    init() {}

    func check(_ table: CheckedTable, into findings: inout FindingBuilder) {
        for row in table.table.rows {
            guard let label = TotalRows.sumLabel(of: row) else { continue }
            var named = row
            named.project = label
            RowRates.check(CheckedRow(row: named, values: CheckedTable.readValues(named, layout: table.table.layout, words: table.table.words.quantities)), in: table, into: &findings)
        }
    }
}
