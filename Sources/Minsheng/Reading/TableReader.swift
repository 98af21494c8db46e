import Foundation
import XLSXReader

/// Reads the body rows of a recognized table: fills merged and blank descriptive cells down,
/// recognizes section and footer rows, and collects each item's figure cells.
struct TableReader: Sendable {
    /// The words that recognize section and footer rows.
    let vocabulary: HeaderVocabulary

    /// Creates one from its parts.
    init(vocabulary: HeaderVocabulary) {
        self.vocabulary = vocabulary
    }

    private static let filledDown: [HeaderRole] = [.sequence, .category, .project, .areaName]

    /// The body rows below the header that are not blank (with the areas in rows: one item per
    /// indicator group).
    func rows(of sheet: Sheet, layout: TableLayout) -> [TableRow] {
        if let areaRows = layout.areaRows { return rows(of: sheet, areaRows: areaRows) }
        var result: [TableRow] = []
        var category: String?
        var previousItem: TableRow?
        let roleColumns = RoleColumns(layout)
        // The merged range covering each cell of the filled-down columns, indexed once: looking
        // each cell up among all the merges would grow with rows × merges.
        // Only the sheet's non-empty rows are indexed (a merge may claim a million rows), each
        // once per column: the last merge listed wins, as it did when they were indexed in order.
        let sheetRows = sheet.rows
        var coveringMerge: [Int: [Int: CellRange]] = [:]
        let filledColumns = Set(Self.filledDown.compactMap { roleColumns[$0] })
        for column in filledColumns {
            coveringMerge[column] = Self.coveringMerges(
                sheet.mergedRanges, column: column, rows: sheetRows.map(\.index))
        }
        // (A target column with nothing in it, its cells covered by the wording merged across
        // from the left — 主要任务 over 全年目标任务 — is none: the wording states the target.)
        let targetColumns = Set(layout.columns.compactMap { column -> Int? in
            if case .value(.target, _) = column.meaning { return column.column } else { return nil }
        })
        let hasTargetColumn = !targetColumns.isEmpty && sheetRows.contains { row in
            row.index > layout.headerRows.upperBound && row.cells.contains { targetColumns.contains($0.reference.column) && !Self.isBlank($0) }
        }
        let valueColumns = Self.valueKeys(layout).map { ($0.key, $0.column) }

        // Long texts are normalized and cleaned once per stored string, not once per cell.
        let normalizedTexts = TextMemo<String>()
        let cleanedTexts = TextMemo<String>()
        let cleanedLabels = TextMemo<String>()
        func clean(_ text: String) -> String { cleanedTexts.value(text, Self.clean) }
        // A name, unit or number is never longer than `labelLimit`: a longer one is cut there,
        // so that keys and messages built from it stay small.
        func label(_ text: String) -> String { cleanedLabels.value(text) { Self.clean(Self.capped($0)) } }

        let tableColumns = layout.columns.map(\.column)
        let firstColumn = tableColumns.min() ?? 0
        let lastColumn = tableColumns.max() ?? 0
        let mergesAcross = NoteRows.mergesAcross(sheet.mergedRanges, last: lastColumn)
        var firstBodyRow = true
        for sheetRow in sheetRows where sheetRow.index > layout.headerRows.upperBound {
            // The columns' numbering right under the header (甲 · 乙 · 丙 · 1 · 2 · 3) is the header's.
            defer { firstBodyRow = false }
            if firstBodyRow, NoteRows.isColumnNumbering(sheetRow) { continue }
            let cells = ColumnLookup(row: sheetRow)
            // The row's texts (numbers as written), built only when a section row is suspected.
            var rawTexts: [String] {
                sheetRow.cells.compactMap { cell -> String? in
                    guard let text = Self.text(cell), !HeaderText.isBlank(text) else { return nil }
                    return text
                }
            }
            guard let firstRaw = sheetRow.cells.lazy.compactMap({ cell -> String? in
                guard let text = Self.text(cell), !HeaderText.isBlank(text) else { return nil }
                return text
            }).first
            else { continue }

            func text(_ role: HeaderRole) -> String? {
                guard let column = roleColumns[role] else { return nil }
                if let cell = cells[column], let value = Self.text(cell), !HeaderText.isBlank(value) {
                    return role == .progressText ? clean(value) : label(value)
                }
                guard Self.filledDown.contains(role) else { return nil }
                // A merged cell above covers this one: take its top-left text.
                if let range = coveringMerge[column]?[sheetRow.index], range.first.row > layout.headerRows.upperBound,
                    let top = sheet.cell(at: range.first).flatMap(Self.text)
                {
                    return label(top)
                }
                return nil
            }

            var values: [ValueKey: Cell] = [:]
            values.reserveCapacity(valueColumns.count)
            for (key, column) in valueColumns where values[key] == nil {
                if let cell = cells[column], !Self.isBlank(cell) { values[key] = cell }
            }

            // The header again (a second table under the first, or the header repeated after a
            // page break): words such as 目标, 完成, 完成率 where the figures belong. No item.
            if Self.isRepeatedHeader(values, vocabulary: vocabulary) { continue }
            let firstText = normalizedTexts.value(firstRaw, HeaderText.normalize)
            if vocabulary.isFooter(firstText) || TotalRows.namesASum(firstText) && vocabulary.isTotal(firstText)
                || values.isEmpty && NoteRows.isNoteAcross(sheetRow, merges: mergesAcross, first: firstColumn, last: lastColumn)
            {
                var footer = TableRow(row: sheetRow.index, kind: .footer, category: category, values: values)
                footer.footerText = firstText
                result.append(footer)
                continue
            }
            let sequenceText = text(.sequence)
            if vocabulary.isSection(firstText) && values.isEmpty
                && Self.distinctCount(rawTexts.map { normalizedTexts.value($0, HeaderText.normalize) }, upTo: 3) <= 2
            {
                category = Self.sectionTitle(firstText)
                previousItem = nil
                result.append(TableRow(row: sheetRow.index, kind: .section(category ?? firstText), category: category, values: [:]))
                continue
            }
            if let sequenceText, Self.isChineseNumeral(sequenceText), values.isEmpty, text(.indicator) == nil {
                category = text(.project) ?? text(.category) ?? sequenceText
                previousItem = nil
                result.append(TableRow(row: sheetRow.index, kind: .section(category ?? sequenceText), category: category, values: [:]))
                continue
            }

            var item = TableRow(
                row: sheetRow.index, kind: .item, category: text(.category) ?? category, sequence: sequenceText,
                project: text(.project), indicator: text(.indicator), unit: text(.unit), lead: text(.lead),
                progressText: text(.progressText), areaName: text(.areaName), values: values)
            item.breakdown = roleColumns[.breakdown].flatMap { cells[$0] }.flatMap { $0.string == nil ? nil : $0 }
            // A progress sentence that states what was done (完成330个,完成率101.54%) gives the
            // figures the table has no column for, in its own cell.
            if let column = roleColumns[.progressText], let cell = cells[column], case .string(let sentence) = cell.value,
                item.values[ValueKey(.completed)] == nil, let stated = ProgressSentence.figures(sentence)
            {
                item.values[ValueKey(.completed)] = Cell(copying: cell, text: stated.completed)
                if item.values[ValueKey(.rate)] == nil { item.values[ValueKey(.rate)] = Cell(copying: cell, text: stated.rate) }
            }
            if let area = item.areaName { item.areaIsTotal = vocabulary.isTotal(area) }
            // A blank project under an item that has one, in a row without a new sequence
            // number: the same project (a merge the writer did not record, or a sub-row).
            if item.project == nil, roleColumns[.project] != nil, let previous = previousItem,
                sequenceText == nil || sequenceText == previous.sequence
            {
                item.project = previous.project
                if item.sequence == nil { item.sequence = previous.sequence }
            }
            guard item.project != nil || item.indicator != nil else {
                // Figures with nothing to name them: said, not dropped.
                // (A section heading or a 合计 / 小计 line carries its section's sums: not an item
                // either, and no row to fill in.)
                let heading = vocabulary.isSection(firstText)
                let sumLine = heading
                    || rawTexts.contains { text in ["合计", "小计", "总计"].contains { text.utf8.count < 200 && text.contains($0) } }
                if heading, values.values.contains(where: { LayoutRecognizer.isFigure($0) }) {
                    // A section heading above its items with their sums (一、市级重点民生实事 | 16842):
                    // a heading, and its figures are the sums of the items under it.
                    category = Self.sectionTitle(firstText)
                    previousItem = nil
                    result.append(TableRow(row: sheetRow.index, kind: .section(category ?? firstText), category: category, values: values))
                    continue
                }
                if !sumLine, values.values.contains(where: { LayoutRecognizer.isFigure($0) }) {
                    result.append(TableRow(row: sheetRow.index, kind: .unlabeled, category: category, values: values))
                }
                continue
            }
            // A table with no target column states its targets in its items' wording (新建2座人行天桥).
            if !hasTargetColumn, let cell = (roleColumns[.indicator] ?? roleColumns[.project]).flatMap({ cells[$0] }),
                let wording = cell.string, let figure = WordedFigure.written(in: wording, words: vocabulary.quantityWords)
            {
                item.values[ValueKey(.target)] = Cell(copying: cell, text: figure)
            }
            item.indicatorKind = indicatorKind(item)
            result.append(item)
            previousItem = item
        }
        if roleColumns[.indicator] == nil { Self.nameByWordedTargets(&result, words: vocabulary.quantityWords, label: label) }
        MeasureRows.join(&result, vocabulary: vocabulary)
        return result
    }

