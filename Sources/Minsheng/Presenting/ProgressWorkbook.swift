import Foundation
import XLSXWriter

/// What goes into the standardized progress workbook.
struct ProgressWorkbookContent: Sendable {
    /// The title above the table (…民生实事进展情况).
    var title: String
    /// The date of 序时进度, if given.
    var asOf: AsOfDate?
    /// The merged items.
    var items: [ProgressItem]
    /// The check findings.
    var findings: [Finding]
    /// What happened to each input.
    var files: [FileResult]
    /// What became of a file that was read, by path (`collect`: the plan, merged for an area,
    /// not merged and why); files not listed say only that they were read. Empty: every input
    /// read was merged (`convert`).
    var outcomes: [String: FileOutcome]
    /// Decisions people should know of (which period of a series was used).
    var notes: [String]
    /// Whether items carry last period's completion (`--previous`): 上期累计 and 本期新增 are written.
    var previous = false
    /// The titles of the inputs (their first text rows), where 总览's title finds the city and year.
    var sourceTitles: [String] = []
    /// Area → the return merged for it (`collect`), for 总览's 报送情况.
    var submissions: [String: String] = [:]
    /// Print settings and 总览's words; `Templates/workbook.json` when nil.
    var settings: WorkbookSettings?
    /// The words prose targets are read with (the engine's); the data files' when nil.
    var words: ValueWords?

    /// Creates one from its parts.
    init(
        title: String, asOf: AsOfDate?, items: [ProgressItem], findings: [Finding], files: [FileResult],
        outcomes: [String: FileOutcome] = [:], notes: [String] = []
    ) {
        self.title = title
        self.asOf = asOf
        self.items = items
        self.findings = findings
        self.files = files
        self.outcomes = outcomes
        self.notes = notes
    }
}

