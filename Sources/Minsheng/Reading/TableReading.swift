import A1Notation
import XLSXReader

/// How one table was read — the part of every report that lets a person see the reading and set
/// it right: the sheet, the header rows, each column's role, where the areas and the total are,
/// which rows became items, and what the figures said under this reading.
public struct TableReading: Sendable, Hashable {
    /// Where the areas are.
    enum Orientation: String, Sendable, Hashable {
        /// One item per row, a column (or a group of columns) per area.
        case areasInColumns = "areas-in-columns"
        /// The areas down the rows, one column or a group of columns per indicator.
        case areasInRows = "areas-in-rows"
        /// One row per area under each item (a 县区 column).
        case areaRowsPerItem = "area-rows-per-item"
        /// No areas: one row per item.
        case noAreas = "no-areas"
    }

    /// One column and what it was read as.
    struct Column: Sendable, Hashable {
        /// The column letter (`E`).
        var letter: String
        /// The header as seen.
        var header: String
        /// The role as a layout file writes it: `project`, `target`, `completed@涡阳县`,
        /// `target@total` …
        var role: String
        /// The indicator of the column's group, with the areas in rows.
        var indicator: String?
        /// The unit its figures are read in (`%`: a rate read as a percentage), if set.
        var unit: String? = nil
    }

    /// One indicator's columns, with the areas in rows.
    struct Group: Sendable, Hashable {
        /// The indicator.
        var indicator: String
        /// The project above it.
        var project: String?
        /// Its unit.
        var unit: String?
        /// The unit responsible.
        var lead: String?
        /// Its columns: letter and measure.
        var columns: [Column]
        /// The one-based row of its name.
        var row: Int
    }

    /// With the areas in rows: each indicator's columns.
    var groups: [Group] = []

    /// The sheet.
    public var sheet: String
    /// First and last header row, one-based.
    public var headerRows: ClosedRange<Int>
    /// Where the areas are.
    var orientation: Orientation
    /// With the areas in rows: whether each indicator has one column (true) or a group.
    public var oneColumnPerIndicator: Bool
    /// With the areas in rows, the width of one block of a list folded into blocks side by side.
    public var foldEvery: Int?
    /// The columns read, left to right.
    var columns: [Column]
    /// With the areas in rows: the letter of the column of area names.
    public var areaColumn: String?
    /// The areas, in the table's order.
    public var areas: [String]
    /// The total: its label and where it is (`F` for a column, `第5行` for a row); nil when none.
    public var total: (label: String, place: String)?
    /// The one-based rows of 小计 among the areas in rows, each checked against the areas above it.
    public var subtotalRows: [Int] = []
    /// The one-based rows (with the areas in rows: the header row of each indicator) of the items.
    public var itemRows: [Int]
    /// How the reading was chosen (nil: not measured).
    var choice: ReadingChoice?
    /// The first rows of the table as the sheet shows them (the header rows and up to 8 rows
    /// below, at most 20 columns, texts cut to 40 characters), for showing the reading beside
    /// the table: `(one-based row, texts by column from A)`.
    public var preview: [(row: Int, texts: [String])] = []

