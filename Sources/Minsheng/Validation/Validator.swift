import Foundation

/// The one place findings about the data are made: checks a recognized table row by row and as
/// a whole (totals against the sum of their areas, reported rates against completed ÷ target,
/// the values themselves), a table against last period's (`--previous`), an area's return
/// against the plan or summary it answers, and what each area of a plan sent back. Produces
/// findings, never throws.
///
/// A rule is one file under `Validation/Rules`, registered in one of the lists below; no rule
/// runs another (rules that judge alike share a helper: `RowRates`, `Plausibility`).
///
/// ```swift
/// let findings = Validator(asOf: AsOfDate("2023-10-31")).findings(for: table)
/// ```
struct Validator: Sendable {
    /// The date for 序时进度, if given.
    var asOf: AsOfDate?
    /// The rules run on every item row, in this order.
    var rules: [any TableRule]
    /// The rules run once on the whole table, after the row rules.
    var tableRules: [any WholeTableRule]
    /// The rules run between a table and the same items in last period's report (`--previous`).
    var pairRules: [any PairRule] = [PreviousPeriodRule()]
    /// The rules run on an area's return in `collect`, before its rows are merged.
    var mergeRules: [any ReturnRule] = [
        ReturnNotMergedRule(), TargetChangedRule(), UnmergedRowRule(), ReturnNegativeRule(), ReturnPlausibilityRule(),
        EmptyReturnRule(), MissingItemRule(),
    ]
    /// The rules run on an area's return in `reconcile`, against the summary's column of the area.
    var compareRules: [any ReturnRule] = [ReturnNotMergedRule(), UnmergedRowRule(), AreaMismatchRule()]
    /// The rules run on each area of the plan once its returns are read (`collect`, `reconcile`).
    var submissionRules: [any SubmissionRule] = [MissingSubmissionRule()]

    /// The rules of `check`, in the order their findings are listed within a row.
    static let standardRules: [any TableRule] = [
        ValueRule(), ProseNegativeRule(), TotalRule(.target), TotalRule(.completed), AreaRowsTotalRule(.target), AreaRowsTotalRule(.completed),
        ProseBreakdownRule(), RateRule(), MissingTargetRule(),
        ScheduleRule(), DuplicateRule(), PlausibilityRule(),
    ]

    /// Creates one from its parts.
    init(
        asOf: AsOfDate? = nil, rules: [any TableRule] = Validator.standardRules,
        tableRules: [any WholeTableRule] = [
            ColumnTotalRule(), TotalRowRateRule(), SubItemsRule(), RowTotalColumnRule(), AreaSubtotalRule(), UnlabeledRowRule(), DuplicateAreaRule(),
        ]
    ) {
        self.asOf = asOf
        self.rules = rules
        self.tableRules = tableRules
    }

    /// Every finding of the table, in row order.
    func findings(for table: RecognizedTable) -> [Finding] {
        findings(for: CheckedTable(table, asOf: asOf))
    }

    /// Every finding of a prepared table, in row order.
    func findings(for checked: CheckedTable) -> [Finding] {
        var builder = checked.builder()
        // What the reading's judge already found on these very rows is not looked for again.
        let kept = checked.table.prepared != nil ? checked.table.ruleFindings : nil
        // Each rule's kept findings looked up once per table, then by row.
        let keptByRule = rules.map { rule in kept?.findings(of: RuleFindings.key(rule)) }
        for (index, row) in checked.rows.enumerated() {
            for (r, rule) in rules.enumerated() {
                if let found = RuleFindings.findings(row: index, in: keptByRule[r]) {
                    builder.append(contentsOf: found)
                } else {
                    rule.check(row, in: checked, into: &builder)
                }
            }
        }
        for rule in tableRules {
            if let kept, let found = kept.findings(row: -1, rule: RuleFindings.key(rule)) {
                builder.append(contentsOf: found)
            } else {
                rule.check(checked, into: &builder)
            }
        }
        builder.sortByPlace()
        return builder.findings
    }

    /// The findings of `current` against last period's report: the pair rules' against its
    /// previous table (the one with most of its items), or `previous-mismatch` when none has
    /// enough of them.
    func findings(for current: CheckedTable, previous report: PreviousReport) -> [Finding] {
        var findings = current.builder()
        guard let previous = report.table(for: current) else {
            findings.add(.noPreviousTable(previousFile: (report.file as NSString).lastPathComponent))
            return findings.findings
        }
        for rule in pairRules { rule.check(current, against: previous, into: &findings) }
        return findings.findings
    }

    /// The findings of what an area sent back, placed in the plan.
    func findings(for submission: AreaSubmission) -> [Finding] {
        var findings = FindingBuilder(file: submission.plan.path, sheet: submission.plan.table.sheet.name)
        for rule in submissionRules { rule.check(submission, into: &findings) }
        return findings.findings
    }

    /// The findings of an area's return: at its cells, listed among `tableFindings` (its own
    /// table's, in place order) by place; and at the plan's or summary's cells, in the return's
    /// row order. A return not merged as a whole is named after its table's findings, and its
    /// rows are not looked at.
    func findings(for areaReturn: AreaReturn, after tableFindings: [Finding]) -> (atReturn: [Finding], atPlan: [Finding]) {
        var findings = ReturnFindings(
            atReturn: FindingBuilder(file: areaReturn.path, sheet: areaReturn.sheet),
            atPlan: FindingBuilder(file: areaReturn.plan.path, sheet: areaReturn.plan.table.sheet.name))
        findings.atReturn.append(contentsOf: tableFindings)
        let refused = areaReturn.notMerged != nil
        for rule in areaReturn.use == .merge ? mergeRules : compareRules where !refused || rule.checksReturnsNotMerged {
            rule.check(areaReturn, into: &findings)
        }
        if !refused { findings.atReturn.sortByPlace() }
        return (findings.atReturn.findings, findings.atPlan.findings)
    }
}
