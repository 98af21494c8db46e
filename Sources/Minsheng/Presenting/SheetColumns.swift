import XLSXWriter

/// How a column's cells look: the body format of the sheet (thin border, centred vertically)
/// with these changes.
struct ColumnStyle: Sendable, Hashable {
    /// The Excel number format (`#,##0.##`, `0.0%`), if any.
    var numberFormat: String?
    /// Long text wraps within the cell.
    var wrap: Bool
    /// Centred horizontally.
    var centered: Bool
    /// A cell people fill in: unlocked on a protected sheet and shaded.
    var input: Bool

    /// Creates one from its parts.
    init(numberFormat: String? = nil, wrap: Bool = false, centered: Bool = false, input: Bool = false) {
        self.numberFormat = numberFormat
        self.wrap = wrap
        self.centered = centered
        self.input = input
    }

    /// Plain text.
    static let text = ColumnStyle()
    /// Text that wraps.
    static let wrapped = ColumnStyle(wrap: true)
    /// Centred text or numbers (序号, 状态).
    static let centered = ColumnStyle(centered: true)
}

/// One column of a sheet we write or read back: what it holds (its key), its header, how wide it
/// is and how its cells look.
struct SheetColumn<Key: Hashable & Sendable>: Sendable {
    /// How wide a column is.
    enum Width: Sendable, Hashable {
        /// A fixed width in character units.
        case fixed(Double)
        /// As wide as the header and the column's text (a CJK character counts two), within bounds.
        case fitting(minimum: Double, maximum: Double)
    }

    /// What the column holds; the writer and the reader name columns by key, never by position.
    var key: Key
    /// The header text.
    var header: String
    /// A label over the headers of adjacent columns with the same group (分县区: an area over its
    /// 目标 / 完成 / 完成率); nil for a column whose header stands alone.
    var group: String?
    /// The width.
    var width: Width
    /// How the cells look; nil for unformatted cells (a hidden key column).
    var style: ColumnStyle?
    /// Hidden from people (the template's key column).
    var hidden: Bool

    /// Creates one from its parts.
    init(
        _ key: Key, _ header: String, group: String? = nil, width: Width, style: ColumnStyle? = .text, hidden: Bool = false
    ) {
        self.key = key
        self.header = header
        self.group = group
        self.width = width
        self.style = style
        self.hidden = hidden
    }
}

/// The columns of one sheet in sheet order: the one place a sheet's layout is written down.
/// Its writer takes positions, headers, widths, styles and the letters of its formulas from it,
/// and the reader of that sheet the positions it reads, so adding or moving a column is one
/// edit here.
///
/// ```swift
/// let columns = ProgressSheet.columns
/// let r = 3  // one-based row, as in a formula
/// let rate = "=IFERROR(\(columns.letter(.completed))\(r)/\(columns.letter(.target))\(r),\"\")"
/// let completed = row.cells.first { $0.reference.column == columns.index(.completed) }
/// ```
struct SheetColumns<Key: Hashable & Sendable>: Sendable {
    /// The columns, left to right.
    let columns: [SheetColumn<Key>]
    private let positions: [Key: Int]

    /// Creates one from its columns, left to right; each key names one column.
    init(_ columns: [SheetColumn<Key>]) {
        var positions: [Key: Int] = [:]
        for (index, column) in columns.enumerated() {
            precondition(positions[column.key] == nil, "a sheet's columns name each key once: \(column.key)")
            positions[column.key] = index
        }
        self.columns = columns
        self.positions = positions
    }

    /// How many columns.
    var count: Int { columns.count }

    /// The zero-based index of the last column.
    var lastIndex: Int { columns.count - 1 }

    /// The headers, left to right.
    var headers: [String] { columns.map(\.header) }

    /// The zero-based position of a key's column. Every key a sheet's writer or reader asks for
    /// is one the sheet's spec lists (a programming error otherwise).
    func index(_ key: Key) -> Int {
        guard let index = positions[key] else { preconditionFailure("no column \(key) in this sheet") }
        return index
    }

    /// A key's column, with its header, width and style.
    func column(_ key: Key) -> SheetColumn<Key> { columns[index(key)] }

    /// The key of the column at a zero-based position, if there is one.
    func key(at index: Int) -> Key? { columns.indices.contains(index) ? columns[index].key : nil }

    /// The A1 letters of a key's column (`G`), for formulas.
    func letter(_ key: Key) -> String { A1.column(index(key)) }

    /// The A1 name of a key's cell in a zero-based row (`G3` for row 2).
    func cell(_ key: Key, row: Int) -> String { A1.cell(row, index(key)) }

    /// Each column's width: fixed ones as given, fitting ones to the header and the texts the
    /// sheet puts in it.
    func widths(fitting texts: (Key) -> [String]) -> [Double] {
        columns.map { column in
            switch column.width {
            case .fixed(let width): return width
            case .fitting(let minimum, let maximum):
                return ColumnWidth.fitting([column.header] + texts(column.key), minimum: minimum, maximum: maximum)
            }
        }
    }

    /// Runs of adjacent columns under one group label (or one column standing alone), left to right.
    var groups: [(label: String?, columns: ClosedRange<Int>)] {
        var runs: [(label: String?, columns: ClosedRange<Int>)] = []
        for (index, column) in columns.enumerated() {
            if let group = column.group, let last = runs.last, last.label == group, last.columns.upperBound == index - 1 {
                runs[runs.count - 1].columns = last.columns.lowerBound...index
            } else {
                runs.append((column.group, index...index))
            }
        }
        return runs
    }
}

extension XLSXWorksheet {
    /// Sets the widths (and hidden columns) of a sheet's columns: one call per column, or per run
    /// of adjacent columns of one width when `joiningEqual` (the `<col>` elements differ, not
    /// what a spreadsheet shows).
    func setColumns<Key>(_ spec: SheetColumns<Key>, widths: [Double], joiningEqual: Bool = false) throws(XLSXWriterError) {
        var first = 0
        while first < spec.count {
            var last = first
            while joiningEqual, last + 1 < spec.count, widths[last + 1] == widths[first],
                spec.columns[last + 1].hidden == spec.columns[first].hidden
            {
                last += 1
            }
            try setColumns(first, last, width: widths[first], hidden: spec.columns[first].hidden)
            first = last + 1
        }
    }
}
