import Foundation

/// `negative-value` (`collect`): a negative completion merged from a template return. (A return in
/// the area's own layout had its values checked with its table, by `ValueRule`.)
struct ReturnNegativeRule: ReturnRule {
    func check(_ areaReturn: AreaReturn, into findings: inout ReturnFindings) {
        guard !areaReturn.valuesChecked else { return }
        for line in areaReturn.lines where line.outcome == .merged {
            guard let q = line.completion?.quantity, q.value < 0, let item = line.planItem else { continue }
            findings.atReturn.add(
                .negative(label: "完成数", value: q.value), cell: line.completed?.reference.a1, row: line.row + 1,
                item: ProgressWorkbook.itemName(item), area: areaReturn.area, actual: q.value)
        }
    }
}
