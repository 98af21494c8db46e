import Foundation

/// Every finding's message, keyed by what was found: the one place where a finding's code,
/// severity and Chinese wording are decided. Rules and jobs say *what* they found; this says
/// how it is told.
enum FindingMessage: Sendable, Hashable {
    // MARK: Values
    /// A formula cell without a cached value.
    case formulaWithoutValue(label: String)
    /// A rate formula without a value that divides cells of another row (rows moved after the
    /// formula was written): `formula` as written.
    case rateFormulaOtherRow(label: String, formula: String, row: Int)
    /// Text where a figure belongs.
    case unparsed(label: String, raw: String)
    /// A negative target or completion.
    case negative(label: String, value: Decimal)

    // MARK: Totals
    /// A total against the sum of its areas.
    case totalMismatch(measure: Measure, header: String, total: Decimal, sum: Decimal, blank: [String])
    /// A prose breakdown (其中 …) whose areas do not add up to its total.
    case proseTotalMismatch(total: Decimal, sum: Decimal, clause: String)
    /// A 分解情况 cell whose areas do not add up to the row's target.
    case breakdownColumnMismatch(total: Decimal, sum: Decimal, areas: Int, cell: String)
    /// An area with a target but no completion: the completed total cannot be checked.
    case breakdownIncomplete(blank: [String], measure: Measure, total: Decimal)

    // MARK: Rates
    /// A rate truncated where it should be rounded.
    case rateTruncated(shown: String, rounded: String, computed: String)
    /// A rate just off the computed one (under one printed unit).
    case rateNearMiss(shown: String, computed: String)
    /// A rate that is not completed ÷ target.
    case rateMismatch(shown: String, computed: String)

    // MARK: Items
    /// A completion without a target.
    case missingTarget(completed: Decimal)
    /// Below 序时进度.
    case behindSchedule(share: Decimal, asOf: String, schedule: Decimal)
    /// The same item as an earlier row.
    case duplicateRow(firstRow: Int, item: String)
    /// With the areas in rows, a place named on an earlier row too.
    case duplicateArea(firstRow: Int, area: String)
    /// With the areas in columns, a place named over an earlier column of the same measure too.
    case duplicateAreaColumn(firstColumn: String, area: String)

    // MARK: Returns (collect)
    /// A return that was read and not merged, and why.
    case returnNotMerged(NotMergedReason)
    /// A filled row of a return that matches no item of the plan.
    case unknownRow
    /// A returned target that differs from the plan's.
    case targetChanged(returned: Decimal?, planned: Decimal)
    /// An area that sent nothing.
    case missingSubmission(area: String)
    /// A return with no completion filled.
    case emptyReturn
    /// A plan item the area has a target in, absent from its return.
    case missingItem(item: String)
    /// The same item twice in a return (the first is used).
    case duplicateReturnRow(firstRow: Int)

    /// Two inputs giving one item different figures.
    case conflictingValues(label: String, other: String, otherValue: Decimal, value: Decimal)

    /// `reconcile`: a summary's area figure that is not the area's own.
    case areaMismatch(area: String, label: String, summaryValue: Decimal?, returnCell: String, returnValue: Decimal)
    /// `reconcile`: a filled row of a return that matches no item of the summary.
    case unknownSummaryRow

    /// `--previous`: a cumulative figure lower than last period's.
    case completedDecreased(label: String, now: Decimal, then: Decimal, previousCell: String)
    /// `--previous`: an annual target that moved since last period.
    case targetMoved(label: String, now: Decimal, then: Decimal, previousCell: String)
    /// `--previous`: an item of last period's table that is gone.
    case itemDropped(item: String, previousCell: String)
    /// `--previous`: no table of the previous report has this input's items.
    case noPreviousTable(previousFile: String)

    /// A sheet the workbook lists whose content is missing from the file.
    case sheetMissing(name: String)
    /// Under no reading the header words allow do most of the table's figures agree: the
    /// reading is doubtful, and its `failing` rate and total errors are not listed one by one.
    case doubtfulReading(reading: String, checks: Int, failing: Int)
    /// A row with figures but no project or indicator (`cells` figure cells).
    case unlabeledRow(row: Int, cells: Int)

