/// `missing-submission` (`collect`, `reconcile`): an area of the plan that sent nothing back. An
/// unreadable return is a submission: its own error says why it was not used.
struct MissingSubmissionRule: SubmissionRule {
    func check(_ submission: AreaSubmission, into findings: inout FindingBuilder) {
        guard !submission.returned, !submission.unreadable else { return }
        findings.add(.missingSubmission(area: submission.area), area: submission.area)
    }
}
