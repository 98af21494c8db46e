import Foundation

import XLSXReader

/// A value cell read as a figure, with what is needed to judge it.
///
/// A value: its parts are kept in one immutable box, so that the rules, which copy values out
/// of a row's dictionary for every figure they look at, copy a reference (a cell, its figure
/// and their strings are over a hundred bytes and half a dozen references); setting a part
/// makes a new box.
struct ReadValue: Sendable {
    private final class Storage: Sendable {
        let cell: Cell
        let quantity: CellQuantity
        let printedDecimals: Int

        init(cell: Cell, quantity: CellQuantity, printedDecimals: Int) {
            self.cell = cell
            self.quantity = quantity
            self.printedDecimals = printedDecimals
        }
    }

    private var storage: Storage

    /// Creates one from its parts.
    init(cell: Cell, quantity: CellQuantity, printedDecimals: Int) {
        storage = Storage(cell: cell, quantity: quantity, printedDecimals: printedDecimals)
    }

    /// The cell.
    var cell: Cell {
        get { storage.cell }
        set { storage = Storage(cell: newValue, quantity: storage.quantity, printedDecimals: storage.printedDecimals) }
    }
    /// What it holds as a figure.
    var quantity: CellQuantity {
        get { storage.quantity }
        set { storage = Storage(cell: storage.cell, quantity: newValue, printedDecimals: storage.printedDecimals) }
    }
    /// Digits printed after the point (for rates: `116.67%` → 2, a `0.0%` format → 1).
    var printedDecimals: Int {
        get { storage.printedDecimals }
        set { storage = Storage(cell: storage.cell, quantity: storage.quantity, printedDecimals: newValue) }
    }
}

extension ReadValue {
    /// Digits after the point the figure is written with: a number as stored, a text as typed
    /// (`3.49` → 2). What rounding it may carry (`RateCheck.agreesWithRoundedInputs`,
    /// `AreaShares.withinRounding`).
    var digitsShown: Int {
        switch cell.value {
        case .number(let n): return RateCheck.printedDecimals(NumberText.format(n))
        case .string(let text): return RateCheck.printedDecimals(text)
        default: return 0
        }
    }
}

/// Reads value cells as figures, taking the column's header unit and the cell's number format
/// into account.
enum ValueReading {
    /// The one unit rule of every value read: the unit its column's header gives
    /// (`投资额（万元）`), else — for a target or a completion, not a rate — the row's 单位 cell
    /// (`万元`) when it reads as a unit. Check, convert, collect and `--previous` read each
    /// cell under this rule, once (`CheckedTable`).
    static func unit(measure: Measure, headerUnit: String?, rowUnit: String?) -> String? {
        headerUnit ?? (measure == .rate ? nil : rowUnit)
    }

    /// A 单位 cell's text as a unit (`人`, `万元`), or nil for something longer or with digits
    /// (`2023`). 万 and 亿 are no digits here, though Unicode counts them as numbers: `万元` is the
    /// unit its doc has always named, under which `500万元` is 500 万元, as under a `（万元）` header.
    static func unitText(_ text: String) -> String? {
        guard !HeaderText.isLong(text, limit: 64) else { return nil }
        let normalized = HeaderText.normalize(text)
        return normalized.isEmpty || normalized.count > 6 || normalized.contains(where: { $0.isASCII && $0.isNumber })
            ? nil : normalized
    }

