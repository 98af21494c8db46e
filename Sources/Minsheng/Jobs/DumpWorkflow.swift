import XLSXReader

/// What `dump` is asked to do: show what the reader sees in one input.
///
/// ```swift
/// let request = DumpRequest(source: .path("t.csv"), format: .csv)
/// let result = try DumpWorkflow.run(request)
/// print(String(decoding: result.bytes ?? [], as: UTF8.self))
/// ```
public struct DumpRequest: Sendable {
    /// How the cells are shown.
    public enum Format: String, Sendable, CaseIterable {
        /// `{"file", "sheets": [{"name", "state", "merged", "cells"}]}` (the corpus oracle's shape).
        case json
        /// One sheet as CSV.
        case csv
        /// A readable grid per sheet.
        case text
    }

    /// The input: a workbook, a CSV file, or bytes (opened as `check` opens them).
    public var source: InputSource
    /// Only this sheet (a hidden one too); nil: every sheet, or for CSV the first visible one.
    public var sheet: String?
    /// How the cells are shown.
    public var format: Format
    /// How the input is opened (legacy formats).
    public var input: InputOptions

    /// Creates one from its parts.
    public init(source: InputSource, sheet: String? = nil, format: Format = .text, input: InputOptions = InputOptions()) {
        self.source = source
        self.sheet = sheet
        self.format = format
        self.input = input
    }
}

/// What `dump` showed.
public struct DumpResult: Sendable {
    /// The names of the sheets shown, in order.
    public var sheets: [String]
    /// The text, when it was collected in memory (`DumpWorkflow.run(_:)`).
    public var bytes: [UInt8]?
    /// What the reader set aside to read the workbook (`InputWorkbook.problems`): the dump is
    /// complete only as far as these say.
    public var problems: [XLSXProblem]

    /// Creates one from its parts.
    init(sheets: [String], bytes: [UInt8]? = nil, problems: [XLSXProblem] = []) {
        self.sheets = sheets
        self.bytes = bytes
        self.problems = problems
    }
}

/// The `dump` job: opens the input through `InputWorkbook` (so CSV is read and legacy files are
/// refused or converted exactly as `check` does), chooses the sheets (the named one; else for
/// CSV the first visible one; else all) and writes them with `SheetExport`.
public enum DumpWorkflow {
    /// Writes the dump to `sink` as it is made (nothing is written when the input is unreadable).
    ///
    /// - Throws: `MinshengError.unreadable` naming the input (not a workbook, encrypted, legacy,
    ///   no such sheet …).
    @discardableResult
    public static func run(_ request: DumpRequest, to sink: ByteSink) throws -> DumpResult {
        let workbook = try InputWorkbook.open(request.source, options: request.input)
        let name = request.source.name
        let sheets: [Sheet]
        if let wanted = request.sheet {
            sheets = [try workbook.sheet(named: wanted)]
        } else if request.format == .csv {
            guard let first = workbook.sheets.first(where: { $0.state == .visible }) ?? workbook.sheets.first else {
                throw MinshengError.unreadable(file: name, problem: .noSheets)
            }
            sheets = [try workbook.sheet(first)]
        } else {
            sheets = try workbook.sheets.map { try workbook.sheet($0) }
        }
        switch request.format {
        case .json: SheetExport.writeJSON(file: name, sheets: sheets, to: sink)
        case .csv: for sheet in sheets { SheetExport.writeCSV(sheet, to: sink) }
        case .text: for sheet in sheets { SheetExport.writeText(sheet, file: name, to: sink) }
        }
        sink.flush()
        return DumpResult(sheets: sheets.map(\.name), problems: workbook.problems)
    }

    /// The dump as bytes in memory.
    ///
    /// - Throws: `MinshengError.unreadable` naming the input.
    public static func run(_ request: DumpRequest) throws -> DumpResult {
        let sink = ByteSink.memory()
        var result = try run(request, to: sink)
        sink.flush()
        result.bytes = sink.collected
        return result
    }
}
