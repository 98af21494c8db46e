import Foundation
import XLSXReader

/// A layout given by hand (`--layout FILE.json`) for a table detection gets wrong.
///
/// ```json
/// {"sheet": "Sheet1", "headerRows": [3, 4],
///  "columns": {"B": "project", "C": "indicator", "D": "target", "E": "completed", "F": "rate",
///              "G": "target@涡阳县", "H": "completed@涡阳县", "I": "lead"}}
/// ```
/// Rows are one-based as Excel shows them; a column is a role (`project`, `indicator`, `unit`,
/// `lead`, `sequence`, `category`, `note`, `progressText`, `areaName`) or a measure (`target`,
/// `completed`, `rate`) with an optional `@area`.
///
/// A table with the areas in rows names the column of the area names instead of `columns`; the
/// last header row holds 目标任务 / 进度 / 完成比例, the row above it the indicator names:
///
/// ```json
/// {"headerRows": [3, 4], "areaColumn": "B"}
/// ```
///
/// Every reading the recognizer makes can be written out (`--save-layout`) and read back: the
/// areas in rows with each indicator's columns named (`groups`), the units the figures are read
/// in (`units`, `%` for a rate read as a percentage), and the total row's label:
///
/// ```json
/// {"headerRows": [2, 6], "areaColumn": "A", "totalRow": "全市",
///  "groups": [{"indicator": "城镇新增就业", "unit": "人", "lead": "市人社局",
///              "columns": {"B": "target", "C": "completed", "D": "rate"}}],
///  "units": {"D": "%"}}
/// ```
public struct LayoutOverride: Sendable, Decodable {
    /// The sheet to read (optional: otherwise the command's choice).
    public var sheet: String?
    /// First and last header row, one-based.
    public var headerRows: [Int]
    /// Column letter → meaning.
    public var columns: [String: String]
    /// With the areas in rows: the letter of the column holding the area names.
    public var areaColumn: String?
    /// With the areas in rows: each indicator's columns (nil: found from the header's measures).
    var groups: [Group]?
    /// Column letter → the unit its figures are read in (`%`: a rate read as a percentage).
    public var units: [String: String]
    /// With the areas in rows: the label of the total row (全市, 合计), when the words alone do
    /// not name it.
    public var totalRow: String?
    /// With the areas in rows: the width of one block of a list folded into blocks side by side
    /// (乡镇 | 筛查数 | 乡镇 | 筛查数: 2), nil when it is not folded.
    public var foldEvery: Int?

    /// One indicator's columns with the areas in rows.
    struct Group: Sendable, Decodable {
        /// The indicator's name.
        var indicator: String
        /// The project above it, if any.
        var project: String?
        /// The unit of its figures, if any.
        var unit: String?
        /// The unit responsible, if named.
        var lead: String?
        /// Column letter → `target`, `completed` or `rate`.
        var columns: [String: String]
        /// The one-based row of the indicator's name (the item's row in reports), if given.
        var row: Int?
    }

    private enum CodingKeys: String, CodingKey {
        case sheet, headerRows, columns, areaColumn, groups, units, totalRow, foldEvery
    }

    /// Creates one from its parts.
    init(sheet: String? = nil, headerRows: [Int], columns: [String: String] = [:], areaColumn: String? = nil) {
        self.sheet = sheet
        self.headerRows = headerRows
        self.columns = columns
        self.areaColumn = areaColumn
        self.units = [:]
    }