    /// Rows under one project (merged over them) with no indicator column, each with its target
    /// in words (1.力争9个城市社区达到“三公里”… · 2.募集青年就业见习岗位325个): each is named by its
    /// target's wording, so that they are several items, not one project repeated; the one figure
    /// the wording states (募集…325个) is the target.
    static func nameByWordedTargets(_ rows: inout [TableRow], words: QuantityWords, label: (String) -> String) {
        var byProject: [String: [Int]] = [:]
        byProject.reserveCapacity(rows.count)
        // (An area named once over its rows, in the first of them, is theirs too.)
        var area: String?
        for (index, row) in rows.enumerated() where row.kind == .item {
            area = row.areaName ?? area
            guard row.indicator == nil, let project = row.project else { continue }
            byProject["\(row.category ?? "")|\(project)|\(area ?? "")", default: []].append(index)
        }
        for indices in byProject.values where indices.count >= 2 {
            let wordings = indices.map { rows[$0].values[ValueKey(.target)]?.string.flatMap { ProseText.isProse($0) ? $0 : nil } }
            guard wordings.allSatisfy({ $0 != nil }), Set(wordings).count == indices.count else { continue }
            for (index, wording) in zip(indices, wordings) {
                guard let wording else { continue }
                rows[index].indicator = label(wording)
                if let cell = rows[index].values[ValueKey(.target)], let figure = WordedFigure.written(in: wording, words: words) {
                    rows[index].values[ValueKey(.target)] = Cell(copying: cell, text: figure)
                }
            }
        }
    }

