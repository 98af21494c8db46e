import XLSXReader

/// Finds the table in a sheet: the header row (or two), and what each column holds.
///
/// ```swift
/// let recognizer = LayoutRecognizer(vocabulary: try HeaderVocabulary.load())
/// if let layout = recognizer.recognize(sheet) { print(layout.columns) }
/// ```
struct LayoutRecognizer: Sendable {
    /// The words used to recognize headers.
    let vocabulary: HeaderVocabulary
    /// How many rows from the top may hold the header.
    var searchRows = 40

    /// Creates one from its parts.
    init(vocabulary: HeaderVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The text of each non-empty text cell in the first rows, merged areas filled from their
    /// top-left cell; a number typed as text (`1234`, WPS's 文本型数字) is a figure, no header
    /// text. Keys are zero-based (row, column).
    func headerGrid(_ sheet: Sheet) -> [Int: [Int: String]] {
        var grid: [Int: [Int: String]] = [:]
        for row in sheet.rows where row.index < searchRows {
            for cell in row.cells {
                if case .string(let text) = cell.value, !HeaderText.isBlank(text), Self.plainAmount(text) == nil {
                    grid[row.index, default: [:]][cell.reference.column] = text
                }
            }
        }
        for range in sheet.mergedRanges where range.first.row < searchRows {
            guard let text = grid[range.first.row]?[range.first.column] else { continue }
            let lastRow = min(range.last.row, searchRows - 1)
            guard range.last.column - range.first.column < 64 else { continue }
            for r in range.first.row...lastRow {
                for c in range.first.column...range.last.column where grid[r]?[c] == nil {
                    grid[r, default: [:]][c] = text
                }
            }
        }
        return grid
    }

    /// Every distinct header-like text seen near the top (for the message when nothing is found).
    func seenTexts(_ sheet: Sheet) -> [String] {
        let grid = headerGrid(sheet)
        var seen: [String] = []
        var long: [String] = []
        for row in grid.keys.sorted() {
            for column in (grid[row] ?? [:]).keys.sorted() {
                guard let text = grid[row]?[column] else { continue }
                if HeaderText.isLong(text, limit: 64) {
                    // Only when nothing short was seen: the beginning of the first long texts.
                    if long.count < 3 {
                        let shown = HeaderText.abbreviated(text)
                        if !long.contains(shown) { long.append(shown) }
                    }
                    continue
                }
                let normalized = HeaderText.normalize(text)
                if normalized.count <= 20 && !seen.contains(normalized) { seen.append(normalized) }
            }
        }
        return seen.isEmpty ? long : seen
    }

    private func score(_ texts: [Int: String]) -> Int {
        var roles = Set<HeaderRole>()
        var areas = 0
        for text in texts.values {
            let word = vocabulary.classify(text)  // one look-up for all three answers
            if let role = word.role {
                roles.insert(role)
            } else if word.isArea || word.isTotal {
                areas += 1
            }
        }
        guard !roles.isDisjoint(with: Self.scoreAnchors) || (areas >= 2 && !roles.isEmpty) else { return 0 }
        return roles.count + min(areas, 3)
    }

    private static let scoreAnchors: Set<HeaderRole> = [.project, .indicator, .target, .completed]

    /// Recognizes the table, or nil when no row looks like a header: the words' first choice.
    func recognize(_ sheet: Sheet) -> TableLayout? { candidates(sheet).first }

    /// Every reading of the sheet the header words allow, the words' preferred one first: the
    /// areas in rows with a group of columns per indicator, one item per row, the areas in rows
    /// with one column per indicator. `ReadingJudge` lets the figures choose.
    func candidates(_ sheet: Sheet) -> [TableLayout] {
        let grid = headerGrid(sheet)
        var result: [TableLayout] = []
        if let transposed = recognizeAreaRows(sheet, grid: grid) { result.append(transposed) }
        if let items = recognizeItemRows(sheet, grid: grid) { result.append(items) }
        if let columns = recognizeIndicatorColumns(sheet, grid: grid), !result.contains(columns) { result.append(columns) }
        if result.isEmpty, let summed = recognizeSummedColumns(sheet, grid: grid) { result.append(summed) }
        for i in result.indices {
            let top = result[i].headerRows.lowerBound
            settleMoneyOfWhatWasDone(&result[i]) { PlanWords.title(grid, above: top, sheetName: sheet.name) == .plan }
        }
        return result
    }

    /// One item per row under a header row (or two).
    func recognizeItemRows(_ sheet: Sheet, grid: [Int: [Int: String]]) -> TableLayout? {
        var best: (row: Int, score: Int)?
        for row in grid.keys.sorted() {
            let s = score(grid[row] ?? [:])
            if s >= 2 && s > (best?.score ?? 0) { best = (row, s) }
        }
        guard let headerRow = best?.row else { return nil }
        let top = grid[headerRow] ?? [:]
        let below = grid[headerRow + 1] ?? [:]
        let twoRows = isSubHeader(below, under: top)
        let lastColumn = max(top.keys.max() ?? 0, twoRows ? (below.keys.max() ?? 0) : 0)

        var columns: [LayoutColumn] = []
        for column in 0...lastColumn {
            let upper = top[column]
            let lower = twoRows ? below[column] : nil
            if let meaning = meaning(upper: upper, lower: lower) {
                let texts = [upper, lower].compactMap { $0 }
                var header = texts.first ?? ""
                if texts.count == 2 && texts[0] != texts[1] { header = texts.joined(separator: "/") }
                let unit = unitOf(lower ?? upper)
                columns.append(LayoutColumn(column: column, header: header, meaning: meaning, unit: unit))
            }
        }
        // 项目 merged over three columns: the category (工程), the project, the indicator.
        for i in columns.indices.dropFirst(2)
        where columns[i].meaning == .role(.project) && columns[i - 1].meaning == .role(.project)
            && columns[i - 2].meaning == .role(.project) && columns[i].column == columns[i - 2].column + 2
            && !columns.contains(where: { $0.meaning == .role(.indicator) || $0.meaning == .role(.category) })
        {
            columns[i - 2].meaning = .role(.category)
            columns[i - 1].meaning = .role(.project)
            columns[i].meaning = .role(.indicator)
            break
        }
        // 项目 (or 考核指标) merged over two columns: the project and, under it, the indicator.
        for role in [HeaderRole.project, .indicator] where columns.filter({ $0.meaning == .role(.indicator) }).count <= (role == .indicator ? 2 : 0) {
            for i in columns.indices.dropFirst()
            where columns[i].meaning == .role(role) && columns[i - 1].meaning == .role(role)
                && columns[i].column == columns[i - 1].column + 1
            {
                columns[i - 1].meaning = .role(.project)
                columns[i].meaning = .role(.indicator)
                break
            }
        }
        settleItemNames(&columns, top: top, sheet: sheet, below: headerRow + (twoRows ? 1 : 0))
        settleMergedCategory(&columns, top: top, sheet: sheet, below: headerRow + (twoRows ? 1 : 0))
        settleVaryingLabels(&columns, top: top, sheet: sheet, below: headerRow + (twoRows ? 1 : 0))
        // Short unnamed headers between area columns are areas named without their ending
        // (张家港, 常熟 between 苏州市 and 园区), each holding the same measure as its neighbours.
        let areaIndices = columns.indices.filter { if case .value(_, _?) = columns[$0].meaning { return true } else { return false } }
        if areaIndices.count >= 2, let firstArea = areaIndices.first.map({ columns[$0].column }),
            let lastArea = areaIndices.last.map({ columns[$0].column }), case .value(let measure, _)? = areaIndices.first.map({ columns[$0].meaning }),
            areaIndices.allSatisfy({ if case .value(let m, _) = columns[$0].meaning { return m == measure } else { return false } })
        {
            let known = Set(columns.map(\.column))
            for column in (firstArea + 1)..<lastArea where !known.contains(column) {
                guard let text = top[column] ?? (twoRows ? below[column] : nil), let label = HeaderVocabulary.label(text),
                    label.count >= 2, label.count <= 6, !label.contains(where: HeaderText.isDigit), vocabulary.role(of: label) == nil
                else { continue }
                columns.append(LayoutColumn(column: column, header: label, meaning: .value(measure, area: vocabulary.areaName(label))))
            }
            columns.sort { $0.column < $1.column }
        }
        settlePlaceAboveTheOthers(&columns, sheet: sheet, below: headerRow + (twoRows ? 1 : 0))
        Self.keepRepeatedAreaColumns(&columns)
        // Two project columns apart (工程名称 … 项目内容): the first is the category the second
        // belongs to, so that neither is dropped from the item's name.
        let projects = columns.indices.filter { columns[$0].meaning == .role(.project) }
        if projects.count == 2, !columns.contains(where: { $0.meaning == .role(.category) }), let first = projects.first {
            columns[first].meaning = .role(.category)
        }
        settleRepeatedMeasures(&columns, sheet: sheet, below: headerRow + (twoRows ? 1 : 0))
        settleProseCompletions(&columns, sheet: sheet, below: headerRow + (twoRows ? 1 : 0))
        settleProgressSentences(&columns, sheet: sheet, below: headerRow + (twoRows ? 1 : 0))
        settleColumnsOfWords(&columns, sheet: sheet, below: headerRow + (twoRows ? 1 : 0))
        settleWordedTargets(&columns, sheet: sheet, below: headerRow + (twoRows ? 1 : 0))
        var headers = top
        if twoRows { for (column, text) in below { headers[column] = text } }
        let lastHeaderRow = settleGroupHeaders(
            &columns, headers: &headers, grid: grid, sheet: sheet, headerRow: headerRow, lastHeaderRow: headerRow + (twoRows ? 1 : 0))
        settleFiguresBeside(&columns, headers: headers, grid: grid, headerTop: headerRow, sheet: sheet, below: lastHeaderRow)
        RateSubject.settle(&columns)
        var layout = TableLayout(
            sheetName: sheet.name, headerRows: headerRow...lastHeaderRow, columns: columns)
        reinterpretNumericProgress(&layout, sheet: sheet)
        return layout
    }

    /// A place named over two columns of one measure among places named once (蒙城县 typed
    /// over 谯城区's column): both columns are read, the second under its own key
    /// (`蒙城县（F列）`), so that the total is checked against every figure the table holds; the
    /// check names it (`DuplicateAreaRule`). More repeats than one area column in four are
    /// another layout, left as they are.
    static func keepRepeatedAreaColumns(_ columns: inout [LayoutColumn]) {
        var seen = Set<ValueKey>()
        var repeated: [Int] = []
        var areaColumns = 0
        for (i, column) in columns.enumerated() {
            guard case .value(let measure, let area?) = column.meaning else { continue }
            areaColumns += 1
            if !seen.insert(ValueKey(measure, area: area)).inserted { repeated.append(i) }
        }
        guard !repeated.isEmpty, AreaRow.areTyposOnly(repeated: repeated.count, among: areaColumns) else { return }
        for i in repeated {
            guard case .value(let measure, let area?) = columns[i].meaning else { continue }
            columns[i].meaning = .value(measure, area: "\(area)（\(TableReading.letter(columns[i].column))列）")
        }
    }

    /// Two columns proposed as one figure (two 目标任务 columns, the first in words, the second
    /// the number): the one whose cells are figures holds it; the other is the item's wording
    /// (its indicator when there is none, else a note). A figure of the month alone beside a
    /// cumulative one is a note.
    private func settleRepeatedMeasures(_ columns: inout [LayoutColumn], sheet: Sheet, below headerRow: Int) {
        var figures: [Int: Int] = [:]
        var texts: [Int: Int] = [:]
        var counted = false
        for meaning in Set(columns.map(\.meaning)) {
            guard case .value = meaning else { continue }
            var same = columns.indices.filter { columns[$0].meaning == meaning }
            guard same.count >= 2 else { continue }
            // A figure of the month beside the cumulative one (本月完成 · 累计完成): the cumulative
            // one is what the year's target measures; the month's is read as a note.
            let period = same.filter { HeaderVocabulary.isPeriodOnly(columns[$0].header) }
            if !period.isEmpty, period.count < same.count {
                for i in period { columns[i].meaning = .role(.note) }
                same.removeAll { period.contains($0) }
                if same.count < 2 { continue }
            }
            if !counted {
                counted = true
                for row in sheet.rows where row.index > headerRow {
                    for cell in row.cells {
                        if Self.isFigure(cell) { figures[cell.reference.column, default: 0] += 1 }
                        else if case .string(let text) = cell.value, !HeaderText.isBlank(text) { texts[cell.reference.column, default: 0] += 1 }
                    }
                }
            }
            let numeric = same.filter { figures[columns[$0].column, default: 0] > texts[columns[$0].column, default: 0] }
            if numeric.count == same.count, meaning == .value(.completed, area: nil) {
                // Two completions of figures (累计到位资金 · 累计完成投资) and one rate that names
                // one of them (完成投资占年度投资目标的比例): that one is what the rate measures.
                let rates = columns.filter { $0.meaning == .value(.rate, area: nil) }
                guard rates.count == 1, let rate = rates.first.map({ HeaderText.normalize($0.header) }) else { continue }
                let named = same.filter { index in
                    let name = HeaderVocabulary.measureStem(columns[index].header)
                    return name.count >= 2 && rate.contains(name)
                }
                guard named.count == 1 else { continue }
                for i in same where !named.contains(i) { columns[i].meaning = .role(.note) }
                continue
            }
            guard !numeric.isEmpty, numeric.count < same.count else { continue }
            for i in same where !numeric.contains(i) {
                columns[i].meaning = columns.contains(where: { $0.meaning == .role(.indicator) }) ? .role(.note) : .role(.indicator)
            }
        }
    }

    /// A 完成情况 column whose cells are sentences, not figures (全年完成情况: what was done, in
    /// words) is the progress text, when the table has no 进展情况 column.
    private func settleProseCompletions(_ columns: inout [LayoutColumn], sheet: Sheet, below headerRow: Int) {
        // (A target in words stays the target: 新增就业1000人，其中涡阳县300人… is read and checked.)
        if !columns.contains(where: { $0.meaning == .role(.progressText) }),
            let index = columns.firstIndex(where: { $0.meaning == .value(.completed, area: nil) }),
            Self.holdsProse(columns[index].column, sheet: sheet, below: headerRow)
        {
            columns[index].meaning = .role(.progressText)
        }
    }

    /// A completion or rate column of words only, never a figure (9条最美上学路建设完成 ·
    /// 10015套已安装到位; 部分滞后 · 办结): what was done in words, or the state of the work.
    /// (After the progress sentences, which read figures out of such words.)
    private func settleColumnsOfWords(_ columns: inout [LayoutColumn], sheet: Sheet, below headerRow: Int) {
        for index in columns.indices {
            guard case .value(let measure, nil) = columns[index].meaning, measure != .target,
                Self.holdsWordsOnly(columns[index].column, sheet: sheet, below: headerRow)
            else { continue }
            let hasText = columns.contains { $0.meaning == .role(.progressText) }
            columns[index].meaning = measure == .completed && !hasText ? .role(.progressText) : .role(.note)
            columns[index].unit = nil
        }
    }

    /// Whether a column's cells below the header are words (two or more, each with two Chinese
    /// characters or more) and never a figure.
    private static func holdsWordsOnly(_ column: Int, sheet: Sheet, below headerRow: Int) -> Bool {
        var words = 0
        for cell in Self.cells(of: column, in: sheet, below: headerRow) {
            if Self.isFigure(cell) { return false }
            guard case .string(let text) = cell.value else { continue }
            var chinese = 0
            for scalar in text.unicodeScalars.prefix(64) where (0x4E00...0x9FFF).contains(scalar.value) {
                chinese += 1
                if chinese >= 2 { break }
            }
            if chinese >= 2 { words += 1 }
        }
        return words >= 2
    }

    /// A 完成进度 / 完成情况 column whose cells state what was done in a sentence (完成330个,
    /// 完成率101.54%) rather than as a figure: the progress text, whose sentences give the
    /// completion and the rate (`ProgressSentence`), when the table has no progress text yet.
    private func settleProgressSentences(_ columns: inout [LayoutColumn], sheet: Sheet, below headerRow: Int) {
        guard !columns.contains(where: { $0.meaning == .role(.progressText) }) else { return }
        for i in columns.indices {
            guard case .value(let measure, nil) = columns[i].meaning, measure != .target else { continue }
            var sentences = 0
            var figures = 0
            for cell in Self.cells(of: columns[i].column, in: sheet, below: headerRow) {
                if case .string(let text) = cell.value, ProgressSentence.figures(text) != nil {
                    sentences += 1
                } else if Self.isFigure(cell) {
                    figures += 1
                }
            }
            if sentences >= 2, sentences > figures {
                columns[i].meaning = .role(.progressText)
                columns[i].unit = nil
                return
            }
        }
    }

    /// A target column whose cells are all words, none a figure: with no other column to name
    /// the items (目标任务: 新建公用和专用电动汽车充电桩350个 …), it names them, and each one's
    /// figure is read from its wording (`TableReader`); beside the items' names, words without a
    /// digit (一季度目标: 室内安装、装修及场外施工) are the period's goal in words, a note.
    private func settleWordedTargets(_ columns: inout [LayoutColumn], sheet: Sheet, below headerRow: Int) {
        guard let index = columns.firstIndex(where: { $0.meaning == .value(.target, area: nil) }) else { return }
        let column = columns[index].column
        var words = 0
        var digits = 0
        for cell in Self.cells(of: column, in: sheet, below: headerRow) {
            if Self.isFigure(cell) { return }
            // (A wording is short: a long text is looked at no further.)
            guard case .string(let text) = cell.value, !HeaderText.isLong(text), ProseText.isProse(text) else { continue }
            words += 1
            if text.contains(where: HeaderText.isDigit) { digits += 1 }
        }
        guard words >= 2 else { return }
        let names = columns.filter { [.role(.project), .role(.indicator), .role(.category)].contains($0.meaning) }
        if names.isEmpty {
            columns[index].meaning = .role(.indicator)
            columns[index].unit = nil
        } else if digits == 0 || Self.wordingStatesTargets(names.map(\.column), rather: column, sheet: sheet, below: headerRow, words: vocabulary.quantityWords) {
            // (The items' wording states each one's figure — 打造最美上学路9条 — where the target
            // column's sentences do not, 四季度计划目标 / 8月计划进度: that column is the period's
            // plan.)
            columns[index].meaning = .role(.note)
            columns[index].unit = nil
        } else if !names.contains(where: { $0.meaning == .role(.indicator) }),
            Self.isWordingOfTargets(column, sheet: sheet, below: headerRow, vocabulary: vocabulary)
        {
            // Sentences that each state one figure (完成罗峰学校及13处农村学校塑胶运动场地建成), no
            // area split among them, beside the items' names: the items' wording, which states
            // their targets (`TableReader`), shown as written.
            columns[index].meaning = .role(.indicator)
            columns[index].unit = nil
        }
    }

    /// Whether a column's sentences state one figure each in most rows and none splits it among
    /// areas (新增就业1000人，其中涡阳县300人… stays a target, checked part by part).
    static func isWordingOfTargets(_ column: Int, sheet: Sheet, below headerRow: Int, vocabulary: HeaderVocabulary) -> Bool {
        var rows = 0
        var stated = 0
        for cell in Self.cells(of: column, in: sheet, below: headerRow) {
            guard case .string(let text) = cell.value else { continue }
            rows += 1
            guard text.utf8.count <= 300 else { continue }
            if !BreakdownParser.parse(text, words: vocabulary.valueWords).allSatisfy({ $0.areas.isEmpty }) { return false }
            if WordedFigure.written(in: text, words: vocabulary.quantityWords, onlyOne: true) != nil { stated += 1 }
        }
        return rows >= 2 && stated * 2 >= rows
    }

    /// Whether the items' names (the `columns` that name them) state one figure each in most
    /// rows (打造最美上学路9条, 新增养老床位4000张), and in more rows than the sentences of the
    /// column `rather` do. (A count in parentheses, 就业促进行动(6项指标), counts no target.)
    static func wordingStatesTargets(_ columns: [Int], rather target: Int, sheet: Sheet, below headerRow: Int, words: QuantityWords) -> Bool {
        func states(_ text: String) -> Bool {
            // (WordedFigure reads no text longer than 300 bytes: nor is one normalized here.)
            text.utf8.count <= 300 && WordedFigure.written(in: HeaderText.splitParenthetical(HeaderText.normalize(text)).text, words: words, onlyOne: true) != nil
        }
        var rows = 0
        var stated = 0
        var statedByTarget = 0
        for row in sheet.rows where row.index > headerRow {
            let texts = row.cells.filter { columns.contains($0.reference.column) }.compactMap(\.string)
            guard !texts.isEmpty else { continue }
            rows += 1
            if texts.contains(where: states) { stated += 1 }
            if let text = row.cells.first(where: { $0.reference.column == target })?.string, states(text) { statedByTarget += 1 }
        }
        return rows >= 2 && stated * 2 >= rows && statedByTarget < stated
    }

    /// The cells of one column below a header row, top to bottom (blank cells left out).
    static func cells(of column: Int, in sheet: Sheet, below headerRow: Int) -> some Sequence<Cell> {
        sheet.rows.lazy.filter { $0.index > headerRow }.compactMap { row in row.cells.first { $0.reference.column == column } }
    }

    /// Whether a column's cells below the header are sentences (two or more) and never a figure.
    private static func holdsProse(_ column: Int, sheet: Sheet, below headerRow: Int) -> Bool {
        var figures = 0
        var prose = 0
        for cell in Self.cells(of: column, in: sheet, below: headerRow) {
            if Self.isFigure(cell) {
                figures += 1
            } else if case .string(let text) = cell.value, text.utf8.count > 72 {
                prose += 1
            }
        }
        return prose >= 2 && figures == 0
    }

    /// Whether a cell is a figure by itself: a number, or a short text that begins as one
    /// (`1100`, `3.3万人以上`, `不少于816个`), not a sentence with a number inside.
    static func isFigure(_ cell: Cell) -> Bool {
        switch cell.value {
        case .number: return true
        case .string(let text):
            guard text.utf8.count <= 48 else { return false }
            let folded = QuantityParser.fold(text)
            guard folded.count <= 16 else { return false }
            // A sentence that opens with a number (9条最美上学路建设完成, 10015套已安装到位) is
            // none: after the number, a figure has a unit and a bound at most (万平方米以上).
            let afterNumber = folded.drop { HeaderText.isDigit($0) || $0 == "." || $0 == "," }
            if afterNumber.count < folded.count {
                var rest = Substring(HeaderText.splitParenthetical(String(afterNumber)).text)
                while let last = rest.last, "？?！!。".contains(last) { rest = rest.dropLast() }
                if let bound = ["以上", "以下", "以内", "左右", "余", "多"].first(where: rest.hasSuffix) { rest = rest.dropLast(bound.count) }
                if rest.count > 4 { return false }
            }
            // 2021年12月15日 is a date (a signature line), not a figure.
            if folded.contains("年"), folded.contains("月") || folded.contains("日") { return false }
            return folded.first.map(HeaderText.isDigit) ?? false || ["约", "不少于", "不低于", "≥", "超过"].contains(where: folded.hasPrefix)
        default: return false
        }
    }

    /// Whether the row below the header holds measures (目标 / 完成 / 完成率) under area or total
    /// headers, or areas under a measure header.
    private func isSubHeader(_ below: [Int: String], under top: [Int: String]) -> Bool {
        var measuresUnderAreas = 0
        var areasUnderMeasures = 0
        for (column, text) in below {
            let upper = top[column] ?? ""
            let upperIsArea = vocabulary.isArea(upper) || vocabulary.isTotal(upper)
            if let role = vocabulary.role(of: text), measure(role) != nil, upperIsArea || upper.isEmpty {
                measuresUnderAreas += 1
            }
            if vocabulary.isArea(text) || vocabulary.isTotal(text),
                let role = vocabulary.role(of: upper), measure(role) != nil
            {
                areasUnderMeasures += 1
            }
        }
        return measuresUnderAreas >= 2 || areasUnderMeasures >= 2
    }

    func measure(_ role: HeaderRole) -> Measure? {
        switch role {
        case .target: return .target
        case .completed: return .completed
        case .rate: return .rate
        default: return nil
        }
    }

    private func meaning(upper: String?, lower: String?) -> ColumnMeaning? {
        if let upper, let lower, HeaderText.normalizePrefix(upper) != HeaderText.normalizePrefix(lower) {
            let upperArea = vocabulary.isArea(upper) || vocabulary.isTotal(upper)
            let lowerArea = vocabulary.isArea(lower) || vocabulary.isTotal(lower)
            if upperArea, let role = vocabulary.role(of: lower), let m = measure(role) {
                return .value(m, area: vocabulary.isTotal(upper) ? nil : vocabulary.areaName(upper))
            }
            if lowerArea, let role = vocabulary.role(of: upper), let m = measure(role) {
                return .value(m, area: vocabulary.isTotal(lower) ? nil : vocabulary.areaName(lower))
            }
            return single(lower) ?? single(upper)
        }
        return (upper ?? lower).flatMap(single)
    }

    private func single(_ text: String) -> ColumnMeaning? {
        if vocabulary.isTotal(text) { return .value(.target, area: nil) }
        if let role = vocabulary.role(of: text) {
            if let m = measure(role) { return .value(m, area: nil) }
            return .role(role)
        }
        if vocabulary.isArea(text) { return .value(.target, area: vocabulary.areaName(text)) }
        return nil
    }

    private func unitOf(_ header: String?) -> String? {
        guard let header else { return nil }
        guard let normalized = HeaderVocabulary.label(header),
            let inner = HeaderText.splitParenthetical(normalized).inner
        else { return nil }
        let unit = inner.hasPrefix("单位:") ? String(inner.dropFirst(3)) : inner
        return unit == "%" || unit.isEmpty ? nil : unit
    }

    /// A 进展情况 column that holds numbers is the completed figure when there is no other.
    private func reinterpretNumericProgress(_ layout: inout TableLayout, sheet: Sheet) {
        guard layout.column(.completed, area: nil) == nil,
            let index = layout.columns.firstIndex(where: { $0.meaning == .role(.progressText) })
        else { return }
        let column = layout.columns[index].column
        var numeric = 0
        var text = 0
        for cell in Self.cells(of: column, in: sheet, below: layout.headerRows.upperBound) {
            switch cell.value {
            case .number: numeric += 1
            case .string:
                // (A figure, not a sentence that opens with a number: 9条最美上学路建设完成.)
                if Self.isFigure(cell) { numeric += 1 } else { text += 1 }
            default: break
            }
        }
        if numeric > 0 && numeric >= text {
            layout.columns[index].meaning = .value(.completed, area: nil)
        }
    }

    // MARK: - Areas in rows
    /// Whether a header row names the units responsible (责任单位: 市人社局, 市妇联, 团市委 …)
    /// rather than indicators: its first text is a lead word, or most of its texts end as an
    /// office's name does.
    func isLeadRow(_ texts: [Int: String]) -> Bool {
        // Office names are short: a long text is no lead and is not walked.
        let values = Set(texts.values.compactMap(HeaderVocabulary.label)).filter { !$0.isEmpty }
        guard !values.isEmpty else { return false }
        if let first = texts.keys.min(), let text = texts[first], vocabulary.role(of: text) == .lead { return true }
        let offices = values.filter(Self.isOfficeName).count
        return offices * 2 > values.count
    }

    /// Whether a text names a government office or body (市人力资源社会保障局, 市妇联, 团市委,
    /// 市总工会 …; several joined by 、 too): how 责任单位 are written.
    static func isOfficeName(_ text: String) -> Bool {
        let count = text.count
        guard count >= 2, count <= 60, !text.contains(where: HeaderText.isDigit) else { return false }
        let parts = text.split(whereSeparator: isOfficeSeparator)
        guard !parts.isEmpty else { return false }
        // An ending is a suffix only of a part whose last character is the ending's last.
        return parts.allSatisfy { part in
            guard part.count >= 2, let last = part.last, let endings = officeEndings[last] else { return false }
            return endings.contains(where: { part.hasSuffix($0) })
        }
    }

    private static let officeSeparators: Set<Character> = ["、", "，", ",", "/", "及", "和"]

    /// `officeSeparators.contains(c)`, told from the scalar for a character of one ASCII or
    /// unified-ideograph scalar (equal to a separator only by being it), the rest looked up.
    private static func isOfficeSeparator(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        if let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            switch scalar.value {
            case 0x3001, 0xFF0C, 0x2C, 0x2F, 0x53CA, 0x548C: return true
            case 0...0x7F, 0x4E00...0x9FFF: return false
            default: break
            }
        }
        return officeSeparators.contains(c)
    }