    // MARK: Plausibility
    /// A completion over 3× its target.
    case completionImplausible(completed: Decimal, target: Decimal)
    /// A rate over 300 %.
    case rateImplausible(shown: String)
    /// A percentage where a count belongs.
    case percentInCountColumn(label: String, shown: String)
    /// A count where a rate belongs.
    case countInRateColumn(shown: String)
    /// A 合计 / 小计 row's figure against the sum of the items above it (`count` of them).
    case columnTotalMismatch(measure: Measure, footer: String, header: String, total: Decimal, sum: Decimal, count: Int, itemsBelow: Bool = false)
    /// A 合计 column's figure in an area's row against the sum of the columns it totals.
    case rowTotalMismatch(measure: Measure, area: String, header: String, parts: [String], total: Decimal, sum: Decimal)
    /// An item's figure smaller than the sum of its numbered sub-items (`count` of them).
    case partsExceedWhole(measure: Measure, whole: String, header: String, total: Decimal, sum: Decimal, count: Int)
    /// Numbered parts that fall just short of their whole (a slip, not lines left unlisted).
    case partsShortOfWhole(measure: Measure, whole: String, header: String, total: Decimal, sum: Decimal, count: Int)

    /// The stable code.
    var code: FindingCode {
        switch self {
        case .formulaWithoutValue, .rateFormulaOtherRow: return .formulaWithoutValue
        case .unparsed: return .unparsedValue
        case .negative: return .negativeValue
        case .totalMismatch(let measure, _, _, _, _): return measure == .completed ? .completedTotalMismatch : .totalMismatch
        case .columnTotalMismatch(let measure, _, _, _, _, _, _): return measure == .completed ? .completedTotalMismatch : .totalMismatch
        case .partsExceedWhole(let measure, _, _, _, _, _), .partsShortOfWhole(let measure, _, _, _, _, _):
            return measure == .completed ? .completedTotalMismatch : .totalMismatch
        case .rowTotalMismatch(let measure, _, _, _, _, _): return measure == .completed ? .completedTotalMismatch : .totalMismatch
        case .proseTotalMismatch, .breakdownColumnMismatch: return .totalMismatch
        case .breakdownIncomplete: return .breakdownIncomplete
        case .rateTruncated, .rateNearMiss, .rateMismatch: return .rateMismatch
        case .missingTarget: return .missingTarget
        case .behindSchedule: return .behindSchedule
        case .duplicateRow, .duplicateArea, .duplicateAreaColumn: return .duplicateItem
        case .returnNotMerged(let reason):
            switch reason {
            case .otherPlan, .otherTemplateVersion, .mostRowsUnmatched: return .planMismatch
            case .areaNotInPlan, .areaUnknown: return .unknownArea
            case .notChosen: return .duplicateSubmission
            }
        case .unknownRow: return .unknownItem
        case .targetChanged: return .targetChanged
        case .missingSubmission: return .missingSubmission
        case .conflictingValues: return .conflictingValues
        case .areaMismatch: return .areaMismatch
        case .unknownSummaryRow: return .unknownItem
        case .completedDecreased: return .completedDecreased
        case .targetMoved: return .targetChanged
        case .itemDropped: return .itemDropped
        case .noPreviousTable: return .previousMismatch
        case .sheetMissing: return .incompleteWorkbook
        case .doubtfulReading: return .doubtfulReading
        case .unlabeledRow: return .unreadRow
        case .emptyReturn: return .emptyReturn
        case .missingItem: return .missingItem
        case .duplicateReturnRow: return .duplicateItem
        case .completionImplausible, .rateImplausible: return .implausibleValue
        case .percentInCountColumn, .countInRateColumn: return .unitMismatch
        }
    }

    /// Error or warning.
    var severity: Severity {
        switch self {
        case .returnNotMerged(let reason):
            switch reason {
            case .otherPlan, .otherTemplateVersion, .mostRowsUnmatched: return .error
            case .areaNotInPlan, .areaUnknown, .notChosen: return .warning
            }
        case .negative, .totalMismatch, .columnTotalMismatch, .partsExceedWhole, .rowTotalMismatch, .proseTotalMismatch, .breakdownColumnMismatch, .rateMismatch, .targetChanged,
            .conflictingValues, .areaMismatch, .completedDecreased, .targetMoved, .doubtfulReading:
            return .error
        case .formulaWithoutValue, .rateFormulaOtherRow, .unparsed, .breakdownIncomplete, .rateTruncated, .rateNearMiss, .missingTarget,
            .behindSchedule, .duplicateRow, .duplicateArea, .duplicateAreaColumn, .partsShortOfWhole, .unknownRow, .missingSubmission,
            .unknownSummaryRow, .itemDropped, .noPreviousTable, .sheetMissing, .unlabeledRow, .emptyReturn, .missingItem, .duplicateReturnRow, .completionImplausible,
            .rateImplausible, .percentInCountColumn, .countInRateColumn:
            return .warning
        }
    }

