import Foundation

/// Every filled row of a return that is not merged (`collect`) or compared (`reconcile`) is named,
/// with why: `unknown-item` (no item of the plan or summary), `duplicate-item` (the item's
/// earlier row is used), `unit-mismatch` (a percentage where the plan counts), `unparsed-value`
/// (text where a figure belongs). So a ✓ never covers a figure that was dropped.
///
/// Text that a finding of the return's own table already names is not named twice.
struct UnmergedRowRule: ReturnRule {
    func check(_ areaReturn: AreaReturn, into findings: inout ReturnFindings) {
        let area = areaReturn.area
        let merging = areaReturn.use == .merge
        for line in areaReturn.lines {
            guard case .notMerged(let skip)? = line.outcome else { continue }
            let cell = line.completed?.reference.a1
            // Merging names the plan's item; comparing, the row's own name.
            let item = merging ? line.planItem.map(ProgressWorkbook.itemName) ?? line.name : line.name
            switch skip {
            case .unknownItem:
                findings.atReturn.add(merging ? .unknownRow : .unknownSummaryRow, cell: cell, row: line.row + 1, item: line.name, area: area)
            case .duplicate(let first):
                findings.atReturn.add(.duplicateReturnRow(firstRow: first), cell: cell, row: line.row + 1, item: item, area: area)
            case .percentInCount(let value):
                findings.atReturn.add(
                    .percentInCountColumn(label: "完成数", shown: "\(Quantity.format(value))%"), cell: cell, row: line.row + 1,
                    item: item, area: area, actual: value)
            case .notAFigure(let raw):
                guard let cell, !areaReturn.namedCells.contains(cell) else { continue }
                findings.atReturn.add(.unparsed(label: "完成数", raw: raw), cell: cell, row: line.row + 1, item: item, area: area)
            case .fileNotMerged:
                continue  // the return's own finding names it
            }
        }
    }
}
