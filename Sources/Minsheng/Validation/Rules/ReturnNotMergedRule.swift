/// A return not merged as a whole is named once, with why, and none of its rows is merged:
/// `plan-mismatch` (made from another plan or template version; most of its filled rows name no
/// item of the plan: another plan's table), `unknown-area` (an area the plan does not have, or
/// none could be told), `duplicate-submission` (the area's other return was used).
struct ReturnNotMergedRule: ReturnRule {
    var checksReturnsNotMerged: Bool { true }

    func check(_ areaReturn: AreaReturn, into findings: inout ReturnFindings) {
        guard let refusal = areaReturn.notMerged else { return }
        findings.atReturn.add(.returnNotMerged(refusal.reason), area: refusal.area)
    }
}
