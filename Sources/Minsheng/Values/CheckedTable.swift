import Foundation
import Synchronization
import XLSXReader

/// A recognized table prepared for the rules: each item row's value cells read as figures once,
/// the columns that hold figures, the counties it names, and where each item first appears.
struct CheckedTable: Sendable {
    /// The table.
    let table: RecognizedTable
    /// The date for 序时进度, if given.
    let asOf: AsOfDate?
    /// Each item row with its values read as figures.
    var rows: [CheckedRow] { prepared.rows }

    /// Every body row of the table in order, each item with its checked row (the items of
    /// `table.rows` and `rows` are in the same order): for rules that read items among the
    /// headings and totals around them.
    var bodyRows: [(row: TableRow, checked: CheckedRow?)] {
        var next = 0
        return table.rows.map { row in
            guard row.kind == .item, next < rows.count else { return (row, nil) }
            next += 1
            return (row, rows[next - 1])
        }
    }
    /// Value columns whose cells are mostly figures: text there is an `unparsed-value`.
    var numericColumns: Set<Int> { prepared.numericColumns }
    /// The counties and districts a `每个县区` refers to.
    var counties: [String] { prepared.counties.value }
    /// The first row (zero-based) of each item key.
    var firstRowOfKey: [ItemKey: Int] { prepared.firstRowOfKey }
    /// In a table with one row per area (a 县区 column): each item's area rows (not its total
    /// row), as indices into `rows`, by the item's key without the area.
    var areaRowsOfItem: [ItemKey: [Int]] { prepared.areaRowsOfItem }
    /// The value column of each measure and area, looked up once per table.
    var columns: ValueColumns { prepared.columns }
    /// The layout's areas (`TableLayout.areas`), listed once per table rather than once per row
    /// and measure.
    var areas: [String] { prepared.areas }
    /// The rows read and what was found from them, made once per reading of a table.
    let prepared: Prepared
    /// The breakdowns of long target texts, read once per stored string (a 3 MB text repeated in
    /// every row is parsed once, not once per row).
    let breakdowns = BreakdownMemo()

    /// Reads every item row of `table` (or takes them as the reading's judge read them).
    init(_ table: RecognizedTable, asOf: AsOfDate? = nil) {
        self.table = table
        self.asOf = asOf
        // Read once: the rows the reading's judge read are the same rows under the same layout.
        prepared = table.prepared ?? Prepared(table)
    }

    /// What preparing a table finds, independent of the date: kept with the table by the
    /// reading's judge (`RecognizedTable.prepared`), so that the checker, which prepares the
    /// same table again with its date, reads no row and recounts nothing twice.
    struct Prepared: Sendable {
        var rows: [CheckedRow]
        var numericColumns: Set<Int>
        /// Found when first asked: only a `每个县区` breakdown needs them.
        var counties: CountiesMemo
        var firstRowOfKey: [ItemKey: Int]
        var areaRowsOfItem: [ItemKey: [Int]]
        var columns: ValueColumns
        var areas: [String]
        /// With the areas in columns: for each measure, the areas that have a column of it.
        var areasWithColumn: (target: [String], completed: [String], rate: [String])

        init(_ table: RecognizedTable) {
            counties = CountiesMemo(table)
            let areas = table.layout.areas
            self.areas = areas
            let columns = ValueColumns(table.layout)
            self.columns = columns
            func withColumn(_ measure: Measure) -> [String] { areas.filter { columns.column(ValueKey(measure, area: $0)) != nil } }
            areasWithColumn = (withColumn(.target), withColumn(.completed), withColumn(.rate))
            let memo = ValueMemo()
            let rows = table.items.map {
                CheckedRow(row: $0, values: CheckedTable.readValues($0, columns: columns, words: table.words.quantities, memo: memo))
            }
            self.rows = rows
            numericColumns = CheckedTable.numericColumns(rows)
            // (At its size at once: grown step by step, it was rehashed as it filled.)
            var first = [ItemKey: Int](minimumCapacity: rows.count)
            for row in rows where first[row.key] == nil && !row.key.isEmpty { first[row.key] = row.row.row }
            firstRowOfKey = first
            var areaRows: [ItemKey: [Int]] = [:]
            for (index, row) in rows.enumerated() where row.row.areaName != nil && !row.row.areaIsTotal {
                areaRows[row.key.in(area: nil), default: []].append(index)
            }
            areaRowsOfItem = areaRows
        }
    }

    /// The columns where figures are at least as many as texts no figure was read from.
    /// (Counted in arrays by column where the columns are few, as they are in a table: hashing
    /// every value's column cost more than the counting.)
    static func numericColumns(_ rows: [CheckedRow]) -> Set<Int> {
        var widest = 0
        for row in rows {
            for value in row.values.values { widest = max(widest, value.cell.reference.column) }
        }
        guard widest < 1_024 else { return numericColumnsByHashing(rows) }
        var figures = [Int](repeating: 0, count: widest + 1)
        var texts = [Int](repeating: 0, count: widest + 1)
        for row in rows {
            for value in row.values.values {
                switch value.quantity {
                case .quantity: figures[value.cell.reference.column] += 1
                case .unparsed: texts[value.cell.reference.column] += 1
                default: break
                }
            }
        }
        var result = Set<Int>()
        for column in figures.indices where figures[column] > 0 && figures[column] >= texts[column] { result.insert(column) }
        return result
    }

