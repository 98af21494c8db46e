/// Which figure a value column holds.
public enum Measure: String, Codable, Sendable, Hashable, CaseIterable {
    /// 目标: the annual target.
    case target
    /// 完成: what has been done.
    case completed
    /// 完成率: the reported completion rate.
    case rate
}

/// What one column of a recognized table holds.
public enum ColumnMeaning: Hashable, Sendable {
    /// A descriptive column: 序号, 项目, 指标, 单位, 牵头单位 …
    case role(HeaderRole)
    /// A figure: an area's (`area` set) or the item's overall / total one (`area` nil).
    case value(Measure, area: String?)
}

/// One recognized column.
public struct LayoutColumn: Hashable, Sendable {
    /// Zero-based column index.
    public var column: Int
    /// The header text as seen (rows joined with `/` for multi-row headers).
    public var header: String
    /// What the column holds.
    public var meaning: ColumnMeaning
    /// The unit from the header's parentheses (`投资额（万元）` → 万元), if any.
    public var unit: String?

    /// Creates one from its parts.
    public init(column: Int, header: String, meaning: ColumnMeaning, unit: String? = nil) {
        self.column = column
        self.header = header
        self.meaning = meaning
        self.unit = unit
    }
}

/// A table found in a sheet: where its header is and what each column holds.
public struct TableLayout: Hashable, Sendable {
    /// The sheet the table is on.
    public var sheetName: String
    /// Zero-based header rows (two for a multi-row header).
    public var headerRows: ClosedRange<Int>
    /// The recognized columns, left to right.
    public var columns: [LayoutColumn]

    /// Creates one from its parts.
    public init(sheetName: String, headerRows: ClosedRange<Int>, columns: [LayoutColumn]) {
        self.sheetName = sheetName
        self.headerRows = headerRows
        self.columns = columns
    }

    /// The first column with a descriptive role.
    public func column(_ role: HeaderRole) -> LayoutColumn? {
        columns.first { $0.meaning == .role(role) }
    }

    /// The first column holding a measure for an area (nil: the overall / total figure).
    public func column(_ measure: Measure, area: String?) -> LayoutColumn? {
        columns.first { $0.meaning == .value(measure, area: area) }
    }

    /// The areas with value columns, in column order.
    public var areas: [String] {
        var seen: [String] = []
        for column in columns {
            if case .value(_, let area?) = column.meaning, !seen.contains(area) { seen.append(area) }
        }
        return seen
    }

    /// Whether the table has value columns per area.
    public var hasAreaColumns: Bool { !areas.isEmpty }
}
