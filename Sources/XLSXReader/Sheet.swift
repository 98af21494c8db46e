/// Whether a sheet shows in the tab bar.
public enum SheetState: String, Sendable, Hashable {
    /// An ordinary tab.
    case visible
    /// Hidden; the user can unhide it.
    case hidden
    /// Hidden so that only code can unhide it.
    case veryHidden
}

/// The parts every sheet of a workbook shares: shared strings, cell formats, date system.
/// (`package`: Minsheng's sheet export reads cells as stored.)
package final class WorkbookParts: Sendable {
    package let sharedStrings: [String]
    package let cellFormats: [NumberFormat]
    let uses1904Dates: Bool
    /// The workbook asks to be recalculated when opened (`fullCalcOnLoad`).
    let recalculatesOnLoad: Bool

    init(sharedStrings: [String], cellFormats: [NumberFormat], uses1904Dates: Bool, recalculatesOnLoad: Bool = false) {
        self.sharedStrings = sharedStrings
        self.cellFormats = cellFormats
        self.uses1904Dates = uses1904Dates
        self.recalculatesOnLoad = recalculatesOnLoad
    }

    package func format(_ index: UInt32) -> NumberFormat {
        Int(index) < cellFormats.count ? cellFormats[Int(index)] : .general
    }
}

/// A cell as stored: 24 bytes, strings by index, no per-cell allocation.
package struct StoredCell: Sendable {
    package enum Kind: UInt8, Sendable {
        case number, sharedString, string, bool, error, isoDate, formulaWithoutValue
    }
    /// The number, the shared-string index, the index into `Sheet.texts`, or 0/1 for booleans.
    package var payload: UInt64
    package var row: UInt32
    package var style: UInt32
    package var column: UInt16
    package var kind: Kind
    var hasFormula: Bool
    /// A formula's cached 0 in a workbook that asks to be recalculated on opening.
    var placeholderResult = false

    var sortKey: UInt64 { UInt64(row) << 16 | UInt64(column) }
}

/// One worksheet: its non-empty cells (sparse), merged ranges and state.
///
/// ```swift
/// let sheet = try workbook.sheet(named: "Sheet1")
/// sheet.cell("E7")?.value        // .number(33000)
/// for row in sheet.rows { print(row.index, row.cells.count) }
/// ```
public struct Sheet: Sendable {
    /// The tab name.
    public let name: String
    /// Visible, hidden or very hidden.
    public let state: SheetState
    /// Merged ranges, as listed in the sheet.
    public let mergedRanges: [CellRange]

    package let parts: WorkbookParts
    /// Cells in row-major order, one per reference.
    package let stored: [StoredCell]
    /// Strings that are not shared (inline strings, formula results, errors, ISO dates).
    let texts: [String]
    /// Formula text by index into `stored`, when kept.
    let formulas: [Int: String]
    /// The non-empty rows, each with its non-empty cells (sparse), made once when the sheet is
    /// read: every stage of a reading walks them, many times over.
    public private(set) var rows: [Row] = []

    init(
        name: String, state: SheetState, mergedRanges: [CellRange], parts: WorkbookParts,
        stored: [StoredCell], texts: [String], formulas: [Int: String]
    ) {
        self.name = name
        self.state = state
        self.mergedRanges = mergedRanges
        self.parts = parts
        self.stored = stored
        self.texts = texts
        self.formulas = formulas
        rows = makeRows()
    }

    /// The same cells under another tab name and state (a sheet listed twice with one part).
    func named(_ name: String, state: SheetState) -> Sheet {
        Sheet(
            name: name, state: state, mergedRanges: mergedRanges, parts: parts, stored: stored, texts: texts,
            formulas: formulas)
    }

    /// The same sheet with every text (shared, inline, formula result) passed through
    /// `transform`: numbers, formats, formulas and merges as they are.
    public func mappingTexts(_ transform: (String) -> String) -> Sheet {
        // Only the shared strings this sheet uses are mapped; the others stay as they are.
        var shared = parts.sharedStrings
        var mapped = Set<Int>()
        for cell in stored where cell.kind == .sharedString {
            let index = Int(cell.payload)
            guard index < shared.count, mapped.insert(index).inserted else { continue }
            shared[index] = transform(shared[index])
        }
        let newParts = WorkbookParts(
            sharedStrings: shared, cellFormats: parts.cellFormats, uses1904Dates: parts.uses1904Dates,
            recalculatesOnLoad: parts.recalculatesOnLoad)
        var newTexts = texts
        for cell in stored where cell.kind == .string {
            let index = Int(cell.payload)
            if index < newTexts.count { newTexts[index] = transform(newTexts[index]) }
        }
        return Sheet(
            name: name, state: state, mergedRanges: mergedRanges, parts: newParts, stored: stored, texts: newTexts,
            formulas: formulas)
    }

