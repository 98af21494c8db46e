import XLSXReader

/// How a table's reading was chosen: what its figures say under it, how many readings were
/// tried, and what the figures changed against the header words.
struct ReadingChoice: Sendable, Hashable {
    /// The figures' agreement under the reading chosen.
    var agreement: FigureAgreement
    /// How many readings were compared (1: the words allowed only one, or it was given).
    var readingsTried: Int
    /// The value columns whose measure the figures changed against the words: (zero-based
    /// column, header, the measure read now).
    var changedColumns: [ChangedColumn]
    /// Whether the reading was given by hand (`--layout`).
    var given: Bool

    /// One value column the figures read otherwise than its header words proposed.
    struct ChangedColumn: Sendable, Hashable {
        /// Zero-based column.
        var column: Int
        /// The header as seen.
        var header: String
        /// The measure the words proposed.
        var proposed: Measure
        /// The measure the figures chose.
        var chosen: Measure
    }

    /// Creates one from its parts.
    init(agreement: FigureAgreement, readingsTried: Int = 1, changedColumns: [ChangedColumn] = [], given: Bool = false) {
        self.agreement = agreement
        self.readingsTried = readingsTried
        self.changedColumns = changedColumns
        self.given = given
    }
}

/// Chooses how a sheet's table is read: among the layouts its header words allow (orientations,
/// and for the chosen one its measures swapped or its rates rescaled), the one under which the
/// most figures agree — a rate equals completed ÷ target, a total the sum of its areas — with
/// the words breaking ties (the first candidate is the words' own choice).
struct ReadingJudge: Sendable {
    /// Reads the body rows under a layout.
    let reader: TableReader

    /// The table read under the best of `candidates` (in the words' order of preference), nil
    /// when there are none. A candidate under which no item is read loses to any that reads one.
    func choose(_ candidates: [TableLayout], sheet: Sheet, file: String) -> RecognizedTable? {
        var best: (table: RecognizedTable, agreement: FigureAgreement)?
        var tried = 0
        // A sheet too large to read again is read once, as the words say, and not measured.
        let small = Self.isSmall(sheet)
        for layout in candidates {
            tried += 1
            let (table, agreement) = read(layout, sheet: sheet, file: file, measuring: small || candidates.count > 1)
            guard let current = best else {
                best = (table, agreement)
                continue
            }
            // Another orientation wins only by its figures agreeing, never by placing more of them.
            // A reading that places no figure at all is no reading of a table that has them.
            let placesWhereOtherDidNot = current.agreement.figures == 0 && agreement.figures > 0 && !current.table.items.isEmpty
            if current.table.items.isEmpty && !table.items.isEmpty || placesWhereOtherDidNot
                || !table.items.isEmpty && agreement.isBetter(than: current.agreement, placing: false)
            {
                best = (table, agreement)
            }
        }
        guard var chosen = best else { return nil }
        let proposed = chosen.table.layout
        var switched = false
        // Figures that fail or misfit under the words' reading: the measures may be read the
        // wrong way round (进度 the cumulative figure, 完成目标(%) the rate) or the rates on the
        // wrong scale. The alternatives are tried only then, so a table that agrees costs nothing.
        if !chosen.table.items.isEmpty, chosen.agreement.disagreements + chosen.agreement.misfits > 0, small {
            // (completed ÷ target = rate and completed ÷ rate = target are one equation: a rate
            // column its words name and its cells show as percentages stays the rate.)
            let percentRates = Self.percentRateColumns(chosen.table)
            for (layout, _) in ReadingAlternatives.of(proposed) {
                if Self.moves(percentRates, in: layout) { continue }
                tried += 1
                let (table, agreement) = read(layout, sheet: sheet, file: file, measuring: true)
                // One row that happens to agree is no evidence against the words: two at least.
                if !table.items.isEmpty, agreement.agreements >= 2, agreement.isBetter(than: chosen.agreement, placing: false) {
                    chosen = (table, agreement)
                    switched = true
                }
            }
        }
        var table = chosen.table
        table.choice = ReadingChoice(
            agreement: chosen.agreement, readingsTried: tried,
            changedColumns: switched ? Self.changes(from: proposed, to: table.layout) : [])
        return table
    }

