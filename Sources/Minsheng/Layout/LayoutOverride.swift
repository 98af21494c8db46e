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
public struct LayoutOverride: Sendable, Decodable {
    /// The sheet to read (optional: otherwise the command's choice).
    public var sheet: String?
    /// First and last header row, one-based.
    public var headerRows: [Int]
    /// Column letter → meaning.
    public var columns: [String: String]
    /// With the areas in rows: the letter of the column holding the area names.
    public var areaColumn: String?

    private enum CodingKeys: String, CodingKey {
        case sheet, headerRows, columns, areaColumn
    }

    /// Creates one from its parts.
    public init(sheet: String? = nil, headerRows: [Int], columns: [String: String] = [:], areaColumn: String? = nil) {
        self.sheet = sheet
        self.headerRows = headerRows
        self.columns = columns
        self.areaColumn = areaColumn
    }

    /// Decodes one; `columns` may be left out when `areaColumn` is given.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
        headerRows = try container.decode([Int].self, forKey: .headerRows)
        areaColumn = try container.decodeIfPresent(String.self, forKey: .areaColumn)
        if areaColumn == nil {
            columns = try container.decode([String: String].self, forKey: .columns)
        } else {
            columns = try container.decodeIfPresent([String: String].self, forKey: .columns) ?? [:]
        }
    }

    /// The zero-based column of the area names, when the areas are in rows.
    public var areaColumnIndex: Int? { areaColumn.flatMap { CellReference("\($0)1") }?.column }

    /// Loads and checks an override file.
    public static func load(path: String) throws -> LayoutOverride {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MinshengError.badLayoutFile(file: path, reason: "无法打开版式文件")
        }
        let override: LayoutOverride
        do { override = try JSONDecoder().decode(LayoutOverride.self, from: data) } catch {
            throw MinshengError.badLayoutFile(file: path, reason: "版式文件格式不正确（需要 headerRows 和 columns）")
        }
        guard let first = override.headerRows.first, first >= 1, (override.headerRows.last ?? first) >= first else {
            throw MinshengError.badLayoutFile(file: path, reason: "headerRows 应为一个或两个从 1 开始的行号")
        }
        if let letter = override.areaColumn, override.areaColumnIndex == nil {
            throw MinshengError.badLayoutFile(file: path, reason: "areaColumn “\(letter)”不是列名")
        }
        for (letter, meaning) in override.columns {
            guard CellReference("\(letter)1") != nil else {
                throw MinshengError.badLayoutFile(file: path, reason: "“\(letter)”不是列名")
            }
            guard Self.meaning(meaning) != nil else {
                throw MinshengError.badLayoutFile(file: path, reason: "列 \(letter) 的含义“\(meaning)”无法识别")
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
    public func layout(sheet: Sheet, recognizer: LayoutRecognizer) -> TableLayout? {
        if let areaColumn = areaColumnIndex {
            return recognizer.recognizeAreaRows(sheet, subHeaderRow: (headerRows.last ?? 1) - 1, areaColumn: areaColumn)
        }
        return layout(sheetName: sheet.name)
    }

    /// The layout for a sheet.
    public func layout(sheetName: String) -> TableLayout {
        let first = (headerRows.first ?? 1) - 1
        let last = max(first, (headerRows.last ?? 1) - 1)
        let columns = self.columns.compactMap { letter, text -> LayoutColumn? in
            guard let reference = CellReference("\(letter)1"), let meaning = Self.meaning(text) else { return nil }
            return LayoutColumn(column: reference.column, header: text, meaning: meaning)
        }.sorted { $0.column < $1.column }
        return TableLayout(sheetName: sheetName, headerRows: first...last, columns: columns)
    }
}
