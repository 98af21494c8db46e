import XLSXReader

/// `formula-without-value` (but for a rate computed from the row's own figures), `unparsed-value`
/// (text in a column of figures) and `negative-value`.
struct ValueRule: TableRule {
    /// Creates one.
    init() {}

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        // Each value has its own cell, and `Validator` orders findings by cell: no sort here.
        for (key, value) in row.values {
            // Built only for a finding (most values have none).
            var cell: String { value.cell.reference.a1 }
            var label: String { key.figure == nil ? CheckedRow.label(key) : table.column(for: key).map { HeaderText.normalize($0.header) } ?? CheckedRow.label(key) }
            // (`if case`: the derived `==` on the cell's value was called for every value.)
            var formulaOnly: Bool {
                if case .formulaWithoutValue = value.cell.value { return true }
                return value.cell.placeholderResult
            }
            if formulaOnly {
                // A rate the workbook computes from the row's own two figures reports nothing of
                // its own: those figures are what is checked.
                switch Self.rateFormula(value, key, of: table) {
                case .own: break
                case .otherRow(let formula, let line):
                    findings.add(.rateFormulaOtherRow(label: label, formula: formula, row: line), row, cell: cell, area: key.area)
                case .other:
                    findings.add(.formulaWithoutValue(label: label), row, cell: cell, area: key.area)
                }
                continue
            }
            switch value.quantity {
            case .unparsed(let raw) where table.numericColumns.contains(value.cell.reference.column) && !ProseText.isProse(raw):
                findings.add(.unparsed(label: label, raw: raw), row, cell: cell, area: key.area)
            // (A rate below zero too, unless it measures a change: 增速 -11.8%.)
            case .quantity(let q) where ExactDecimal.signum(q.value) < 0 && !Self.measuresAChange(row, key, in: table):
                findings.add(.negative(label: label, value: q.value), row, cell: cell, area: key.area, actual: q.value)
            default:
                break
            }
        }
    }

    /// Whether the figure is a change, which may fall below zero (义龙新区's 投资增速 -11.8): its
    /// indicator or its column's header names one (增速, 增幅, 同比, 增减 …).
    static func measuresAChange(_ row: CheckedRow, _ key: ValueKey, in table: CheckedTable) -> Bool {
        let header = row.row.group?.column(key.measure)?.header ?? table.column(for: key)?.header
        let names = [row.row.indicator, row.row.project, header].compactMap { $0 }
        return names.contains { name in ProseNegativeRule.changeWords.contains(where: name.contains) }
    }

    /// What a formula without a value computes, as far as the rules care.
    enum FormulaReading {
        /// A rate dividing its own row's completed cell by its target cell (the columns of the
        /// same area; empty cells too: a figure left blank is its own matter, not the formula's).
        case own
        /// A rate dividing cells of one other row (`formula` as written; `row` one-based).
        case otherRow(String, row: Int)
        /// Anything else.
        case other
    }

    static func rateFormula(_ value: ReadValue, _ key: ValueKey, of table: CheckedTable) -> FormulaReading {
        guard key.measure == .rate, let formula = value.cell.formula, let (numerator, denominator) = RateFormula.ratio(formula)
        else { return .other }
        let columns = table.table.layout.columns
        func column(_ measure: Measure) -> Int? {
            (columns.first { $0.meaning == .value(measure, area: key.area) }
                ?? columns.first { $0.meaning == .value(measure, area: nil) })?.column
        }
        guard let completed = column(.completed), let target = column(.target) else { return .other }
        let line = value.cell.reference.row
        if numerator == CellReference(row: line, column: completed).a1 && denominator == CellReference(row: line, column: target).a1 {
            return .own
        }
        // The right columns of another row: rows moved after the formula was written.
        guard let top = CellReference(numerator), let bottom = CellReference(denominator),
            top.row == bottom.row, top.row != line, top.column == completed, bottom.column == target
        else { return .other }
        return .otherRow(formula, row: top.row + 1)
    }
}
