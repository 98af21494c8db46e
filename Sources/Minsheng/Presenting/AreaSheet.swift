import Foundation
import XLSXWriter

/// 分县区: per area 目标 / 完成 / 完成率 under the area's name, then 合计 (the sums as SUM formulas,
/// the stated total and a check). Its columns depend on the areas: `columns(areas:)`.
enum AreaSheet {
    /// What each column of 分县区 holds.
    enum Column: Hashable, Sendable {
        /// 序号.
        case sequence
        /// 项目.
        case project
        /// 指标.
        case indicator
        /// An area's 目标.
        case target(area: String)
        /// An area's 完成.
        case completed(area: String)
        /// An area's 完成率: a formula, completed ÷ target.
        case rate(area: String)
        /// 目标（各县区之和）: a SUM formula.
        case targetSum
        /// 完成（各县区之和）: a SUM formula.
        case completedSum
        /// 全市目标（报送）: the total the inputs state.
        case statedTotal
        /// 核对: whether the stated total equals the sum.
        case check
    }

    /// The sheet name.
    static let name = "分县区"
    /// Zero-based row of the group labels (area names, 合计); the headers are on the row below.
    static let groupRow = 1
    /// Zero-based row of the headers.
    static let headerRow = 2
    /// Zero-based row of the first item.
    static let firstRow = 3

    /// The columns of 分县区 for these areas, left to right.
    static func columns(areas: [String]) -> SheetColumns<Column> {
        let number = ProgressWorkbook.numberStyle
        var columns: [SheetColumn<Column>] = [
            SheetColumn(.sequence, "序号", width: .fixed(5), style: .centered),
            SheetColumn(.project, "项目", width: .fixed(16), style: .wrapped),
            SheetColumn(.indicator, "指标", width: .fixed(18), style: .wrapped),
        ]
        for area in areas {
            columns += [
                SheetColumn(.target(area: area), "目标", group: area, width: .fixed(9), style: number),
                SheetColumn(.completed(area: area), "完成", group: area, width: .fixed(9), style: number),
                SheetColumn(.rate(area: area), "完成率", group: area, width: .fixed(8), style: ProgressWorkbook.percentStyle),
            ]
        }
        columns += [
            SheetColumn(.targetSum, "目标\n（各县区之和）", group: "合计", width: .fixed(13), style: number),
            SheetColumn(.completedSum, "完成\n（各县区之和）", group: "合计", width: .fixed(13), style: number),
            SheetColumn(.statedTotal, "全市目标\n（报送）", group: "合计", width: .fixed(12), style: number),
            SheetColumn(.check, "核对", group: "合计", width: .fixed(6), style: .centered),
        ]
        return SheetColumns(columns)
    }

    /// Where printed pages start across: each page repeats 序号 / 项目 / 指标 and holds as many
    /// whole areas (目标 / 完成 / 完成率) as fit; nothing when the sheet fits one page's width.
    static func verticalBreaks(_ columns: SheetColumns<Column>, widths: [Double], pageWidth: Double) -> [Int] {
        guard widths.reduce(0, +) > pageWidth else { return [] }
        let fixed = widths[0...columns.index(.indicator)].reduce(0, +)
        var breaks: [Int] = []
        var used = fixed
        for group in columns.groups where group.label != nil {
            let width = group.columns.map { widths[$0] }.reduce(0, +)
            if used > fixed, used + width > pageWidth {
                breaks.append(group.columns.lowerBound)
                used = fixed
            }
            used += width
        }
        return breaks
    }