    /// How many distinct texts there are, counting no further than `limit` (equal texts that
    /// share storage compare without being walked).
    /// Whether a row's figure cells hold only texts, at least two of them header words of a
    /// measure (目标, 完成情况, 完成率 …): the header repeated, not an item.
    static func isRepeatedHeader(_ values: [ValueKey: Cell], vocabulary: HeaderVocabulary) -> Bool {
        guard values.count >= 2 else { return false }
        var words = 0
        for cell in values.values {
            // No header word is long: a long text is looked at no further.
            guard let text = cell.string, !HeaderText.isLong(text) else { return false }
            switch vocabulary.classify(text).role {
            case .target?, .completed?, .rate?: words += 1
            default: break
            }
        }
        return words >= 2
    }

    static func distinctCount(_ texts: [String], upTo limit: Int) -> Int {
        var distinct: [String] = []
        for text in texts where !distinct.contains(text) {
            distinct.append(text)
            if distinct.count >= limit { break }
        }
        return distinct.count
    }

    /// For each of the sheet's non-empty `rows` (sorted), the last listed merge that spans more
    /// than one row and covers it below its first row in `column`. Work grows with rows and
    /// merges, never with how many rows a merge claims: each row is assigned once, the merges
    /// taken last first, skipping rows already assigned.
    static func coveringMerges(_ merges: [CellRange], column: Int, rows: [Int]) -> [Int: CellRange] {
        var result: [Int: CellRange] = [:]
        // next[i]: the first position at or after i not yet assigned (path-halving).
        var next = Array(0...rows.count)
        func unassigned(_ start: Int) -> Int {
            var i = start
            while next[i] != i {
                next[i] = next[next[i]]
                i = next[i]
            }
            return i
        }
        for range in merges.reversed()
        where range.last.row > range.first.row && range.first.column <= column && column <= range.last.column {
            // The first row below the merge's first row.
            var low = 0
            var high = rows.count
            while low < high {
                let mid = (low + high) / 2
                if rows[mid] <= range.first.row { low = mid + 1 } else { high = mid }
            }
            var position = unassigned(low)
            while position < rows.count, rows[position] <= range.last.row {
                result[rows[position]] = range
                next[position] = position + 1
                position = unassigned(position + 1)
            }
        }
        return result
    }

