import Foundation

/// How far a table's figures agree with themselves under one reading: each reported rate
/// against completed ÷ target, each total against the sum of its areas (or of the items above a
/// 合计 row), each figure against its unit. What decides between readings that the header words
/// allow (`ReadingJudge`): the words propose, the figures decide.
struct FigureAgreement: Sendable, Hashable {
    /// How many relations could be checked (a rate with its target and completion; a total with
    /// at least one area figure).
    var checks = 0
    /// How many of them fail (errors of the rate and total rules).
    var disagreements = 0
    /// Figures that do not fit where the reading puts them: a completion 10× its target, a
    /// percentage in a count column, a count in a rate column.
    var misfits = 0
    /// How many figure cells the reading places in items.
    var figures = 0

    /// The relations that hold.
    var agreements: Int { max(0, checks - disagreements) }

    /// Whether most relations fail and few hold: the reading, not the table, is probably wrong.
    /// (A wrong reading agrees by chance only; one under which a third of the rows agree exactly
    /// reads the table, and the rest are its errors — a rate column left at last month's.)
    var isDoubtful: Bool { checks >= 6 && disagreements * 2 > checks && agreements * 3 < checks }

    /// One number to compare readings by: agreements count for, disagreements and misfits
    /// against. (A table's own errors count against the right reading too, so a reading that
    /// checks nothing must not beat it on this number alone: see `isBetter`.)
    var score: Int { agreements - disagreements - misfits }

    /// The rules whose findings are the relations that fail.
    private static let rowRules: [any TableRule] = [
        TotalRule(.target), TotalRule(.completed), AreaRowsTotalRule(.target), AreaRowsTotalRule(.completed), RateRule(),
        PlausibilityRule(),
    ]
    /// The whole-table rules whose findings are relations that fail: a 合计 row's sums and rate.
    private static let tableRules: [any WholeTableRule] = [ColumnTotalRule(), TotalRowRateRule()]
    /// Each rule's key among the findings kept, made once (not once per row).
    private static let rowRuleKeys = rowRules.map(RuleFindings.key)
    private static let tableRuleKeys = tableRules.map(RuleFindings.key)

    /// An empty measure (no figures, nothing checked).
    init() {}

    /// Measures a prepared table.
    init(_ checked: CheckedTable) {
        self.init(checked, keeping: nil)
    }

    /// Measures a prepared table and keeps what each of its rules found in each row, so that the
    /// validator does not run them again on the same rows (`RuleFindings`).
    init(_ checked: CheckedTable, keeping kept: RuleFindings?) {
        var builder = checked.builder()
        let rows = checked.rows
        // Rule by rule: each rule's findings in every row kept at once, not looked up row by row.
        for (rule, key) in zip(Self.rowRules, Self.rowRuleKeys) {
            var byRow: [[Finding]?] = [nil]
            byRow.reserveCapacity(rows.count + 1)
            for row in rows {
                var one = checked.builder()
                rule.check(row, in: checked, into: &one)
                byRow.append(one.findings)
                builder.append(contentsOf: one.findings)
            }
            kept?.set(everyRow: byRow, rule: key)
        }
        for (rule, key) in zip(Self.tableRules, Self.tableRuleKeys) {
            var tableWide = checked.builder()
            rule.check(checked, into: &tableWide)
            kept?.set(tableWide.findings, row: -1, rule: key)
            builder.append(contentsOf: tableWide.findings)
        }
        var columnTotals = 0
        for finding in builder.findings {
            switch finding.code {
            case .rateMismatch where finding.severity == .error: disagreements += 1
            case .totalMismatch, .completedTotalMismatch:
                disagreements += 1
                if finding.item == nil || checked.table.rows.contains(where: { $0.kind == .footer && $0.row + 1 == finding.row }) {
                    columnTotals += 1
                }
            case .implausibleValue, .unitMismatch: misfits += 1
            default: break
            }
        }
        var relations = columnTotals
        for row in checked.rows {
            for (key, value) in row.values {
                // (`if case`, not `!= nil`: an optional `Quantity` compared with nil is compared as
                // an `Equatable` pair, copied and destroyed through the runtime for every value.)
                if case .quantity = value.quantity { figures += 1 }
                guard key.measure == .rate, let rate = value.quantity.quantity, rate.isPercent,
                    let target = row.figure(ValueKey(.target, area: key.area)), target.value != 0,
                    case .some = row.figure(ValueKey(.completed, area: key.area))
                else { continue }
                relations += 1
            }
            guard row.row.indicatorKind.isAdditive else { continue }
            for measure in [Measure.target, .completed] {
                guard let total = row.figure(ValueKey(measure)), !total.isPercent else { continue }
                if row.row.areaIsTotal {
                    if !(checked.areaRowsOfItem[row.key.in(area: nil)] ?? []).isEmpty { relations += 1 }
                } else if row.values.keys.contains(where: { $0.measure == measure && $0.area != nil }) {
                    relations += 1
                }
            }
        }
        checks = max(relations, disagreements)
    }

