import Foundation
import XLSXReader

/// `collect`: reads the returns of a plan's areas and writes the standardized progress workbook
/// with every area's completions.
///
/// ```swift
/// let result = try await Collector().collect(plan: "分解表.xlsx", returns: ["returns"], to: "汇总.xlsx", asOf: nil)
/// ```
public struct Collector: Sendable {
    /// Reads plans and writes templates.
    public let splitter: Splitter

    /// Creates one with the data files of `Templates/`.
    public init() throws {
        splitter = try Splitter()
    }

    /// Creates one from its parts.
    public init(splitter: Splitter) {
        self.splitter = splitter
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

        /// The workbook's path, or `（内存）`.
        public var output: String { written.label }

        /// The text a command prints: the return used per area, the report, a closing line.
        public var summaryText: String {
            var text = ""
            for area in used.keys.sorted() { text += "\(area)：采用 \(used[area] ?? "")\n" }
            text += TextReport.render(report)
            text += "已汇总 \(used.count) 个县区的报表，\(items) 个指标 → \(output)\n"
            return text
        }
    }

    /// One area's completions as read from a return.
    struct Submission: Sendable {
        var path: String
        var area: String
        /// Item key → (completed value, cell A1).
        var completed: [String: (Decimal, String)]
        var sheet: String
    }

    /// Reads the plan and the returns, and writes the progress workbook at `output` (through a temporary file).
    public func collect(
        plan planPath: String, returns paths: [String], to output: String, title: String, asOf: AsOfDate?,
        overwrite: Bool = true, input: InputOptions = InputOptions(), jobs: Int = Batch.defaultJobs, progress: (@Sendable (Int, String) -> Void)? = nil
    ) async throws -> Result {
        try await collect(
            plan: .path(planPath), returns: paths.map(InputSource.path), to: .file(output, overwrite: overwrite), title: title,
            asOf: asOf, recognition: RecognitionOptions(input: input), jobs: jobs, progress: progress)
    }

    /// Reads the plan and the returns (files or bytes), and writes the progress workbook to `output`.
    /// `recognition` applies to returns in an area's own layout (its sheet, layout and input options).
    public func collect(
        plan planSource: InputSource, returns sources: [InputSource], to output: OutputTarget, title: String, asOf: AsOfDate?,
        recognition: RecognitionOptions = RecognitionOptions(), jobs: Int = Batch.defaultJobs,
        progress: (@Sendable (Int, String) -> Void)? = nil
    ) async throws -> Result {
        try OutputFile.check(output, inputs: [planSource] + sources)
        let input = recognition.input
        let planPath = planSource.name
        let plan = try splitter.readPlan(planSource, recognition: RecognitionOptions(input: input))
        var report = CheckReport()
        report.files.append(FileResult(path: planPath, status: .ok, sheet: plan.table.sheet.name, items: plan.table.items.count))
        let keys = Dictionary(plan.items.map { (PlanIdentity.itemKey($0), $0) }, uniquingKeysWith: { a, _ in a })
        let byText = Dictionary(plan.items.map { (textKey($0.project, $0.indicator), PlanIdentity.itemKey($0)) }, uniquingKeysWith: { a, _ in a })
        // Per area, the return used so far, and the others (only what their finding needs, so
        // that memory does not grow with thousands of duplicates).
        var chosenByArea: [String: (index: Int, submission: Submission)] = [:]
        var othersByArea: [String: [(index: Int, path: String, sheet: String, completed: Int)]] = [:]

        await Batch.run(sources, jobs: jobs, progress: progress) { source in
            do {
                if let template = try ReturnReader.readTemplate(source, options: input) {
                    return readTemplate(template, plan: plan, keys: keys, byText: byText)
                }
                return try readOwnLayout(source, plan: plan, byText: byText, recognition: recognition)
            } catch {
                return (nil, FileResult(path: source.name, status: .unreadable, error: "\(error)"), [])
            }
        } consume: { index, read in
            let (submission, result, findings) = read
            report.files.append(result)
            report.findings += findings
            guard let submission else { return }
            // Of two returns for one area, the one with more completions filled in; on a tie the
            // later one in path order (a corrected resubmission is usually named after the first).
            if let current = chosenByArea[submission.area] {
                let replaced = submission.completed.count >= current.submission.completed.count
                let (otherIndex, other) = replaced ? current : (index, submission)
                othersByArea[submission.area, default: []].append((otherIndex, other.path, other.sheet, other.completed.count))
                if replaced { chosenByArea[submission.area] = (index, submission) }
            } else {
                chosenByArea[submission.area] = (index, submission)
            }
        }

        var used: [String: String] = [:]
        var items = plan.items
        for area in plan.areas {
            guard let chosen = chosenByArea[area]?.submission else {
                report.findings.append(
                    Finding(
                        code: .missingSubmission, severity: .warning, file: planPath, sheet: plan.table.sheet.name, cell: nil,
                        row: nil, item: nil, area: area, message: "\(area)没有报送"))
                continue
            }
            used[area] = chosen.path
            for other in (othersByArea[area] ?? []).sorted(by: { $0.index < $1.index }) {
                report.findings.append(
                    Finding(
                        code: .duplicateSubmission, severity: .warning, file: other.path, sheet: other.sheet, cell: nil, row: nil,
                        item: nil, area: area,
                        message: "\(area)报送了多份，采用 \((chosen.path as NSString).lastPathComponent)（填报了 \(chosen.completed.count) 项完成数，本份 \(other.completed) 项），本份未采用"))
            }
            for i in items.indices {
                guard let (value, _) = chosen.completed[PlanIdentity.itemKey(items[i])] else { continue }
                var figures = items[i].areas[area] ?? ProgressItem.AreaFigures()
                figures.completed = value
                items[i].areas[area] = figures
                items[i].sources.append("\((chosen.path as NSString).lastPathComponent)!\(chosen.completed[PlanIdentity.itemKey(items[i])]?.1 ?? "")")
            }
        }
        // The overall completion: the sum of the areas that reported one.
        for i in items.indices {
            let reported = items[i].areaOrder.compactMap { items[i].areas[$0]?.completed }
            if !reported.isEmpty { items[i].completed = .number(reported.reduce(0, +)) }
        }
        let content = ProgressWorkbookContent(title: title, asOf: asOf, items: items, findings: report.findings, files: report.files)
        let written = try OutputFile.produce(output, name: "汇总.xlsx") { path in try ProgressWorkbook.write(content, to: path) }
        return Result(report: report, items: items.count, written: written, used: used)
    }

