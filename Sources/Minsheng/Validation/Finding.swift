/// How serious a finding is.
public enum Severity: String, Codable, Sendable, Comparable {
    case error, warning

    /// Orders for sorting.
    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// The stable codes of findings (DESIGN: Findings).
public enum FindingCode: String, Codable, Sendable, CaseIterable {
    case totalMismatch = "total-mismatch"
    case completedTotalMismatch = "completed-total-mismatch"
    case rateMismatch = "rate-mismatch"
    case negativeValue = "negative-value"
    case targetChanged = "target-changed"
    case unparsedValue = "unparsed-value"
    case duplicateItem = "duplicate-item"
    case missingTarget = "missing-target"
    case breakdownIncomplete = "breakdown-incomplete"
    case behindSchedule = "behind-schedule"
    case formulaWithoutValue = "formula-without-value"
    case missingSubmission = "missing-submission"
    case unknownArea = "unknown-area"
    /// `collect`: a return made from another plan or template version (not merged).
    case planMismatch = "plan-mismatch"
    /// `collect`: two returns for one area (which was used, and why, is in the message).
    case duplicateSubmission = "duplicate-submission"
    /// `collect`: a filled row of a return that matches no item of the plan.
    case unknownItem = "unknown-item"
    /// `--previous`: a cumulative completion lower than last period's.
    case completedDecreased = "completed-decreased"
    /// `--previous`: an item of last period's table missing now.
    case itemDropped = "item-dropped"
    /// `reconcile`: a summary's area figure that differs from the area's own return.
    case areaMismatch = "area-mismatch"
    /// Two inputs give one item different figures (not periods of one series).
    case conflictingValues = "conflicting-values"
    /// `--previous`: no table of the previous report has this input's items.
    case previousMismatch = "previous-mismatch"
    /// A sheet the workbook lists whose content is missing (the rest was read).
    case incompleteWorkbook = "incomplete-workbook"
    /// A return with no completion filled.
    case emptyReturn = "empty-return"
    /// A plan item absent from an area's return.
    case missingItem = "missing-item"
    /// A completion over 3× its target, or a rate over 300 %.
    case implausibleValue = "implausible-value"
    /// A percentage in a count column, or a count in a rate column.
    case unitMismatch = "unit-mismatch"
    /// Most of a table's rates and totals disagree under every reading its header allows: said
    /// once, instead of an error per figure that comes from the reading.
    case doubtfulReading = "doubtful-reading"
    /// A row with figures but no project or indicator: not read as an item.
    case unreadRow = "unread-row"
}

/// A problem in the data: where it is, what was expected and what was found. Findings are not
/// errors; an unreadable file is (see `MinshengError`).
public struct Finding: Codable, Sendable, Hashable {
    /// The cell as a report shows it: `附表!E3` when the finding is on another sheet than
    /// `mainSheet` (a workbook checked on several sheets), else `E3`; empty without a cell.
    func place(besides mainSheet: String?) -> String {
        guard let cell else { return "" }
        guard let mainSheet, let sheet, sheet != mainSheet else { return cell }
        return "\(sheet)!\(cell)"
    }

    /// The stable code.
    public var code: FindingCode
    /// Error or warning.
    public var severity: Severity
    /// The workbook.
    public var file: String
    /// The sheet.
    public var sheet: String?
    /// The cell in A1 notation.
    public var cell: String?
    /// One-based row number.
    public var row: Int?
    /// The item's name (project — indicator).
    public var item: String?
    /// The area (county, district, 高新区, 市本级).
    public var area: String?
    /// What the figure should be (the sum of the areas, completed ÷ target …), if the finding has one.
    public var expected: Double?
    /// What the figure is, as read.
    public var actual: Double?
    /// For people, in Chinese.
    public var message: String

    /// Creates one from its parts.
    init(
        code: FindingCode, severity: Severity, file: String, sheet: String?, cell: String?, row: Int?,
        item: String?, area: String? = nil, expected: Double? = nil, actual: Double? = nil, message: String
    ) {
        self.code = code
        self.severity = severity
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.row = row
        self.item = item
        self.area = area
        self.expected = expected
        self.actual = actual
        self.message = message
    }
}