    public static func == (a: TableReading, b: TableReading) -> Bool {
        a.sheet == b.sheet && a.headerRows == b.headerRows && a.orientation == b.orientation && a.columns == b.columns
            && a.areas == b.areas && a.total?.label == b.total?.label && a.total?.place == b.total?.place
            && a.itemRows == b.itemRows && a.choice == b.choice && a.areaColumn == b.areaColumn && a.subtotalRows == b.subtotalRows
            && a.preview.map(\.row) == b.preview.map(\.row) && a.preview.map(\.texts) == b.preview.map(\.texts)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sheet)
        hasher.combine(itemRows)
    }

    /// The reading of a recognized table; with `preview`, its first rows too.
    init(_ table: RecognizedTable, preview withPreview: Bool = true) {
        let layout = table.layout
        sheet = table.sheet.name
        headerRows = (layout.headerRows.lowerBound + 1)...(layout.headerRows.upperBound + 1)
        choice = table.choice
        if withPreview { preview = Self.preview(table.sheet, from: layout.headerRows.lowerBound, below: layout.headerRows.upperBound) }
        areas = layout.areas
        itemRows = table.items.map { $0.row + 1 }
        if let areaRows = layout.areaRows {
            orientation = .areasInRows
            oneColumnPerIndicator = areaRows.groups.allSatisfy { $0.columns.count == 1 }
            areaColumn = Self.letter(areaRows.column)
            columns = [Column(letter: Self.letter(areaRows.column), header: layout.columns.first?.header ?? "", role: "areaName")]
            for group in areaRows.groups {
                let members = group.columns.map { column in
                    Column(
                        letter: Self.letter(column.column), header: column.header, role: Self.role(column.meaning, withAreas: false),
                        indicator: group.indicator, unit: column.unit)
                }
                columns += members
                groups.append(
                    Group(
                        indicator: group.indicator, project: group.project, unit: group.unit, lead: group.lead, columns: members,
                        row: group.headerRow + 1))
            }
            // Columns beside the groups (a year's target shown as a note), by their role.
            let grouped = Set(areaRows.groups.flatMap { $0.columns.map(\.column) } + [areaRows.column])
            for column in layout.columns where !grouped.contains(column.column) {
                columns.append(Column(letter: Self.letter(column.column), header: column.header, role: Self.role(column.meaning, withAreas: false)))
            }
            // A folded list: its further blocks repeat the first block's columns.
            foldEvery = areaRows.foldEvery
            if areaRows.foldEvery != nil {
                let first = [areaRows.column] + areaRows.groups.flatMap { $0.columns.map(\.column) }
                let firstColumns = columns
                for shift in Set(areaRows.rows.map(\.shift)).sorted() where shift > 0 {
                    for (column, index) in zip(firstColumns, first) {
                        var moved = column
                        moved.letter = Self.letter(index + shift)
                        columns.append(moved)
                    }
                }
            }
            total = areaRows.rows.first(where: { $0.area == nil }).map { ($0.label, "第\($0.row + 1)行") }
            subtotalRows = areaRows.subtotals.map { $0.row + 1 }
            itemRows = areaRows.groups.map { $0.headerRow + 1 }
        } else {
            let byArea = layout.column(.areaName) != nil
            // (`hasAreaColumns` lists the areas: asked once, not once per column.)
            let hasAreaColumns = !areas.isEmpty
            orientation = byArea ? .areaRowsPerItem : (hasAreaColumns ? .areasInColumns : .noAreas)
            oneColumnPerIndicator = false
            areaColumn = nil
            columns = layout.columns.map { column in
                Column(
                    letter: Self.letter(column.column), header: column.header,
                    role: Self.role(column.meaning, withAreas: hasAreaColumns), unit: column.unit)
            }
            if hasAreaColumns, let column = layout.columns.first(where: { $0.meaning == .value(.target, area: nil) })
                ?? layout.columns.first(where: { $0.meaning == .value(.completed, area: nil) })
            {
                total = (column.header, Self.letter(column.column))
            } else if byArea, let row = table.items.first(where: { $0.areaIsTotal }) {
                total = (row.areaName ?? "", "第\(row.row + 1)行")
                areas = Self.distinct(table.items.filter { !$0.areaIsTotal }.compactMap(\.areaName))
            } else if !byArea, let row = table.rows.first(where: { TotalRows.label(of: $0).map { $0 != TotalRows.subtotal } ?? false }) {
                // No areas: the 合计 / 总计 row of the items, above or below them.
                total = (row.footerText ?? "", "第\(row.row + 1)行")
            } else {
                total = nil
                if byArea { areas = Self.distinct(table.items.compactMap(\.areaName)) }
            }
        }
    }

    /// The header rows and up to 8 non-empty rows below them.
    static func preview(_ sheet: Sheet, from first: Int, below last: Int) -> [(row: Int, texts: [String])] {
        var result: [(row: Int, texts: [String])] = []
        var body = 0
        for row in sheet.rows where row.index >= first {
            if row.index > last {
                guard body < 8 else { break }
                body += 1
            }
            var texts: [String] = []
            for cell in row.cells where cell.reference.column < 20 {
                while texts.count < cell.reference.column { texts.append("") }
                // Cut before anything walks the text (a cell may hold megabytes).
                let text = TableReader.text(cell).map { $0.utf8.count > 120 ? String($0.prefix(40)) + "…" : $0 } ?? ""
                let newline = text.utf8.withContiguousStorageIfAvailable { $0.contains(10) } ?? text.utf8.contains(10)
                texts.append(newline ? text.replacingOccurrences(of: "\n", with: " ") : text)
            }
            result.append((row.index + 1, texts))
        }
        return result
    }

    private static func distinct(_ names: [String]) -> [String] {
        var seen: [String] = []
        for name in names where !seen.contains(name) { seen.append(name) }
        return seen
    }

    /// `E` for zero-based column 4.
    static func letter(_ column: Int) -> String { A1.column(column) }

    /// A column's meaning as a layout file writes it.
    static func role(_ meaning: ColumnMeaning, withAreas: Bool) -> String {
        switch meaning {
        case .role(let role): return role.rawValue
        case .value(let measure, let area?): return "\(measure.rawValue)@\(area)"
        case .value(let measure, nil): return withAreas ? "\(measure.rawValue)@total" : measure.rawValue
        }
    }
}
