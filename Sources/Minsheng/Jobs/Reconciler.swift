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
    let splitter: Splitter

    /// Creates one from its parts.
    init(splitter: Splitter) {
        self.splitter = splitter
    }

    /// What a reconciliation found.
    public struct Result: Sendable {
        /// The summary's and every return's result, and the findings (DESIGN's JSON shape).
        public var report: CheckReport
        /// Area → the return compared with the summary.
        public var used: [String: String]
        /// Filled rows of the returns: compared, or named in a finding.
        var accounting: RowAccounting

        /// The text a command prints: the return used per area, then the report.
        public var summaryText: String {
            var text = ""
            for area in used.keys.sorted() { text += "\(area)：核对 \(used[area] ?? "")\n" }
            return text + TextReport.render(report)
        }
    }

    /// Compares the summary's area figures with each area's return.
    func reconcile(
        summary source: InputSource, returns sources: [InputSource], recognition: RecognitionOptions = RecognitionOptions(),
        skipped: [FileResult] = [], jobs: Int = Batch.defaultJobs, progress: (@Sendable (Int, String) -> Void)? = nil
    ) async throws -> Result {
        let (summary, matcher, summaryResult) = try ReturnMatcher.start(source, splitter: splitter, recognition: recognition)
        var report = CheckReport()
        report.files.append(summaryResult)
        let validator = Validator()
        report.findings += validator.findings(for: summary.table)
        var accounting = RowAccounting()
        var submissions = AreaSubmissions<AreaReturn>()
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
                returnFindings += rows.tableFindings
                let areaReturn = matcher.areaReturn(rows, use: .compare)
                let filled = areaReturn.accounting.filled
                accounting.filled += filled
                submissions.offer(areaReturn, area: rows.area, index: index, path: rows.path, sheet: rows.sheet, count: filled)
            }
        }
        report.findings += returnFindings
        var used: [String: String] = [:]
        for area in summary.areas {
            let settled = submissions.settle(area, plan: summary, unreadable: unreadableByArea.contains(area), validator: validator)
            report.findings += settled.findings
            accounting.named += settled.namedRows
            guard let areaReturn = settled.chosen?.value else { continue }
            used[area] = areaReturn.path
            // Every filled row of the return used is compared, or named by the validator.
            let counted = areaReturn.accounting
            accounting.merged += counted.merged
            accounting.named += counted.named
            let findings = validator.findings(for: areaReturn, after: [])
            report.findings += findings.atReturn + findings.atPlan
        }
        report.files += skipped
        return Result(report: report, used: used, accounting: accounting)
    }
}