    /// The Chinese sentence.
    var text: String {
        switch self {
        case .formulaWithoutValue(let label): return "\(label)是公式但没有计算结果（请在 Excel/WPS 中打开并保存后再报送）"
        case .rateFormulaOtherRow(let label, let formula, let row):
            return "\(label)公式 \(formula) 算的是第 \(row) 行而非本行（行被排序或移动过？），且没有计算结果：请改正公式"
        case .unparsed(let label, let raw): return "\(label)“\(raw)”不是数值"
        case .negative(let label, let value): return "\(label)为负数 \(Quantity.format(value))"
        case .totalMismatch(_, let header, let total, let sum, let blank):
            let note = blank.isEmpty ? "" : "（\(blank.joined(separator: "、"))为空，按无任务计）"
            return "\(header) \(Quantity.format(total)) 与各县区合计 \(Quantity.format(sum)) 不一致\(note)"
        case .columnTotalMismatch(_, let footer, let header, let total, let sum, let count, let itemsBelow):
            return "\(footer)行的\(header) \(Quantity.format(total)) 与\(itemsBelow ? "下面" : "上面") \(count) 项之和 \(Quantity.format(sum)) 不一致"
        case .rowTotalMismatch(_, let area, let header, let parts, let total, let sum):
            let named = parts.count <= 4 ? parts.joined(separator: "、") : "\(parts.prefix(3).joined(separator: "、"))等 \(parts.count) 列"
            return "\(area)的\(header) \(Quantity.format(total)) 与\(named)之和 \(Quantity.format(sum)) 不一致"
        case .partsExceedWhole(_, let whole, let header, let total, let sum, let count):
            return "\(whole)的\(header) \(Quantity.format(total)) 小于其下 \(count) 个分项之和 \(Quantity.format(sum))：分项之和不应大于总数"
        case .partsShortOfWhole(_, let whole, let header, let total, let sum, let count):
            return "\(whole)的\(header) \(Quantity.format(total)) 比其下 \(count) 个分项之和 \(Quantity.format(sum)) 多 \(Quantity.format(total - sum))，相差不到一成：请核对分项是否录错或漏列"
        case .proseTotalMismatch(let total, let sum, let clause):
            return "目标 \(Quantity.format(total)) 与其中各县区合计 \(Quantity.format(sum)) 不一致（\(clause)）"
        case .breakdownColumnMismatch(let total, let sum, let areas, let cell):
            return "目标 \(Quantity.format(total)) 与分解情况（\(cell)）中 \(areas) 个地方的合计 \(Quantity.format(sum)) 不一致"
        case .breakdownIncomplete(let blank, let measure, let total):
            return "\(blank.joined(separator: "、"))的\(measure == .target ? "目标" : "完成数")为空，无法核对合计 \(Quantity.format(total))"
        case .rateTruncated(let shown, let rounded, let computed): return "完成率 \(shown) 是截尾值，按四舍五入应为 \(rounded)（\(computed)）"
        case .rateNearMiss(let shown, let computed): return "完成率 \(shown) 与计算值略有出入（\(computed)）"
        case .rateMismatch(let shown, let computed): return "报送完成率 \(shown) 与 完成数÷目标 不一致（\(computed)）"
        case .missingTarget(let completed): return "有完成数 \(Quantity.format(completed)) 但目标为空"
        case .behindSchedule(let share, let asOf, let schedule):
            return "完成 \(Quantity.format(share))%，低于截至\(asOf)的序时进度 \(Quantity.format(schedule))%"
        case .duplicateRow(let firstRow, let item): return "与第 \(firstRow) 行是同一项目（\(item)）"
        case .duplicateArea(let firstRow, let area): return "与第 \(firstRow) 行是同一地区（\(area)），两行的数都已读入"
        case .duplicateAreaColumn(let firstColumn, let area): return "与 \(firstColumn) 列是同一地区（\(area)），两列的数都已读入"
        case .returnNotMerged(let reason):
            // Which return was used instead is part of the reason; otherwise none of it is.
            if case .notChosen = reason { return "\(reason.text)，本份未采用" }
            return "\(reason.text)，未汇总"
        case .unknownRow: return "这一行不在分解表中（可能是新插入的行），未汇总"
        case .targetChanged(let returned, let planned):
            return "年度目标被改为 \(returned.map(Quantity.format) ?? "空")，分解表为 \(Quantity.format(planned))"
        case .missingSubmission(let area): return "\(area)没有报送"
        case .emptyReturn: return "没有填报任何完成数"
        case .areaMismatch(let area, let label, let summaryValue, let returnCell, let returnValue):
            let summary = summaryValue.map(Quantity.format) ?? "空"
            return "汇总表中\(area)的\(label)为 \(summary)，而\(area)报表 \(returnCell) 为 \(Quantity.format(returnValue))"
        case .unknownSummaryRow: return "这一行不在汇总表中，未核对"
        case .completedDecreased(let label, let now, let then, let cell):
            return "累计\(label) \(Quantity.format(now)) 比上期 \(Quantity.format(then))（\(cell)）还少：累计数不应减少，是否填成了本月数？"
        case .targetMoved(let label, let now, let then, let cell):
            return "年度\(label)由上期的 \(Quantity.format(then))（\(cell)）变为 \(Quantity.format(now))"
        case .itemDropped(let item, let cell): return "上期报表有“\(item)”（\(cell)），本期没有"
        case .unlabeledRow(let row, let cells):
            return "第 \(row) 行填了 \(cells) 个数字，但没有项目或指标名称，未作为项目读取和核对（请补上名称，或确认这一行不是项目）"
        case .doubtfulReading(let reading, let checks, let failing):
            return "表格的读法可能不对：按这种读法（\(reading)），\(checks) 处可核对的完成率和合计中有 \(failing) 处对不上，且没有哪种读法能让多数数字相符；这些差异不逐条列出。请核对读法"
        case .sheetMissing(let name): return "工作簿列出了工作表“\(name)”，但文件中没有它的内容（文件可能不完整），该表未读取"
        case .noPreviousTable(let file): return "上期报表 \(file) 中没有与本表相同的项目，未做上期对比"
        case .conflictingValues(let label, let other, let otherValue, let value):
            return "\(label)为 \(Quantity.format(value))，而 \(other) 为 \(Quantity.format(otherValue))，两个文件的数字不一致（汇总表采用 \(other) 的数字）"
        case .missingItem(let item): return "分解表的“\(item)”不在这份报表中（可能被删除了），该项未汇总"
        case .duplicateReturnRow(let firstRow): return "与第 \(firstRow) 行是同一项目，采用第 \(firstRow) 行"
        case .completionImplausible(let completed, let target):
            return "完成数 \(Quantity.format(completed)) 是目标 \(Quantity.format(target)) 的 \(Quantity.format(RateCheck.round(completed / target, 1, .plain))) 倍，请核实是否多填了位数或填错了单位"
        case .rateImplausible(let shown): return "完成率 \(shown) 超过 300%，请核实"
        case .percentInCountColumn(let label, let shown): return "\(label)填的是百分比 \(shown)，这一列应填数量"
        case .countInRateColumn(let shown): return "完成率一列填的是数量 \(shown)，应填百分比"
        }
    }
}