    /// Decodes one; `columns` may be left out when `areaColumn` is given.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
        headerRows = try container.decode([Int].self, forKey: .headerRows)
        areaColumn = try container.decodeIfPresent(String.self, forKey: .areaColumn)
        groups = try container.decodeIfPresent([Group].self, forKey: .groups)
        units = try container.decodeIfPresent([String: String].self, forKey: .units) ?? [:]
        totalRow = try container.decodeIfPresent(String.self, forKey: .totalRow)
        foldEvery = try container.decodeIfPresent(Int.self, forKey: .foldEvery).flatMap { $0 >= 2 ? $0 : nil }
        if areaColumn == nil {
            columns = try container.decode([String: String].self, forKey: .columns)
        } else {
            columns = try container.decodeIfPresent([String: String].self, forKey: .columns) ?? [:]
        }
    }

    /// The zero-based column of the area names, when the areas are in rows.
    var areaColumnIndex: Int? { areaColumn.flatMap { CellReference("\($0)1") }?.column }

    /// Loads and checks an override file.
    public static func load(path: String) throws -> LayoutOverride {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MinshengError.badLayoutFile(file: path, problem: .cannotOpen)
        }
        return try load(data: data, path: path)
    }

    /// Checks an override file's bytes (`path` names it in messages).
    static func load(data: Data, path: String) throws -> LayoutOverride {
        let override: LayoutOverride
        do { override = try JSONDecoder().decode(LayoutOverride.self, from: data) } catch {
            throw MinshengError.badLayoutFile(file: path, problem: .malformed)
        }
        guard let first = override.headerRows.first, first >= 1, (override.headerRows.last ?? first) >= first else {
            throw MinshengError.badLayoutFile(file: path, problem: .badHeaderRows)
        }
        for group in override.groups ?? [] {
            for (letter, meaning) in group.columns {
                guard CellReference("\(letter)1") != nil else {
                    throw MinshengError.badLayoutFile(file: path, problem: .notAColumn(letter))
                }
                guard Measure(rawValue: meaning) != nil else {
                    throw MinshengError.badLayoutFile(file: path, problem: .badMeasure(indicator: group.indicator, column: letter, meaning: meaning))
                }
            }
        }
        if override.groups != nil, override.areaColumn == nil {
            throw MinshengError.badLayoutFile(file: path, problem: .groupsWithoutAreaColumn)
        }
        if let letter = override.areaColumn, override.areaColumnIndex == nil {
            throw MinshengError.badLayoutFile(file: path, problem: .badAreaColumn(letter))
        }
        for (letter, meaning) in override.columns {
            guard CellReference("\(letter)1") != nil else {
                throw MinshengError.badLayoutFile(file: path, problem: .notAColumn(letter))
            }
            guard Self.meaning(meaning) != nil else {
                throw MinshengError.badLayoutFile(file: path, problem: .unknownMeaning(column: letter, meaning: meaning))
            }
        }
        return override
    }

    static func meaning(_ text: String) -> ColumnMeaning? {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        let head = parts.first ?? ""
        // `target@total`: the total's column in a table with area columns.
        let area = parts.count == 2 && parts[1] != "total" ? parts[1] : nil
        if let measure = Measure(rawValue: head) { return .value(measure, area: area) }
        if area == nil, let role = HeaderRole(rawValue: head) { return .role(role) }
        return nil
    }

    /// The layout for a sheet: the areas in rows found by `recognizer` under the given header
    /// rows when `areaColumn` is set, else the columns as given. Nil when no area row is there.
    func layout(sheet: Sheet, recognizer: LayoutRecognizer) -> TableLayout? {
        let lastHeaderRow = (headerRows.last ?? 1) - 1
        if let areaColumn = areaColumnIndex, let groups {
            let headers = headerTexts(sheet, recognizer: recognizer)
            let grid = recognizer.headerGrid(sheet)
            let columnGroups = groups.map { group in
                ColumnGroup(
                    project: group.project, indicator: group.indicator, unit: group.unit,
                    headerRow: max(0, (group.row ?? headerRows.first ?? 1) - 1),
                    columns: group.columns.compactMap { letter, text -> LayoutColumn? in
                        guard let reference = CellReference("\(letter)1"), let measure = Measure(rawValue: text) else { return nil }
                        return LayoutColumn(
                            // The header in the indicator's own row when the group names it, as read.
                            column: reference.column,
                            header: group.row.flatMap { grid[$0 - 1]?[reference.column] }.map(HeaderText.normalize)
                                ?? headers[reference.column] ?? text,
                            meaning: .value(measure, area: nil),
                            unit: units[letter].map { $0.isEmpty ? nil : $0 } ?? (measure == .rate ? nil : group.unit))
                    }.sorted { $0.column < $1.column }, lead: group.lead)
            }
            var rows = recognizer.areaRows(sheet, below: lastHeaderRow, column: areaColumn, groups: columnGroups)
            if let totalRow {
                let wanted = HeaderText.normalize(totalRow)
                for i in rows.indices where HeaderText.normalize(rows[i].label) == wanted { rows[i].area = nil }
            }
            if let foldEvery {
                rows += recognizer.foldedRows(
                    sheet, below: lastHeaderRow, column: areaColumn, groups: columnGroups, every: foldEvery, first: rows)
            }
            guard !rows.isEmpty else { return nil }
            let first = max(0, (headerRows.first ?? 1) - 1)
            return TableLayout(
                sheetName: sheet.name, headerRows: first...max(first, lastHeaderRow),
                columns: [LayoutColumn(column: areaColumn, header: headers[areaColumn] ?? "", meaning: .role(.areaName))]
                    + columnGroups.flatMap(\.columns) + otherColumns(headers: headers, besides: columnGroups, areaColumn: areaColumn),
                areaRows: AreaRows(column: areaColumn, rows: rows, groups: columnGroups, foldEvery: foldEvery))
        }
        if let areaColumn = areaColumnIndex {
            return recognizer.recognizeAreaRows(sheet, subHeaderRow: lastHeaderRow, areaColumn: areaColumn)
        }
        var layout = layout(sheetName: sheet.name)
        let headers = headerTexts(sheet, recognizer: recognizer)
        for i in layout.columns.indices {
            if let header = headers[layout.columns[i].column] { layout.columns[i].header = header }
            if let unit = units[TableReading.letter(layout.columns[i].column)] { layout.columns[i].unit = unit.isEmpty ? nil : unit }
        }
        return layout
    }

    /// With the areas in rows, the columns given by their role beside the groups (a note).
    private func otherColumns(headers: [Int: String], besides groups: [ColumnGroup], areaColumn: Int) -> [LayoutColumn] {
        let grouped = Set(groups.flatMap { $0.columns.map(\.column) } + [areaColumn])
        return columns.compactMap { letter, text -> LayoutColumn? in
            guard let reference = CellReference("\(letter)1"), !grouped.contains(reference.column), case .role(let role) = Self.meaning(text)
            else { return nil }
            return LayoutColumn(column: reference.column, header: headers[reference.column] ?? text, meaning: .role(role))
        }.sorted { $0.column < $1.column }
    }

    /// Each column's header as the recognizer shows it: its texts in the header rows, top to
    /// bottom, each once, joined with `/`.
    private func headerTexts(_ sheet: Sheet, recognizer: LayoutRecognizer) -> [Int: String] {
        let grid = recognizer.headerGrid(sheet)
        let first = (headerRows.first ?? 1) - 1
        let last = max(first, (headerRows.last ?? 1) - 1)
        var result: [Int: [String]] = [:]
        for row in first...last {
            for (column, text) in grid[row] ?? [:] where !(result[column] ?? []).contains(text) {
                result[column, default: []].append(text)
            }
        }
        return result.mapValues { $0.joined(separator: "/") }
    }

    /// The layout for a sheet.
    func layout(sheetName: String) -> TableLayout {
        let first = (headerRows.first ?? 1) - 1
        let last = max(first, (headerRows.last ?? 1) - 1)
        let columns = self.columns.compactMap { letter, text -> LayoutColumn? in
            guard let reference = CellReference("\(letter)1"), let meaning = Self.meaning(text) else { return nil }
            return LayoutColumn(column: reference.column, header: text, meaning: meaning)
        }.sorted { $0.column < $1.column }
        return TableLayout(sheetName: sheetName, headerRows: first...last, columns: columns)
    }
}
