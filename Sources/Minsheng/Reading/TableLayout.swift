/// Which figure a value column holds.
enum Measure: String, Codable, Sendable, Hashable, CaseIterable {
    /// 目标: the annual target.
    case target
    /// 完成: what has been done.
    case completed
    /// 完成率: the reported completion rate.
    case rate
}

/// What one column of a recognized table holds.
enum ColumnMeaning: Hashable, Sendable {
    /// A descriptive column: 序号, 项目, 指标, 单位, 牵头单位 …
    case role(HeaderRole)
    /// A figure: an area's (`area` set) or the item's overall / total one (`area` nil).
    case value(Measure, area: String?)
}

/// One recognized column.
struct LayoutColumn: Hashable, Sendable {
    /// Zero-based column index.
    var column: Int
    /// The header text as seen (rows joined with `/` for multi-row headers).
    var header: String
    /// What the column holds.
    var meaning: ColumnMeaning
    /// The unit from the header's parentheses (`投资额（万元）` → 万元), if any.
    var unit: String?

    /// Creates one from its parts.
    init(column: Int, header: String, meaning: ColumnMeaning, unit: String? = nil) {
        self.column = column
        self.header = header
        self.meaning = meaning
        self.unit = unit
    }
}

/// A table found in a sheet: where its header is and what each column holds.
struct TableLayout: Hashable, Sendable {
    /// The sheet the table is on.
    var sheetName: String
    /// Zero-based header rows (two for a multi-row header).
    var headerRows: ClosedRange<Int>
    /// The recognized columns, left to right.
    var columns: [LayoutColumn]
    /// For a table with the areas in rows (全市, 市本级, 东坡区 … down the first column) and each
    /// indicator in a group of columns: the area rows and the groups. Nil for the usual table
    /// with one item per row.
    var areaRows: AreaRows?

    /// Creates one from its parts.
    init(sheetName: String, headerRows: ClosedRange<Int>, columns: [LayoutColumn], areaRows: AreaRows? = nil) {
        self.sheetName = sheetName
        self.headerRows = headerRows
        self.columns = columns
        self.areaRows = areaRows
    }

    /// The first column with a descriptive role.
    func column(_ role: HeaderRole) -> LayoutColumn? {
        columns.first { $0.meaning == .role(role) }
    }

    /// The first column holding a measure for an area (nil: the overall / total figure). With
    /// the areas in rows, the first group's column of the measure (each item row has its own:
    /// `TableRow.group`).
    func column(_ measure: Measure, area: String?) -> LayoutColumn? {
        if let areaRows {
            guard area.map(areaRows.areas.contains) ?? areaRows.hasTotal else { return nil }
            return areaRows.groups.lazy.compactMap { $0.column(measure) }.first
        }
        return columns.first { $0.meaning == .value(measure, area: area) }
    }

    /// The areas with value columns, in column order (with the areas in rows: in row order).
    var areas: [String] {
        if let areaRows { return areaRows.areas }
        var seen: [String] = []
        for column in columns {
            if case .value(_, let area?) = column.meaning, !seen.contains(area) { seen.append(area) }
        }
        return seen
    }

    /// Whether the table has value columns per area.
    var hasAreaColumns: Bool { !areas.isEmpty }
}


/// One row of a table with the areas in rows.
struct AreaRow: Hashable, Sendable {
    /// Zero-based row index in the sheet.
    var row: Int
    /// The label as written (`全市`, `东坡区`).
    var label: String
    /// The area (nil: the total row, 全市 / 合计).
    var area: String?
    /// How many columns right of the layout's columns this row's cells are: a list folded into
    /// blocks side by side (乡镇 | 筛查数 | 乡镇 | 筛查数) reads its second block 2 columns on.
    var shift: Int = 0
    /// The zero-based row where the same place was named before (a place typed twice: its
    /// figures are read under their own key and the check reports the name), nil when it is
    /// named once.
    var namedFirstAt: Int? = nil

    /// Creates one from its parts.
    init(row: Int, label: String, area: String?, shift: Int = 0, namedFirstAt: Int? = nil) {
        self.row = row
        self.label = label
        self.area = area
        self.shift = shift
        self.namedFirstAt = namedFirstAt
    }

    /// Whether places named again are few enough to be places typed twice — one in four at
    /// most, among four or more — rather than another layout that lists the places again (one
    /// row per area under each item, a second table below).
    static func areTyposOnly(repeated: Int, among count: Int) -> Bool {
        repeated * 4 <= count && count >= 4
    }

