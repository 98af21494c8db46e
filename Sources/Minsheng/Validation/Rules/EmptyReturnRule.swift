/// `empty-return` (`collect`): a return with no completion filled in — sent before it was filled?
struct EmptyReturnRule: ReturnRule {
    func check(_ areaReturn: AreaReturn, into findings: inout ReturnFindings) {
        guard !areaReturn.lines.contains(where: \.isFilled) else { return }
        findings.atReturn.add(.emptyReturn, area: areaReturn.area)
    }
}
