import Foundation

/// The finance office's job: read every submitted workbook, check it, and write one
/// standardized progress workbook.
///
/// ```swift
/// let result = try await Converter(checker: engine.checker).convert(
///     sources: [.path("a.xlsx")], to: .file("汇总.xlsx", overwrite: false), title: "民生实事进展情况", asOf: nil)
/// ```
public struct Converter: Sendable {
    /// Reads and checks each input.
    let checker: Checker
    /// The progress workbook's settings (the engine's); `Templates/workbook.json` when nil.
    var settings: WorkbookSettings?

    /// Creates one with the data files of `Templates/`.
    init() throws {
        checker = try Checker()
    }

    /// Creates one from its parts.
    init(checker: Checker, settings: WorkbookSettings? = nil) {
        self.checker = checker
        self.settings = settings
    }

    /// What a conversion did.
    public struct Result: Sendable {
        /// The check report over the inputs.
        public var report: CheckReport
        /// How many indicator rows the workbook has.
        public var items: Int
        /// The workbook written: its path, or its bytes.
        public var written: WrittenOutput
        /// What was decided between periods of one series (`采用最新一期 1-9月`).
        public var notes: [String]
        /// Item rows read: each merged into an item, or named in a `conflicting-values` finding.
        var accounting: RowAccounting
        /// The workbook's path, or `（内存）`.
        var output: String { written.label }

        /// What a command prints: the notes, then one line.
        public var summaryText: String {
            notes.map { $0 + "\n" }.joined() + summaryLine + "\n"
        }

        /// The closing line.
        var summaryLine: String {
            "已汇总 \(report.readCount)/\(report.files.count) 个文件"
                + (report.skippedCount > 0 ? "（跳过 \(report.skippedCount) 个）" : "") + "，\(items) 个指标"
                + "；核对发现 \(report.errorCount) 个错误，\(report.warningCount) 个警告 → \(output)"
        }
    }

    /// Reads, checks and merges `files`, then writes the workbook at `output` (through a
    /// temporary file). Unreadable inputs are listed in 说明 and in the report.
    func convert(
        files: [String], to output: String, title: String, asOf: AsOfDate?,
        recognition: RecognitionOptions = RecognitionOptions(), overwrite: Bool = true,
        jobs: Int = Batch.defaultJobs, progress: (@Sendable (Int, String) -> Void)? = nil
    ) async throws -> Result {
        try await convert(
            sources: files.map(InputSource.path), to: .file(output, overwrite: overwrite), title: title, asOf: asOf,
            recognition: recognition, jobs: jobs, progress: progress)
    }

    /// Reads, checks and merges the inputs, then writes the workbook to `output`.
    func convert(
        sources: [InputSource], to output: OutputTarget, title: String, asOf: AsOfDate?,
        recognition: RecognitionOptions = RecognitionOptions(), skipped: [FileResult] = [], previous: PreviousReport? = nil,
        jobs: Int = Batch.defaultJobs, progress: (@Sendable (Int, String) -> Void)? = nil
    ) async throws -> Result {
        try OutputFile.check(output, inputs: sources)
        var report = CheckReport()
        // Each file's table becomes its items on the worker; only the items are kept.
        var merger = ProgressItems.Merger()
        var titles: [String] = []
        await Batch.run(sources, jobs: jobs, progress: progress) { source in
            // The values each table was checked with are the values its items are made of.
            let (result, findings, tables) = checker.readChecked(source: source, recognition: recognition, asOf: asOf, previous: previous)
            if let kind = tables.first?.table.ownOutput {
                // minsheng's own output (last run's 汇总.xlsx in the folder) is no source.
                let skipped = FileResult(path: source.name, skipped: .ownOutput(kind: kind))
                return (skipped, [Finding](), [ProgressItem](), String?.none)
            }
            // Every sheet's table is merged, as separate files are: other items are added, the same
            // item with other figures is a conflict, or the later period of one series.
            return (result, findings, tables.enumerated().flatMap { ProgressItems.items(of: $1, namingSheet: $0 > 0) }, tables.first.map { ReportPeriod.titleText(of: $0.table) })
        } consume: { _, read in
            report.files.append(read.0)
            report.findings += read.1
            merger.add(read.2)
            if let title = read.3, !title.isEmpty { titles.append(title) }
        }
        report.findings += merger.findings
        report.files += skipped
        var items = merger.items
        if let previous {
            for i in items.indices { items[i].previousCompleted = previous.completed(ItemKey(items[i])) }
        }
        var content = ProgressWorkbookContent(
            title: title, asOf: asOf, items: items, findings: report.findings, files: report.files, notes: merger.notes)
        content.previous = previous != nil
        content.settings = settings
        content.words = checker.finder.vocabulary.valueWords
        content.sourceTitles = titles
        let written = try OutputFile.produce(output, name: "汇总.xlsx") { path in try ProgressWorkbook.write(content, to: path) }
        return Result(report: report, items: items.count, written: written, notes: merger.notes, accounting: merger.accounting)
    }
}
