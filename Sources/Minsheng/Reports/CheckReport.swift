/// What happened to one input file.
public struct FileResult: Sendable, Hashable {
    /// The path as given.
    public var path: String
    /// `ok`, or `unreadable` with `error`.
    public var status: Status
    /// The sheet the table was read from.
    public var sheet: String?
    /// How many item rows (not title, header, section, blank or footer rows), of every sheet
    /// checked.
    public var items: Int
    /// Every sheet checked, `sheet` first, when the workbook had tables on more than one sheet
    /// (`check` checks them all); empty otherwise.
    public var sheets: [String] = []
    /// Why the file could not be read.
    public var error: String?
    /// How each table checked was read (`sheets`' order).
    public var readings: [TableReading] = []

    /// The status of a file.
    public enum Status: String, Sendable {
        /// Read (its table recognized).
        case ok
        /// Could not be read: `error` says why.
        case unreadable
        /// Deliberately not read (not a spreadsheet, or minsheng's own output): `error` says why.
        case skipped
    }

    /// Creates one from its parts.
    public init(path: String, status: Status, sheet: String? = nil, items: Int = 0, error: String? = nil) {
        self.path = path
        self.status = status
        self.sheet = sheet
        self.items = items
        self.error = error
    }
}

/// The result of checking a batch: per-file status and every finding.
///
/// ```swift
/// print(report.json())   // {"tool": "minsheng", "version": "0.1.0", "files": [...], ...}
/// ```
public struct CheckReport: Sendable {
    /// What happened to each input file.
    public var files: [FileResult]
    /// Every finding, in input order.
    public var findings: [Finding]

    /// Creates one from its parts.
    public init(files: [FileResult] = [], findings: [Finding] = []) {
        self.files = files
        self.findings = findings
    }

    /// How many findings are errors.
    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    /// How many findings are warnings.
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
    /// How many inputs were read.
    public var readCount: Int { files.filter { $0.status == .ok }.count }
    /// How many were deliberately not read.
    public var skippedCount: Int { files.filter { $0.status == .skipped }.count }
    /// How many inputs could not be read.
    public var unreadableCount: Int { files.filter { $0.status == .unreadable }.count }

    /// 0 no error findings · 1 error findings · 2 an input was unreadable.
    public var exitStatus: Int32 {
        if unreadableCount > 0 { return 2 }
        return errorCount > 0 ? 1 : 0
    }

    /// The report as DESIGN's JSON object; with `previews`, each reading also carries the
    /// table's first rows and its layout file (what the web page shows).
    public func jsonValue(previews: Bool = false) -> JSONValue {
        .object([
            ("tool", .string(MinshengInfo.tool)),
            ("version", .string(MinshengInfo.version)),
            ("files", .array(files.map { Self.jsonValue(of: $0, previews: previews) })),
            ("findings", .array(findings.map(Self.jsonValue(of:)))),
            ("summary", summaryValue()),
        ])
    }

    /// Writes the same text as `json()` piece by piece (a file or a finding at a time), so that
    /// a report of a hundred thousand findings is never held twice in memory.
    public func writeJSON(_ emit: (String) -> Void) {
        emit(JSONValue.object([("tool", .string(MinshengInfo.tool)), ("version", .string(MinshengInfo.version))]).serialized().dropLast() + ", \"files\": [")
        for (index, file) in files.enumerated() { emit((index > 0 ? ", " : "") + Self.jsonValue(of: file).serialized()) }
        emit("], \"findings\": [")
        for (index, finding) in findings.enumerated() { emit((index > 0 ? ", " : "") + Self.jsonValue(of: finding).serialized()) }
        emit("], \"summary\": " + summaryValue().serialized() + "}")
    }

    static func jsonValue(of file: FileResult, previews: Bool = false) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("path", .string(file.path)), ("status", .string(file.status.rawValue))]
        switch file.status {
        case .ok:
            pairs += [("sheet", .optional(file.sheet)), ("items", .number(Double(file.items)))]
            if !file.sheets.isEmpty { pairs.append(("sheets", .array(file.sheets.map(JSONValue.string)))) }
            if !file.readings.isEmpty {
                pairs.append(("reading", .array(file.readings.map { ReadingText.jsonValue($0, preview: previews) })))
            }
        case .unreadable: pairs += [("error", .optional(file.error))]
        case .skipped: pairs += [("reason", .optional(file.error))]
        }
        return .object(pairs)
    }

    static func jsonValue(of f: Finding) -> JSONValue {
        .object([
            ("code", .string(f.code.rawValue)), ("severity", .string(f.severity.rawValue)),
            ("file", .string(f.file)), ("sheet", .optional(f.sheet)), ("cell", .optional(f.cell)),
            ("row", .optional(f.row)), ("item", .optional(f.item)), ("area", .optional(f.area)),
            ("expected", .optional(f.expected)), ("actual", .optional(f.actual)),
            ("message", .string(f.message)),
        ])
    }

    func summaryValue() -> JSONValue {
        .object([
            ("files", .number(Double(files.count))), ("unreadable", .number(Double(unreadableCount))),
            ("errors", .number(Double(errorCount))), ("warnings", .number(Double(warningCount))),
        ])
    }

    /// The JSON text, one line.
    public func json() -> String { jsonValue().serialized() }
}