    /// The endings of office names, by their last character.
    private static let officeEndings: [Character: [String]] = {
        let endings = ["局", "委", "办", "厅", "会", "院", "中心", "公司", "部", "站", "所", "队", "联", "处", "社", "行", "集团", "政府", "管委会", "分局", "支队"]
        var byLast: [Character: [String]] = [:]
        for ending in endings {
            if let last = ending.last { byLast[last, default: []].append(ending) }
        }
        return byLast
    }()


    /// A table with the areas in rows (全市, 市本级, 东坡区 … down a left column) and each
    /// indicator in a group of columns (目标任务 / 进度 / 完成比例(%)) under a merged indicator
    /// header, perhaps under a project merged over several indicators. Nil when the sheet is not
    /// one: no row of measures under indicator headers (not areas, not role words), or fewer than
    /// two area rows to the left.
    func recognizeAreaRows(_ sheet: Sheet, grid: [Int: [Int: String]]) -> TableLayout? {
        for subRow in grid.keys.sorted() where subRow >= 1 {
            if let layout = areaRowsLayout(sheet, grid: grid, subHeaderRow: subRow, areaColumn: nil) { return layout }
        }
        return nil
    }

    /// The layout of a table with the areas in rows as given by hand (`--layout` with
    /// `areaColumn`): the measures (目标任务 / 进度 / 完成比例) in `subHeaderRow`, the indicator
    /// headers in the row above, the area names in `areaColumn` (zero-based). Nil when no
    /// indicator group or no area row is there.
    func recognizeAreaRows(_ sheet: Sheet, subHeaderRow: Int, areaColumn: Int) -> TableLayout? {
        areaRowsLayout(sheet, grid: headerGrid(sheet), subHeaderRow: subHeaderRow, areaColumn: areaColumn)
    }

