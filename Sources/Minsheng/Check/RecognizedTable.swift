import XLSXReader

/// A table read from one sheet of one workbook: its layout and body rows.
public struct RecognizedTable: Sendable {
    /// The workbook path as given.
    public var file: String
    /// The sheet it was read from.
    public var sheet: Sheet
    /// Header rows and column meanings.
    public var layout: TableLayout { didSet { forgetReadRows() } }
    /// Body rows (items, sections, footers).
    public var rows: [TableRow] {
        didSet {
            forgetReadRows()
            items = Self.items(of: rows)
        }
    }
    /// The engine's words its values and prose are read with.
    public var words: ValueWords
    /// What minsheng output the workbook is (`标准进度表`), when it is one of ours.
    public var ownOutput: String? = nil
    /// Sheets the workbook lists whose content is missing from the file (not read).
    public var missingSheets: [String] = []
    /// How the reading was chosen and what the figures say under it (nil: not measured).
    public var choice: ReadingChoice? = nil
    /// The item rows with their values read and what was counted from them, when the reading's
    /// judge already prepared the table (the checker reuses them rather than reading every value
    /// again).
    var prepared: CheckedTable.Prepared? = nil
    /// What the judge's rules found in those rows (reused by the validator with them).
    var ruleFindings: RuleFindings? = nil

    private mutating func forgetReadRows() {
        prepared = nil
        ruleFindings = nil
    }

    /// The item rows (picked once per change of `rows`: every stage asks for them).
    public private(set) var items: [TableRow]

    /// A table read from a sheet: its layout and body rows.
    init(file: String, sheet: Sheet, layout: TableLayout, rows: [TableRow], words: ValueWords) {
        self.file = file
        self.sheet = sheet
        self.layout = layout
        self.rows = rows
        self.words = words
        items = Self.items(of: rows)
    }

    private static func items(of rows: [TableRow]) -> [TableRow] { rows.filter { $0.kind == .item } }

    /// Counties and districts (县, 区; not 高新区, 经开区, 市本级: `AreaEndings`) the table names, in
    /// its area columns or its prose breakdowns: what `每个县区` refers to.
    public var countiesMentioned: [String] {
        var names = layout.areas
        // A long text is parsed once per stored string, not once per cell.
        let parsed = TextMemo<[String]>()
        for row in items {
            for cell in row.values.values {
                guard case .string(let text) = cell.value else { continue }
                let areas = parsed.value(text) { text in BreakdownParser.parse(text, words: words).flatMap { $0.areas.map(\.area) } }
                for area in areas where !names.contains(area) { names.append(area) }
            }
        }
        return names.filter(words.areas.isCounty)
    }
}

/// How to find the table in a workbook.
public struct RecognitionOptions: Sendable {
    /// Read this sheet (even a hidden one) instead of choosing.
    public var sheetName: String?
    /// Use this layout instead of recognizing one.
    public var layoutOverride: LayoutOverride?
    /// How to open the file (legacy formats).
    public var input: InputOptions

    /// Creates one from its parts.
    public init(sheetName: String? = nil, layoutOverride: LayoutOverride? = nil, input: InputOptions = InputOptions()) {
        self.sheetName = sheetName
        self.layoutOverride = layoutOverride
        self.input = input
    }
}

/// Opens workbooks and finds their tables.
public struct TableFinder: Sendable {
    /// The words that recognize headers, areas, sections and footers.
    public let vocabulary: HeaderVocabulary
    /// Finds the header and the meaning of each column.
    public let recognizer: LayoutRecognizer
    /// Reads the body rows below the header.
    public let reader: TableReader
    /// Chooses among the readings the header words allow.
    let judge: ReadingJudge

    /// Creates one from its parts.
    public init(vocabulary: HeaderVocabulary) {
        self.vocabulary = vocabulary
        self.recognizer = LayoutRecognizer(vocabulary: vocabulary)
        self.reader = TableReader(vocabulary: vocabulary)
        self.judge = ReadingJudge(reader: reader)
    }

