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
    /// the findings of reading it.
    struct ReturnRows: Sendable {
        var result: FileResult
        var findings: FindingBuilder
        var area: String
        var rows: [ReturnRow]
        var path: String
        var sheet: String
        /// The period the return reports, when it says.
        var period: ReportPeriod? = nil
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
        case .rows(var rows):
            var read = merge(rows.rows, area: rows.area, result: rows.result, findings: &rows.findings, path: rows.path, sheet: rows.sheet)
            read.submission?.period = rows.period
            return read
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
            if let template = try ReturnReader.readTemplate(
                source, options: recognition.input, signatureMarker: splitter.template.signature.marker)
            {
                return readTemplate(template, samePlan: samePlan)
            }
            return try readOwnLayout(source)
        } catch {
            return .done(
                ReadReturn(
                    result: FileResult(path: source.name, failure: error), findings: [], submission: nil,
                    filledRows: 0, namedRows: 0))
        }
    }

    // MARK: - Templates

    func readTemplate(_ template: TemplateReturn, samePlan: Bool) -> RowsOutcome {
        var findings = FindingBuilder(file: template.path, sheet: template.sheetName)
        let result = FileResult(path: template.path, status: .ok, sheet: template.sheetName, items: template.lines.count)
        let filled = template.lines.filter { $0.completed.map(isFilled) ?? false }.count
        func refuse(_ message: FindingMessage) -> RowsOutcome {
            findings.add(message, area: template.area)
            return .done(ReadReturn(result: result, findings: findings.findings, submission: nil, filledRows: filled, namedRows: filled))
        }
        guard !samePlan || template.planID == plan.id else { return refuse(.otherPlan(theirs: template.planID, ours: plan.id)) }
        guard template.version == splitter.template.version else {
            return refuse(.otherTemplateVersion(theirs: template.version, ours: splitter.template.version))
        }
        guard plan.areas.contains(template.area) else { return refuse(.templateAreaUnknown(area: template.area)) }
        var rows: [ReturnRow] = []
        for line in template.lines {
            let key = line.key.flatMap { byTemplateKey[$0] } ?? index.matchKey(ItemKey(project: line.project, indicator: line.indicator))
            rows.append(
                ReturnRow(
                    row: line.row, name: line.indicator ?? line.project, planKey: key, target: line.target,
                    targetCell: line.target?.reference.a1 ?? CellReference(row: line.row, column: TemplateForm.layout.index(.target)).a1, completed: line.completed,
                    completedAlreadyReported: false))
        }
        return .rows(
            ReturnRows(
                result: result, findings: findings, area: template.area, rows: rows, path: template.path, sheet: template.sheetName,
                period: template.period.flatMap(ReportPeriod.find(in:))))
    }

    // MARK: - An area's own layout

    func readOwnLayout(_ source: InputSource) throws -> RowsOutcome {
        let path = source.name
        let table = try splitter.finder.find(in: source, options: recognition)
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
            var refused = FindingBuilder(file: path, sheet: table.sheet.name)
            refused.add(.returnAreaUnknown(named: named, planAreas: plan.areas), area: named)
            let filled = table.items.filter { Self.completedCell(of: $0, area: nil).map(isFilled) ?? false }.count
            return .done(
                ReadReturn(
                    result: result, findings: findings.findings + refused.findings, submission: nil, filledRows: filled,
                    namedRows: filled))
        }
        let reported = Set(findings.findings.compactMap(\.cell))
        let rows = table.items.map { row -> ReturnRow in
            let completed = Self.completedCell(of: row, area: area)
            let target = row.values[ValueKey(.target)] ?? row.values[ValueKey(.target, area: area)]
            return ReturnRow(
                row: row.row, name: row.itemName, planKey: index.matchKey(ItemKey(row)), target: target, targetCell: target?.reference.a1,
                completed: completed, completedAlreadyReported: completed.map { reported.contains($0.reference.a1) } ?? false)
        }
        return .rows(
            ReturnRows(
                result: result, findings: findings, area: area, rows: rows, path: path, sheet: table.sheet.name, period: ReportPeriod.of(table)))
    }

    /// An own-layout row's completion: the total column, else the area's own column.
    static func completedCell(of row: TableRow, area: String?) -> Cell? {
        row.values[ValueKey(.completed)] ?? area.flatMap { row.values[ValueKey(.completed, area: $0)] }
    }

    /// Whether a completion cell holds anything (`——`, `/`, `无` and blanks do not count).
    func isFilled(_ cell: Cell) -> Bool { Self.isFilled(cell, words: splitter.finder.vocabulary.quantityWords) }

    /// Whether a completion cell holds anything, read with `words`.
    static func isFilled(_ cell: Cell, words: QuantityWords) -> Bool {
        switch ValueReading.read(cell, measure: .completed, headerUnit: nil, words: words).quantity {
        case .notApplicable: return false
        default: return true
        }
    }

    // MARK: - Merging rows

    /// One row of a return, whatever its layout.
    struct ReturnRow: Sendable {
        var row: Int
        var name: String?
        /// The plan item it names, if any.
        var planKey: ItemKey?
        var target: Cell?
        var targetCell: String?
        var completed: Cell?
        /// A finding of the table's own check already names the completion cell.
        var completedAlreadyReported: Bool
    }

    func merge(
        _ rows: [ReturnRow], area: String, result: FileResult, findings: inout FindingBuilder, path: String, sheet: String
    ) -> ReadReturn {
        var completed: [ItemKey: (value: Decimal, cell: String)] = [:]
        var firstRow: [ItemKey: Int] = [:]
        var seen: Set<ItemKey> = []
        var filled = 0
        var named = 0
        var unmatched: [ReturnRow] = []
        var rowFindings = FindingBuilder(file: path, sheet: sheet)
        for row in rows {
            let isFilled = row.completed.map(isFilled) ?? false
            if isFilled { filled += 1 }
            guard let key = row.planKey, let item = index[key] else {
                if isFilled { unmatched.append(row) }
                continue
            }
            seen.insert(key)
            let name = ProgressWorkbook.itemName(item)
            let planned = item.areas[area]?.target
            if let planned, let targetCell = row.targetCell {
                let returned = row.target.map { ValueReading.read($0, measure: .target, headerUnit: nil, words: splitter.finder.vocabulary.quantityWords) }?.quantity.quantity?.value
                if returned == nil || !Quantity.equal(returned ?? 0, planned) {
                    rowFindings.add(
                        .targetChanged(returned: returned, planned: planned), cell: targetCell, row: row.row + 1, item: name,
                        area: area, expected: planned, actual: returned)
                }
            }
            guard isFilled, let cell = row.completed else { continue }
            let a1 = cell.reference.a1
            if let first = firstRow[key] {
                rowFindings.add(.duplicateReturnRow(firstRow: first + 1), cell: a1, row: row.row + 1, item: name, area: area)
                named += 1
                continue
            }
            firstRow[key] = row.row
            let value = ValueReading.read(cell, measure: .completed, headerUnit: nil, words: splitter.finder.vocabulary.quantityWords)
            switch value.quantity {
            case .quantity(let q):
                let plannedIsPercent: Bool
                if case .percent? = item.target { plannedIsPercent = true } else { plannedIsPercent = false }
                if q.isPercent && !plannedIsPercent {
                    rowFindings.add(
                        .percentInCountColumn(label: "完成数", shown: "\(Quantity.format(q.value))%"), cell: a1, row: row.row + 1,
                        item: name, area: area, actual: q.value)
                    named += 1
                    continue
                }
                if q.value < 0 && !row.completedAlreadyReported {
                    rowFindings.add(.negative(label: "完成数", value: q.value), cell: a1, row: row.row + 1, item: name, area: area, actual: q.value)
                }
                if let planned, PlausibilityRule.isImplausible(completed: q.value, target: planned) {
                    rowFindings.add(
                        .completionImplausible(completed: q.value, target: planned), cell: a1, row: row.row + 1, item: name, area: area,
                        expected: planned, actual: q.value)
                }
                completed[key] = (q.value, a1)
            default:
                // Text where a figure belongs (or a qualitative word): named, not merged.
                if !row.completedAlreadyReported, case .unparsed(let raw) = value.quantity {
                    rowFindings.add(.unparsed(label: "完成数", raw: raw), cell: a1, row: row.row + 1, item: name, area: area)
                } else if !row.completedAlreadyReported, case .qualitative(let raw) = value.quantity {
                    rowFindings.add(.unparsed(label: "完成数", raw: raw), cell: a1, row: row.row + 1, item: name, area: area)
                }
                named += 1
            }
        }
        // Most filled rows naming nothing of the plan: another plan's table, not this area's return.
        if filled > 0 && unmatched.count * 2 > filled {
            findings.add(.mostRowsUnmatched(unmatched: unmatched.count, filled: filled), area: area)
            return ReadReturn(result: result, findings: findings.findings, submission: nil, filledRows: filled, namedRows: filled)
        }
        for row in unmatched {
            rowFindings.add(.unknownRow, cell: row.completed?.reference.a1, row: row.row + 1, item: row.name, area: area)
            named += 1
        }
        if filled == 0 {
            rowFindings.add(.emptyReturn, area: area)
        } else {
            for item in splitter.items(of: plan, area: area) where !seen.contains(ItemKey(item)) {
                rowFindings.add(.missingItem(item: ProgressWorkbook.itemName(item)), item: ProgressWorkbook.itemName(item), area: area)
            }
        }
        var all = findings
        all.append(contentsOf: rowFindings.findings)
        all.sortByPlace()
        return ReadReturn(
            result: result, findings: all.findings,
            submission: Submission(path: path, area: area, sheet: sheet, completed: completed, filledRows: filled),
            filledRows: filled, namedRows: named)
    }
}