    private func areaRowsLayout(_ sheet: Sheet, grid: [Int: [Int: String]], subHeaderRow subRow: Int, areaColumn given: Int?)
        -> TableLayout?
    {
        guard subRow >= 1, let sub = grid[subRow], var upper = grid[subRow - 1] else { return nil }
        // A group needs two measure columns (目标任务 / 进度 / 完成比例): most rows have none.
        var measures = 0
        for text in sub.values where vocabulary.classify(text).role.flatMap(measure) != nil {
            measures += 1
            if measures >= 2 { break }
        }
        guard measures >= 2 else { return nil }
        // A row of 责任单位 (市人社局, 市妇联 …) between the indicator names and the measures: the
        // names are in the row above it.
        var leads: [Int: String] = [:]
        var indicatorRow = subRow - 1
        if isLeadRow(upper), let names = grid[subRow - 2] {
            leads = upper
            upper = names
            indicatorRow = subRow - 2
        }
        // An item table's 项目 / 指标 header is no part of this layout.
        let roles = (Array(sub.values) + Array(upper.values)).compactMap { vocabulary.role(of: $0) }
        guard given != nil || (!roles.contains(.project) && !roles.contains(.indicator)) else { return nil }
        var groups = columnGroups(sub: sub, upper: upper, headerRow: indicatorRow)
        if let given { groups.removeAll { group in group.columns.contains { $0.column == given } } }
        guard let firstColumn = groups.first?.columns.first?.column,
            let areaColumn = given ?? areaColumn(sheet, below: subRow, before: firstColumn)
                ?? areaHeaderColumn(grid, sheet: sheet, through: subRow, before: firstColumn)
        else { return nil }
        // A title spanning the area column too is no indicator header.
        if let title = upper[areaColumn] {
            let normalized = HeaderText.normalize(title)
            groups.removeAll { group in group.columns.contains { HeaderText.normalize(upper[$0.column] ?? "") == normalized } }
        }
        let rows = areaRows(sheet, below: subRow, column: areaColumn, groups: groups)
        guard !groups.isEmpty, rows.filter({ $0.area != nil }).count >= (given == nil ? 2 : 1) else { return nil }
        settleProgress(&groups, sheet: sheet, rows: rows)
        let yearTargets = Self.settleYearTargets(&groups)
        Self.distinguishSameNames(&groups)
        // One target column before the groups, headed on its own (目标人群数 before 宫颈癌 · 乳腺癌,
        // each 累计完成 · 完成率): what every group without a target of its own is measured against.
        if groups.contains(where: { $0.column(.target) == nil }),
            let shared = ((areaColumn + 1)..<firstColumn).reversed().first(where: { column in
                [sub[column], upper[column]].contains { $0.flatMap { vocabulary.role(of: $0) } == .target }
            })
        {
            let header = HeaderText.normalize(sub[shared] ?? upper[shared] ?? "")
            let entry = LayoutColumn(
                column: shared, header: header, meaning: .value(.target, area: nil),
                // (A parenthesis with a figure is a note, 按33%比例, not a unit.)
                unit: HeaderText.splitParenthetical(header).inner.flatMap { $0.contains(where: HeaderText.isDigit) ? nil : Self.unitText($0) })
            for i in groups.indices where groups[i].column(.target) == nil { groups[i].columns.insert(entry, at: 0) }
        }
        // A project merged over its indicators, in the row above them (not a title that
        // spans the area column too).
        var withProjects = groups
        var projectRow = false
        for i in groups.indices {
            if let lead = groups[i].columns.lazy.compactMap({ leads[$0.column] }).first { groups[i].lead = TableReader.clean(lead) }
        }
        if let above = grid[indicatorRow - 1] {
            for i in withProjects.indices {
                let column = withProjects[i].columns[0].column
                // Not a note such as 单位：人 either (no column word in it).
                guard let text = above[column], above[areaColumn] != text, !isHeaderWord(text), vocabulary.role(of: text) == nil,
                    HeaderText.normalize(text) != HeaderText.normalize(upper[column] ?? "")
                else { continue }
                withProjects[i].project = TableReader.clean(text)
                projectRow = true
            }
        }
        var columns = [
            LayoutColumn(
                column: areaColumn, header: sub[areaColumn] ?? upper[areaColumn] ?? "", meaning: .role(.areaName))
        ]
        // (A target shared by several groups is one column of the table.)
        for column in withProjects.flatMap(\.columns) + yearTargets where !columns.contains(where: { $0.column == column.column }) {
            columns.append(column)
        }
        return TableLayout(
            sheetName: sheet.name, headerRows: (indicatorRow - (projectRow ? 1 : 0))...subRow, columns: columns,
            areaRows: AreaRows(column: areaColumn, rows: rows, groups: withProjects))
    }

