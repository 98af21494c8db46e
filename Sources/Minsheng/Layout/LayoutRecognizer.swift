import XLSXReader

/// Finds the table in a sheet: the header row (or two), and what each column holds.
///
/// ```swift
/// let recognizer = LayoutRecognizer(vocabulary: try HeaderVocabulary.load())
/// if let layout = recognizer.recognize(sheet) { print(layout.columns) }
/// ```
public struct LayoutRecognizer: Sendable {
    /// The words used to recognize headers.
    public let vocabulary: HeaderVocabulary
    /// How many rows from the top may hold the header.
    public var searchRows = 40

    /// Creates one from its parts.
    public init(vocabulary: HeaderVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The text of each non-empty text cell in the first rows, merged areas filled from their
    /// top-left cell. Keys are zero-based (row, column).
    func headerGrid(_ sheet: Sheet) -> [Int: [Int: String]] {
        var grid: [Int: [Int: String]] = [:]
        for row in sheet.rows where row.index < searchRows {
            for cell in row.cells {
                if case .string(let text) = cell.value, !HeaderText.normalize(text).isEmpty {
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
    public func seenTexts(_ sheet: Sheet) -> [String] {
        let grid = headerGrid(sheet)
        var seen: [String] = []
        for row in grid.keys.sorted() {
            for column in (grid[row] ?? [:]).keys.sorted() {
                guard let text = grid[row]?[column] else { continue }
                let normalized = HeaderText.normalize(text)
                if normalized.count <= 20 && !seen.contains(normalized) { seen.append(normalized) }
            }
        }
        return seen
    }

    private func score(_ texts: [Int: String]) -> Int {
        var roles = Set<HeaderRole>()
        var areas = 0
        for text in texts.values {
            if let role = vocabulary.role(of: text) {
                roles.insert(role)
            } else if vocabulary.isArea(text) || vocabulary.isTotal(text) {
                areas += 1
            }
        }
        let anchors: Set<HeaderRole> = [.project, .indicator, .target, .completed]
        guard !roles.isDisjoint(with: anchors) || (areas >= 2 && !roles.isEmpty) else { return 0 }
        return roles.count + min(areas, 3)
    }

    /// Recognizes the table, or nil when no row looks like a header.
    public func recognize(_ sheet: Sheet) -> TableLayout? {
        let grid = headerGrid(sheet)
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
        // 项目 merged over two columns: project and sub-project (the indicator).
        if !columns.contains(where: { $0.meaning == .role(.indicator) }) {
            for i in columns.indices.dropFirst()
            where columns[i].meaning == .role(.project) && columns[i - 1].meaning == .role(.project)
                && columns[i].column == columns[i - 1].column + 1
            {
                columns[i].meaning = .role(.indicator)
                break
            }
        }
        var layout = TableLayout(
            sheetName: sheet.name, headerRows: headerRow...(headerRow + (twoRows ? 1 : 0)), columns: columns)
        reinterpretNumericProgress(&layout, sheet: sheet)
        return layout
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

    private func measure(_ role: HeaderRole) -> Measure? {
        switch role {
        case .target: return .target
        case .completed: return .completed
        case .rate: return .rate
        default: return nil
        }
    }

    private func meaning(upper: String?, lower: String?) -> ColumnMeaning? {
        if let upper, let lower, HeaderText.normalize(upper) != HeaderText.normalize(lower) {
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
        guard let inner = HeaderText.splitParenthetical(HeaderText.normalize(header)).inner else { return nil }
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
        for row in sheet.rows where row.index > layout.headerRows.upperBound {
            guard let cell = row.cells.first(where: { $0.reference.column == column }) else { continue }
            switch cell.value {
            case .number: numeric += 1
            case .string(let s):
                if let first = HeaderText.normalize(s).first, first.isNumber, s.count <= 16 {
                    numeric += 1
                } else {
                    text += 1
                }
            default: break
            }
        }
        if numeric > 0 && numeric >= text {
            layout.columns[index].meaning = .value(.completed, area: nil)
        }
    }
}
