import Foundation

/// Checks a batch of workbooks: one unreadable file never stops the others.
///
/// ```swift
/// let report = await Checker(vocabulary: try HeaderVocabulary.load()).check(sources: [.path("a.xlsx")], jobs: 2)
/// print(report.exitStatus)
/// ```
struct Checker: Sendable {
    /// Finds and reads the table of each workbook.
    let finder: TableFinder
    /// Whether each reading keeps its table's first rows (`TableReading.preview`), which only a
    /// page showing the reading beside its table needs.
    var previews = true

    /// A checker with the vocabulary of `Templates/headers.json`.
    init() throws {
        self.init(vocabulary: try HeaderVocabulary.load())
    }

    /// Creates one from its parts.
    init(vocabulary: HeaderVocabulary) {
        finder = TableFinder(vocabulary: vocabulary)
    }

    /// Checks one file: its result and findings, or an unreadable result.
    func check(
        file: String, recognition: RecognitionOptions = RecognitionOptions(), asOf: AsOfDate? = nil
    ) -> (FileResult, [Finding]) {
        check(source: .path(file), recognition: recognition, asOf: asOf)
    }

    /// Checks one input: its result and findings, or an unreadable result.
    func check(
        source: InputSource, recognition: RecognitionOptions = RecognitionOptions(), asOf: AsOfDate? = nil,
        previous: PreviousReport? = nil
    ) -> (FileResult, [Finding]) {
        let (result, findings, _) = read(source: source, recognition: recognition, asOf: asOf, previous: previous)
        return (result, findings)
    }

    /// Reads and checks one file, keeping its table (nil when the file is unreadable).
    func read(
        file: String, recognition: RecognitionOptions = RecognitionOptions(), asOf: AsOfDate? = nil
    ) -> (FileResult, [Finding], RecognizedTable?) {
        read(source: .path(file), recognition: recognition, asOf: asOf)
    }

    /// Reads and checks one input, keeping its table (nil when it is unreadable); with a
    /// previous report, also compares it with last period's table.
    func read(
        source: InputSource, recognition: RecognitionOptions = RecognitionOptions(), asOf: AsOfDate? = nil,
        previous: PreviousReport? = nil
    ) -> (FileResult, [Finding], RecognizedTable?) {
        let (result, findings, tables) = readAll(source: source, recognition: recognition, asOf: asOf, previous: previous)
        return (result, findings, tables.first)
    }

    /// Reads and checks one input as `read(source:recognition:asOf:previous:)` does, keeping every
    /// table checked: the chosen one first, then those of the workbook's other sheets (empty when
    /// the input is unreadable).
    func readAll(
        source: InputSource, recognition: RecognitionOptions = RecognitionOptions(), asOf: AsOfDate? = nil,
        previous: PreviousReport? = nil
    ) -> (FileResult, [Finding], [RecognizedTable]) {
        let (result, findings, tables) = readChecked(source: source, recognition: recognition, asOf: asOf, previous: previous)
        return (result, findings, tables.map(\.table))
    }