    /// The indicator groups of a row of measures: consecutive measure columns under one header
    /// (a merged one fills every column it covers; a header over the first column only leads the
    /// columns after it).
    private func columnGroups(sub: [Int: String], upper: [Int: String], headerRow: Int) -> [ColumnGroup] {
        var groups: [(header: String, columns: [LayoutColumn])] = []
        var previous = -2
        for column in sub.keys.sorted() {
            guard let text = sub[column] else { continue }
            // A figure word without a measure (开工数 between 计划任务数 and 开工率) under the same
            // indicator as the column before it: what has been done, if the group has no such column.
            var proposed = vocabulary.role(of: text).flatMap(measure)
            if proposed == nil, previous == column - 1, let last = groups.last, upper[column] == last.header,
                !last.columns.contains(where: { $0.meaning == .value(.completed, area: nil) }), !isHeaderWord(text),
                HeaderText.normalize(text).hasSuffix("数")
            {
                proposed = .completed
            }
            guard let m = proposed else { continue }
            let unit = HeaderText.splitParenthetical(HeaderText.normalize(text)).inner
            let entry = LayoutColumn(column: column, header: HeaderText.normalize(text), meaning: .value(m, area: nil), unit: unit)
            let adjacent = previous == column - 1
            if let above = upper[column], !(adjacent && groups.last?.header == above) {
                groups.append((above, [entry]))
            } else if adjacent, !groups.isEmpty {
                groups[groups.count - 1].columns.append(entry)
            }
            previous = column
        }
        return groups.compactMap { header, columns in
            guard !isHeaderWord(header), columns.count >= 2 else { return nil }
            var columns = columns
            let measures = columns.compactMap { column -> Measure? in
                if case .value(let m, _) = column.meaning { return m }
                return nil
            }
            // 进度 beside 完成比例 is the completed figure, not a rate.
            if !measures.contains(.completed), measures.filter({ $0 == .rate }).count >= 2,
                let i = columns.firstIndex(where: { column in
                    let text = HeaderText.splitParenthetical(column.header).text
                    return column.meaning == .value(.rate, area: nil) && !["率", "比例", "百分"].contains(where: text.contains)
                })
            {
                columns[i].meaning = .value(.completed, area: nil)
            }
            guard columns.contains(where: { $0.meaning == .value(.target, area: nil) || $0.meaning == .value(.completed, area: nil) })
            else { return nil }
            let (indicator, unit) = Self.nameAndUnit(header)
            for i in columns.indices {
                if case .value(.rate, _) = columns[i].meaning {
                    columns[i].unit = columns[i].unit == "%" ? "%" : nil
                } else {
                    columns[i].unit = columns[i].unit.map(Self.unitText) ?? unit
                }
            }
            return ColumnGroup(project: nil, indicator: indicator, unit: unit, headerRow: headerRow, columns: columns)
        }
    }

