import Foundation

import XLSXReader

/// A value cell read as a figure, with what is needed to judge it.
public struct ReadValue: Sendable {
    /// The cell.
    public var cell: Cell
    /// What it holds as a figure.
    public var quantity: CellQuantity
    /// Digits printed after the point (for rates: `116.67%` → 2, a `0.0%` format → 1).
    public var printedDecimals: Int
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
public enum ValueReading {
    /// Reads `cell` of a column with `measure` and header unit, with the engine's quantity words.
    public static func read(_ cell: Cell, measure: Measure, headerUnit: String?, words: QuantityWords) -> ReadValue {
        // A placeholder 0 (XlsxWriter, recalculated on opening) is no figure: the formula is.
        if cell.placeholderResult { return ReadValue(cell: cell, quantity: .notApplicable, printedDecimals: 0) }
        switch cell.value {
        case .number(let n):
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
                        cell: cell, quantity: .quantity(Quantity(decimal(n), unit: "%")),
                        printedDecimals: RateCheck.printedDecimals(NumberText.format(n)))
                }
                percent = true
                decimals = max(0, RateCheck.printedDecimals(NumberText.format(n)) - 2)
            }
            var quantity = QuantityParser.parse(number: n, percentFormat: percent)
            if !percent, case .quantity(var q) = quantity, let headerUnit {
                q.unit = headerUnit
                quantity = .quantity(q)
            }
            return ReadValue(cell: cell, quantity: quantity, printedDecimals: decimals)
        case .string(let text):
            var quantity = QuantityParser.parse(text, headerUnit: headerUnit, words: words)
            if measure == .rate, case .quantity(let q) = quantity, q.unit == nil, headerUnit == nil || headerUnit == "%" {
                // A rate typed as text without %, read as the same figure typed as a number is: a
                // percentage above 5 (`98`), a ratio up to 5 (`0.6`, 60%).
                let decimals = RateCheck.printedDecimals(text)
                if readsAsPercent(NSDecimalNumber(decimal: q.value).doubleValue, headerUnit: headerUnit) {
                    return ReadValue(cell: cell, quantity: .quantity(Quantity(q.value, unit: "%")), printedDecimals: decimals)
                }
                return ReadValue(cell: cell, quantity: .quantity(Quantity(q.value * 100, unit: "%")), printedDecimals: max(0, decimals - 2))
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