    /// The table read under a layout and, when `measuring` (and it has items), what its figures
    /// say; a measured table keeps its read rows and what the rules found in them, for the
    /// checker to reuse.
    private func read(_ layout: TableLayout, sheet: Sheet, file: String, measuring: Bool)
        -> (table: RecognizedTable, agreement: FigureAgreement)
    {
        var table = RecognizedTable(
            file: file, sheet: sheet, layout: layout, rows: reader.rows(of: sheet, layout: layout), words: reader.vocabulary.valueWords)
        guard measuring, !table.items.isEmpty else { return (table, FigureAgreement()) }
        let checked = CheckedTable(table)
        let kept = RuleFindings()
        let agreement = FigureAgreement(checked, keeping: kept)
        table.prepared = checked.prepared
        table.ruleFindings = kept
        return (table, agreement)
    }

    /// The columns read as rates whose figures are typed as percentages (a `0.0%` format, or
    /// text such as `85%`) in most of the item rows, two at least.
    static func percentRateColumns(_ table: RecognizedTable) -> Set<Int> {
        var figures: [Int: Int] = [:]
        var percents: [Int: Int] = [:]
        for row in table.items {
            for (key, cell) in row.values where key.measure == .rate {
                let column = cell.reference.column
                switch cell.value {
                case .number:
                    figures[column, default: 0] += 1
                    if case .percent = cell.format.kind { percents[column, default: 0] += 1 }
                case .string(let text):
                    let trimmed = HeaderText.normalize(text)
                    guard trimmed.contains(where: HeaderText.isDigit), trimmed.utf8.count <= 16 else { continue }
                    figures[column, default: 0] += 1
                    if trimmed.hasSuffix("%") || trimmed.hasSuffix("％") { percents[column, default: 0] += 1 }
                default:
                    continue
                }
            }
        }
        return Set(figures.compactMap { column, count in count >= 2 && percents[column, default: 0] * 2 > count ? column : nil })
    }

    /// Whether `layout` reads any of `columns` as something other than a rate.
    static func moves(_ columns: Set<Int>, in layout: TableLayout) -> Bool {
        guard !columns.isEmpty else { return false }
        let all = layout.columns + (layout.areaRows?.groups.flatMap(\.columns) ?? [])
        return all.contains { column in
            guard columns.contains(column.column), case .value(let measure, _) = column.meaning else { return false }
            return measure != .rate
        }
    }

    /// Whether a sheet is small enough to be read again under every alternative: at most 5,000
    /// rows and 4 MB of text (a real table is far smaller; a hostile one is read once).
    static func isSmall(_ sheet: Sheet) -> Bool {
        let rows = sheet.rows
        guard rows.count <= 5_000 else { return false }
        var bytes = 0
        for row in rows {
            for cell in row.cells {
                if case .string(let text) = cell.value { bytes += text.utf8.count }
            }
            if bytes > 4_000_000 { return false }
        }
        return true
    }

    /// The table read under a layout given by hand, measured but not second-guessed.
    func given(_ layout: TableLayout, sheet: Sheet, file: String) -> RecognizedTable {
        var (table, agreement) = read(layout, sheet: sheet, file: file, measuring: true)
        table.choice = ReadingChoice(agreement: agreement, given: true)
        return table
    }

    /// The value columns whose measure differs between two readings of one layout.
    static func changes(from proposed: TableLayout, to chosen: TableLayout) -> [ReadingChoice.ChangedColumn] {
        func measures(_ layout: TableLayout) -> [Int: (String, Measure)] {
            var result: [Int: (String, Measure)] = [:]
            for column in layout.columns + (layout.areaRows?.groups.flatMap(\.columns) ?? []) {
                if case .value(let measure, _) = column.meaning { result[column.column] = (column.header, measure) }
            }
            return result
        }
        let before = measures(proposed)
        let after = measures(chosen)
        return after.keys.sorted().compactMap { column in
            guard let now = after[column], let then = before[column], now.1 != then.1 else { return nil }
            return ReadingChoice.ChangedColumn(column: column, header: now.0, proposed: then.1, chosen: now.1)
        }
    }
}