    private static func numericColumnsByHashing(_ rows: [CheckedRow]) -> Set<Int> {
        var figures: [Int: Int] = [:]
        var texts: [Int: Int] = [:]
        for row in rows {
            for value in row.values.values {
                let column = value.cell.reference.column
                switch value.quantity {
                case .quantity: figures[column, default: 0] += 1
                case .unparsed: texts[column, default: 0] += 1
                default: break
                }
            }
        }
        return Set(figures.compactMap { column, count in count >= texts[column, default: 0] ? column : nil })
    }

    /// The values of one row, each cell read once under the one unit rule (`ValueReading.unit`).
    static func readValues(
        _ row: TableRow, layout: TableLayout, words: QuantityWords, memo: ValueMemo = ValueMemo()
    ) -> [ValueKey: ReadValue] {
        readValues(row, columns: ValueColumns(layout), words: words, memo: memo)
    }

    static func readValues(_ row: TableRow, columns: ValueColumns, words: QuantityWords, memo: ValueMemo) -> [ValueKey: ReadValue] {
        // (Made at its size: `reserveCapacity` on an empty dictionary runs the standard library's
        // unspecialized resize.)
        var result = [ValueKey: ReadValue](minimumCapacity: row.values.count)
        // The 单位 column's unit, read once per row (not once per value).
        let rowUnit = row.unit.flatMap(ValueReading.unitText)
        // Whether the row has text and other cells: only then may a figure's written scale be settled.
        var sawText = false
        var sawOther = false
        for (key, cell) in row.values {
            let column = row.group.map { $0.column(key.measure) } ?? columns.column(key)
            let headerUnit = ValueReading.unit(measure: key.measure, headerUnit: column?.unit, rowUnit: rowUnit)
            if case .string(let text) = cell.value {
                sawText = true
                // A long text is read once per stored string, measure and header unit, not once per cell.
                let memoized = memo.texts(key.measure, headerUnit).value(text) { _ in
                    let read = ValueReading.read(cell, measure: key.measure, headerUnit: headerUnit, words: words)
                    return (read.quantity, read.printedDecimals)
                }
                result[key] = ReadValue(cell: cell, quantity: memoized.0, printedDecimals: memoized.1)
            } else {
                sawOther = true
                result[key] = ValueReading.read(cell, measure: key.measure, headerUnit: headerUnit, words: words)
            }
        }
        // (A written figure is settled only beside one typed as a number: `WrittenScale`.)
        if sawText && sawOther { WrittenScale.settle(&result) }
        return result
    }

    /// Values read from long texts, per measure and header unit.
    final class ValueMemo {
        private struct Key: Hashable {
            var measure: Measure
            var unit: String?
        }
        private var memos: [Key: TextMemo<(CellQuantity, Int)>] = [:]

        func texts(_ measure: Measure, _ unit: String?) -> TextMemo<(CellQuantity, Int)> {
            let key = Key(measure: measure, unit: unit)
            if let memo = memos[key] { return memo }
            let memo = TextMemo<(CellQuantity, Int)>()
            memos[key] = memo
            return memo
        }
    }

    /// The column of a measure for an area (nil: the total).
    func column(for key: ValueKey) -> LayoutColumn? { columns.column(key) }

    /// The column of a measure for an area in a row: with the areas in rows, the row's own
    /// group's column when the area (or the total) has a row, its header naming the area
    /// (`全市目标任务`); else `column(for:)`.
    func column(for key: ValueKey, in row: CheckedRow) -> LayoutColumn? {
        guard let group = row.row.group else { return column(for: key) }
        guard var column = group.column(key.measure), let areaRow = table.layout.areaRows?.row(of: key.area) else { return nil }
        // (合计 of a column headed 合计 is named once.)
        let label = HeaderText.normalize(areaRow.label)
        if !column.header.hasPrefix(label) { column.header = label + column.header }
        return column
    }

    /// The areas that have a column of `measure` in a row (`column(for:in:)` not nil), in the
    /// layout's order: with the areas in columns, the same for every row and found once.
    func areas(of measure: Measure, in row: CheckedRow) -> [String] {
        if row.row.group == nil {
            let withColumn: [String]
            switch measure {
            case .target: withColumn = prepared.areasWithColumn.target
            case .completed: withColumn = prepared.areasWithColumn.completed
            case .rate: withColumn = prepared.areasWithColumn.rate
            }
            // (An indicator's completion on the row under its target, in the target's columns:
            // `MeasureRows`. Its areas are those it has figures for.)
            if withColumn.isEmpty, row.row.values.keys.contains(where: { $0.measure == measure && $0.area != nil }) {
                return areas.filter { row.row.values[ValueKey(measure, area: $0)] != nil }
            }
            return withColumn
        }
        return areas.filter { column(for: ValueKey(measure, area: $0), in: row) != nil }
    }

