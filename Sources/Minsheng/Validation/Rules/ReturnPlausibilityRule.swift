import Foundation

/// `implausible-value` (`collect`): a merged completion far over the area's target in the plan
/// (`Plausibility.isImplausible`): a digit typed twice or a wrong unit.
struct ReturnPlausibilityRule: ReturnRule {
    func check(_ areaReturn: AreaReturn, into findings: inout ReturnFindings) {
        let area = areaReturn.area
        for line in areaReturn.lines where line.outcome == .merged {
            guard let item = line.planItem, let planned = item.areas[area]?.target, let q = line.completion?.quantity,
                Plausibility.isImplausible(completed: q.value, target: planned)
            else { continue }
            findings.atReturn.add(
                .completionImplausible(completed: q.value, target: planned), cell: line.completed?.reference.a1, row: line.row + 1,
                item: ProgressWorkbook.itemName(item), area: area, expected: planned, actual: q.value)
        }
    }
}