    /// Whether this reading is clearly better than `other`: more relations hold (a reading
    /// never wins by checking less), or as many hold and fewer figures misfit, or everything
    /// else equal, more figures are placed.
    /// `placing`: whether placing more figures counts (between orientations, which read
    /// different cells; not between readings of the same cells).
    func isBetter(than other: FigureAgreement, placing: Bool = true) -> Bool {
        if agreements != other.agreements { return agreements > other.agreements && score >= other.score }
        if checks != other.checks || figures < other.figures { return false }
        if misfits != other.misfits { return checks > 0 && misfits < other.misfits }
        return placing && figures > other.figures
    }
}

/// What each rule found in each row of one reading of a table, kept by the reading's judge and
/// reused by the validator on the same rows: the rate and total rules run once per table.
final class RuleFindings: @unchecked Sendable {
    /// Rule → its findings by row index + 1 (0: the whole table); nil: did not run there, empty:
    /// ran and found nothing.
    private var found: [RuleKey: [[Finding]?]] = [:]

    /// A rule's identity: its type and settings (`TotalRule` of the targets). Made from the
    /// type, not from the rule's description (`String(describing:)` reflects on every call).
    static func key(_ rule: Any) -> RuleKey {
        RuleKey(type: ObjectIdentifier(type(of: rule)), measure: (rule as? any MeasureRule)?.measure)
    }

    /// `key(_:)` of a row rule, its measure asked of it (a cast to `MeasureRule` is dear, and
    /// the validator makes the keys of its rules for every table).
    static func key(_ rule: any TableRule) -> RuleKey {
        RuleKey(type: ObjectIdentifier(type(of: rule)), measure: rule.measureOfKey)
    }

    /// What `rule` found in every row, as `findings(of:)` gives them (index 0: the whole table).
    func set(everyRow list: [[Finding]?], rule: RuleKey) { found[rule] = list }

    func set(_ findings: [Finding], row: Int, rule: RuleKey) {
        Self.place(findings, at: row + 1, in: &found[rule, default: []])
    }

    private static func place(_ findings: [Finding], at index: Int, in list: inout [[Finding]?]) {
        while list.count <= index { list.append(nil) }
        list[index] = findings
    }

    /// What `rule` found in row `row`, if it ran there.
    func findings(row: Int, rule: RuleKey) -> [Finding]? { RuleFindings.findings(row: row, in: found[rule]) }

    /// Everything `rule` found, for `findings(row:in:)`: one lookup of the rule per table, not
    /// one per row.
    func findings(of rule: RuleKey) -> [[Finding]?]? { found[rule] }

    /// What a rule found in row `row` (−1: the whole table), from `findings(of:)`.
    static func findings(row: Int, in list: [[Finding]?]?) -> [Finding]? {
        guard let list, row + 1 >= 0, row + 1 < list.count else { return nil }
        return list[row + 1]
    }
}

/// A rule's identity among the findings kept (`RuleFindings.key`).
struct RuleKey: Hashable, Sendable {
    /// The rule's type.
    var type: ObjectIdentifier
    /// The measure of a rule made for one (`TotalRule(.target)`), its only setting.
    var measure: Measure?

    /// Equal types and measures. (The synthesized `==` compared the optional measures as a
    /// tuple, destroyed through the runtime's generic witness on every look-up of a rule.)
    static func == (a: RuleKey, b: RuleKey) -> Bool {
        guard a.type == b.type else { return false }
        switch (a.measure, b.measure) {
        case (nil, nil): return true
        case (let x?, let y?): return x == y
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        // (A `String` enum would hash its raw value's characters.)
        switch measure {
        case nil: hasher.combine(0)
        case .target?: hasher.combine(1)
        case .completed?: hasher.combine(2)
        case .rate?: hasher.combine(3)
        }
    }
}

/// A rule made for one measure (its only setting): part of its identity (`RuleKey`).
protocol MeasureRule {
    /// The measure it checks.
    var measure: Measure { get }
}

extension TableRule {
    /// The measure of a rule made for one (`MeasureRule`), else nil: its part of `RuleKey`.
    var measureOfKey: Measure? { nil }
}

extension TableRule where Self: MeasureRule {
    var measureOfKey: Measure? { measure }
}
