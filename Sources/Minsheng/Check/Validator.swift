import Foundation
import XLSXReader

/// Checks a recognized table: totals against the sum of their areas, reported rates against
/// completed ÷ target, and the values themselves. Produces findings, never throws.
public struct Validator: Sendable {
    /// The date for 序时进度, if given.
    public var asOf: AsOfDate?

    /// Creates one from its parts.
    public init(asOf: AsOfDate? = nil) {
        self.asOf = asOf
    }

    /// Every finding of the table, in row order.
    public func findings(for table: RecognizedTable) -> [Finding] {
        var run = Run(table: table, asOf: asOf)
        run.checkAll()
        return run.findings
    }
}

/// One validation pass over one table.
private struct Run {
    let table: RecognizedTable
    let asOf: AsOfDate?
    var findings: [Finding] = []
    /// Value columns whose cells are mostly figures: text there is an `unparsed-value`.
    var numericColumns: Set<Int>
    /// The counties and districts a `每个县区` refers to.
    let counties: [String]

    /// Each item row's value cells read as figures (once, reused by every check).
    var readRows: [(TableRow, [ValueKey: ReadValue])] = []

    init(table: RecognizedTable, asOf: AsOfDate?) {
        self.table = table
        self.asOf = asOf
        counties = table.countiesMentioned
        numericColumns = []
        readRows = table.items.map { ($0, readValues($0)) }
        var figures: [Int: Int] = [:]
        var texts: [Int: Int] = [:]
        for (_, values) in readRows {
            for value in values.values {
                let column = value.cell.reference.column
                switch value.quantity {
                case .quantity: figures[column, default: 0] += 1
                case .unparsed: texts[column, default: 0] += 1
                default: break
                }
            }
        }
        numericColumns = Set(figures.compactMap { column, count in count >= texts[column, default: 0] ? column : nil })
    }

    mutating func checkAll() {
        var seen: [String: Int] = [:]
        for (row, values) in readRows {
            checkValues(row, values)
            checkTotals(row, values, measure: .target, code: .totalMismatch)
            checkTotals(row, values, measure: .completed, code: .completedTotalMismatch)
            checkProseBreakdowns(row)
            checkRates(row, values)
            checkMissingTargets(row, values)
            checkSchedule(row, values)
            checkDuplicate(row, &seen)
        }
        findings.sort { ($0.row ?? 0, $0.cell ?? "") < ($1.row ?? 0, $1.cell ?? "") }
    }

    // MARK: - Reading

    func column(for key: ValueKey) -> LayoutColumn? { table.layout.column(key.measure, area: key.area) }

    func readValues(_ row: TableRow) -> [ValueKey: ReadValue] {
        var result: [ValueKey: ReadValue] = [:]
        for (key, cell) in row.values {
            let headerUnit = column(for: key)?.unit ?? (key.measure == .rate ? nil : row.unit.flatMap(Run.unitText))
            result[key] = ValueReading.read(cell, measure: key.measure, headerUnit: headerUnit)
        }
        return result
    }

    /// A 单位 column's text as a unit (`人`, `万元`), or nil for something longer.
    static func unitText(_ text: String) -> String? {
        let normalized = HeaderText.normalize(text)
        return normalized.isEmpty || normalized.count > 6 || normalized.contains(where: \.isNumber) ? nil : normalized
    }

    func figure(_ values: [ValueKey: ReadValue], _ key: ValueKey) -> Quantity? {
        values[key]?.quantity.quantity
    }

    func a1(_ row: TableRow, _ key: ValueKey) -> String? {
        if let cell = row.values[key] { return cell.reference.a1 }
        return column(for: key).map { CellReference(row: row.row, column: $0.column).a1 }
    }

    mutating func add(
        _ code: FindingCode, _ severity: Severity, _ row: TableRow, cell: String?, area: String? = nil,
        expected: Decimal? = nil, actual: Decimal? = nil, _ message: String
    ) {
        findings.append(
            Finding(
                code: code, severity: severity, file: table.file, sheet: table.sheet.name, cell: cell, row: row.row + 1,
                item: row.itemName, area: area, expected: expected.flatMap { Double(Quantity.format($0)) },
                actual: actual.flatMap { Double(Quantity.format($0)) }, message: message))
    }

