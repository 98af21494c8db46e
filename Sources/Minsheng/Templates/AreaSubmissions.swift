import Foundation

/// Which return an area's figures come from when the area sent several (`collect`,
/// `reconcile`): the one with more rows filled, on a tie the later in input order (a corrected
/// resubmission is usually named after the first). The others are named by
/// `duplicate-submission`; only what their finding needs is kept, so memory does not grow with
/// thousands of duplicates.
struct AreaSubmissions<Value: Sendable> {
    /// The return used for an area.
    struct Chosen {
        var index: Int
        var value: Value
        var path: String
        var sheet: String
        var count: Int
    }

    /// A return not used.
    struct Other {
        var index: Int
        var path: String
        var sheet: String
        var count: Int
    }

    private var chosen: [String: Chosen] = [:]
    private var others: [String: [Other]] = [:]

    /// Offers one area's return, `count` its filled rows, `index` its place among the inputs.
    mutating func offer(_ value: Value, area: String, index: Int, path: String, sheet: String, count: Int) {
        let offered = Chosen(index: index, value: value, path: path, sheet: sheet, count: count)
        guard let current = chosen[area] else {
            chosen[area] = offered
            return
        }
        let replaced = count >= current.count
        let other = replaced ? current : offered
        others[area, default: []].append(Other(index: other.index, path: other.path, sheet: other.sheet, count: other.count))
        if replaced { chosen[area] = offered }
    }

    /// What became of an area's returns.
    struct Settled {
        /// The return used.
        var chosen: Chosen?
        /// Its findings, in the order reports list them: `missing-submission` against the plan or
        /// summary when the area sent nothing (an unreadable return is a submission: its own
        /// error says why), else a `duplicate-submission` for each other return.
        var findings: [Finding]
        /// The filled rows of the returns not used (which their findings name).
        var namedRows: Int
        /// The returns not used, by path, and why.
        var notChosen: [(path: String, reason: NotMergedReason)]
    }

    /// The area's return, the others and why they were not used (named by `validator`).
    func settle(_ area: String, plan: Splitter.Plan, unreadable: Bool, validator: Validator) -> Settled {
        let submitted = validator.findings(for: AreaSubmission(plan: plan, area: area, returned: chosen[area] != nil, unreadable: unreadable))
        guard let used = chosen[area] else { return Settled(chosen: nil, findings: submitted, namedRows: 0, notChosen: []) }
        var settled = Settled(chosen: used, findings: submitted, namedRows: 0, notChosen: [])
        for other in (others[area] ?? []).sorted(by: { $0.index < $1.index }) {
            let reason = NotMergedReason.notChosen(
                area: area, chosen: (used.path as NSString).lastPathComponent, chosenCount: used.count, thisCount: other.count)
            let notUsed = AreaReturn(
                use: .merge, path: other.path, sheet: other.sheet, area: area, lines: [], plan: plan, valuesChecked: false, namedCells: [],
                refused: Refusal(area: area, reason: reason))
            settled.findings += validator.findings(for: notUsed, after: []).atReturn
            settled.namedRows += other.count
            settled.notChosen.append((other.path, reason))
        }
        return settled
    }
}
