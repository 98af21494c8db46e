import Foundation
import XLSXReader

/// One area's completions as read from a return, by the plan's item keys.
struct Submission: Sendable {
    var path: String
    var area: String
    var sheet: String
    /// Plan item key → (completed value, cell A1).
    var completed: [ItemKey: (value: Decimal, cell: String)]
    /// Rows with a completion filled in.
    var filledRows: Int
    /// The period the return reports (`1-9月`), when it says.
    var period: ReportPeriod? = nil
}

/// What reading one return gave: its file result and findings, the submission when it is merged,
/// and how its filled rows were accounted for so far (the rest are decided when the area's
/// return is chosen: merged, or named by `duplicate-submission`).
struct ReadReturn: Sendable {
    var result: FileResult
    var findings: [Finding]
    var submission: Submission?
    /// Rows with a completion filled in.
    var filledRows: Int
    /// Of those, not merged and named in a finding while reading.
    var namedRows: Int
    /// Why the return is not merged as a whole, and the area it is for (when known).
    var notMerged: Refusal? = nil
}

/// Reads returns against a plan: templates through their metadata, any other table by item
/// names; every filled row is matched to a plan item or named in a finding.
struct ReturnMatcher: Sendable {
    let plan: Splitter.Plan
    let splitter: Splitter
    let recognition: RecognitionOptions
    /// The plan's items by the key written into templates.
    let byTemplateKey: [String: ItemKey]
    /// The plan's items by name.
    let index: ItemIndex<ProgressItem>

    init(plan: Splitter.Plan, splitter: Splitter, recognition: RecognitionOptions) {
        self.plan = plan
        self.splitter = splitter
        self.recognition = recognition
        byTemplateKey = Dictionary(plan.items.map { (PlanIdentity.itemKey($0), ItemKey($0)) }, uniquingKeysWith: { a, _ in a })
        index = ItemIndex(plan.items.map { (ItemKey($0), $0) })
    }

    /// The plan area a file name names, if any.
    func areaNamed(by path: String) -> String? {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return plan.areas.first { stem.contains($0) }
    }

    /// A return's rows, before they are merged or compared: the area, each row's plan item, and
    /// the findings of its own table's check.
    struct ReturnRows: Sendable {
        var result: FileResult
        /// The findings of the return's table (a return in the area's own layout), in place order.
        var tableFindings: [Finding]
        var area: String
        var rows: [AreaReturn.Line]
        var path: String
        var sheet: String
        /// The period the return reports, when it says.
        var period: ReportPeriod? = nil
        /// Whether its values were checked with its table.
        var valuesChecked = false
    }

    /// The return set against the plan, for merging or comparing.
    func areaReturn(_ rows: ReturnRows, use: AreaReturn.Use) -> AreaReturn {
        AreaReturn(
            use: use, path: rows.path, sheet: rows.sheet, area: rows.area, lines: rows.rows, plan: plan, valuesChecked: rows.valuesChecked,
            namedCells: Set(rows.tableFindings.compactMap(\.cell)))
    }

    /// What reading a return gave: its rows, or already its outcome (unreadable, skipped, refused).
    enum RowsOutcome: Sendable {
        case rows(ReturnRows)
        case done(ReadReturn)
    }

    /// Reads one return and merges its rows (`collect`); never throws (an unreadable file is its result).
    func read(_ source: InputSource) -> ReadReturn {
        switch readRows(source) {
        case .done(let read): return read
        case .rows(let rows): return merge(rows)
        }
    }

    /// Reads one return's rows. `samePlan`: a template made from another plan is refused
    /// (`collect`); without it, a template is taken for its area whatever plan it came from.
    func readRows(_ source: InputSource, samePlan: Bool = true) -> RowsOutcome {
        do {
            let workbook = try InputWorkbook.open(source, options: recognition.input)
            if let kind = OutputMarker.kind(of: workbook) {
                let result = FileResult(path: source.name, skipped: .ownOutput(kind: kind))
                return .done(ReadReturn(result: result, findings: [], submission: nil, filledRows: 0, namedRows: 0))
            }
            // (The workbook opened once: its marker, its template metadata, or its own layout.)
            if let template = try ReturnReader.readTemplate(workbook, signatureMarker: splitter.template.signature.marker) {
                return readTemplate(template, samePlan: samePlan)
            }
            return try readOwnLayout(source, workbook: workbook)
        } catch {
            return .done(
                ReadReturn(
                    result: FileResult(path: source.name, failure: error), findings: [], submission: nil,
                    filledRows: 0, namedRows: 0))
        }
    }

    // MARK: - Templates

    func readTemplate(_ template: TemplateReturn, samePlan: Bool) -> RowsOutcome {
        let result = FileResult(path: template.path, status: .ok, sheet: template.sheetName, items: template.lines.count)
        let targetColumn = TemplateForm.layout.index(.target)
        let rows = template.lines.map { line in
            AreaReturn.Line(
                row: line.row, name: line.indicator ?? line.project,
                planKey: line.key.flatMap { byTemplateKey[$0] } ?? index.matchKey(ItemKey(project: line.project, indicator: line.indicator)),
                target: line.target, targetCell: line.target?.reference.a1 ?? CellReference(row: line.row, column: targetColumn).a1,
                completed: line.completed)
        }
        let read = ReturnRows(
            result: result, tableFindings: [], area: template.area, rows: rows, path: template.path, sheet: template.sheetName,
            period: template.period.flatMap(ReportPeriod.find(in:)))
        let refused: NotMergedReason?
        if samePlan, template.planID != plan.id {
            refused = .otherPlan(theirs: template.planID, ours: plan.id)
        } else if template.version != splitter.template.version {
            refused = .otherTemplateVersion(theirs: template.version, ours: splitter.template.version)
        } else if !plan.areas.contains(template.area) {
            refused = .areaNotInPlan(area: template.area)
        } else {
            refused = nil
        }
        guard let refused else { return .rows(read) }
        return .done(refuse(read, Refusal(area: template.area, reason: refused)))
    }