    /// Calls `body` with each text the sheet's cells hold (shared or inline), in cell order,
    /// until it returns false.
    public func forEachText(_ body: (String) -> Bool) {
        for cell in stored {
            let text: String
            switch cell.kind {
            case .sharedString where Int(cell.payload) < parts.sharedStrings.count: text = parts.sharedStrings[Int(cell.payload)]
            case .string where Int(cell.payload) < texts.count: text = texts[Int(cell.payload)]
            default: continue
            }
            if !body(text) { return }
        }
    }

    /// How many non-empty cells the sheet holds.
    public var cellCount: Int { stored.count }

    /// One past the last used row and column (zero when the sheet is empty). Computed from the
    /// cells, never from `<dimension>`.
    public var size: (rows: Int, columns: Int) {
        var columns = 0
        for cell in stored { columns = max(columns, Int(cell.column) + 1) }
        return (stored.last.map { Int($0.row) + 1 } ?? 0, columns)
    }

    /// The cell at an A1 reference, or nil when it is empty or the text is no reference.
    public func cell(_ a1: String) -> Cell? {
        CellReference(a1).flatMap { cell(at: $0) }
    }

    /// The cell at a position, or nil when it is empty.
    public func cell(at reference: CellReference) -> Cell? {
        guard reference.row >= 0, reference.column >= 0, reference.row < CellReference.maxRows,
            reference.column < CellReference.maxColumns
        else { return nil }
        let key = UInt64(reference.row) << 16 | UInt64(reference.column)
        var low = 0
        var high = stored.count
        while low < high {
            let mid = (low + high) / 2
            if stored[mid].sortKey < key { low = mid + 1 } else { high = mid }
        }
        guard low < stored.count, stored[low].sortKey == key else { return nil }
        return makeCell(low)
    }

    /// The merged range covering a position, if any.
    public func mergedRange(containing reference: CellReference) -> CellRange? {
        mergedRanges.first { $0.contains(reference) }
    }

    /// All non-empty cells in row-major order.
    public var cells: [Cell] { stored.indices.map(makeCell) }

    /// Calls `body` with each non-empty cell in row-major order.
    public func forEachCell(_ body: (Cell) throws -> Void) rethrows {
        for index in stored.indices { try body(makeCell(index)) }
    }

    /// The rows of `stored`, each with its cells.
    private func makeRows() -> [Row] {
        var result: [Row] = []
        var current: [Cell] = []
        var currentRow = -1
        for index in stored.indices {
            let cell = makeCell(index)
            if cell.reference.row != currentRow {
                if !current.isEmpty { result.append(Row(index: currentRow, cells: current)) }
                current = []
                // Room for the row's cells: the stored cells of one row are consecutive.
                var end = index + 1
                while end < stored.endIndex && stored[end].row == stored[index].row { end += 1 }
                current.reserveCapacity(end - index)
                currentRow = cell.reference.row
            }
            current.append(cell)
        }
        if !current.isEmpty { result.append(Row(index: currentRow, cells: current)) }
        return result
    }

    package func makeCell(_ index: Int) -> Cell {
        let s = stored[index]
        let format = parts.format(s.style)
        let value: CellValue
        switch s.kind {
        case .number:
            let number = Double(bitPattern: s.payload)
            switch format.kind {
            case .date, .time, .duration:
                if let iso = ExcelDate.iso(
                    serial: number, kind: format.kind, dateOnly: format.isDateOnly, uses1904: parts.uses1904Dates)
                {
                    value = .date(iso: iso, serial: number)
                } else {
                    value = .number(number)
                }
            default:
                value = .number(number)
            }
        case .sharedString: value = .string(parts.sharedStrings[Int(s.payload)])
        case .string: value = .string(texts[Int(s.payload)])
        case .bool: value = .bool(s.payload != 0)
        case .error: value = .error(texts[Int(s.payload)])
        case .isoDate: value = .date(iso: texts[Int(s.payload)], serial: nil)
        case .formulaWithoutValue: value = .formulaWithoutValue
        }
        return Cell(
            reference: CellReference(row: Int(s.row), column: Int(s.column)), value: value, format: format,
            // (Most sheets keep no formula: no look-up by index for every cell of those.)
            hasFormula: s.hasFormula, formula: formulas.isEmpty ? nil : formulas[index], placeholderResult: s.placeholderResult)
    }
}

/// A non-empty row and its non-empty cells.
public struct Row: Sendable {
    /// Zero-based row index.
    public var index: Int
    /// The non-empty cells, left to right.
    public var cells: [Cell]
}