    /// Reads `cell` of a column with `measure` and header unit, with the engine's quantity words.
    static func read(_ cell: Cell, measure: Measure, headerUnit: String?, words: QuantityWords) -> ReadValue {
        // A placeholder 0 (XlsxWriter, recalculated on opening) is no figure: the formula is.
        if cell.placeholderResult { return ReadValue(cell: cell, quantity: .notApplicable, printedDecimals: 0) }
        switch cell.value {
        case .number(let n):
            // The number's text, made at most once (formatting a Double is the dearest step of
            // reading a rate): `NumberText.format` writes a fraction as `"\(n)"` does.
            var formatted: String?
            func written(_ n: Double) -> String {
                if let formatted { return formatted }
                let text = NumberText.format(n)
                formatted = text
                return text
            }
            var decimals = 0
            var percent = false
            if case .percent(let d) = cell.format.kind {
                percent = true
                decimals = d
            } else if measure == .rate {
                // A bare number in a rate column: a ratio (1.39) unless the header says % or it is
                // clearly a percent figure (139).
                if readsAsPercent(n, headerUnit: headerUnit) {
                    return ReadValue(
                        cell: cell, quantity: .quantity(Quantity(Quantity.decimal(n, text: written), unit: "%")),
                        printedDecimals: RateCheck.printedDecimals(written(n)))
                }
                percent = true
                decimals = max(0, RateCheck.printedDecimals(written(n)) - 2)
            }
            var quantity = QuantityParser.parse(number: n, percentFormat: percent, text: written)
            if !percent, case .quantity(var q) = quantity, let headerUnit {
                q.unit = headerUnit
                quantity = .quantity(q)
            }
            return ReadValue(cell: cell, quantity: quantity, printedDecimals: decimals)
        case .string(let text):
            // A rate said in words, the target reached (达到目标60元, 完成目标任务): a statement.
            // (Only a short text says so: a long one is looked at no further.)
            let short = text.utf8.count <= 64
            if short, measure == .rate, !text.contains("%"), text.contains("目标"),
                ["达到", "完成", "实现"].contains(where: text.contains)
            {
                return ReadValue(cell: cell, quantity: .qualitative(text.trimmingCharacters(in: .whitespacesAndNewlines)), printedDecimals: 0)
            }
            // A change against last year (同口径增长5%, 下降3%) where an amount belongs: relative,
            // a statement, no figure of the row's unit.
            if short, measure != .rate, text.contains("%") || text.contains("％"), ["增长", "下降", "减少", "降低"].contains(where: text.contains) {
                return ReadValue(cell: cell, quantity: .qualitative(text.trimmingCharacters(in: .whitespacesAndNewlines)), printedDecimals: 0)
            }
            var quantity = QuantityParser.parse(text, headerUnit: headerUnit, words: words)
            if measure == .rate, case .quantity(let q) = quantity, q.unit == nil, headerUnit == nil || headerUnit == "%" {
                // A rate typed as text without %, read as the same figure typed as a number is: a
                // percentage above 5 (`98`), a ratio up to 5 (`0.6`, 60%).
                let decimals = RateCheck.printedDecimals(text)
                if readsAsPercent(NSDecimalNumber(decimal: q.value).doubleValue, headerUnit: headerUnit) {
                    return ReadValue(cell: cell, quantity: .quantity(Quantity(q.value, unit: "%")), printedDecimals: decimals)
                }
                return ReadValue(cell: cell, quantity: .quantity(Quantity(Quantity.shifted(q.value, by: 2), unit: "%")), printedDecimals: max(0, decimals - 2))
            }
            if case .quantity(var q) = quantity, q.unit == nil, let headerUnit {
                q.unit = headerUnit
                quantity = .quantity(q)
            }
            return ReadValue(cell: cell, quantity: quantity, printedDecimals: RateCheck.printedDecimals(text))
        case .date(let iso, _):
            return ReadValue(cell: cell, quantity: .unparsed(iso), printedDecimals: 0)
        case .bool(let b):
            return ReadValue(cell: cell, quantity: .unparsed(b ? "TRUE" : "FALSE"), printedDecimals: 0)
        case .error(let e):
            return ReadValue(cell: cell, quantity: .unparsed(e), printedDecimals: 0)
        case .formulaWithoutValue:
            return ReadValue(cell: cell, quantity: .notApplicable, printedDecimals: 0)
        }
    }

    /// Whether a rate written without % (a number, or text such as `98`) is a percentage: under a
    /// `%` header, or above 5; else it is a ratio (`0.6` is 60%).
    static func readsAsPercent(_ value: Double, headerUnit: String?) -> Bool {
        headerUnit == "%" || abs(value) > 5
    }

    static func decimal(_ n: Double) -> Decimal {
        Quantity.decimal(n, text: NumberText.format)
    }
}
