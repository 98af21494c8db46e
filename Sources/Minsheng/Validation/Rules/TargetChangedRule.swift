import Foundation

/// `target-changed` (`collect`): a target in an area's return that differs from the plan's
/// target for that area (or was cleared) — the template locks it, so someone unlocked or retyped
/// it. Every row naming a plan item is checked, a repeated one too.
struct TargetChangedRule: ReturnRule {
    func check(_ areaReturn: AreaReturn, into findings: inout ReturnFindings) {
        let area = areaReturn.area
        for line in areaReturn.lines {
            guard let item = line.planItem, let planned = item.areas[area]?.target, let targetCell = line.targetCell else { continue }
            let returned = line.target.map { ValueReading.read($0, measure: .target, headerUnit: nil, words: areaReturn.plan.table.words.quantities) }?.quantity.quantity?.value
            if let returned, Quantity.equal(returned, planned) { continue }
            findings.atReturn.add(
                .targetChanged(returned: returned, planned: planned), cell: targetCell, row: line.row + 1,
                item: ProgressWorkbook.itemName(item), area: area, expected: planned, actual: returned)
        }
    }
}
