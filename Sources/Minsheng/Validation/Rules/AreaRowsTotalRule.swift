import Foundation

/// `total-mismatch` / `completed-total-mismatch` in a table with one row per area (a 县区 column
/// holding 合计 or 全市 on the item's total row and the areas on the rows beside it): the total
/// row's figure against the sum of the area rows', as `TotalRule` checks area columns.
///
/// An area row left blank is no share and is named; `——` is not applicable. A completed total is
/// not checked while an area with a target has no completion (`breakdown-incomplete`, at that
/// area's cell). Figures that do not sum (a rate, ratio, ceiling, a percentage, or every area
/// repeating the total) are not checked.
struct AreaRowsTotalRule: TableRule, MeasureRule {
    /// Target or completion totals.
    var measure: Measure

    /// Creates one for a measure.
    init(_ measure: Measure) {
        self.measure = measure
    }

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        guard row.row.areaIsTotal, row.row.indicatorKind.isAdditive,
            let indices = table.areaRowsOfItem[row.key.in(area: nil)], !indices.isEmpty,
            let total = row.figure(ValueKey(measure)), !total.isPercent
        else { return }
        let key = ValueKey(measure)
        let areaRows = indices.map { table.rows[$0] }
        guard let shares = AreaShares.of(areaRows.map { $0.values[key]?.quantity }, total: total.value) else { return }
        let sum = shares.sum
        let blank = shares.blank.map { (area: areaRows[$0].row.areaName ?? "", row: areaRows[$0]) }
        if measure == .completed {
            let incomplete = blank.filter { $0.row.figure(ValueKey(.target)) != nil }
            if let first = incomplete.first {
                findings.add(
                    .breakdownIncomplete(blank: incomplete.map(\.area), measure: measure, total: total.value), first.row,
                    cell: table.a1(first.row, key), area: first.area, actual: total.value)
                return
            }
        }
        if !Quantity.equal(sum, total.value) {
            let header = table.column(for: key)?.header ?? CheckedRow.label(key)
            findings.add(
                .totalMismatch(
                    measure: measure, header: HeaderText.normalize(header), total: total.value, sum: sum,
                    blank: blank.map(\.area)),
                row, cell: table.a1(row, key), expected: sum, actual: total.value)
        }
    }
}
