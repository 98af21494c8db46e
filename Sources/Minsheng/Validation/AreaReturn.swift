import Foundation
import XLSXReader

/// One area's return set against the plan (`collect`) or summary (`reconcile`) it answers: each
/// row's plan item and completion, read once, and what became of the row. What the return rules
/// (`ReturnRule`) check; what `collect` merges and `reconcile` compares.
struct AreaReturn: Sendable {
    /// What the job does with the return's rows.
    enum Use: Sendable {
        /// `collect`: merge the completions into the plan's items.
        case merge
        /// `reconcile`: compare the return's figures with the summary's column of the area.
        case compare
    }

    /// One row of the return, whatever its layout.
    struct Line: Sendable {
        /// Zero-based row.
        var row: Int
        /// The row's own item name.
        var name: String?
        /// The plan item it names, if any.
        var planKey: ItemKey?
        /// The target cell, if the row has one.
        var target: Cell?
        /// Where the target is (or belongs).
        var targetCell: String?
        /// The completion cell, if the row has one.
        var completed: Cell?
        /// The completion read as a figure: by the values stage for a return in its own layout,
        /// else here (a template's form, no header unit); nil without a cell.
        var completion: CellQuantity? = nil
        /// The plan item it names, if any.
        var planItem: ProgressItem? = nil
        /// The earlier row (zero-based) naming the same item, which is the one used.
        var duplicateOf: Int? = nil
        /// What became of it; nil when no completion is filled in.
        var outcome: RowOutcome? = nil

        /// Whether a completion is filled in.
        var isFilled: Bool { AreaReturn.isFilled(completion) }

        /// The plan item, when the row is the item's row (not a repetition).
        var item: ProgressItem? { duplicateOf == nil ? planItem : nil }
    }

    var use: Use
    /// The return's file and sheet.
    var path: String
    var sheet: String
    /// The area it is for (empty when it could not be told: such a return is refused).
    var area: String
    /// Its rows, in sheet order.
    var lines: [Line]
    /// The plan (or summary).
    var plan: Splitter.Plan
    /// Whether the return is a table that the table rules checked (a return in the area's own
    /// layout): its values were judged there, with its table.
    var valuesChecked: Bool
    /// The cells that a finding of the table's own check already names.
    var namedCells: Set<String>
    /// Why the whole return is not merged: refused on reading (another plan or template version,
    /// an area not the plan's), not the area's return used (`notChosen`), or most of its filled
    /// rows name nothing of the plan (`collect`).
    var notMerged: Refusal? = nil

    /// Reads each row's completion once, places each row against the plan (the first of an
    /// item's rows is used: among the filled rows when merging, among all when comparing), and
    /// decides each filled row's outcome.
    init(
        use: Use, path: String, sheet: String, area: String, lines: [Line], plan: Splitter.Plan, valuesChecked: Bool,
        namedCells: Set<String>, refused: Refusal? = nil
    ) {
        self.use = use
        self.path = path
        self.sheet = sheet
        self.area = area
        self.plan = plan
        self.valuesChecked = valuesChecked
        self.namedCells = namedCells
        let items = Dictionary(plan.items.map { (ItemKey($0), $0) }, uniquingKeysWith: { a, _ in a })
        var firstRow: [ItemKey: Int] = [:]
        var placed = lines
        for i in placed.indices {
            // (A return in its own layout comes with its completions read by the values stage; a
            // template's form has no unit in its header.)
            if placed[i].completion == nil {
                placed[i].completion = placed[i].completed.map {
                    ValueReading.read($0, measure: .completed, headerUnit: nil, words: plan.table.words.quantities).quantity
                }
            }
            let line = placed[i]
            guard let key = line.planKey, let item = items[key] else { continue }
            placed[i].planItem = item
            if let first = firstRow[key] {
                placed[i].duplicateOf = first
            } else if use == .compare || line.isFilled {
                // Merging, a row left blank does not take the item: a later filled row does.
                firstRow[key] = line.row
            }
        }
        for i in placed.indices where placed[i].isFilled { placed[i].outcome = Self.outcome(of: placed[i], use: use) }
        let filled = placed.filter(\.isFilled).count
        let unknown = placed.filter { $0.isFilled && $0.outcome == .notMerged(.unknownItem) }.count
        if let refused {
            notMerged = refused
        } else if use == .merge, filled > 0, unknown * 2 > filled {
            notMerged = Refusal(area: area, reason: .mostRowsUnmatched(unmatched: unknown, filled: filled))
        }
        if let reason = notMerged?.reason {
            for i in placed.indices where placed[i].isFilled { placed[i].outcome = .notMerged(.fileNotMerged(reason)) }
        }
        self.lines = placed
    }

    /// Whether a completion read is filled in (`——`, `/`, `无` and blanks do not count).
    static func isFilled(_ completion: CellQuantity?) -> Bool {
        switch completion {
        case nil, .notApplicable?: return false
        default: return true
        }
    }

    /// A filled row's outcome: an unknown or repeated item is not merged; merging, neither is a
    /// completion that is no figure, or a percentage where the plan counts.
    static func outcome(of line: Line, use: Use) -> RowOutcome {
        guard let item = line.planItem else { return .notMerged(.unknownItem) }
        if let first = line.duplicateOf { return .notMerged(.duplicate(firstRow: first + 1)) }
        guard use == .merge else { return .merged }
        switch line.completion {
        case .quantity(let q)?:
            if q.isPercent, !item.target.isPercent { return .notMerged(.percentInCount(q.value)) }
            return .merged
        case .unparsed(let raw)?, .qualitative(let raw)?: return .notMerged(.notAFigure(raw: raw))
        case .notApplicable?, nil: return .merged  // not reached: only filled rows have an outcome
        }
    }

    /// The figures merged: plan item key → (completion, its cell).
    var merged: [ItemKey: (value: Decimal, cell: String)] {
        var result: [ItemKey: (value: Decimal, cell: String)] = [:]
        for line in lines where line.outcome == .merged {
            guard let key = line.planKey, let value = line.completion?.quantity?.value, let cell = line.completed else { continue }
            result[key] = (value, cell.reference.a1)
        }
        return result
    }

    /// The filled rows' outcomes, counted.
    var accounting: RowAccounting {
        var counted = RowAccounting()
        for line in lines { if let outcome = line.outcome { counted.count(outcome) } }
        return counted
    }
}

extension Optional where Wrapped == ProgressItem.Figure {
    /// Whether the figure is a percentage.
    fileprivate var isPercent: Bool {
        if case .percent? = self { return true }
        return false
    }
}
