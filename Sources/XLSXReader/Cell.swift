/// What a cell holds, as the reader sees it.
public enum CellValue: Hashable, Sendable {
    /// A number (also a percentage: see `Cell.format`).
    case number(Double)
    /// Text: shared, inline or a formula's string result.
    case string(String)
    /// TRUE or FALSE.
    case bool(Bool)
    /// An error value such as `#DIV/0!`.
    case error(String)
    /// A date, time or duration, as ISO 8601 text (`2021-01-01T00:00:00`, `10:10:10`), with the
    /// serial number when the cell held one.
    case date(iso: String, serial: Double?)
    /// A formula whose result was never cached (the writer did not calculate it).
    case formulaWithoutValue
}

/// One non-empty cell.
///
/// ```swift
/// if let cell = sheet.cell("E7"), case .number(let n) = cell.value { print(n) }
/// ```
public struct Cell: Hashable, Sendable {
    /// Where the cell is.
    public var reference: CellReference
    /// What it holds.
    public var value: CellValue
    /// The number format that applies to it.
    public var format: NumberFormat
    /// Whether the cell has a formula (`<f>`), cached value or not.
    public var hasFormula: Bool
    /// The formula text, when the cell carries one (followers of a shared formula carry none):
    /// for every formula when `ReadOptions.keepFormulas` is set, else for a formula without a
    /// cached value only.
    public var formula: String?
    /// Whether the cached value is a formula's 0 in a workbook that asks to be recalculated when
    /// opened (`fullCalcOnLoad`): what XlsxWriter writes for a formula it was given no result
    /// for. A spreadsheet shows the recalculated result, which the file does not hold; the
    /// formula's text is kept, as for a formula without a value.
    public var placeholderResult = false

    /// The text of a string cell, or nil.
    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The number of a numeric cell, or nil.
    public var number: Double? {
        if case .number(let n) = value { return n }
        return nil
    }
}