    func textKey(_ project: String?, _ indicator: String?) -> String {
        HeaderText.normalize(project ?? "") + "|" + HeaderText.normalize(indicator ?? project ?? "")
    }

    /// Reads a template return: metadata checks, targets against the plan, completions.
    func readTemplate(
        _ template: TemplateReturn, plan: Splitter.Plan, keys: [String: ProgressItem], byText: [String: String]
    ) -> (Submission?, FileResult, [Finding]) {
        var findings: [Finding] = []
        let result = FileResult(path: template.path, status: .ok, sheet: template.sheetName, items: template.lines.count)
        func finding(_ code: FindingCode, _ severity: Severity, cell: String?, row: Int?, item: String?, expected: Decimal? = nil,
            actual: Decimal? = nil, _ message: String) -> Finding
        {
            Finding(
                code: code, severity: severity, file: template.path, sheet: template.sheetName, cell: cell, row: row, item: item,
                area: template.area, expected: expected.flatMap { Double(Quantity.format($0)) },
                actual: actual.flatMap { Double(Quantity.format($0)) }, message: message)
        }
        guard template.planID == plan.id else {
            findings.append(
                finding(.planMismatch, .error, cell: nil, row: nil, item: nil, "这份报表来自另一份分解表（\(template.planID)，本次为 \(plan.id)），未汇总"))
            return (nil, result, findings)
        }
        guard template.version == splitter.template.version else {
            findings.append(
                finding(.planMismatch, .error, cell: nil, row: nil, item: nil, "模板版本 \(template.version) 与当前版本 \(splitter.template.version) 不同，未汇总"))
            return (nil, result, findings)
        }
        guard plan.areas.contains(template.area) else {
            findings.append(finding(.unknownArea, .warning, cell: nil, row: nil, item: nil, "分解表中没有县区“\(template.area)”，未汇总"))
            return (nil, result, findings)
        }
        var completed: [String: (Decimal, String)] = [:]
        for line in template.lines {
            let key = line.key ?? byText[textKey(line.project, line.indicator)]
            guard let key, let item = keys[key] else {
                if line.completed != nil {
                    findings.append(
                        finding(.unknownItem, .warning, cell: line.completed?.reference.a1, row: line.row + 1, item: line.indicator ?? line.project,
                            "这一行不在分解表中（可能是新插入的行），未汇总"))
                }
                continue
            }
            let name = ProgressWorkbook.itemName(item)
            if let planned = item.areas[template.area]?.target {
                let returned = line.target.map { ValueReading.read($0, measure: .target, headerUnit: nil) }?.quantity.quantity?.value
                if returned == nil || !Quantity.equal(returned ?? 0, planned) {
                    findings.append(
                        finding(.targetChanged, .error, cell: line.target?.reference.a1 ?? CellReference(row: line.row, column: 4).a1,
                            row: line.row + 1, item: name, expected: planned, actual: returned,
                            "年度目标被改为 \(returned.map(Quantity.format) ?? "空")，分解表为 \(Quantity.format(planned))"))
                }
            }
            guard let cell = line.completed else { continue }
            let value = ValueReading.read(cell, measure: .completed, headerUnit: nil)
            switch value.quantity {
            case .quantity(let q):
                if q.value < 0 {
                    findings.append(
                        finding(.negativeValue, .error, cell: cell.reference.a1, row: line.row + 1, item: name, actual: q.value,
                            "完成数为负数 \(Quantity.format(q.value))"))
                }
                if completed[key] != nil {
                    findings.append(
                        finding(.duplicateItem, .warning, cell: cell.reference.a1, row: line.row + 1, item: name, "同一项目填报了两次，采用第一次"))
                } else {
                    completed[key] = (q.value, cell.reference.a1)
                }
            case .unparsed(let raw):
                findings.append(
                    finding(.unparsedValue, .warning, cell: cell.reference.a1, row: line.row + 1, item: name, "完成数“\(raw)”不是数值"))
            default:
                break
            }
        }
        return (Submission(path: template.path, area: template.area, completed: completed, sheet: template.sheetName), result, findings)
    }