    /// Whether a row's figures sum across areas, from its indicator's (or project's) name when it
    /// is a name, not a sentence naming several things.
    func indicatorKind(_ row: TableRow) -> IndicatorKind {
        guard let name = row.indicator ?? row.project, HeaderVocabulary.label(name).map({ HeaderText.hasAtMost(24, charactersIn: $0) }) ?? false
        else { return .additive }
        return vocabulary.indicatorKind(of: name, unit: row.unit)
    }

    /// The value columns of a layout with the areas in columns or none, each with its key: the
    /// first column of each measure and area is its main figure; with no areas, a further
    /// target or completion column is one more figure of the item (`ValueKey.figure`), read on
    /// its own.
    static func valueKeys(_ layout: TableLayout) -> [(key: ValueKey, column: Int)] {
        var seen = Set<ValueKey>()
        let hasAreas = layout.columns.contains { if case .value(_, _?) = $0.meaning { true } else { false } }
        return layout.columns.compactMap { column -> (ValueKey, Int)? in
            guard case .value(let measure, let area) = column.meaning else { return nil }
            let key = ValueKey(measure, area: area)
            if seen.insert(key).inserted { return (key, column.column) }
            // (A second rate is paired by its own rules, `YearTargets`: not a figure of its own.)
            return hasAreas || area != nil || measure == .rate ? (key, column.column) : (ValueKey(measure, figure: column.column), column.column)
        }
    }