    /// Reads the workbook and returns its table: the named sheet, or of the visible sheets the
    /// one whose recognized table has the most items. Hidden sheets are never chosen unless named.
    /// A table of zero items is `noTableRecognized` (unless it is one of minsheng's own outputs).
    public func find(in path: String, options: RecognitionOptions = RecognitionOptions()) throws -> RecognizedTable {
        try find(in: .path(path), options: options)
    }

    /// Reads an input (a file or bytes) and returns its table, as `find(in:options:)` does.
    public func find(in source: InputSource, options: RecognitionOptions = RecognitionOptions()) throws -> RecognizedTable {
        try findAll(in: source, options: options, keepOthers: false).table
    }

    /// Reads an input and returns its table, as `find(in:options:)` does, and the tables of the
    /// workbook's other visible sheets that have items, in sheet order (none when a sheet was
    /// named, or for minsheng's own output): what `check` checks besides the chosen table.
    public func findAll(
        in source: InputSource, options: RecognitionOptions = RecognitionOptions(), keepOthers: Bool = true
    ) throws -> (table: RecognizedTable, others: [RecognizedTable]) {
        let path = source.name
        let workbook = try InputWorkbook.open(source, options: options.input)
        var (tables, seen) = try tables(in: workbook, options: options)
        // The sheet with the most items (the first of equals).
        var bestIndex: Int?
        for (index, table) in tables.enumerated() where bestIndex == nil || table.items.count > tables[bestIndex ?? 0].items.count {
            bestIndex = index
        }
        guard let bestIndex else { throw MinshengError.noTableRecognized(file: path, seenHeaders: seen) }
        var best = tables[bestIndex]
        var others: [RecognizedTable] = []
        if keepOthers {
            for (index, table) in tables.enumerated() where index != bestIndex && !table.items.isEmpty {
                others.append(table)
            }
        }
        tables.removeAll()  // only the tables returned are kept
        best.ownOutput = OutputMarker.kind(of: workbook)
        best.missingSheets = workbook.missingSheets
        // A header with no item under it is no table: never a ✓ on what was not read.
        if best.items.isEmpty && best.ownOutput == nil {
            seen += recognizer.seenTexts(best.sheet).filter { !seen.contains($0) }
            throw MinshengError.noTableRecognized(file: path, seenHeaders: seen)
        }
        if best.ownOutput != nil { others.removeAll() }
        return (best, others)
    }

    /// The table of each sheet of an opened workbook that has one, in sheet order: the named sheet,
    /// or the visible sheets (all when none is visible), leaving out a listed sheet whose content
    /// is missing unless it was asked for; and the header texts of the sheets without a table.
    public func tables(in workbook: InputWorkbook, options: RecognitionOptions = RecognitionOptions()) throws
        -> (tables: [RecognizedTable], seen: [String])
    {
        let path = workbook.path
        var candidates: [SheetInfo]
        if let name = options.sheetName ?? options.layoutOverride?.sheet {
            guard let info = workbook.sheets.first(where: { $0.name == name }) else {
                throw MinshengError.unreadable(file: path, problem: .noSuchSheet(name, available: workbook.sheets.map(\.name)))
            }
            candidates = [info]
        } else {
            candidates = workbook.sheets.filter { $0.state == .visible }
            if candidates.isEmpty { candidates = workbook.sheets }
        }
        var tables: [RecognizedTable] = []
        var seen: [String] = []
        // A listed sheet whose part is missing is left out (and named), unless it was asked for.
        let missing = workbook.missingSheets
        if options.sheetName == nil, options.layoutOverride?.sheet == nil,
            candidates.contains(where: { !missing.contains($0.name) })
        {
            candidates.removeAll { missing.contains($0.name) }
        }
        for info in candidates {
            let sheet = try workbook.sheet(info)
            let table: RecognizedTable?
            if let override = options.layoutOverride {
                table = override.layout(sheet: sheet, recognizer: recognizer).map { judge.given($0, sheet: sheet, file: path) }
            } else {
                table = judge.choose(recognizer.candidates(sheet), sheet: sheet, file: path)
            }
            guard let table else {
                seen += recognizer.seenTexts(sheet).filter { !seen.contains($0) }
                continue
            }
            tables.append(table)
        }
        return (tables, seen)
    }
}
