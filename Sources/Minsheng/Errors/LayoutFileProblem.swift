/// What is wrong with a layout file a person gave (the file that says how a table is read).
public enum LayoutFileProblem: Error, Sendable, Hashable {
    /// The file cannot be opened.
    case cannotOpen
    /// The file is no layout JSON (it needs `headerRows` and `columns`).
    case malformed
    /// `headerRows` is not one or two row numbers counted from 1.
    case badHeaderRows
    /// A column name (`letter`) that is no column.
    case notAColumn(String)
    /// A column of an indicator group whose meaning is not target, completed or rate.
    case badMeasure(indicator: String, column: String, meaning: String)
    /// `groups` (areas in rows) without `areaColumn`.
    case groupsWithoutAreaColumn
    /// An `areaColumn` that is no column.
    case badAreaColumn(String)
    /// A column whose meaning is not known.
    case unknownMeaning(column: String, meaning: String)
}
