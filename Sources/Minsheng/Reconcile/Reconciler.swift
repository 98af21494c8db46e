import Foundation
import XLSXReader

/// `reconcile`: a hand-made summary with area columns (a plan with per-area targets, or a
/// progress summary with per-area 目标 / 完成) against each area's own return (a filled template,
/// or any table `check` recognizes), figure by figure. Every filled row of every return is
/// compared or named in a finding.
///
/// ```swift
/// let result = try await Engine.standard().reconcile(ReconcileRequest(summary: .path("汇总.xlsx"), returns: [...]))
/// ```
public struct Reconciler: Sendable {
    /// Reads the summary and the returns.
    public let splitter: Splitter

    /// Creates one from its parts.
    public init(splitter: Splitter) {
        self.splitter = splitter
    }

    /// What a reconciliation found.
    public struct Result: Sendable {
        /// The summary's and every return's result, and the findings (DESIGN's JSON shape).
        public var report: CheckReport
        /// Area → the return compared with the summary.
        public var used: [String: String]
        /// Filled rows of the returns: compared, or named in a finding.
        public var accounting: RowAccounting

        /// The text a command prints: the return used per area, then the report.
        public var summaryText: String {
            var text = ""
            for area in used.keys.sorted() { text += "\(area)：核对 \(used[area] ?? "")\n" }
            return text + TextReport.render(report)
        }
    }

    /// Compares the summary's area figures with each area's return.
    public func reconcile(
        summary source: InputSource, returns sources: [InputSource], recognition: RecognitionOptions = RecognitionOptions(),
        skipped: [FileResult] = [], jobs: Int = Batch.defaultJobs, progress: (@Sendable (Int, String) -> Void)? = nil
    ) async throws -> Result {
        let summary = try splitter.readPlan(source, recognition: RecognitionOptions(input: recognition.input))
        let matcher = ReturnMatcher(plan: summary, splitter: splitter, recognition: recognition)
        var report = CheckReport()
        var summaryResult = FileResult(path: summary.path, status: .ok, sheet: summary.table.sheet.name, items: summary.table.items.count)
        summaryResult.readings = [TableReading(summary.table)]
        report.files.append(summaryResult)
        report.findings += Validator().findings(for: summary.table)
        var accounting = RowAccounting()
        var submissions = AreaSubmissions<ReturnMatcher.ReturnRows>()
        var unreadableByArea: Set<String> = []
        var returnFindings: [Finding] = []

        await Batch.run(sources, jobs: jobs, progress: progress) { source in
            matcher.readRows(source, samePlan: false)
        } consume: { index, outcome in
            switch outcome {
            case .done(let read):
                report.files.append(read.result)
                returnFindings += read.findings
                accounting.filled += read.filledRows
                accounting.named += read.namedRows
                if read.result.status == .unreadable, let area = matcher.areaNamed(by: read.result.path) { unreadableByArea.insert(area) }
            case .rows(let rows):
                report.files.append(rows.result)
                returnFindings += rows.findings.findings
                let filled = rows.rows.filter { $0.completed.map(matcher.isFilled) ?? false }.count
                accounting.filled += filled
                submissions.offer(rows, area: rows.area, index: index, path: rows.path, sheet: rows.sheet, count: filled)
            }
        }
        report.findings += returnFindings
        var used: [String: String] = [:]
        let rowOfItem = Dictionary(summary.table.items.map { (ItemKey($0), $0.row) }, uniquingKeysWith: { a, _ in a })
        for area in summary.areas {
            let settled = submissions.settle(
                area, planFile: summary.path, planSheet: summary.table.sheet.name, unreadable: unreadableByArea.contains(area))
            report.findings += settled.findings
            accounting.named += settled.namedRows
            guard let rows = settled.chosen?.value else { continue }
            used[area] = rows.path
            let (compared, named, findings) = compare(rows, summary: summary, rowOfItem: rowOfItem)
            accounting.merged += compared
            accounting.named += named
            report.findings += findings
        }
        report.files += skipped
        return Result(report: report, used: used, accounting: accounting)
    }

    /// One area's return against the summary's column of that area.
    func compare(
        _ rows: ReturnMatcher.ReturnRows, summary: Splitter.Plan, rowOfItem: [ItemKey: Int]
    ) -> (compared: Int, named: Int, findings: [Finding]) {
        var atSummary = FindingBuilder(file: summary.path, sheet: summary.table.sheet.name)
        var atReturn = FindingBuilder(file: rows.path, sheet: rows.sheet)
        let area = rows.area
        let layout = summary.table.layout
        let items = Dictionary(summary.items.map { (ItemKey($0), $0) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        var named = 0
        var firstRow: [ItemKey: Int] = [:]
        for row in rows.rows {
            let filled = row.completed.map { ReturnMatcher.isFilled($0, words: splitter.finder.vocabulary.quantityWords) } ?? false
            guard let key = row.planKey, let item = items[key] else {
                if filled {
                    atReturn.add(.unknownSummaryRow, cell: row.completed?.reference.a1, row: row.row + 1, item: row.name, area: area)
                    named += 1
                }
                continue
            }
            if let first = firstRow[key] {
                if filled {
                    atReturn.add(.duplicateReturnRow(firstRow: first + 1), cell: row.completed?.reference.a1, row: row.row + 1, item: row.name, area: area)
                    named += 1
                }
                continue
            }
            firstRow[key] = row.row
            if filled { compared += 1 }
            let name = ProgressWorkbook.itemName(item)
            for measure in [Measure.target, .completed] {
                guard let cell = measure == .target ? row.target : row.completed,
                    let returned = ValueReading.read(cell, measure: measure, headerUnit: nil, words: summary.table.words.quantities).quantity.quantity?.value
                else { continue }
                let inSummary = item.number(ValueKey(measure, area: area))
                if let inSummary, Quantity.equal(inSummary, returned) { continue }
                // Where the summary holds (or should hold) this area's figure.
                let summaryCell =
                    item.figureSources[ValueKey(measure, area: area)]?.cell
                    ?? rowOfItem[key].flatMap { r in layout.column(measure, area: area).map { CellReference(row: r, column: $0.column).a1 } }
                guard let summaryCell else { continue }  // the summary has no column for it
                atSummary.add(
                    .areaMismatch(
                        area: area, label: measure == .target ? "目标" : "完成数", summaryValue: inSummary,
                        returnCell: "\((rows.path as NSString).lastPathComponent)!\(cell.reference.a1)", returnValue: returned),
                    cell: summaryCell, row: CellReference(summaryCell).map { $0.row + 1 }, item: name, area: area,
                    expected: returned, actual: inSummary)
            }
        }
        return (compared, named, atReturn.findings + atSummary.findings)
    }
}
