import Foundation
import XLSXWriter

/// 进度汇总, the first sheet of the progress workbook: a merged title, the header row, one row per
/// item. Its columns are `columns`; the writer takes every position, width and formula letter
/// from there.
enum ProgressSheet {
    /// What each column of 进度汇总 holds.
    enum Column: Hashable, Sendable, CaseIterable {
        /// 序号.
        case sequence
        /// 类别.
        case category
        /// 项目.
        case project
        /// 指标.
        case indicator
        /// 单位.
        case unit
        /// 年度目标.
        case target
        /// 完成数.
        case completed
        /// 上期累计 (`--previous`): last period's cumulative completion.
        case previous
        /// 本期新增 (`--previous`): a formula, completed − previous.
        case increase
        /// 完成率: a formula, completed ÷ target.
        case rate
        /// 序时进度.
        case schedule
        /// 状态.
        case status
        /// 责任单位.
        case lead
        /// 来源: file and cell of each input.
        case source
    }

    /// The sheet name.
    static let name = "进度汇总"
    /// Zero-based row of the header.
    static let headerRow = 1
    /// Zero-based row of the first item.
    static let firstRow = 2

    /// The columns of 进度汇总, left to right (without 上期累计 / 本期新增).
    static let columns = columns(previous: false)

    /// The columns of 进度汇总; with `previous`, 上期累计 and 本期新增 follow 完成数.
    static func columns(previous: Bool) -> SheetColumns<Column> {
        SheetColumns<Column>(
            standardColumns.flatMap { column -> [SheetColumn<Column>] in
                guard previous, column.key == .completed else { return [column] }
                return [
                    column,
                    SheetColumn(.previous, "上期累计", width: .fixed(9), style: ProgressWorkbook.numberStyle),
                    SheetColumn(.increase, "本期新增", width: .fixed(9), style: ProgressWorkbook.numberStyle),
                ]
            })
    }

    // Widths for A4 landscape at 100% (`Templates/workbook.json` pageWidth); the fitting columns
    // narrow toward their minimum when the sheet would be wider than a page.
    private static let standardColumns: [SheetColumn<Column>] = [
        SheetColumn(.sequence, "序号", width: .fixed(5), style: .centered),
        SheetColumn(.category, "类别", width: .fitting(minimum: 6, maximum: 10), style: .wrapped),
        SheetColumn(.project, "项目", width: .fitting(minimum: 8, maximum: 20), style: .wrapped),
        SheetColumn(.indicator, "指标", width: .fitting(minimum: 8, maximum: 26), style: .wrapped),
        SheetColumn(.unit, "单位", width: .fixed(6), style: .wrapped),
        SheetColumn(.target, "年度目标", width: .fitting(minimum: 8, maximum: 16), style: ProgressWorkbook.numberStyle),
        SheetColumn(.completed, "完成数", width: .fixed(9), style: ProgressWorkbook.numberStyle),
        SheetColumn(.rate, "完成率", width: .fixed(8), style: ProgressWorkbook.percentStyle),
        SheetColumn(.schedule, "序时进度", width: .fixed(8), style: ProgressWorkbook.percentStyle),
        SheetColumn(.status, "状态", width: .fixed(8), style: .centered),
        SheetColumn(.lead, "责任单位", width: .fitting(minimum: 8, maximum: 12), style: .wrapped),
        SheetColumn(.source, "来源", width: .fitting(minimum: 8, maximum: 22), style: .wrapped),
    ]

    /// The text of an item in a column, as far as it decides the column's width.
    static func fittedTexts(_ column: Column, _ items: [ProgressItem]) -> [String] {
        switch column {
        case .category: return items.map { $0.category ?? "" }
        case .project: return items.map { $0.project ?? "" }
        case .indicator: return items.map { $0.indicator ?? "" }
        case .target: return items.map { ProgressWorkbook.figureText($0.target) }
        case .lead: return items.map { $0.lead ?? "" }
        case .source: return items.compactMap(\.sources.first)
        case .sequence, .unit, .completed, .previous, .increase, .rate, .schedule, .status: return []
        }
    }

    /// Column widths of 进度汇总 that fit its Chinese text (a CJK character counts two), within
    /// one A4 landscape page when they can.
    static func widths(_ items: [ProgressItem], previous: Bool = false, budget: Double = .infinity) -> [Double] {
        columns(previous: previous).widths(fitting: { fittedTexts($0, items) }, budget: budget)
    }

