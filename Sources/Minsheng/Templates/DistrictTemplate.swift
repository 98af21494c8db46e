import Foundation

/// The district template as data (`Templates/district.json`): title, columns, widths, number
/// formats, instructions and protection, editable without recompiling.
struct DistrictTemplate: Sendable, Decodable {
    /// One column's label, width and number format.
    struct Column: Sendable, Decodable {
        /// The column header.
        var label: String
        /// The column width in character units.
        var width: Double
        /// The Excel number format, if any.
        var numberFormat: String?
    }

    /// A title and message shown by data validation.
    struct Message: Sendable, Decodable {
        /// The title.
        var title: String
        /// The message.
        var message: String
    }

    /// The template version written into each workbook; `collect` refuses other versions.
    var version: String
    /// `{area}` / `{period}` / `{plan}` are filled in.
    var title: String
    /// The period shown when `--period` is not given.
    var defaultPeriod: String
    /// The sheet name.
    var sheetName: String
    /// The name of the sheet holding 填报说明.
    var instructionsSheetName: String
    /// sequence, project, indicator, unit, target, completed, rate, note.
    var columns: [String: Column]
    /// Shown when a completion cell is selected.
    var inputMessage: Message
    /// Shown when a completion is not a number ≥ 0.
    var errorMessage: Message
    /// The lines of 填报说明.
    var instructions: [String]
    /// The password protecting the form sheet (empty: protected without a password).
    var protectionPassword: String
    /// The block below the form for who filled it in and when.
    var signature: Signature
    /// What staff may still do on the protected form (what 填报说明 promises).
    var protection: Protection

    /// The block below the form: label and input cell pairs, a row at a time.
    struct Signature: Sendable, Decodable {
        /// The labels, two a row (填报人, 联系电话 / 审核人, 填报日期).
        var rows: [[String]]
        /// The label whose cell takes a date (validated).
        var dateLabel: String
        /// Written in the hidden key column of its rows, so `collect` skips them wherever they move.
        var marker: String
        /// Shown when the date cell is selected.
        var dateMessage: Message
        /// Shown when the date is not a date.
        var dateError: Message
    }

    /// The protection flags of the form.
    struct Protection: Sendable, Decodable {
        /// Rows may be inserted.
        var insertRows: Bool
        /// Row heights may be changed.
        var formatRows: Bool
        /// Column widths may be changed.
        var formatColumns: Bool
        /// Sorting is allowed (Excel still refuses to sort locked cells: 填报说明 says to unprotect first).
        var sort: Bool
    }

    /// The lines of 填报说明 as shown: `{password}` filled in.
    var instructionLines: [String] {
        instructions.map { $0.replacingOccurrences(of: "{password}", with: protectionPassword.isEmpty ? "无" : protectionPassword) }
    }

    /// The keys of the form's visible columns, in sheet order (`TemplateForm.layout`).
    static var columnKeys: [String] { TemplateForm.templateKeys }

    /// Loads `Templates/district.json`: from `folder` if it holds the file, else from
    /// `$MINSHENG_TEMPLATES`, else the copy shipped with the package (see `TemplateFiles`).
    static func load(folder: URL? = nil) throws -> DistrictTemplate {
        try load(from: TemplateFiles.url(named: "district.json", folder: folder))
    }

    /// Loads a district template from a JSON file.
    static func load(from url: URL) throws -> DistrictTemplate {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw MinshengError.configuration(file: url.path, problem: .cannotOpen(.districtTemplate))
        }
        let template: DistrictTemplate
        do { template = try JSONDecoder().decode(DistrictTemplate.self, from: data) } catch {
            throw MinshengError.configuration(file: url.path, problem: .malformed(.districtTemplate, detail: "\(error)"))
        }
        for key in columnKeys where template.columns[key] == nil {
            throw MinshengError.configuration(file: url.path, problem: .missingTemplateColumn(key))
        }
        return template
    }

    /// A column's settings (every key is checked present on load).
    func column(_ key: String) -> Column {
        columns[key] ?? Column(label: key, width: 10, numberFormat: nil)
    }

    /// The title for an area and period.
    func title(area: String, period: String?, plan: String) -> String {
        title.replacingOccurrences(of: "{area}", with: area)
            .replacingOccurrences(of: "{period}", with: period ?? defaultPeriod)
            .replacingOccurrences(of: "{plan}", with: plan)
    }
}

/// Where the metadata of a template lives: a hidden sheet of key/value rows, a hidden key column
/// on the form (so a key travels with its row when staff insert rows or sort), and custom
/// document properties as a second copy.
enum TemplateMetadata {
    /// The hidden sheet's name.
    static let sheetName = "_minsheng"
    /// The marker in its A1.
    static let marker = "minsheng-template"
}

/// Stable identities: of a plan (a hash of its content) and of its items (a hash of project and
/// indicator), so a return is matched to its plan and rows by key, not by position.
enum PlanIdentity {
    /// 64-bit FNV-1a as 16 hex digits.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The key of an item: `k` and 12 hex digits of its project and indicator.
    static func itemKey(_ item: ProgressItem) -> String {
        "k" + hash(item.key).prefix(12)
    }

    /// The plan's id: a hash of every item's key, target and area targets, in order, in the
    /// canonical form of `canonicalText(_:)` (never a display: a change of how figures are shown
    /// must not orphan the templates already sent out).
    static func planID(_ items: [ProgressItem]) -> String {
        hash(canonicalText(items))
    }

    /// The text `planID` hashes: per item, its key, its target and each area's target, every
    /// field length-prefixed (`12:城镇新增就业|…`) so no text can be mistaken for a separator.
    static func canonicalText(_ items: [ProgressItem]) -> String {
        func field(_ text: String) -> String { "\(text.utf8.count):\(text)" }
        var canonical = ""
        for item in items {
            canonical += field(item.key) + "=" + canonicalFigure(item.target) + ";"
            for area in item.areaOrder {
                canonical += field(area) + "=" + (item.areas[area]?.target.map { "n" + exactDecimal($0) } ?? "") + ","
            }
            canonical += "\n"
        }
        return canonical
    }

    /// A figure as the plan id sees it: `n` and the exact number, `p` and the exact ratio (95% is
    /// `p0.95`), `t` and the length-prefixed text; empty when there is none.
    static func canonicalFigure(_ figure: ProgressItem.Figure?) -> String {
        switch figure {
        case .number(let n)?: return "n" + exactDecimal(n)
        case .percent(let n)?: return "p" + exactDecimal(n)
        case .text(let t)?: return "t\(t.utf8.count):\(t)"
        case nil: return ""
        }
    }

    /// Every digit of a decimal, `.` before the fraction, no grouping, no trailing zeros, whatever
    /// the locale: `8300`, `0.95`, `-3.1` (`Decimal`'s own text, which keeps all its digits; a
    /// decimal read as `8300.50` is the same value and text as `8300.5`).
    static func exactDecimal(_ value: Decimal) -> String {
        value.description
    }
}