    /// A return not merged as a whole: named by the validator, every filled row with it.
    func refuse(_ rows: ReturnRows, _ refusal: Refusal) -> ReadReturn {
        let areaReturn = AreaReturn(
            use: .merge, path: rows.path, sheet: rows.sheet, area: rows.area, lines: rows.rows, plan: plan,
            valuesChecked: rows.valuesChecked, namedCells: [], refused: refusal)
        let filled = areaReturn.accounting.filled
        return ReadReturn(
            result: rows.result, findings: Validator().findings(for: areaReturn, after: rows.tableFindings).atReturn, submission: nil,
            filledRows: filled, namedRows: filled, notMerged: refusal)
    }

    // MARK: - An area's own layout

    func readOwnLayout(_ source: InputSource, workbook: InputWorkbook) throws -> RowsOutcome {
        let path = source.name
        let table = try splitter.finder.find(in: workbook, options: recognition)
        let checked = CheckedTable(table)
        var findings = checked.builder()
        findings.append(contentsOf: Validator().findings(for: checked))
        var result = FileResult(path: path, status: .ok, sheet: table.sheet.name, items: table.items.count)
        result.readings = [TableReading(table)]
        let title = table.sheet.rows.prefix(3).flatMap { $0.cells.compactMap(\.string) }.joined()
        guard let area = plan.areas.first(where: { source.stem.contains($0) }) ?? plan.areas.first(where: { title.contains($0) })
        else {
            // An area named in the file name or title that the plan does not have, if any.
            let named = [source.stem, title].lazy.compactMap { text in
                BreakdownParser.leadingAreaName(text, words: splitter.finder.vocabulary.valueWords).flatMap { splitter.finder.vocabulary.isArea($0) ? $0 : nil }
            }.first
            // (Its filled rows: those with a completion in the total column.)
            let rows = ReturnRows(
                result: result, tableFindings: findings.findings, area: "", rows: lines(of: checked, area: nil), path: path,
                sheet: table.sheet.name, valuesChecked: true)
            return .done(refuse(rows, Refusal(area: named, reason: .areaUnknown(named: named, planAreas: plan.areas))))
        }
        return .rows(
            ReturnRows(
                result: result, tableFindings: findings.findings, area: area, rows: lines(of: checked, area: area), path: path,
                sheet: table.sheet.name, period: ReportPeriod.of(table), valuesChecked: true))
    }

    /// A table's item rows as return rows: the target and completion of the total column, else of
    /// the area's own.
    /// An own-layout return's rows, their completions as the values stage read them (under the
    /// table's unit rule: a header's unit, else the row's 单位).
    func lines(of table: CheckedTable, area: String?) -> [AreaReturn.Line] {
        table.rows.map { checked -> AreaReturn.Line in
            let row = checked.row
            let target = row.values[ValueKey(.target)] ?? area.flatMap { row.values[ValueKey(.target, area: $0)] }
            let completedKey = Self.completedKey(of: row, area: area)
            var line = AreaReturn.Line(
                row: row.row, name: row.itemName, planKey: index.matchKey(ItemKey(row)), target: target, targetCell: target?.reference.a1,
                completed: completedKey.flatMap { row.values[$0] })
            line.completion = completedKey.flatMap { checked.values[$0]?.quantity }
            return line
        }
    }

    /// Where an own-layout row's completion is: the total column, else the area's own column.
    static func completedKey(of row: TableRow, area: String?) -> ValueKey? {
        if row.values[ValueKey(.completed)] != nil { return ValueKey(.completed) }
        return area.map { ValueKey(.completed, area: $0) }.flatMap { row.values[$0] == nil ? nil : $0 }
    }

    // MARK: - Merging rows

    /// Checks a return's rows against the plan (`Validator`) and keeps the completions of the rows
    /// merged; every other filled row is named by a finding.
    func merge(_ rows: ReturnRows) -> ReadReturn {
        let areaReturn = areaReturn(rows, use: .merge)
        let findings = Validator().findings(for: areaReturn, after: rows.tableFindings).atReturn
        let counted = areaReturn.accounting
        if let refusal = areaReturn.notMerged {
            return ReadReturn(
                result: rows.result, findings: findings, submission: nil, filledRows: counted.filled, namedRows: counted.filled,
                notMerged: refusal)
        }
        let submission = Submission(
            path: rows.path, area: rows.area, sheet: rows.sheet, completed: areaReturn.merged, filledRows: counted.filled,
            period: rows.period)
        return ReadReturn(
            result: rows.result, findings: findings, submission: submission, filledRows: counted.filled, namedRows: counted.named)
    }
}

extension ReturnMatcher {
    /// The plan (or summary) a batch of returns is set against, read once, the matcher of the
    /// returns to it, and its line in the report (collect and reconcile start alike).
    static func start(_ source: InputSource, splitter: Splitter, recognition: RecognitionOptions) throws
        -> (plan: Splitter.Plan, matcher: ReturnMatcher, result: FileResult)
    {
        let plan = try splitter.readPlan(source, recognition: RecognitionOptions(input: recognition.input))
        var result = FileResult(path: plan.path, status: .ok, sheet: plan.table.sheet.name, items: plan.table.items.count)
        result.readings = [TableReading(plan.table)]
        return (plan, ReturnMatcher(plan: plan, splitter: splitter, recognition: recognition), result)
    }
}

