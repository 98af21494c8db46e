import Foundation
import XLSXReader

/// `area-mismatch` (`reconcile`): a figure of the summary's column of an area (its target or
/// completion) that differs from the area's own return, or is blank where the return has one.
/// Named at the summary's cell, where the figure is (or belongs), with the return's cell.
/// A figure the summary has no column for is not compared.
struct AreaMismatchRule: ReturnRule {
    func check(_ areaReturn: AreaReturn, into findings: inout ReturnFindings) {
        let summary = areaReturn.plan
        let area = areaReturn.area
        let layout = summary.table.layout
        let file = (areaReturn.path as NSString).lastPathComponent
        var rowOfItem: [ItemKey: Int]?
        for line in areaReturn.lines {
            guard let item = line.item, let key = line.planKey else { continue }
            let name = ProgressWorkbook.itemName(item)
            for measure in [Measure.target, .completed] {
                guard let cell = measure == .target ? line.target : line.completed else { continue }
                let read = measure == .completed ? line.completion : ValueReading.read(cell, measure: measure, headerUnit: nil, words: areaReturn.plan.table.words.quantities).quantity
                guard let returned = read?.quantity?.value else { continue }
                let inSummary = item.number(ValueKey(measure, area: area))
                if let inSummary, Quantity.equal(inSummary, returned) { continue }
                // Where the summary holds (or should hold) this area's figure.
                if rowOfItem == nil {
                    rowOfItem = Dictionary(summary.table.items.map { (ItemKey($0), $0.row) }, uniquingKeysWith: { a, _ in a })
                }
                let summaryCell =
                    item.figureSources[ValueKey(measure, area: area)]?.cell
                    ?? rowOfItem?[key].flatMap { r in layout.column(measure, area: area).map { CellReference(row: r, column: $0.column).a1 } }
                guard let summaryCell else { continue }  // the summary has no column for it
                findings.atPlan.add(
                    .areaMismatch(
                        area: area, label: measure == .target ? "目标" : "完成数", summaryValue: inSummary,
                        returnCell: "\(file)!\(cell.reference.a1)", returnValue: returned),
                    cell: summaryCell, row: CellReference(summaryCell).map { $0.row + 1 }, item: name, area: area,
                    expected: returned, actual: inSummary)
            }
        }
    }
}
