/// What happened to one input file: read (`ok`), or why not, as data (`problem`).
public struct FileResult: Sendable, Hashable {
    /// The path as given.
    public var path: String
    /// `ok`, `unreadable` or `skipped`, with `problem` saying why.
    public var status: Status
    /// The sheet the table was read from.
    public var sheet: String?
    /// How many item rows (not title, header, section, blank or footer rows), of every sheet
    /// checked.
    public var items: Int
    /// Every sheet checked, `sheet` first, when the workbook had tables on more than one sheet
    /// (`check` checks them all); empty otherwise.
    public var sheets: [String] = []
    /// Why the file was not read (nil when it was).
    public var problem: FileProblem?
    /// How each table checked was read (`sheets`' order).
    public var readings: [TableReading] = []

    /// The status of a file.
    public enum Status: String, Sendable {
        /// Read (its table recognized).
        case ok
        /// Could not be read: `problem` says why.
        case unreadable
        /// Deliberately not read (not a spreadsheet, or minsheng's own output): `problem` says why.
        case skipped
    }

    /// A file that was read (`status` `ok`; a file not read is made with `init(path:problem:)`,
    /// which says why).
    init(path: String, status: Status = .ok, sheet: String? = nil, items: Int = 0) {
        self.path = path
        self.status = status
        self.sheet = sheet
        self.items = items
    }

    /// A file that was not read, and why (its status follows from the problem).
    init(path: String, problem: FileProblem) {
        self.init(path: path, status: problem.status)
        self.problem = problem
    }

    /// A file that could not be read: `error` when it is a `MinshengError`, else the error's
    /// own words.
    public init(path: String, failure error: any Error) {
        self.init(path: path, problem: (error as? MinshengError).map(FileProblem.unreadable) ?? .unexpected("\(error)"))
    }

    /// A file deliberately not read.
    public init(path: String, skipped reason: SkipReason) {
        self.init(path: path, problem: .skipped(reason))
    }
}

/// Why a file was not read: what went wrong, as data; `FileResult.error` and the presenters
/// turn it into words.
public enum FileProblem: Sendable, Hashable {
    /// The file could not be read.
    case unreadable(MinshengError)
    /// An error no case foresees, in its own words.
    case unexpected(String)
    /// The file was deliberately not read.
    case skipped(SkipReason)

    /// The status it gives its file.
    var status: FileResult.Status {
        switch self {
        case .unreadable, .unexpected: return .unreadable
        case .skipped: return .skipped
        }
    }
}

/// Why a file was deliberately not read.
public enum SkipReason: Sendable, Hashable {
    /// A subfolder of a folder given: its files are not read.
    case subfolder
    /// An Office lock file (`~$…`) in a folder given.
    case officeLockFile
    /// A file of a folder given whose extension (lowercased, no dot; empty for none) is no
    /// spreadsheet's.
    case notASpreadsheet(extension: String)
    /// A file plainly no spreadsheet by its first bytes (the page's uploads).
    case foreign(ForeignFile.Kind)
    /// minsheng's own output (`kind`: 标准进度表 …), not a submitted table.
    case ownOutput(kind: String)
    /// The same bytes as the file chosen beside it (`what`: 分解表, 汇总表 …).
    case sameAsChosen(what: String)
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
    /// What the front end presenting the report adds to its words (its text and JSON): the
    /// CLI's options, the page's buttons; none by default.
    public var hints: FrontEndHints = .none

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
    var readCount: Int { files.filter { $0.status == .ok }.count }
    /// How many were deliberately not read.
    var skippedCount: Int { files.filter { $0.status == .skipped }.count }
    /// How many inputs could not be read.
    public var unreadableCount: Int { files.filter { $0.status == .unreadable }.count }

    /// What the batch came to: an unreadable input, error findings, or neither.
    var outcome: BatchOutcome { BatchOutcome(unreadable: unreadableCount, errors: errorCount) }

    /// 0 no error findings · 1 error findings · 2 an input was unreadable (`outcome.exitCode`).
    public var exitStatus: Int32 { outcome.exitCode }

    /// The report as DESIGN's JSON object; with `previews`, each reading also carries the
    /// table's first rows and its layout file (what the web page shows).
    public func jsonValue(previews: Bool = false) -> JSONValue {
        .object([
            ("tool", .string(MinshengInfo.tool)),
            ("version", .string(MinshengInfo.version)),
            ("files", .array(files.map { Self.jsonValue(of: $0, previews: previews, hints: hints) })),
            ("findings", .array(findings.map { Self.jsonValue(of: $0, hints: hints) })),
            ("summary", summaryValue()),
        ])
    }

    /// Writes the same text as `json()` piece by piece (a file or a finding at a time), so that
    /// a report of a hundred thousand findings is never held twice in memory.
    public func writeJSON(_ emit: (String) -> Void) {
        emit(JSONValue.object([("tool", .string(MinshengInfo.tool)), ("version", .string(MinshengInfo.version))]).serialized().dropLast() + ", \"files\": [")
        for (index, file) in files.enumerated() { emit((index > 0 ? ", " : "") + Self.jsonValue(of: file, hints: hints).serialized()) }
        emit("], \"findings\": [")
        for (index, finding) in findings.enumerated() {
            emit((index > 0 ? ", " : "") + Self.jsonValue(of: finding, hints: hints).serialized())
        }
        emit("], \"summary\": " + summaryValue().serialized() + "}")
    }

    static func jsonValue(of file: FileResult, previews: Bool = false, hints: FrontEndHints = .none) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("path", .string(file.path)), ("status", .string(file.status.rawValue))]
        switch file.status {
        case .ok:
            pairs += [("sheet", .optional(file.sheet)), ("items", .number(Double(file.items)))]
            if !file.sheets.isEmpty { pairs.append(("sheets", .array(file.sheets.map(JSONValue.string)))) }
            if !file.readings.isEmpty {
                pairs.append(("reading", .array(file.readings.map { ReadingText.jsonValue($0, preview: previews) })))
            }
        case .unreadable: pairs += [("error", .optional(file.problem?.text(hints: hints)))]
        case .skipped: pairs += [("reason", .optional(file.problem?.text(hints: hints)))]
        }
        return .object(pairs)
    }

    static func jsonValue(of f: Finding, hints: FrontEndHints = .none) -> JSONValue {
        .object([
            ("code", .string(f.code.rawValue)), ("severity", .string(f.severity.rawValue)),
            ("file", .string(f.file)), ("sheet", .optional(f.sheet)), ("cell", .optional(f.cell)),
            ("row", .optional(f.row)), ("item", .optional(f.item)), ("area", .optional(f.area)),
            ("expected", .optional(f.expected)), ("actual", .optional(f.actual)),
            ("message", .string(hints.message(of: f))),
        ])
    }

    func summaryValue() -> JSONValue {
        .object([
            ("files", .number(Double(files.count))), ("unreadable", .number(Double(unreadableCount))),
            ("errors", .number(Double(errorCount))), ("warnings", .number(Double(warningCount))),
        ])
    }

    /// The JSON text, one line.
    func json() -> String { jsonValue().serialized() }
}
