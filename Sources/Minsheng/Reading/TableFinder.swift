import XLSXReader

/// Opens workbooks and finds their tables.
struct TableFinder: Sendable {
    /// The words that recognize headers, areas, sections and footers.
    let vocabulary: HeaderVocabulary
    /// Finds the header and the meaning of each column.
    let recognizer: LayoutRecognizer
    /// Reads the body rows below the header.
    let reader: TableReader
    /// Chooses among the readings the header words allow.
    let judge: ReadingJudge

    /// Creates one from its parts.
    init(vocabulary: HeaderVocabulary) {
        self.vocabulary = vocabulary
        self.recognizer = LayoutRecognizer(vocabulary: vocabulary)
        self.reader = TableReader(vocabulary: vocabulary)
        self.judge = ReadingJudge(reader: reader)
    }

    /// Reads the workbook and returns its table: the named sheet, or of the visible sheets the
    /// one whose recognized table has the most items. Hidden sheets are never chosen unless named.
    /// A table of zero items is `noTableRecognized` (unless it is one of minsheng's own outputs).
    func find(in path: String, options: RecognitionOptions = RecognitionOptions()) throws -> RecognizedTable {
        try find(in: .path(path), options: options)
    }

    /// Reads an input (a file or bytes) and returns its table, as `find(in:options:)` does.
    func find(in source: InputSource, options: RecognitionOptions = RecognitionOptions()) throws -> RecognizedTable {
        try findAll(in: source, options: options, keepOthers: false).table
    }

    /// Reads an input and returns its table, as `find(in:options:)` does, and the tables of the
    /// workbook's other visible sheets that have items, in sheet order (none when a sheet was
    /// named, or for minsheng's own output): what `check` checks besides the chosen table.
    func findAll(
        in source: InputSource, options: RecognitionOptions = RecognitionOptions(), keepOthers: Bool = true
    ) throws -> (table: RecognizedTable, others: [RecognizedTable]) {
        try findAll(in: InputWorkbook.open(source, options: options.input), options: options, keepOthers: keepOthers)
    }

    /// The table of an opened workbook, as `find(in:options:)` finds it.
    func find(in workbook: InputWorkbook, options: RecognitionOptions = RecognitionOptions()) throws -> RecognizedTable {
        try findAll(in: workbook, options: options, keepOthers: false).table
    }

    /// The tables of an opened workbook, as `findAll(in:options:keepOthers:)` finds them.
    func findAll(
        in workbook: InputWorkbook, options: RecognitionOptions = RecognitionOptions(), keepOthers: Bool = true
    ) throws -> (table: RecognizedTable, others: [RecognizedTable]) {
        let path = workbook.path
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
    func tables(in workbook: InputWorkbook, options: RecognitionOptions = RecognitionOptions()) throws
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
            // (Typed in traditional characters: read in simplified ones, as the words are kept.)
            let sheet = TraditionalText.simplified(try workbook.sheet(info))
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