    static func text(_ value: Decimal) -> String { Quantity.format(value) }

    func label(_ key: ValueKey) -> String {
        let measure: String
        switch key.measure {
        case .target: measure = "目标"
        case .completed: measure = "完成数"
        case .rate: measure = "完成率"
        }
        return (key.area ?? "") + measure
    }

    // MARK: - Checks

    mutating func checkValues(_ row: TableRow, _ values: [ValueKey: ReadValue]) {
        for key in values.keys.sorted() {
            guard let value = values[key] else { continue }
            let cell = value.cell.reference.a1
            if value.cell.value == .formulaWithoutValue {
                add(.formulaWithoutValue, .warning, row, cell: cell, area: key.area, "\(label(key))是公式但没有计算结果（请在 Excel/WPS 中打开并保存后再报送）")
                continue
            }
            switch value.quantity {
            case .unparsed(let raw) where numericColumns.contains(value.cell.reference.column):
                add(.unparsedValue, .warning, row, cell: cell, area: key.area, "\(label(key))“\(raw)”不是数值")
            case .quantity(let q) where q.value < 0 && key.measure != .rate:
                add(.negativeValue, .error, row, cell: cell, area: key.area, actual: q.value, "\(label(key))为负数 \(Run.text(q.value))")
            default:
                break
            }
        }
    }

    mutating func checkTotals(_ row: TableRow, _ values: [ValueKey: ReadValue], measure: Measure, code: FindingCode) {
        let areas = table.layout.areas.filter { column(for: ValueKey(measure, area: $0)) != nil }
        guard !areas.isEmpty, let total = figure(values, ValueKey(measure)) else { return }
        var sum = Decimal(0)
        var blank: [String] = []
        var counted = 0
        for area in areas {
            switch values[ValueKey(measure, area: area)]?.quantity {
            case .quantity(let q)?:
                sum += q.value
                counted += 1
            case .notApplicable?: break
            case nil: blank.append(area)
            default: return  // text or qualitative: reported by checkValues, not summed
            }
        }
        guard counted > 0 else { return }
        let totalCell = a1(row, ValueKey(measure))
        let header = column(for: ValueKey(measure))?.header ?? label(ValueKey(measure))
        if let first = blank.first {
            // Points at the first blank area cell, where the missing figure belongs.
            add(
                .breakdownIncomplete, .warning, row, cell: a1(row, ValueKey(measure, area: first)), area: first,
                expected: nil, actual: total.value,
                "\(blank.joined(separator: "、"))的\(measure == .target ? "目标" : "完成数")为空，无法核对合计 \(Run.text(total.value))")
            return
        }
        if !Quantity.equal(sum, total.value) {
            add(
                code, .error, row, cell: totalCell, expected: sum, actual: total.value,
                "\(HeaderText.normalize(header)) \(Run.text(total.value)) 与各县区合计 \(Run.text(sum)) 不一致")
        }
    }

    mutating func checkProseBreakdowns(_ row: TableRow) {
        guard let cell = row.values[ValueKey(.target)], case .string(let text) = cell.value else { return }
        for breakdown in BreakdownParser.parse(text) {
            guard let total = breakdown.total else { continue }
            var sum = breakdown.areas.reduce(Decimal(0)) { $0 + $1.value.value }
            if let each = breakdown.each {
                let listed = Set(breakdown.areas.map(\.area))
                let others = counties.filter { !listed.contains($0) }
                guard !others.isEmpty else { continue }
                sum += each.value * Decimal(others.count)
            }
            if !Quantity.equal(sum, total.value) {
                add(
                    .totalMismatch, .error, row, cell: cell.reference.a1, expected: sum, actual: total.value,
                    "目标 \(Run.text(total.value)) 与其中各县区合计 \(Run.text(sum)) 不一致（\(breakdown.clause)）")
            }
        }
    }