/// Makes the findings of one sheet of one file: every finding of a job goes through one of
/// these, so that code, severity, wording and place are set the same way everywhere.
///
/// ```swift
/// var findings = FindingBuilder(file: "a.xlsx", sheet: "Sheet1")
/// findings.add(.negative(label: "目标", value: -3), cell: "E7", row: 7, item: "就业")
/// ```
struct FindingBuilder: Sendable {
    /// The file (as given).
    var file: String
    /// The sheet.
    var sheet: String?
    /// The findings so far, in the order added.
    private(set) var findings: [Finding] = []

    /// Creates one for a file and sheet.
    init(file: String, sheet: String?) {
        self.file = file
        self.sheet = sheet
    }

    /// Adds a finding; figures are given exactly and reported as numbers.
    mutating func add(
        _ message: FindingMessage, cell: String? = nil, row: Int? = nil, item: String? = nil, area: String? = nil,
        expected: Decimal? = nil, actual: Decimal? = nil
    ) {
        findings.append(
            Finding(
                code: message.code, severity: message.severity, file: file, sheet: sheet, cell: cell, row: row, item: item,
                area: area, expected: expected.flatMap { Double(Quantity.format($0)) },
                actual: actual.flatMap { Double(Quantity.format($0)) }, message: message.text))
    }

    /// Adds findings made elsewhere.
    mutating func append(contentsOf other: [Finding]) {
        findings += other
    }

    /// Sorts by row, then cell (stable: findings of one cell keep their order).
    mutating func sortByPlace() {
        findings = findings.enumerated().sorted { a, b in
            let ka = (a.element.row ?? 0, a.element.cell ?? "")
            let kb = (b.element.row ?? 0, b.element.cell ?? "")
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }
}
