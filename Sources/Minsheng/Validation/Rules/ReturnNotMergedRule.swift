/// `plan-mismatch` (`collect`): a return most of whose filled rows name no item of the plan is
/// another plan's table, not the area's return: named once, and none of its rows is merged.
struct ReturnNotMergedRule: ReturnRule {
    var checksReturnsNotMerged: Bool { true }

    func check(_ areaReturn: AreaReturn, into findings: inout ReturnFindings) {
        guard let reason = areaReturn.notMerged else { return }
        findings.atReturn.add(.returnNotMerged(reason), area: areaReturn.area)
    }
}