    /// Reads and checks one input as `readAll` does, keeping every table with its values as the
    /// check read them (the values stage): convert makes its items from these, not from the cells
    /// again.
    func readChecked(
        source: InputSource, recognition: RecognitionOptions = RecognitionOptions(), asOf: AsOfDate? = nil,
        previous: PreviousReport? = nil
    ) -> (FileResult, [Finding], [CheckedTable]) {
        do {
            let (table, others) = try finder.findAll(in: source, options: recognition)
            let checked = CheckedTable(table, asOf: asOf)
            let validator = Validator(asOf: asOf)
            var findings = Self.judged(validator.findings(for: checked), of: table)
            // Every other sheet with a table is checked too: a ✓ covers the whole workbook.
            var checkedOthers: [CheckedTable] = []
            for other in others {
                let checkedOther = CheckedTable(other, asOf: asOf)
                findings += Self.judged(validator.findings(for: checkedOther), of: other)
                checkedOthers.append(checkedOther)
            }
            if !table.missingSheets.isEmpty {
                var missing = FindingBuilder(file: table.file, sheet: nil)
                for name in table.missingSheets { missing.add(.sheetMissing(name: name)) }
                findings = missing.findings + findings
            }
            if let previous, table.ownOutput == nil {
                var all = checked.builder()
                all.append(contentsOf: findings + previous.findings(for: checked))
                all.sortByPlace()
                findings = all.findings
            }
            var result = FileResult(
                path: source.name, status: .ok, sheet: table.sheet.name,
                items: table.items.count + others.reduce(0) { $0 + $1.items.count })
            if !others.isEmpty { result.sheets = [table.sheet.name] + others.map(\.sheet.name) }
            result.readings = ([table] + others).map { TableReading($0, preview: previews) }
            return (result, findings, [checked] + checkedOthers)
        } catch {
            return (FileResult(path: source.name, failure: error), [], [])
        }
    }

    /// A table's findings, or — when most of its rates and totals disagree under every reading
    /// its header allows (`FigureAgreement.isDoubtful`) — one `doubtful-reading` in place of the
    /// rate and total errors that come from the reading.
    static func judged(_ findings: [Finding], of table: RecognizedTable) -> [Finding] {
        guard let choice = table.choice, choice.agreement.isDoubtful, !choice.given else { return findings }
        let fromReading: Set<FindingCode> = [.rateMismatch, .totalMismatch, .completedTotalMismatch]
        var builder = FindingBuilder(file: table.file, sheet: table.sheet.name)
        let reading = ReadingText.description(TableReading(table))
        builder.add(
            .doubtfulReading(reading: reading, checks: choice.agreement.checks, failing: choice.agreement.disagreements),
            cell: nil, row: nil, item: nil)
        return builder.findings + findings.filter { !fromReading.contains($0.code) }
    }

    /// Checks files `jobs` at a time; the report lists them in input order whatever `jobs` is.
    /// `progress` is called after each file with the count done.
    func check(
        files: [String], recognition: RecognitionOptions = RecognitionOptions(), asOf: AsOfDate? = nil,
        jobs: Int = Batch.defaultJobs, progress: (@Sendable (Int, String) -> Void)? = nil
    ) async -> CheckReport {
        await check(sources: files.map(InputSource.path), recognition: recognition, asOf: asOf, jobs: jobs, progress: progress)
    }

    /// Checks inputs `jobs` at a time; the report lists them in input order whatever `jobs` is.
    func check(
        sources: [InputSource], recognition: RecognitionOptions = RecognitionOptions(), asOf: AsOfDate? = nil,
        previous: PreviousReport? = nil, jobs: Int = Batch.defaultJobs, progress: (@Sendable (Int, String) -> Void)? = nil
    ) async -> CheckReport {
        var report = CheckReport()
        await check(sources: sources, recognition: recognition, asOf: asOf, previous: previous, jobs: jobs, progress: progress) {
            result, findings in
            report.files.append(result)
            report.findings += findings
        }
        return report
    }

    /// Checks inputs `jobs` at a time and hands each one's result to `each`, in input order, as
    /// soon as it and the inputs before it are done; nothing is kept (see `CheckReportWriter`).
    func check(
        sources: [InputSource], recognition: RecognitionOptions = RecognitionOptions(), asOf: AsOfDate? = nil,
        previous: PreviousReport? = nil, jobs: Int = Batch.defaultJobs, progress: (@Sendable (Int, String) -> Void)? = nil,
        each: (FileResult, [Finding]) -> Void
    ) async {
        await Batch.run(sources, jobs: jobs, progress: progress) { source in
            check(source: source, recognition: recognition, asOf: asOf, previous: previous)
        } consume: { _, checked in
            each(checked.0, checked.1)
        }
    }
}
