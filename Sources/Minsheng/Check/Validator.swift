import Foundation

/// Checks a recognized table: totals against the sum of their areas, reported rates against
/// completed ÷ target, and the values themselves. Produces findings, never throws.
///
/// ```swift
/// let findings = Validator(asOf: AsOfDate("2023-10-31")).findings(for: table)
/// ```
public struct Validator: Sendable {
    /// The date for 序时进度, if given.
    public var asOf: AsOfDate?
    /// The rules run on every item row, in this order.
    public var rules: [any TableRule]
    /// The rules run once on the whole table, after the row rules.
    public var tableRules: [any WholeTableRule]

    /// The rules of `check`, in the order their findings are listed within a row.
    public static let standardRules: [any TableRule] = [
        ValueRule(), TotalRule(.target), TotalRule(.completed), AreaRowsTotalRule(.target), AreaRowsTotalRule(.completed),
        ProseBreakdownRule(), RateRule(), MissingTargetRule(),
        ScheduleRule(), DuplicateRule(), PlausibilityRule(),
    ]

    /// Creates one from its parts.
    public init(
        asOf: AsOfDate? = nil, rules: [any TableRule] = Validator.standardRules,
        tableRules: [any WholeTableRule] = [ColumnTotalRule(), SubItemsRule(), RowTotalColumnRule(), UnlabeledRowRule()]
    ) {
        self.asOf = asOf
        self.rules = rules
        self.tableRules = tableRules
    }

    /// Every finding of the table, in row order.
    public func findings(for table: RecognizedTable) -> [Finding] {
        findings(for: CheckedTable(table, asOf: asOf))
    }

    /// Every finding of a prepared table, in row order.
    public func findings(for checked: CheckedTable) -> [Finding] {
        var builder = checked.builder()
        // What the reading's judge already found on these very rows is not looked for again.
        let kept = checked.table.checkedRows != nil ? checked.table.ruleFindings : nil
        let ruleKeys = kept == nil ? [] : rules.map(RuleFindings.key)
        for (index, row) in checked.rows.enumerated() {
            for (r, rule) in rules.enumerated() {
                if let kept, let found = kept.findings(row: index, rule: ruleKeys[r]) {
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
}