    /// Reads a return in a county's own layout: recognized as a table, matched by project and
    /// indicator text; the area from the file name or the sheet's title.
    func readOwnLayout(
        _ source: InputSource, plan: Splitter.Plan, byText: [String: String], recognition: RecognitionOptions
    ) throws -> (Submission?, FileResult, [Finding]) {
        let path = source.name
        let table = try splitter.finder.find(in: source, options: recognition)
        var findings = Validator().findings(for: table)
        let result = FileResult(path: path, status: .ok, sheet: table.sheet.name, items: table.items.count)
        let stem = source.stem
        let title = table.sheet.rows.prefix(3).flatMap { $0.cells.compactMap(\.string) }.joined()
        guard let area = plan.areas.first(where: { stem.contains($0) }) ?? plan.areas.first(where: { title.contains($0) }) else {
            // An area named in the file name or title that the plan does not have, if any.
            let named = [stem, title].lazy.compactMap { text in
                BreakdownParser.leadingAreaName(text).flatMap { splitter.finder.vocabulary.isArea($0) ? $0 : nil }
            }.first
            let which = named.map { "“\($0)”不是分解表中的县区" } ?? "无法从文件名或标题判断是哪个县区的报表"
            findings.append(
                Finding(
                    code: .unknownArea, severity: .warning, file: path, sheet: table.sheet.name, cell: nil, row: nil, item: nil,
                    area: named, message: "\(which)（分解表的县区有 \(plan.areas.joined(separator: "、"))），未汇总"))
            return (nil, result, findings)
        }
        var completed: [String: (Decimal, String)] = [:]
        for row in table.items {
            guard let key = byText[textKey(row.project, row.indicator)] ?? byText[textKey(row.indicator, row.indicator)],
                let cell = row.values[ValueKey(.completed)] ?? row.values[ValueKey(.completed, area: area)],
                let q = ValueReading.read(cell, measure: .completed, headerUnit: nil).quantity.quantity
            else { continue }
            if completed[key] == nil { completed[key] = (q.value, cell.reference.a1) }
        }
        return (Submission(path: path, area: area, completed: completed, sheet: table.sheet.name), result, findings)
    }
}
