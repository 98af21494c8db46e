/// Whether an area of the plan (or summary) sent anything back: what the submission rules
/// (`SubmissionRule`) check once every return is read.
struct AreaSubmission: Sendable {
    /// The plan or summary, where a finding about the area is placed.
    var plan: Splitter.Plan
    /// The area.
    var area: String
    /// Whether a return of the area was read (used or not).
    var returned: Bool
    /// Whether a file named after the area could not be read (its own error says why).
    var unreadable: Bool
}

/// A check of what an area sent back. `Validator` runs each on every area of the plan.
protocol SubmissionRule: Sendable {
    /// Checks the area's submission; findings are placed in the plan.
    func check(_ submission: AreaSubmission, into findings: inout FindingBuilder)
}
