import Foundation

/// The print settings of the standardized progress workbook and the words of 总览, as data
/// (`Templates/workbook.json`), editable without recompiling.
///
/// ```swift
/// let settings = try WorkbookSettings.load()
/// settings.print.minimumFontSize   // 9
/// ```
public struct WorkbookSettings: Sendable, Decodable {
    /// How every sheet prints.
    public struct Print: Sendable, Decodable {
        /// The body text size in points.
        public var bodyFontSize: Double
        /// The size of a sheet's title.
        public var titleFontSize: Double
        /// The smallest size body text may have on paper (A4, as LibreOffice prints it).
        public var minimumFontSize: Double
        /// The sum of column widths (character units) one A4 landscape page holds at 100%.
        public var pageWidth: Double
        /// The height one line of wrapped text takes, in points.
        public var lineHeight: Double
        /// Added to a wrapped row's lines, in points.
        public var rowPadding: Double
        /// The tallest row a spreadsheet allows.
        public var maximumRowHeight: Double
    }

    /// 进度汇总's settings.
    public struct Progress: Sendable, Decodable {
        /// The 来源 cell of an item read from several inputs (`{first}`, `{count}`).
        public var sourceMore: String
        /// A printed page starts at each new 类别.
        public var breakBetweenCategories: Bool
    }

    /// 总览's words and limits.
    public struct Overview: Sendable, Decodable {
        /// The sheet name.
        public var sheetName: String
        /// The title: `{city}`, `{period}`, `{title}`.
        public var title: String
        /// The as-of line when `--as-of` was given: `{date}`, `{schedule}`.
        public var asOfGiven: String
        /// The as-of line when the date is the end of the latest period of the inputs: `{period}` too.
        public var asOfFromInputs: String
        /// When there is no date at all.
        public var asOfMissing: String
        /// The heading over the status counts.
        public var statusHeading: String
        /// 状态 / 指标数 / 占比.
        public var statusHeaders: [String]
        /// The row of items with no status among them (qualitative targets, nothing filled in).
        public var otherStatus: String
        /// The total row.
        public var totalLabel: String
        /// The chart's title.
        public var chartTitle: String
        /// The overall rate: `{rate}`, `{count}`.
        public var overallRate: String
        /// When no item has a numeric target and completion.
        public var overallRateNone: String
        /// The heading over the areas.
        public var areaHeading: String
        /// 排名 / 县区 / 报送情况 / 已填指标 / 达到序时 / 占比.
        public var areaHeaders: [String]
        /// An area's return was merged: `{file}` (its name without .xlsx).
        public var reported: String
        /// After `reported`, when other returns of the area were not merged: `{count}`.
        public var othersNotUsed: String
        /// An area of a city table with completions.
        public var filled: String
        /// No return from the area.
        public var notReported: String
        /// An area of a city table without completions.
        public var notFilled: String
        /// A return that was not merged: `{reason}`.
        public var notUsed: String
        /// The heading over the top findings: `{errors}`, `{warnings}`, `{shown}`.
        public var findingsHeading: String
        /// When there are none.
        public var findingsNone: String
        /// 级别 / 问题 / 定位.
        public var findingHeaders: [String]
        /// How many findings 总览 lists.
        public var topFindings: Int
        /// The widths of its columns, left to right (character units).
        public var columnWidths: [Double]
    }

    /// Print settings.
    public var print: Print
    /// 进度汇总.
    public var progress: Progress
    /// 总览.
    public var overview: Overview
    /// The word of each item status (进度汇总's 状态, 总览's counts): words only, which status an
    /// item has never depends on them.
    public var statuses: [ItemStatus: String]

    /// Loads `workbook.json` from the first place `TemplateFiles` finds it (`folder`,
    /// `$MINSHENG_TEMPLATES`, the package's copy).
    ///
    /// - Throws: `MinshengError.configuration` when the file is missing or broken.
    public static func load(folder: URL? = nil) throws -> WorkbookSettings {
        try load(from: TemplateFiles.url(named: "workbook.json", folder: folder))
    }

    /// Loads the settings from a JSON file.
    ///
    /// - Throws: `MinshengError.configuration` when the file is missing or broken.
    public static func load(from url: URL) throws -> WorkbookSettings {
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
