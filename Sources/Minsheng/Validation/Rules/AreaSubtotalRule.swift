import Foundation
import XLSXReader

/// `total-mismatch` / `completed-total-mismatch` for a 小计 row among the areas in rows (梅山 …
/// 产业园 | 小计 | 外县 | 合计): in each indicator's column, its figure against the sum of the
/// areas since the total or subtotal row above it. The 合计 itself is checked against every
/// area (`TotalRule`); a 小计 is neither an area nor the total.
struct AreaSubtotalRule: WholeTableRule {
    /// Creates one.
    init() {}

    func check(_ table: CheckedTable, into findings: inout FindingBuilder) {
        guard let areaRows = table.table.layout.areaRows, !areaRows.subtotals.isEmpty else { return }
        let sheet = table.table.sheet
        let words = table.table.words.quantities
        for subtotal in areaRows.subtotals {
            let areas = areaRows.areas(summedBy: subtotal)
            guard areas.count >= 2 else { continue }
            for item in table.rows {
                guard let group = item.row.group, item.row.indicatorKind.isAdditive else { continue }
                for column in group.columns {
                    guard case .value(let measure, _) = column.meaning, measure != .rate,
                        let cell = sheet.cell(at: CellReference(row: subtotal.row, column: column.column + subtotal.shift))
                    else { continue }
                    let headerUnit = ValueReading.unit(measure: measure, headerUnit: column.unit, rowUnit: nil)
                    let read = ValueReading.read(cell, measure: measure, headerUnit: headerUnit, words: words)
                    guard case .quantity(let total) = read.quantity, !total.isPercent else { continue }
                    // The areas' shares summed as every total's are (`AreaShares`), two at least,
                    // none a percentage.
                    let values = areas.compactMap { item.values[ValueKey(measure, area: $0.area)] }
                    let figures = values.compactMap(\.quantity.quantity)
                    guard figures.count >= 2, !figures.contains(where: \.isPercent),
                        let shares = AreaShares.of(values.map(\.quantity), total: total.value),
                        !Quantity.equal(shares.sum, total.value), !AreaShares.withinRounding(shares.sum, total.value, of: values)
                    else { continue }
                    let sum = shares.sum
                    findings.add(
                        .columnTotalMismatch(
                            measure: measure, footer: subtotal.label, header: HeaderText.normalize(column.header), total: total.value, sum: sum,
                            count: areas.count, itemsBelow: false),
                        cell: cell.reference.a1, row: subtotal.row + 1, item: item.row.itemName, area: nil, expected: sum, actual: total.value)
                }
            }
        }
    }
}
