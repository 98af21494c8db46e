import Foundation

/// The finance office's job: read every submitted workbook, check it, and write one
/// standardized progress workbook.
///
/// ```swift
/// let result = try Converter().convert(files: ["a.xlsx", "b.xlsx"], to: "汇总.xlsx", title: "民生实事进展情况", asOf: nil)
/// ```
public struct Converter: Sendable {
    /// Reads and checks each input.
    public let checker: Checker

    /// Creates one with the data files of `Templates/`.
    public init() throws {
        checker = try Checker()
    }

    /// Creates one from its parts.
    public init(checker: Checker) {
        self.checker = checker
    }

    /// What a conversion did.
    public struct Result: Sendable {
        /// The check report over the inputs.
        public var report: CheckReport
        /// How many indicator rows the workbook has.
        public var items: Int
        /// The workbook written.
        public var output: String
    }

    /// Reads, checks and merges `files`, then writes the workbook at `output` (through a
    /// temporary file). Unreadable inputs are listed in 说明 and in the report.
    public func convert(
        files: [String], to output: String, title: String, asOf: AsOfDate?,
        recognition: RecognitionOptions = RecognitionOptions(), overwrite: Bool = true,
        progress: (@Sendable (Int, String) -> Void)? = nil
    ) throws -> Result {
        try OutputFile.checkNotAnInput(output, inputs: files, overwrite: overwrite)
        var report = CheckReport()
        var tables: [RecognizedTable] = []
        for (index, file) in files.enumerated() {
            let (result, findings, table) = checker.read(file: file, recognition: recognition, asOf: asOf)
            report.files.append(result)
            report.findings += findings
            if let table { tables.append(table) }
            progress?(index + 1, file)
        }
        let items = ProgressItems.merge(tables)
        let content = ProgressWorkbookContent(
            title: title, asOf: asOf, items: items, findings: report.findings, files: report.files)
        try OutputFile.write(to: output) { path in try ProgressWorkbook.write(content, to: path) }
        return Result(report: report, items: items.count, output: output)
    }
}