    /// A lone 进度 column beside 目标任务 (no 完成 column) holds the completed figure, unless its
    /// cells are percentages (a `%` format or text, or ratios of 1.5 or less against larger targets).
    private func settleProgress(_ groups: inout [ColumnGroup], sheet: Sheet, rows: [AreaRow]) {
        let wanted = Set(rows.map(\.row))
        var cells: [Int: [Int: Cell]] = [:]
        for row in sheet.rows where wanted.contains(row.index) {
            cells[row.index] = Dictionary(row.cells.map { ($0.reference.column, $0) }, uniquingKeysWith: { a, _ in a })
        }
        for g in groups.indices {
            let group = groups[g]
            guard group.column(.completed) == nil, let target = group.column(.target),
                let i = group.columns.firstIndex(where: { $0.meaning == .value(.rate, area: nil) }),
                group.columns.filter({ $0.meaning == .value(.rate, area: nil) }).count == 1
            else { continue }
            let header = group.columns[i].header
            guard group.columns[i].unit == nil, !["率", "比例", "百分"].contains(where: header.contains) else { continue }
            var percent = false
            var ratios = 0
            var figures = 0
            for row in rows {
                guard let cell = cells[row.row]?[group.columns[i].column] else { continue }
                switch cell.value {
                case .number(let n):
                    if case .percent = cell.format.kind { percent = true }
                    figures += 1
                    if n <= 1.5, let t = cells[row.row]?[target.column]?.number, t > 1.5 { ratios += 1 }
                case .string(let text):
                    if text.contains("%") || text.contains("％") { percent = true }
                default: break
                }
            }
            if !percent && (figures == 0 || ratios < figures) {
                groups[g].columns[i].meaning = .value(.completed, area: nil)
                groups[g].columns[i].unit = group.unit
            }
        }
    }