    /// The rows with each place named again after its first row marked (`namedFirstAt`) and
    /// keyed apart (`市中区（第7行）`), so that both rows' figures are read and summed and
    /// neither is lost.
    static func markingRepeats(_ rows: [AreaRow]) -> [AreaRow] {
        var first: [String: Int] = [:]
        return rows.map { row in
            guard let area = row.area else { return row }
            let name = HeaderText.normalize(area)
            guard let earlier = first[name] else {
                first[name] = row.row
                return row
            }
            var repeated = row
            repeated.area = "\(area)（第\(row.row + 1)行）"
            repeated.namedFirstAt = earlier
            return repeated
        }
    }
}

/// The columns of one indicator in a table with the areas in rows: 目标任务 / 进度 / 完成比例(%)
/// under a merged indicator header (`城镇新增就业（人）`), perhaps under a project merged over
/// several indicators.
struct ColumnGroup: Hashable, Sendable {
    /// The project merged above the indicator, if any.
    var project: String?
    /// The indicator header without its unit (`城镇新增就业`).
    var indicator: String
    /// The unit from the indicator header's parentheses (`人`, `%`), if any.
    var unit: String?
    /// Zero-based row and first column of the indicator header.
    var headerRow: Int
    /// The group's value columns; each `meaning` is `.value(measure, area: nil)`.
    var columns: [LayoutColumn]
    /// The unit responsible (责任单位) named in a header row under the indicator, if any.
    var lead: String? = nil

    /// Creates one from its parts.
    init(project: String?, indicator: String, unit: String?, headerRow: Int, columns: [LayoutColumn], lead: String? = nil) {
        self.project = project
        self.indicator = indicator
        self.unit = unit
        self.headerRow = headerRow
        self.columns = columns
        self.lead = lead
    }

    /// The group's column of a measure.
    func column(_ measure: Measure) -> LayoutColumn? {
        columns.first { $0.meaning == .value(measure, area: nil) }
    }
}

/// The areas in rows and the indicator column groups of a transposed table: each group × area
/// row is a figure. Read into one `TableRow` per group whose values are keyed by area.
struct AreaRows: Hashable, Sendable {
    /// Zero-based column holding the area names.
    var column: Int
    /// The area rows (and the total row), top to bottom.
    var rows: [AreaRow]
    /// The indicator groups, left to right.
    var groups: [ColumnGroup]
    /// The width of one block when the list is folded into blocks side by side (nil: not folded).
    var foldEvery: Int? = nil
    /// Rows of 小计 among the areas beside the total (梅山 … 产业园 | 小计 | 外县 | 合计): each
    /// the sum of the areas since the total or subtotal row above it. Neither areas nor the total.
    var subtotals: [AreaRow] = []

    /// Creates one from its parts; rows named 小计 beside a total row become `subtotals`.
    init(column: Int, rows: [AreaRow], groups: [ColumnGroup], foldEvery: Int? = nil) {
        self.column = column
        (self.rows, subtotals) = Self.separatingSubtotals(rows)
        self.groups = groups
        self.foldEvery = foldEvery
    }

    /// The rows without the 小计 rows, and those: only when a total row not named 小计 (合计,
    /// 全市) is there too, so that a lone 小计 stays the total.
    static func separatingSubtotals(_ rows: [AreaRow]) -> (rows: [AreaRow], subtotals: [AreaRow]) {
        let totals = rows.filter { $0.area == nil }
        guard totals.count >= 2 else { return (rows, []) }
        let isSubtotal = { (row: AreaRow) in row.area == nil && HeaderText.normalize(row.label).contains("小计") }
        guard totals.contains(where: { !isSubtotal($0) }) else { return (rows, []) }
        return (rows.filter { !isSubtotal($0) }, rows.filter(isSubtotal))
    }

    /// The areas a subtotal row sums: those between it and the nearest total or subtotal row
    /// above it.
    func areas(summedBy subtotal: AreaRow) -> [AreaRow] {
        let above = (rows.filter { $0.area == nil } + subtotals).map(\.row).filter { $0 < subtotal.row }.max() ?? -1
        return rows.filter { $0.area != nil && $0.row > above && $0.row < subtotal.row }
    }

    /// The areas, in row order (the total row not among them).
    var areas: [String] { rows.compactMap(\.area) }

    /// Whether a total row (全市 / 合计) is among the rows.
    var hasTotal: Bool { rows.contains { $0.area == nil } }

    /// The row of an area (nil: the total row).
    func row(of area: String?) -> AreaRow? { rows.first { $0.area == area } }
}
