import Foundation

/// The finance office's job: read every submitted workbook, check it, and write one
/// standardized progress workbook.
///
/// ```swift
/// let result = try await Converter().convert(files: ["a.xlsx", "b.xlsx"], to: "汇总.xlsx", title: "民生实事进展情况", asOf: nil)
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
        jobs: Int = Batch.defaultJobs, progress: (@Sendable (Int, String) -> Void)? = nil
    ) async throws -> Result {
        try OutputFile.checkNotAnInput(output, inputs: files, overwrite: overwrite)
        var report = CheckReport()
        // Each file's table becomes its items on the worker; only the items are kept.
        var merger = ProgressItems.Merger()
        await Batch.run(files, jobs: jobs, progress: progress) { file in
            let (result, findings, table) = checker.read(file: file, recognition: recognition, asOf: asOf)
            return (result, findings, table.map(ProgressItems.items(of:)) ?? [])
        } consume: { _, read in
            report.files.append(read.0)
            report.findings += read.1
            merger.add(read.2)
        }
        let items = merger.items
        let content = ProgressWorkbookContent(
            title: title, asOf: asOf, items: items, findings: report.findings, files: report.files)
        try OutputFile.write(to: output) { path in try ProgressWorkbook.write(content, to: path) }
        return Result(report: report, items: items.count, output: output)
    }
}