    mutating func checkRates(_ row: TableRow, _ values: [ValueKey: ReadValue]) {
        for (key, rate) in values where key.measure == .rate {
            guard let reported = rate.quantity.quantity, reported.isPercent,
                let target = figure(values, ValueKey(.target, area: key.area)),
                let completed = figure(values, ValueKey(.completed, area: key.area))
            else { continue }
            let verdict = RateCheck.compare(
                reported: reported.value, decimals: rate.printedDecimals, completed: completed.value, target: target.value)
            let shown = "\(Run.text(reported.value))%"
            func computed(_ expected: Decimal) -> String {
                "\(Run.text(completed.value))÷\(Run.text(target.value)) = \(Quantity.format(RateCheck.round(expected, 2, .plain)))%"
            }
            switch verdict {
            case .consistent, .notCheckable: break
            case .truncationOnly(let expected):
                add(
                    .rateMismatch, .warning, row, cell: rate.cell.reference.a1, area: key.area,
                    expected: RateCheck.round(expected, 2, .plain), actual: reported.value,
                    "完成率 \(shown) 是截尾值，按四舍五入应为 \(Quantity.format(RateCheck.round(expected, rate.printedDecimals, .plain)))%（\(computed(expected))）")
            case .nearMiss(let expected):
                add(
                    .rateMismatch, .warning, row, cell: rate.cell.reference.a1, area: key.area,
                    expected: RateCheck.round(expected, 2, .plain), actual: reported.value,
                    "完成率 \(shown) 与计算值略有出入（\(computed(expected))）")
            case .mismatch(let expected):
                add(
                    .rateMismatch, .error, row, cell: rate.cell.reference.a1, area: key.area,
                    expected: RateCheck.round(expected, 2, .plain), actual: reported.value,
                    "报送完成率 \(shown) 与 完成数÷目标 不一致（\(computed(expected))）")
            }
        }
    }

    /// A completion whose target cell is blank (a `——` target says there is none, on purpose).
    /// The finding points at the blank target cell, where the figure belongs.
    mutating func checkMissingTargets(_ row: TableRow, _ values: [ValueKey: ReadValue]) {
        for (key, value) in values where key.measure == .completed {
            guard let completed = value.quantity.quantity, completed.value != 0 else { continue }
            let targetKey = ValueKey(.target, area: key.area)
            guard column(for: targetKey) != nil, values[targetKey] == nil else { continue }
            add(
                .missingTarget, .warning, row, cell: a1(row, targetKey), area: key.area, actual: completed.value,
                "有完成数 \(Run.text(completed.value)) 但目标为空")
        }
    }

    mutating func checkSchedule(_ row: TableRow, _ values: [ValueKey: ReadValue]) {
        guard let asOf else { return }
        let schedule = Decimal(asOf.scheduleShare)
        for (key, value) in values where key.measure == .completed {
            guard let completed = value.quantity.quantity,
                let target = figure(values, ValueKey(.target, area: key.area)), target.value > 0
            else { continue }
            let share = completed.value / target.value
            if share < schedule {
                add(
                    .behindSchedule, .warning, row, cell: value.cell.reference.a1, area: key.area,
                    expected: RateCheck.round(schedule * 100, 2, .plain), actual: RateCheck.round(share * 100, 2, .plain),
                    "完成 \(Quantity.format(RateCheck.round(share * 100, 1, .plain)))%，低于截至\(asOf.chinese)的序时进度 \(Quantity.format(RateCheck.round(schedule * 100, 1, .plain)))%")
            }
        }
    }

    mutating func checkDuplicate(_ row: TableRow, _ seen: inout [String: Int]) {
        let key = [row.project, row.indicator, row.areaName].map { HeaderText.normalize($0 ?? "") }.joined(separator: "|")
        guard key != "||" else { return }
        if let first = seen[key] {
            let column = table.layout.column(.indicator)?.column ?? table.layout.column(.project)?.column ?? 0
            add(
                .duplicateItem, .warning, row, cell: CellReference(row: row.row, column: column).a1,
                "与第 \(first + 1) 行是同一项目（\(row.itemName)）")
        } else {
            seen[key] = row.row
        }
    }
}