    /// `城镇新增就业（人）` → (城镇新增就业, 人); `城镇登记失业率（%）低于4.3` → (城镇登记失业率低于4.3, %).
    static func nameAndUnit(_ header: String) -> (String, String?) {
        let normalized = HeaderText.normalize(header)
        let (text, inner) = HeaderText.splitParenthetical(normalized)
        if let inner, text != normalized { return (text, unitText(inner)) }
        if let open = normalized.firstIndex(of: "("), let close = normalized[open...].firstIndex(of: ")") {
            let inner = String(normalized[normalized.index(after: open)..<close])
            if !inner.isEmpty, inner.count <= 8 {
                return (String(normalized[..<open]) + String(normalized[normalized.index(after: close)...]), unitText(inner))
            }
        }
        return (normalized, nil)
    }

    private static func unitText(_ inner: String) -> String {
        inner.hasPrefix("单位:") ? String(inner.dropFirst(3)) : inner
    }

    /// A header that names a column kind, an area or a total, not an indicator.
    private func isHeaderWord(_ text: String) -> Bool {
        if vocabulary.isArea(text) || vocabulary.isTotal(text) { return true }
        guard let label = HeaderVocabulary.label(text) else { return false }
        return vocabulary.isRoleWord(HeaderText.splitParenthetical(label).text)
    }