/// Writes the standardized progress workbook of DESIGN: 总览, 进度汇总, 分县区, 校验结果, 说明.
///
/// ```swift
/// try ProgressWorkbook.write(content, to: "进度汇总.xlsx")
/// ```
enum ProgressWorkbook {
    /// The document creation time: the as-of date, or a fixed date, so reruns are byte-identical.
    static func creationDate(_ asOf: AsOfDate?) -> Date {
        var components = DateComponents()
        components.year = asOf?.year ?? 2020
        components.month = asOf?.month ?? 1
        components.day = asOf?.day ?? 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 1_577_836_800)
    }

    /// Writes the workbook at `path` (the caller handles temporary files and renaming).
    ///
    /// - Throws: `XLSXWriterError` when writing fails, `MinshengError.configuration` when
    ///   `Templates/workbook.json` is needed and missing or broken.
    static func write(_ content: ProgressWorkbookContent, to path: String) throws {
        let settings = try content.settings ?? WorkbookSettings.load()
        // The title and as-of date the inputs give when the command line does not.
        let heading = ReportHeading(content, settings: settings)
        var content = content
        content.title = heading.title
        content.asOf = heading.asOf
        let book = try XLSXWorkbook(path: path)
        try book.setProperties(
            DocumentProperties(
                title: content.title, subject: "民生实事进展情况", author: "minsheng \(MinshengInfo.version)",
                comments: "由 minsheng 根据报送表格生成", created: creationDate(content.asOf)))
        let layout = PrintLayout(settings.print)
        let rowOfItem = ProgressSheet.rowOfItem(content.items)
        try OverviewSheet.write(content, heading: heading, settings: settings, book, rowOfItem: rowOfItem)
        try ProgressSheet.write(content, book, layout: layout, progress: settings.progress, statusWords: settings.statuses)
        try AreaSheet.write(content, book, layout: layout, words: try content.words ?? HeaderVocabulary.load().valueWords)
        try FindingsSheet.write(content, book, rowOfItem: rowOfItem, layout: layout)
        try NotesSheet.write(content, book, heading: heading, layout: layout, statuses: settings.statuses)
        try OutputMarker.write(into: book, kind: OutputMarker.progressWorkbook)
        try book.close()
    }

    // MARK: - Formats

    static var titleFormat: CellFormat { titleFormat(size: 16) }

    static func titleFormat(size: Double) -> CellFormat {
        var f = CellFormat()
        f.bold = true
        f.fontSize = size
        f.horizontal = .center
        f.vertical = .center
        return f
    }

    static var headerFormat: CellFormat { headerFormat(size: nil) }

    static func headerFormat(size: Double?) -> CellFormat {
        var f = CellFormat()
        f.fontSize = size
        f.bold = true
        f.fill = 0xDDEBF7
        f.border = .thin
        f.horizontal = .center
        f.vertical = .center
        f.wrap = true
        return f
    }

    static func body(number: String? = nil, wrap: Bool = false, center: Bool = false) -> CellFormat {
        var f = CellFormat()
        f.border = .thin
        f.vertical = .center
        f.numberFormat = number
        f.wrap = wrap
        if center { f.horizontal = .center }
        return f
    }

    /// The body format of a column's style; an input cell is unlocked and shaded.
    static func cellFormat(_ style: ColumnStyle, size: Double? = nil) -> CellFormat {
        var f = body(number: style.numberFormat, wrap: style.wrap, center: style.centered)
        f.fontSize = size
        if style.input {
            f.locked = false
            f.fill = 0xFFF2CC
        }
        return f
    }

    static let percentFormat = "0.0%"
    static let numberFormat = "#,##0.##"
    /// Figures: `#,##0.##`.
    static let numberStyle = ColumnStyle(numberFormat: numberFormat)
    /// Rates: `0.0%`.
    static let percentStyle = ColumnStyle(numberFormat: percentFormat)

    // MARK: - 进度汇总

    static func titleText(_ content: ProgressWorkbookContent) -> String {
        content.asOf.map { "\(content.title)（截至 \($0.chinese)）" } ?? content.title
    }

    static func itemName(_ item: ProgressItem) -> String {
        TableRow.itemName(project: item.project, indicator: item.indicator) ?? ""
    }

    static func double(_ value: Decimal) -> Double { Double(Quantity.format(value)) ?? NSDecimalNumber(decimal: value).doubleValue }

    static func figureText(_ figure: ProgressItem.Figure?) -> String {
        switch figure {
        case .number(let n)?: return Quantity.format(n)
        case .percent(let n)?: return Quantity.format(n * 100) + "%"
        case .text(let t)?: return t
        case nil: return ""
        }
    }

    static func writeFigure(
        _ figure: ProgressItem.Figure?, _ sheet: XLSXWorksheet, _ row: Int, _ column: Int, number: XLSXFormat,
        percent: XLSXFormat, text: XLSXFormat
    ) throws(XLSXWriterError) {
        switch figure {
        case .number(let n)?: try sheet.write(double(n), row: row, column: column, format: number)
        case .percent(let n)?: try sheet.write(double(n), row: row, column: column, format: percent)
        case .text(let t)?: try sheet.write(cellText(t), row: row, column: column, format: text)
        case nil: try sheet.writeBlank(row: row, column: column, format: number)
        }
    }

    // MARK: - 分县区

    /// Areas in the order the inputs first name them.
    static func orderedAreas(_ items: [ProgressItem]) -> [String] {
        var seen: [String] = []
        for item in items {
            for area in item.areaOrder where !seen.contains(area) { seen.append(area) }
        }
        return seen
    }

    static func statedTotal(_ item: ProgressItem, words: ValueWords) -> Decimal? {
        if let number = item.target?.number { return number }
        if case .text(let text)? = item.target {
            let totals = BreakdownParser.parse(text, words: words).compactMap { $0.total?.value }
            return totals.count == 1 ? totals[0] : nil
        }
        return nil
    }
}

extension ProgressWorkbook {
    /// The most bytes a cell's text may have (Excel's 32,767-character limit, which
    /// libxlsxwriter counts in UTF-8 bytes).
    static let maxCellBytes = 32_767
    /// The most links one worksheet may hold.
    static let maxLinks = 65_530

    /// Text from the inputs as a cell can hold it: cut at a character boundary with a note when
    /// too long (a spreadsheet refuses longer text).
    static func cellText(_ text: String) -> String {
        guard text.utf8.count > maxCellBytes else { return text }
        let note = "…（超过单元格上限，已截断）"
        var kept = ""
        var bytes = 0
        for character in text {
            let size = character.utf8.count
            if bytes + size > maxCellBytes - note.utf8.count { break }
            kept.append(character)
            bytes += size
        }
        return kept + note
    }

    /// The 来源 cell: the one file!cell, or the first and how many in all (`{first} 等 {count} 个来源`;
    /// every input is listed in 说明, and a conflict between two names both cells in 校验结果).
    static func sourceText(_ sources: [String], more: String) -> String {
        guard let first = sources.first else { return "" }
        guard sources.count > 1 else { return cellText(first) }
        return cellText(WorkbookSettings.fill(more, ["first": first, "count": String(sources.count)]))
    }
}