    /// A table with the areas in rows: one item per indicator group, its values the group's
    /// cells in each area row (`ValueKey(measure, area:)`) and in the total row (`ValueKey(measure)`).
    func rows(of sheet: Sheet, areaRows: AreaRows) -> [TableRow] {
        let wanted = Set(areaRows.rows.map(\.row))
        var cellsByRow: [Int: [Int: Cell]] = [:]
        for sheetRow in sheet.rows where wanted.contains(sheetRow.index) {
            cellsByRow[sheetRow.index] = Dictionary(sheetRow.cells.map { ($0.reference.column, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return areaRows.groups.enumerated().map { index, group in
            var values: [ValueKey: Cell] = [:]
            for areaRow in areaRows.rows {
                for column in group.columns {
                    guard case .value(let measure, _) = column.meaning,
                        let cell = cellsByRow[areaRow.row]?[column.column + areaRow.shift], !Self.isBlank(cell)
                    else { continue }
                    values[ValueKey(measure, area: areaRow.area)] = cell
                }
            }
            var row = TableRow(
                row: group.headerRow, kind: .item, category: nil, sequence: String(index + 1), project: group.project,
                indicator: group.indicator, unit: group.unit, lead: group.lead, values: values)
            row.group = group
            row.indicatorKind = vocabulary.indicatorKind(of: group.indicator, unit: group.unit)
            return row
        }
    }

    /// The text a descriptive cell shows (numbers as written, e.g. a 序号 of 3).
    static func text(_ cell: Cell) -> String? {
        switch cell.value {
        case .string(let s): return s
        case .number(let n): return NumberText.format(n)
        case .date(let iso, _): return iso
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .formulaWithoutValue: return nil
        }
    }

    /// A value cell that holds nothing (an empty string).
    static func isBlank(_ cell: Cell) -> Bool {
        if case .string(let s) = cell.value { return HeaderText.isBlank(s) }
        return false
    }

    /// How many characters of a name, unit or number are kept.
    static let labelLimit = 1024

    /// `text` cut to `labelLimit` characters and `…` when longer.
    static func capped(_ text: String) -> String {
        guard text.utf8.count > labelLimit else { return text }
        let head = text.prefix(labelLimit + 1)
        return head.count > labelLimit ? String(head.prefix(labelLimit)) + "…" : text
    }

    /// Trims white space and folds internal line breaks of a label.
    static func clean(_ text: String) -> String {
        guard hasWhitespace(text) else { return text }
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        return lines.map { line in
            line.drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed()
        }.map { String($0) }.joined()
    }

    /// Whether any character of `text` is white space (Unicode White_Space, as
    /// `Character.isWhitespace`), found in its UTF-8 bytes without walking characters.
    static func hasWhitespace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return true }
                } else if b == 0xC2, i + 1 < n {
                    if bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0 { return true }  // U+0085, U+00A0
                } else if b >= 0xE1 && b <= 0xE3, i + 2 < n {
                    let b1 = bytes[i + 1]
                    let b2 = bytes[i + 2]
                    switch b {
                    case 0xE1: if b1 == 0x9A && b2 == 0x80 { return true }  // U+1680
                    case 0xE2:
                        // U+2000…U+200A, U+2028, U+2029, U+202F; U+205F.
                        if b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return true }
                        if b1 == 0x81 && b2 == 0x9F { return true }
                    default: if b1 == 0x80 && b2 == 0x80 { return true }  // U+3000
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// `一、就业创业` → `就业创业`.
    static func sectionTitle(_ text: String) -> String {
        var title = Substring(text)
        while let first = title.first, "一二三四五六七八九十百（()）、.．第部分类章".contains(first) {
            title = title.dropFirst()
        }
        return title.isEmpty ? text : String(title)
    }

    static func isChineseNumeral(_ text: String) -> Bool {
        // Most sequence numbers are digits: rejected on their first non-space character.
        guard let lead = text.unicodeScalars.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xA0].contains($0.value) }),
            "一二三四五六七八九十百、.．".unicodeScalars.contains(lead)
        else { return false }
        guard let label = HeaderVocabulary.label(text), let first = label.first, "一二三四五六七八九十百、.．".contains(first)
        else { return false }
        let normalized = label.trimmingCharacters(in: CharacterSet(charactersIn: "、.．"))
        return !normalized.isEmpty && normalized.allSatisfy { "一二三四五六七八九十百".contains($0) }
    }
}

extension Cell {
    /// The cell with `text` in place of its value (a figure stated inside its sentence).
    init(copying cell: Cell, text: String) {
        self = cell
        value = .string(text)
        format = NumberFormat.general
    }
}

/// The cells of one sheet row by column, found by a binary search of its cells (which are in
/// column order): no dictionary made for each row read.
private struct ColumnLookup {
    let row: Row

    subscript(column: Int) -> Cell? {
        let cells = row.cells
        var low = 0
        var high = cells.count
        while low < high {
            let mid = (low + high) / 2
            if cells[mid].reference.column < column { low = mid + 1 } else { high = mid }
        }
        return low < cells.count && cells[low].reference.column == column ? cells[low] : nil
    }
}

/// The column of each descriptive role in a layout (the first column of a role), looked up by a
/// scan of the few roles present rather than by hashing the role's name for every cell read.
private struct RoleColumns {
    private var columns: [(role: HeaderRole, column: Int)] = []

    init(_ layout: TableLayout) {
        for column in layout.columns {
            if case .role(let role) = column.meaning, !columns.contains(where: { $0.role == role }) {
                columns.append((role, column.column))
            }
        }
    }

    subscript(role: HeaderRole) -> Int? {
        for entry in columns where entry.role == role { return entry.column }
        return nil
    }
}