    /// Writes 分县区: the items that have area figures.
    static func write(
        _ content: ProgressWorkbookContent, _ book: XLSXWorkbook, layout: PrintLayout, words: ValueWords
    ) throws(XLSXWriterError) {
        let sheet = try book.addWorksheet(name)
        let areas = ProgressWorkbook.orderedAreas(content.items)
        let items = content.items.filter { !$0.areas.isEmpty }
        let columns = columns(areas: areas)
        let widths = columns.widths { _ in [] }
        let size = layout.bodySize
        let header = book.format(ProgressWorkbook.headerFormat(size: size))
        // Wider than a page, the title sits over the repeated columns (序号 / 项目 / 指标), so every page shows it.
        let onePage = layout.fitsPage(widths)
        let titleLast = onePage ? columns.lastIndex : columns.index(.indicator)
        // Over the three repeated columns: the title on one line, 分县区 and the date on the next.
        let title = onePage
            ? ProgressWorkbook.titleText(content) + "（分县区）"
            : content.title + "\n分县区" + (content.asOf.map { "（截至 \($0.chinese)）" } ?? "")
        let titleSize = onePage ? layout.settings.titleFontSize : layout.bodySize + 1
        var titleSpec = ProgressWorkbook.titleFormat(size: titleSize)
        if !onePage {
            titleSpec.wrap = true
            titleSpec.horizontal = .left
        }
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: titleLast, title, format: book.format(titleSpec))
        let titleWidth = widths[0...titleLast].reduce(0, +)
        let titleLines = layout.lines(title, width: titleWidth, size: titleSize)
        try sheet.setRow(0, height: max(30, layout.height(lines: titleLines, size: titleSize) ?? 30))
        try sheet.setRow(groupRow, height: layout.headerHeight(columns.groups.compactMap(\.label), widths: columns.groups.filter { $0.label != nil }.map { g in g.columns.map { widths[$0] }.reduce(0, +) }))
        try sheet.setRow(headerRow, height: layout.headerHeight(columns.headers, widths: widths))
        for group in columns.groups {
            let first = group.columns.lowerBound
            if let label = group.label {
                try sheet.mergeRange(
                    firstRow: groupRow, firstColumn: first, lastRow: groupRow, lastColumn: group.columns.upperBound, label, format: header)
                for c in group.columns { try sheet.write(columns.columns[c].header, row: headerRow, column: c, format: header) }
            } else {
                try sheet.mergeRange(
                    firstRow: groupRow, firstColumn: first, lastRow: headerRow, lastColumn: first, columns.columns[first].header,
                    format: header)
            }
        }
        func format(_ key: Column) -> XLSXFormat { book.format(ProgressWorkbook.cellFormat(columns.column(key).style ?? .text, size: size)) }
        let number = book.format(ProgressWorkbook.cellFormat(ProgressWorkbook.numberStyle, size: size))
        let percent = book.format(ProgressWorkbook.cellFormat(ProgressWorkbook.percentStyle, size: size))
        let (sequence, project, indicator, check) = (format(.sequence), format(.project), format(.indicator), format(.check))
        let areaColumns = areas.map { area in
            (area: area, target: columns.index(.target(area: area)), completed: columns.index(.completed(area: area)),
                rate: columns.index(.rate(area: area)))
        }
        let c = (
            sequence: columns.index(.sequence), project: columns.index(.project), indicator: columns.index(.indicator),
            targetSum: columns.index(.targetSum), completedSum: columns.index(.completedSum),
            statedTotal: columns.index(.statedTotal), check: columns.index(.check)
        )
        let double = ProgressWorkbook.double
        for (i, item) in items.enumerated() {
            let r = firstRow + i
            try sheet.write(Double(i + 1), row: r, column: c.sequence, format: sequence)
            try sheet.write(ProgressWorkbook.cellText(item.project ?? ""), row: r, column: c.project, format: project)
            try sheet.write(ProgressWorkbook.cellText(item.indicator ?? ""), row: r, column: c.indicator, format: indicator)
            var targetSum = Decimal(0)
            for column in areaColumns {
                let figures = item.areas[column.area]
                if let t = figures?.target { try sheet.write(double(t), row: r, column: column.target, format: number); targetSum += t }
                else { try sheet.writeBlank(row: r, column: column.target, format: number) }
                if let c = figures?.completed { try sheet.write(double(c), row: r, column: column.completed, format: number) }
                else { try sheet.writeBlank(row: r, column: column.completed, format: number) }
                if let t = figures?.target, t != 0, let c = figures?.completed {
                    let ref = "\(A1.cell(r, column.completed))/\(A1.cell(r, column.target))"
                    try sheet.writeFormula(
                        "=IFERROR(\(ref),\"\")", row: r, column: column.rate, cachedNumber: double(c) / double(t), format: percent)
                } else {
                    try sheet.writeBlank(row: r, column: column.rate, format: percent)
                }
            }
            let targetCells = areaColumns.map { A1.cell(r, $0.target) }.joined(separator: ",")
            let completedCells = areaColumns.map { A1.cell(r, $0.completed) }.joined(separator: ",")
            let targetDoubles = areas.compactMap { item.areas[$0]?.target }.map(double).reduce(0, +)
            let completedDoubles = areas.compactMap { item.areas[$0]?.completed }.map(double).reduce(0, +)
            let lines = max(
                layout.lines(item.project ?? "", width: widths[c.project]), layout.lines(item.indicator ?? "", width: widths[c.indicator]))
            if let height = layout.height(lines: lines) { try sheet.setRow(r, height: height) }
            if !item.kind.isAdditive {
                // A rate, ceiling or per-person figure is not summed across areas.
                try sheet.writeBlank(row: r, column: c.targetSum, format: number)
                try sheet.writeBlank(row: r, column: c.completedSum, format: number)
                if let total = ProgressWorkbook.statedTotal(item, words: words) { try sheet.write(double(total), row: r, column: c.statedTotal, format: number) }
                else { try sheet.writeBlank(row: r, column: c.statedTotal, format: number) }
                try sheet.write("不相加", row: r, column: c.check, format: check)
                continue
            }
            // A sum over areas none of which has a figure is blank, not 0 (nobody has reported yet).
            func writeSum(_ cells: String, _ sum: Double, any: Bool, column: Int) throws(XLSXWriterError) {
                if any {
                    try sheet.writeFormula("=SUM(\(cells))", row: r, column: column, cachedNumber: sum, format: number)
                } else {
                    try sheet.writeFormula("=IF(COUNT(\(cells))=0,\"\",SUM(\(cells)))", row: r, column: column, cachedText: "", format: number)
                }
            }
            try writeSum(targetCells, targetDoubles, any: areas.contains { item.areas[$0]?.target != nil }, column: c.targetSum)
            try writeSum(completedCells, completedDoubles, any: areas.contains { item.areas[$0]?.completed != nil }, column: c.completedSum)
            let stated = A1.cell(r, c.statedTotal)
            let summed = A1.cell(r, c.targetSum)
            if let total = ProgressWorkbook.statedTotal(item, words: words) {
                try sheet.write(double(total), row: r, column: c.statedTotal, format: number)
                let agrees = Quantity.equal(total, targetSum)
                try sheet.writeFormula(
                    "=IF(ABS(\(stated)-\(summed))<=1E-9*ABS(\(stated)),\"一致\",\"不一致\")", row: r, column: c.check,
                    cachedText: agrees ? "一致" : "不一致", format: check)
            } else {
                try sheet.writeBlank(row: r, column: c.statedTotal, format: number)
                try sheet.writeBlank(row: r, column: c.check, format: check)
            }
        }
        try sheet.setColumns(columns, widths: widths, joiningEqual: true)
        sheet.freezePanes(row: firstRow, column: c.indicator + 1)
        var red = CellFormat()
        red.fontColor = 0x9C0006
        red.fill = 0xFFC7CE
        if !items.isEmpty {
            try sheet.conditionalFormat(
                firstRow: firstRow, firstColumn: c.check, lastRow: firstRow + items.count - 1, lastColumn: c.check,
                .formula("=$\(columns.letter(.check))\(firstRow + 1)=\"不一致\"", red))
        }
        // Never shrunk: wider than a page, the areas continue on the next pages with the item names repeated.
        let breaks = verticalBreaks(columns, widths: widths, pageWidth: layout.settings.pageWidth)
        if widths.reduce(0, +) > layout.settings.pageWidth {
            try sheet.repeatColumns(0...c.indicator)
            try sheet.setVerticalPageBreaks(breaks)
        }
        try sheet.setPrintLayout(fitToWidth: false, repeatRows: 0...headerRow)
    }
}
