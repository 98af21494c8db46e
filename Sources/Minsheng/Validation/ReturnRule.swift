/// The findings of one area's return: at the return's cells, and at the plan's or summary's.
struct ReturnFindings {
    /// Findings in the return.
    var atReturn: FindingBuilder
    /// Findings in the plan or summary.
    var atPlan: FindingBuilder
}

/// A check of one area's return against the plan or summary it answers. `Validator` runs each
/// rule of the return's use on it.
protocol ReturnRule: Sendable {
    /// Whether the rule looks at a return that is not merged as a whole (most look only at
    /// returns whose rows are used).
    var checksReturnsNotMerged: Bool { get }

    /// Checks the return.
    func check(_ areaReturn: AreaReturn, into findings: inout ReturnFindings)
}

extension ReturnRule {
    var checksReturnsNotMerged: Bool { false }
}