    /// The cell of a value in a row: the cell read, or where it belongs when blank (with the
    /// areas in rows: in the area's row of the row's group).
    func a1(_ row: CheckedRow, _ key: ValueKey) -> String? {
        if let cell = row.row.values[key] { return cell.reference.a1 }
        if row.row.group != nil {
            guard let column = column(for: key, in: row), let areaRow = table.layout.areaRows?.row(of: key.area) else { return nil }
            return CellReference(row: areaRow.row, column: column.column + areaRow.shift).a1
        }
        return column(for: key).map { CellReference(row: row.row.row, column: $0.column).a1 }
    }

    /// A builder for this table's findings.
    func builder() -> FindingBuilder { FindingBuilder(file: table.file, sheet: table.sheet.name) }
}

/// One item row with its values read.
///
/// Its parts are kept in one immutable box, as `ReadValue`'s are: every rule walks the rows, and
/// a copy of a row (its cells, texts, values and key, a few dozen references) cost more retains
/// and releases than the rules' own work; a copy of the box is one.
struct CheckedRow: Sendable {
    private final class Storage: Sendable {
        let row: TableRow
        let values: [ValueKey: ReadValue]
        let key: ItemKey

        init(row: TableRow, values: [ValueKey: ReadValue], key: ItemKey) {
            self.row = row
            self.values = values
            self.key = key
        }
    }

    private let storage: Storage

    /// The row.
    var row: TableRow { storage.row }
    /// Its value cells as figures.
    var values: [ValueKey: ReadValue] { storage.values }

    /// The item's key.
    var key: ItemKey { storage.key }

    /// Creates one from its parts.
    init(row: TableRow, values: [ValueKey: ReadValue]) {
        storage = Storage(row: row, values: values, key: ItemKey(row))
    }

    /// The figure of a value, if it is one.
    func figure(_ key: ValueKey) -> Quantity? { values[key]?.quantity.quantity }

    /// 目标 / 完成数 / 完成率, with the area in front (`涡阳县目标`).
    static func label(_ key: ValueKey) -> String {
        let measure: String
        switch key.measure {
        case .target: measure = "目标"
        case .completed: measure = "完成数"
        case .rate: measure = "完成率"
        }
        return (key.area ?? "") + measure
    }
}

extension FindingBuilder {
    /// Adds a finding about a table row: its item name, and the one-based row of the cell (an
    /// item's cells are in its row, except with the areas in rows), else of the row.
    mutating func add(
        _ message: FindingMessage, _ row: CheckedRow, cell: String?, area: String? = nil, expected: Decimal? = nil,
        actual: Decimal? = nil
    ) {
        let number = cell.flatMap { CellReference($0) }.map { $0.row + 1 } ?? row.row.row + 1
        add(message, cell: cell, row: number, item: row.row.itemName, area: area, expected: expected, actual: actual)
    }
}

/// The value columns of a layout by measure and area, found once per table rather than by a
/// scan of the columns for every value (`TableLayout.column(_:area:)`, whose answer this is).
struct ValueColumns: Sendable {
    private let layout: TableLayout
    /// With the areas in columns: the first column of each measure and area.
    private let byKey: [ValueKey: LayoutColumn]?

    init(_ layout: TableLayout) {
        self.layout = layout
        guard layout.areaRows == nil else {
            byKey = nil
            return
        }
        var found = [ValueKey: LayoutColumn](minimumCapacity: layout.columns.count)
        // The first column listed at each index, in a dictionary made at its size.
        var columnsByIndex = [Int: LayoutColumn](minimumCapacity: layout.columns.count)
        for column in layout.columns where columnsByIndex[column.column] == nil { columnsByIndex[column.column] = column }
        for (key, column) in TableReader.valueKeys(layout) where found[key] == nil {
            found[key] = columnsByIndex[column]
        }
        byKey = found
    }

    /// The column of a measure for an area (nil: the total), as `TableLayout.column` finds it.
    func column(_ key: ValueKey) -> LayoutColumn? {
        guard let byKey else { return layout.column(key.measure, area: key.area) }
        return byKey[key]
    }
}

/// A table's `countiesMentioned`, found once, when first asked (most tables never are: their
/// texts name no `每个县区`).
final class CountiesMemo: Sendable {
    private let table: RecognizedTable
    private let found = Mutex<[String]?>(nil)

    init(_ table: RecognizedTable) {
        self.table = table
    }

    /// The counties and districts the table names.
    var value: [String] {
        if let known = found.withLock({ $0 }) { return known }
        let counties = table.countiesMentioned
        found.withLock { $0 = counties }
        return counties
    }
}

/// Breakdowns of long texts by stored string, for one table's rules (one table is checked by
/// one task at a time).
final class BreakdownMemo: @unchecked Sendable {
    private let memo = TextMemo<[Breakdown]>()

    /// `parse(text)`, from the memo when this text's storage was parsed before.
    func value(_ text: String, _ parse: (String) -> [Breakdown]) -> [Breakdown] {
        memo.value(text, parse)
    }
}
