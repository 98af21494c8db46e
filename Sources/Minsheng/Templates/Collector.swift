import Foundation
import XLSXReader

/// `collect`: reads the returns of a plan's areas and writes the standardized progress workbook
/// with every area's completions.
///
/// Every filled row of every return is either merged or named in a finding (`Result.accounting`
/// counts both): a ✓ means nothing was dropped.
///
/// ```swift
/// let result = try await Engine.standard().collect(CollectRequest(plan: .path("分解表.xlsx"), returns: [...], output: .memory))
/// ```
public struct Collector: Sendable {
    /// Reads plans and writes templates.
    let splitter: Splitter
    /// The progress workbook's settings (the engine's); `Templates/workbook.json` when nil.
    var settings: WorkbookSettings?

    /// Creates one with the data files of `Templates/`.
    init() throws {
        splitter = try Splitter()
    }

    /// Creates one from its parts.
    init(splitter: Splitter, settings: WorkbookSettings? = nil) {
        self.splitter = splitter
        self.settings = settings
    }

    /// What a collection did.
    public struct Result: Sendable {
        /// The per-file results and findings.
        public var report: CheckReport
        /// How many items.
        public var items: Int
        /// The workbook written: its path, or its bytes.
        public var written: WrittenOutput
        /// Area → the return used.
        public var used: [String: String]
        /// Filled rows read, merged, and named in findings instead.
        var accounting: RowAccounting
        /// What became of each input that was read, by path: the plan, merged for an area, or
        /// not merged and why.
        var outcomes: [String: FileOutcome]

        /// The workbook's path, or `（内存）`.
        var output: String { written.label }

        /// The text a command prints: the return used per area, the report, a closing line.
        public var summaryText: String {
            var text = ""
            for area in used.keys.sorted() { text += "\(area)：采用 \(used[area] ?? "")\n" }
            text += TextReport.render(report)
            text += "已汇总 \(used.count) 个县区的报表，\(items) 个指标 → \(output)\n"
            return text
        }
    }

    /// Reads the plan and the returns, and writes the progress workbook at `output` (through a temporary file).
    func collect(
        plan planPath: String, returns paths: [String], to output: String, title: String, asOf: AsOfDate?,
        overwrite: Bool = true, input: InputOptions = InputOptions(), jobs: Int = Batch.defaultJobs,
        progress: (@Sendable (Int, String) -> Void)? = nil
    ) async throws -> Result {
        try await collect(
            plan: .path(planPath), returns: paths.map(InputSource.path), to: .file(output, overwrite: overwrite), title: title,
            asOf: asOf, recognition: RecognitionOptions(input: input), jobs: jobs, progress: progress)
    }

    /// Reads the plan and the returns (files or bytes), and writes the progress workbook to `output`.
    /// `recognition` applies to returns in an area's own layout (its sheet, layout and input options).
    func collect(
        plan planSource: InputSource, returns sources: [InputSource], to output: OutputTarget, title: String, asOf: AsOfDate?,
        recognition: RecognitionOptions = RecognitionOptions(), skipped: [FileResult] = [], jobs: Int = Batch.defaultJobs,
        progress: (@Sendable (Int, String) -> Void)? = nil
    ) async throws -> Result {
        try OutputFile.check(output, inputs: [planSource] + sources)
        let (plan, reader, planResult) = try ReturnMatcher.start(planSource, splitter: splitter, recognition: recognition)
        var report = CheckReport()
        report.files.append(planResult)
        var accounting = RowAccounting()
        var submissions = AreaSubmissions<Submission>()
        var unreadableByArea: [String: String] = [:]
        var outcomes: [String: FileOutcome] = [plan.path: .plan]

        await Batch.run(sources, jobs: jobs, progress: progress) { source in
            reader.read(source)
        } consume: { index, read in
            report.files.append(read.result)
            report.findings += read.findings
            accounting.filled += read.filledRows
            accounting.named += read.namedRows
            if read.result.status == .unreadable, let area = reader.areaNamed(by: read.result.path) {
                unreadableByArea[area] = read.result.path
            }
            if let refused = read.notMerged, outcomes[read.result.path] == nil {
                outcomes[read.result.path] = .notMerged(area: refused.area, refused.reason)
            }
            guard let submission = read.submission else { return }
            submissions.offer(
                submission, area: submission.area, index: index, path: submission.path, sheet: submission.sheet,
                count: submission.completed.count)
        }

        var used: [String: String] = [:]
        var periodByArea: [String: ReportPeriod] = [:]
        var items = plan.items
        let position = Dictionary(items.indices.map { (ItemKey(items[$0]), $0) }, uniquingKeysWith: { a, _ in a })
        var tail: [Finding] = []
        let validator = Validator()
        for area in plan.areas {
            let settled = submissions.settle(area, plan: plan, unreadable: unreadableByArea[area] != nil, validator: validator)
            tail += settled.findings
            accounting.named += settled.namedRows
            for (path, reason) in settled.notChosen where outcomes[path] == nil { outcomes[path] = .notMerged(area: area, reason) }
            guard let chosen = settled.chosen?.value else { continue }
            used[area] = chosen.path
            outcomes[chosen.path] = .merged(area: area)
            if let period = chosen.period { periodByArea[area] = period }
            accounting.merged += chosen.completed.count
            for (key, value) in chosen.completed {
                guard let i = position[key] else { continue }
                var figures = items[i].areas[area] ?? ProgressItem.AreaFigures()
                figures.completed = value.value
                items[i].areas[area] = figures
                if !items[i].areaOrder.contains(area) { items[i].areaOrder.append(area) }
            }
            for i in items.indices {
                guard let cell = chosen.completed[ItemKey(items[i])]?.cell else { continue }
                items[i].sources.append("\((chosen.path as NSString).lastPathComponent)!\(cell)")
            }
        }
        report.findings += tail
        report.files += skipped
        // The overall completion: the sum of the areas that reported one (a rate, ratio or
        // ceiling is never summed: its overall figure is not the areas' sum).
        for i in items.indices where items[i].kind.isAdditive {
            let reported = items[i].areaOrder.compactMap { items[i].areas[$0]?.completed }
            if !reported.isEmpty { items[i].completed = .number(reported.reduce(0, +)) }
        }
        // Each item reports the latest period of the returns merged into it.
        for i in items.indices {
            items[i].period = items[i].areaOrder.compactMap { items[i].areas[$0]?.completed == nil ? nil : periodByArea[$0] }.max()
                ?? items[i].period
        }
        var content = ProgressWorkbookContent(
            title: title, asOf: asOf, items: items, findings: report.findings, files: report.files, outcomes: outcomes)
        content.submissions = used
        content.settings = settings
        content.words = splitter.finder.vocabulary.valueWords
        content.sourceTitles = [plan.title]
        let written = try OutputFile.produce(output, name: "汇总.xlsx") { path in try ProgressWorkbook.write(content, to: path) }
        return Result(report: report, items: items.count, written: written, used: used, accounting: accounting, outcomes: outcomes)
    }
}