    /// The column left of the groups that names the most areas (and totals) below the header,
    /// when it names two or more.
    private func areaColumn(_ sheet: Sheet, below headerRow: Int, before firstGroupColumn: Int) -> Int? {
        var counts: [Int: Int] = [:]
        for row in sheet.rows where row.index > headerRow {
            for cell in row.cells where cell.reference.column < firstGroupColumn {
                guard case .string(let text) = cell.value else { continue }
                if vocabulary.isArea(text) || vocabulary.isTotal(text) { counts[cell.reference.column, default: 0] += 1 }
            }
        }
        guard let best = counts.max(by: { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }), best.value >= 2
        else { return nil }
        return best.key
    }

    /// The rows below the header whose area column names an area or the total and that hold a
    /// figure in some group; footers (填报单位 …), a second total and repeated areas are not.
    func areaRows(_ sheet: Sheet, below headerRow: Int, column: Int, groups: [ColumnGroup]) -> [AreaRow] {
        let valueColumns = Set(groups.flatMap { $0.columns.map(\.column) })
        var rows: [AreaRow] = []
        let merges = LabelMerges(sheet, column: column)
        for row in sheet.rows where row.index > headerRow {
            guard let raw = merges.label(in: row) else { continue }
            // An area name is short: a long text is no label (and is not walked whole).
            guard HeaderVocabulary.label(raw) != nil else { continue }
            let label = TableReader.clean(raw)
            let normalized = HeaderText.normalize(label)
            // An area whose row is blank has no share (天府新区 with no task): still an area.
            guard !normalized.isEmpty, normalized.count <= 20,
                row.cells.contains(where: { valueColumns.contains($0.reference.column) && !TableReader.isBlank($0) })
                    || vocabulary.isArea(label) && !vocabulary.isTotal(label)
            else { continue }
            if vocabulary.isTotal(label) {
                if !rows.contains(where: { $0.area == nil }) { rows.append(AreaRow(row: row.index, label: label, area: nil)) }
                continue
            }
            guard !vocabulary.isFooter(label), !vocabulary.isSection(label) else { continue }
            rows.append(AreaRow(row: row.index, label: label, area: vocabulary.areaName(label)))
        }
        // A place named again among places named once (one in four at most) is a place typed
        // twice: both rows are read and the check names it. More repeats are another table's
        // rows (the same places again below), which are not this one's.
        let places = rows.compactMap(\.area)
        let distinct = Set(places.map(HeaderText.normalize)).count
        if AreaRow.areTyposOnly(repeated: places.count - distinct, among: places.count) {
            rows = AreaRow.markingRepeats(rows)
        } else {
            var seen = Set<String>()
            rows = rows.filter { $0.area.map { seen.insert(HeaderText.normalize($0)).inserted } ?? true }
        }
        let amountColumns = Set(groups.flatMap(\.columns).filter { $0.meaning != .value(.rate, area: nil) }.map(\.column))
        Self.settlePlaceAbove(&rows, amounts: Self.amounts(sheet, rows: Set(rows.map(\.row)), columns: amountColumns))
        return rows
    }
}
