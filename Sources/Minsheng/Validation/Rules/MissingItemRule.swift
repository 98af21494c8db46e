/// `missing-item` (`collect`): a plan item the area has a target in that no row of its return
/// names (deleted?). Not said of an empty return, which `empty-return` names as a whole.
struct MissingItemRule: ReturnRule {
    func check(_ areaReturn: AreaReturn, into findings: inout ReturnFindings) {
        guard areaReturn.lines.contains(where: \.isFilled) else { return }
        let named = Set(areaReturn.lines.compactMap { $0.planItem.map(ItemKey.init) })
        for item in areaReturn.plan.items(of: areaReturn.area) where !named.contains(ItemKey(item)) {
            let name = ProgressWorkbook.itemName(item)
            findings.atReturn.add(.missingItem(item: name), item: name, area: areaReturn.area)
        }
    }
}
