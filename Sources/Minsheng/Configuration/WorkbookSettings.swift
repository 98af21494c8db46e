import Foundation

/// The print settings of the standardized progress workbook and the words of 总览, as data
/// (`Templates/workbook.json`), editable without recompiling.
///
/// ```swift
/// let settings = try WorkbookSettings.load()
/// settings.print.minimumFontSize   // 9
/// ```
struct WorkbookSettings: Sendable, Decodable {
    /// How every sheet prints.
    struct Print: Sendable, Decodable {
        /// The body text size in points.
        var bodyFontSize: Double
        /// The size of a sheet's title.
        var titleFontSize: Double
        /// The smallest size body text may have on paper (A4, as LibreOffice prints it).
        var minimumFontSize: Double
        /// The sum of column widths (character units) one A4 landscape page holds at 100%.
        var pageWidth: Double
        /// The height one line of wrapped text takes, in points.
        var lineHeight: Double
        /// Added to a wrapped row's lines, in points.
        var rowPadding: Double
        /// The tallest row a spreadsheet allows.
        var maximumRowHeight: Double
    }

    /// 进度汇总's settings.
    struct Progress: Sendable, Decodable {
        /// The 来源 cell of an item read from several inputs (`{first}`, `{count}`).
        var sourceMore: String
        /// A printed page starts at each new 类别.
        var breakBetweenCategories: Bool
    }

    /// 总览's words and limits.
    struct Overview: Sendable, Decodable {
        /// The sheet name.
        var sheetName: String
        /// The title: `{city}`, `{period}`, `{title}`.
        var title: String
        /// The as-of line when `--as-of` was given: `{date}`, `{schedule}`.
        var asOfGiven: String
        /// The as-of line when the date is the end of the latest period of the inputs: `{period}` too.
        var asOfFromInputs: String
        /// When there is no date at all.
        var asOfMissing: String
        /// The heading over the status counts.
        var statusHeading: String
        /// 状态 / 指标数 / 占比.
        var statusHeaders: [String]
        /// The row of items with no status among them (qualitative targets, nothing filled in).
        var otherStatus: String
        /// The total row.
        var totalLabel: String
        /// The chart's title.
        var chartTitle: String
        /// The overall rate: `{rate}`, `{count}`.
        var overallRate: String
        /// When no item has a numeric target and completion.
        var overallRateNone: String
        /// The heading over the areas.
        var areaHeading: String
        /// 排名 / 县区 / 报送情况 / 已填指标 / 达到序时 / 占比.
        var areaHeaders: [String]
        /// An area's return was merged: `{file}` (its name without .xlsx).
        var reported: String
        /// After `reported`, when other returns of the area were not merged: `{count}`.
        var othersNotUsed: String
        /// An area of a city table with completions.
        var filled: String
        /// No return from the area.
        var notReported: String
        /// An area of a city table without completions.
        var notFilled: String
        /// A return that was not merged: `{reason}`.
        var notUsed: String
        /// The heading over the top findings: `{errors}`, `{warnings}`, `{shown}`.
        var findingsHeading: String
        /// When there are none.
        var findingsNone: String
        /// 级别 / 问题 / 定位.
        var findingHeaders: [String]
        /// How many findings 总览 lists.
        var topFindings: Int
        /// The widths of its columns, left to right (character units).
        var columnWidths: [Double]
    }

    /// Print settings.
    var print: Print
    /// 进度汇总.
    var progress: Progress
    /// 总览.
    var overview: Overview
    /// The word of each item status (进度汇总's 状态, 总览's counts): words only, which status an
    /// item has never depends on them.
    var statuses: [ItemStatus: String]

    /// Loads `workbook.json` from the first place `TemplateFiles` finds it (`folder`,
    /// `$MINSHENG_TEMPLATES`, the package's copy).
    ///
    /// - Throws: `MinshengError.configuration` when the file is missing or broken.
    static func load(folder: URL? = nil) throws -> WorkbookSettings {
        try load(from: TemplateFiles.url(named: "workbook.json", folder: folder))
    }

    /// Loads the settings from a JSON file.
    ///
    /// - Throws: `MinshengError.configuration` when the file is missing or broken.
    static func load(from url: URL) throws -> WorkbookSettings {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw MinshengError.configuration(file: url.path, problem: .cannotOpen(.workbookSettings))
        }
        let settings: WorkbookSettings
        do { settings = try JSONDecoder().decode(WorkbookSettings.self, from: data) } catch {
            throw MinshengError.configuration(file: url.path, problem: .malformed(.workbookSettings, detail: "\(error)"))
        }
        let o = settings.overview
        guard ItemStatus.allCases.allSatisfy({ settings.statuses[$0] != nil }), o.statusHeaders.count == 3, o.areaHeaders.count == 6, o.findingHeaders.count == 3, o.columnWidths.count == 13,
            settings.print.bodyFontSize >= settings.print.minimumFontSize, settings.print.pageWidth > 20
        else {
            throw MinshengError.configuration(file: url.path, problem: .workbookSettingsOutOfShape)
        }
        return settings
    }

    /// `text` with each `{name}` replaced.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var result = text
        for (name, value) in values { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }
}