    /// Each item's row (zero-based) by item name, the first when a name repeats: where links land.
    static func rowOfItem(_ items: [ProgressItem]) -> [String: Int] {
        var rows: [String: Int] = [:]
        for (i, item) in items.enumerated() where rows[ProgressWorkbook.itemName(item)] == nil {
            rows[ProgressWorkbook.itemName(item)] = firstRow + i
        }
        return rows
    }

    /// Writes 进度汇总.
    static func write(
        _ content: ProgressWorkbookContent, _ book: XLSXWorkbook, layout: PrintLayout, progress: WorkbookSettings.Progress,
        statusWords: [ItemStatus: String]
    ) throws(XLSXWriterError) {
        let sheet = try book.addWorksheet(name)
        let columns = Self.columns(previous: content.previous)
        let last = columns.lastIndex
        let size = layout.bodySize
        let widths = widths(content.items, previous: content.previous, budget: layout.settings.pageWidth)
        try sheet.mergeRange(
            firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: last, ProgressWorkbook.titleText(content),
            format: book.format(ProgressWorkbook.titleFormat(size: layout.settings.titleFontSize)))
        try sheet.setRow(0, height: 30)
        let header = book.format(ProgressWorkbook.headerFormat(size: size))
        for (c, text) in columns.headers.enumerated() {
            try sheet.write(text, row: headerRow, column: c, format: header)
        }
        let headerHeight = layout.headerHeight(columns.headers, widths: widths)
        try sheet.setRow(headerRow, height: headerHeight)
        func format(_ style: ColumnStyle) -> XLSXFormat { book.format(ProgressWorkbook.cellFormat(style, size: size)) }
        let (plain, wrapped, number, percent) = (format(.text), format(.wrapped), format(ProgressWorkbook.numberStyle), format(ProgressWorkbook.percentStyle))
        func format(_ key: Column) -> XLSXFormat { format(columns.column(key).style ?? .text) }
        let (sequence, status, lead, source) = (format(.sequence), format(.status), format(.lead), format(.source))
        let texts: [(Column, XLSXFormat)] = [.category, .project, .indicator, .unit].map { ($0, format($0)) }
        let (rate, schedule) = (format(.rate), format(.schedule))
        try sheet.setColumns(columns, widths: widths)
        let c = (
            sequence: columns.index(.sequence), target: columns.index(.target), completed: columns.index(.completed),
            rate: columns.index(.rate), schedule: columns.index(.schedule), status: columns.index(.status),
            lead: columns.index(.lead), source: columns.index(.source)
        )
        let (completedLetter, targetLetter) = (columns.letter(.completed), columns.letter(.target))
        func width(_ key: Column) -> Double { widths[columns.index(key)] }
        var heights: [Double] = []
        for (i, item) in content.items.enumerated() {
            let r = firstRow + i
            try sheet.write(Double(i + 1), row: r, column: c.sequence, format: sequence)
            for (key, textFormat) in texts {
                let column = columns.index(key)
                if let value = text(key, item) { try sheet.write(ProgressWorkbook.cellText(value), row: r, column: column, format: textFormat) }
                // An empty text cell has no text to wrap: plain, whatever the column's style.
                else { try sheet.writeBlank(row: r, column: column, format: plain) }
            }
            try ProgressWorkbook.writeFigure(item.target, sheet, r, c.target, number: number, percent: percent, text: wrapped)
            try ProgressWorkbook.writeFigure(item.completed, sheet, r, c.completed, number: number, percent: percent, text: wrapped)
            if content.previous {
                let (previousColumn, increaseColumn) = (columns.index(.previous), columns.index(.increase))
                if let before = item.previousCompleted {
                    try sheet.write(ProgressWorkbook.double(before), row: r, column: previousColumn, format: number)
                    if let now = item.completed?.number {
                        try sheet.writeFormula(
                            "=\(completedLetter)\(r + 1)-\(columns.letter(.previous))\(r + 1)", row: r, column: increaseColumn,
                            cachedNumber: ProgressWorkbook.double(now - before), format: number)
                    } else {
                        try sheet.writeBlank(row: r, column: increaseColumn, format: number)
                    }
                } else {
                    try sheet.writeBlank(row: r, column: previousColumn, format: number)
                    try sheet.writeBlank(row: r, column: increaseColumn, format: number)
                }
            }
            if let target = item.target?.number, target != 0, let completed = item.completed?.number {
                // The cached value is what a spreadsheet computes from the cells as written.
                try sheet.writeFormula(
                    "=IFERROR(\(completedLetter)\(r + 1)/\(targetLetter)\(r + 1),\"\")", row: r, column: c.rate,
                    cachedNumber: ProgressWorkbook.double(completed) / ProgressWorkbook.double(target), format: rate)
            } else {
                try sheet.writeBlank(row: r, column: c.rate, format: rate)
            }
            if let asOf = content.asOf {
                try sheet.write(asOf.scheduleShare, row: r, column: c.schedule, format: schedule)
            } else {
                try sheet.writeBlank(row: r, column: c.schedule, format: schedule)
            }
            try sheet.write(ItemStatus(item, asOf: content.asOf).flatMap { statusWords[$0] } ?? "", row: r, column: c.status, format: status)
            try sheet.write(ProgressWorkbook.cellText(item.lead ?? ""), row: r, column: c.lead, format: lead)
            let sourceText = ProgressWorkbook.sourceText(item.sources, more: progress.sourceMore)
            try sheet.write(sourceText, row: r, column: c.source, format: source)
            // Wrapped text needs a taller row: spreadsheets do not grow rows on load.
            let lines = [
                layout.lines(item.category ?? "", width: width(.category)),
                layout.lines(item.project ?? "", width: width(.project)),
                layout.lines(item.indicator ?? "", width: width(.indicator)),
                layout.lines(item.unit ?? "", width: width(.unit)),
                layout.lines(ProgressWorkbook.figureText(item.target), width: width(.target)),
                layout.lines(item.lead ?? "", width: width(.lead)),
                layout.lines(sourceText, width: width(.source)),
            ].max() ?? 1
            if let height = layout.height(lines: lines) { try sheet.setRow(r, height: height) }
            heights.append(layout.height(lines: lines) ?? 15)
        }
        let lastRow = max(firstRow, firstRow + content.items.count - 1)
        sheet.freezePanes(row: firstRow, column: 0)
        try sheet.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: lastRow, lastColumn: last)
        var red = CellFormat()
        red.fontColor = 0x9C0006
        red.fill = 0xFFC7CE
        var green = CellFormat()
        green.fontColor = 0x006100
        green.fill = 0xC6EFCE
        // Relative to the first item row; the rule moves down the column with it.
        let rateCell = "$\(columns.letter(.rate))\(firstRow + 1)"
        let scheduleCell = "$\(columns.letter(.schedule))\(firstRow + 1)"
        try sheet.conditionalFormat(
            firstRow: firstRow, firstColumn: c.rate, lastRow: lastRow, lastColumn: c.rate,
            .formula("=AND(ISNUMBER(\(rateCell)),ISNUMBER(\(scheduleCell)),\(rateCell)<\(scheduleCell))", red))
        try sheet.conditionalFormat(
            firstRow: firstRow, firstColumn: c.rate, lastRow: lastRow, lastColumn: c.rate,
            .formula("=AND(ISNUMBER(\(rateCell)),\(rateCell)>=1)", green))
        // A 类别 starts a page when it would not fit on the rest of one (and fits on a page).
        if progress.breakBetweenCategories {
            var groups: [[Double]] = []
            var previousCategory: String??
            for (item, height) in zip(content.items, heights) {
                if previousCategory == nil || previousCategory != .some(item.category) { groups.append([]) }
                groups[groups.count - 1].append(height)
                previousCategory = .some(item.category)
            }
            try sheet.setHorizontalPageBreaks(layout.pageBreaks(groups: groups, firstRow: firstRow, available: PrintLayout.pageHeight - 30 - headerHeight))
        }
        try sheet.setPrintLayout(fitToWidth: !layout.fitsPage(widths), repeatRows: 0...headerRow)
    }

    /// The text of a text column (类别, 项目, 指标, 单位).
    static func text(_ column: Column, _ item: ProgressItem) -> String? {
        switch column {
        case .category: return item.category
        case .project: return item.project
        case .indicator: return item.indicator
        case .unit: return item.unit
        default: return nil
        }
    }
}
