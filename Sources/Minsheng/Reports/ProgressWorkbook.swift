import Foundation
import XLSXWriter

/// What goes into the standardized progress workbook.
public struct ProgressWorkbookContent: Sendable {
    /// The title above the table (…民生实事进展情况).
    public var title: String
    /// The date of 序时进度, if given.
    public var asOf: AsOfDate?
    /// The merged items.
    public var items: [ProgressItem]
    /// The check findings.
    public var findings: [Finding]
    /// What happened to each input.
    public var files: [FileResult]

    /// Creates one from its parts.
    public init(title: String, asOf: AsOfDate?, items: [ProgressItem], findings: [Finding], files: [FileResult]) {
        self.title = title
        self.asOf = asOf
        self.items = items
        self.findings = findings
        self.files = files
    }
}

/// Writes the standardized progress workbook of DESIGN: 进度汇总, 分县区, 校验结果, 说明.
///
/// ```swift
/// try ProgressWorkbook.write(content, to: "进度汇总.xlsx")
/// ```
public enum ProgressWorkbook {
    /// The columns of 进度汇总.
    static let summaryHeaders = ["序号", "类别", "项目", "指标", "单位", "年度目标", "完成数", "完成率", "序时进度", "状态", "责任单位", "来源"]

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
    public static func write(_ content: ProgressWorkbookContent, to path: String) throws(XLSXWriterError) {
        let book = try XLSXWorkbook(path: path)
        try book.setProperties(
            DocumentProperties(
                title: content.title, subject: "民生实事进展情况", author: "minsheng \(MinshengInfo.version)",
                comments: "由 minsheng 根据报送表格生成", created: creationDate(content.asOf)))
        let rowOfItem = try writeSummary(content, book)
        try writeAreas(content, book)
        try writeFindings(content, book, rowOfItem: rowOfItem)
        try writeNotes(content, book)
        try OutputMarker.write(into: book, kind: OutputMarker.progressWorkbook)
        try book.close()
    }

    // MARK: - Formats

    static var titleFormat: CellFormat {
        var f = CellFormat()
        f.bold = true
        f.fontSize = 16
        f.horizontal = .center
        f.vertical = .center
        return f
    }

    static var headerFormat: CellFormat {
        var f = CellFormat()
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

    static let percentFormat = "0.0%"
    static let numberFormat = "#,##0.##"

    // MARK: - 进度汇总

    static func titleText(_ content: ProgressWorkbookContent) -> String {
        content.asOf.map { "\(content.title)（截至 \($0.chinese)）" } ?? content.title
    }

    /// The status word for an item: 超额完成 / 已完成 / 正常 / 滞后 / 未开展 / 推进中.
    static func status(_ item: ProgressItem, asOf: AsOfDate?) -> String {
        guard let rate = item.rate else { return item.target?.number == nil && item.target != nil ? "定性目标" : "" }
        if rate > 1 { return "超额完成" }
        if rate == 1 { return "已完成" }
        if item.completed?.number == 0 { return "未开展" }
        guard let asOf else { return "推进中" }
        return rate >= Decimal(asOf.scheduleShare) ? "正常" : "滞后"
    }

    static func itemName(_ item: ProgressItem) -> String {
        TableRow.itemName(project: item.project, indicator: item.indicator) ?? ""
    }

    static func double(_ value: Decimal) -> Double { Double(Quantity.format(value)) ?? NSDecimalNumber(decimal: value).doubleValue }

    /// Writes 进度汇总; returns each item's row (zero-based) by item name, for links.
    static func writeSummary(_ content: ProgressWorkbookContent, _ book: XLSXWorkbook) throws(XLSXWriterError) -> [String: Int] {
        let sheet = try book.addWorksheet("进度汇总")
        sheet.activate()
        let last = summaryHeaders.count - 1
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: last, titleText(content), format: book.format(titleFormat))
        try sheet.setRow(0, height: 30)
        for (c, header) in summaryHeaders.enumerated() { try sheet.write(header, row: 1, column: c, format: book.format(headerFormat)) }
        let text = book.format(body())
        let wrapped = book.format(body(wrap: true))
        let centered = book.format(body(center: true))
        let number = book.format(body(number: numberFormat))
        let percent = book.format(body(number: percentFormat))
        var rowOfItem: [String: Int] = [:]
        let widths = summaryWidths(content.items)
        for (c, width) in widths.enumerated() { try sheet.setColumns(c, c, width: width) }
        for (i, item) in content.items.enumerated() {
            let r = i + 2
            rowOfItem[itemName(item)] = rowOfItem[itemName(item)] ?? r
            try sheet.write(Double(i + 1), row: r, column: 0, format: centered)
            let texts = [item.category, item.project, item.indicator, item.unit]
            for (offset, value) in texts.enumerated() {
                if let value { try sheet.write(cellText(value), row: r, column: 1 + offset, format: offset == 2 ? wrapped : text) }
                else { try sheet.writeBlank(row: r, column: 1 + offset, format: text) }
            }
            try writeFigure(item.target, sheet, r, 5, number: number, percent: percent, text: wrapped)
            try writeFigure(item.completed, sheet, r, 6, number: number, percent: percent, text: wrapped)
            if let target = item.target?.number, target != 0, let completed = item.completed?.number {
                // The cached value is what a spreadsheet computes from the cells as written.
                try sheet.writeFormula(
                    "=IFERROR(G\(r + 1)/F\(r + 1),\"\")", row: r, column: 7, cachedNumber: double(completed) / double(target),
                    format: percent)
            } else {
                try sheet.writeBlank(row: r, column: 7, format: percent)
            }
            if let asOf = content.asOf {
                try sheet.write(asOf.scheduleShare, row: r, column: 8, format: percent)
            } else {
                try sheet.writeBlank(row: r, column: 8, format: percent)
            }
            let state = status(item, asOf: content.asOf)
            try sheet.write(state, row: r, column: 9, format: centered)
            try sheet.write(cellText(item.lead ?? ""), row: r, column: 10, format: text)
            try sheet.write(sourceText(item.sources), row: r, column: 11, format: wrapped)
            // Wrapped prose needs a taller row: spreadsheets do not grow rows on load.
            let lines = [
                lineCount(item.indicator ?? "", width: widths[3]), lineCount(figureText(item.target), width: widths[5]),
                item.sources.prefix(30).map { lineCount($0, width: widths[11]) }.reduce(0, +),
            ].max() ?? 1
            if lines > 1 { try sheet.setRow(r, height: min(409, 15 * Double(lines))) }
        }
        let lastRow = max(2, content.items.count + 1)
        sheet.freezePanes(row: 2, column: 0)
        try sheet.autofilter(firstRow: 1, firstColumn: 0, lastRow: lastRow, lastColumn: last)
        var red = CellFormat()
        red.fontColor = 0x9C0006
        red.fill = 0xFFC7CE
        var green = CellFormat()
        green.fontColor = 0x006100
        green.fill = 0xC6EFCE
        try sheet.conditionalFormat(
            firstRow: 2, firstColumn: 7, lastRow: lastRow, lastColumn: 7, .formula("=AND(ISNUMBER($H3),ISNUMBER($I3),$H3<$I3)", red))
        try sheet.conditionalFormat(firstRow: 2, firstColumn: 7, lastRow: lastRow, lastColumn: 7, .formula("=AND(ISNUMBER($H3),$H3>=1)", green))
        try sheet.setPrintLayout(repeatRows: 0...1)
        return rowOfItem
    }

    /// Column widths of 进度汇总 that fit its Chinese text (a CJK character counts two).
    static func summaryWidths(_ items: [ProgressItem]) -> [Double] {
        var texts = summaryHeaders.map { [$0] }
        for item in items {
            texts[1].append(item.category ?? "")
            texts[2].append(item.project ?? "")
            texts[3].append(item.indicator ?? "")
            texts[5].append(figureText(item.target))
            texts[10].append(item.lead ?? "")
            texts[11].append(contentsOf: item.sources)
        }
        let fixed: [Double] = [6, 0, 0, 0, 8, 0, 12, 10, 10, 10, 0, 0]
        return fixed.enumerated().map { c, width in
            width > 0 ? width : ColumnWidth.fitting(texts[c], minimum: 8, maximum: c == 3 || c == 5 ? 40 : (c == 11 ? 34 : 24))
        }
    }

    /// How many lines text takes when wrapped in a column of this width.
    static func lineCount(_ text: String, width: Double) -> Int {
        let usable = max(1, Int(width) - 1)
        return text.split(whereSeparator: \.isNewline).map { line in
            max(1, (ColumnWidth.displayWidth(of: String(line)) + usable - 1) / usable)
        }.reduce(0, +)
    }

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

    static func writeAreas(_ content: ProgressWorkbookContent, _ book: XLSXWorkbook) throws(XLSXWriterError) {
        let sheet = try book.addWorksheet("分县区")
        let areas = orderedAreas(content.items)
        let items = content.items.filter { !$0.areas.isEmpty }
        let firstArea = 3
        let sumColumn = firstArea + areas.count * 3
        let last = sumColumn + 3
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: max(last, 3), titleText(content) + "（分县区）", format: book.format(titleFormat))
        for (c, header) in ["序号", "项目", "指标"].enumerated() {
            try sheet.mergeRange(firstRow: 1, firstColumn: c, lastRow: 2, lastColumn: c, header, format: book.format(headerFormat))
        }
        for (a, area) in areas.enumerated() {
            let col = firstArea + a * 3
            try sheet.mergeRange(firstRow: 1, firstColumn: col, lastRow: 1, lastColumn: col + 2, area, format: book.format(headerFormat))
            for (k, word) in ["目标", "完成", "完成率"].enumerated() { try sheet.write(word, row: 2, column: col + k, format: book.format(headerFormat)) }
        }
        try sheet.mergeRange(firstRow: 1, firstColumn: sumColumn, lastRow: 1, lastColumn: sumColumn + 3, "合计", format: book.format(headerFormat))
        for (k, word) in ["目标（各县区之和）", "完成（各县区之和）", "全市目标（报送）", "核对"].enumerated() {
            try sheet.write(word, row: 2, column: sumColumn + k, format: book.format(headerFormat))
        }
        let number = book.format(body(number: numberFormat))
        let percent = book.format(body(number: percentFormat))
        let text = book.format(body(wrap: true))
        let centered = book.format(body(center: true))
        for (i, item) in items.enumerated() {
            let r = i + 3
            try sheet.write(Double(i + 1), row: r, column: 0, format: centered)
            try sheet.write(cellText(item.project ?? ""), row: r, column: 1, format: text)
            try sheet.write(cellText(item.indicator ?? ""), row: r, column: 2, format: text)
            var targetSum = Decimal(0)
            var completedSum = Decimal(0)
            for (a, area) in areas.enumerated() {
                let col = firstArea + a * 3
                let figures = item.areas[area]
                if let t = figures?.target { try sheet.write(double(t), row: r, column: col, format: number); targetSum += t }
                else { try sheet.writeBlank(row: r, column: col, format: number) }
                if let c = figures?.completed { try sheet.write(double(c), row: r, column: col + 1, format: number); completedSum += c }
                else { try sheet.writeBlank(row: r, column: col + 1, format: number) }
                if let t = figures?.target, t != 0, let c = figures?.completed {
                    let ref = "\(A1.cell(r, col + 1))/\(A1.cell(r, col))"
                    try sheet.writeFormula(
                        "=IFERROR(\(ref),\"\")", row: r, column: col + 2, cachedNumber: double(c) / double(t), format: percent)
                } else {
                    try sheet.writeBlank(row: r, column: col + 2, format: percent)
                }
            }
            let targetCells = areas.indices.map { A1.cell(r, firstArea + $0 * 3) }.joined(separator: ",")
            let completedCells = areas.indices.map { A1.cell(r, firstArea + $0 * 3 + 1) }.joined(separator: ",")
            let targetDoubles = areas.compactMap { item.areas[$0]?.target }.map(double).reduce(0, +)
            let completedDoubles = areas.compactMap { item.areas[$0]?.completed }.map(double).reduce(0, +)
            try sheet.writeFormula("=SUM(\(targetCells))", row: r, column: sumColumn, cachedNumber: targetDoubles, format: number)
            try sheet.writeFormula("=SUM(\(completedCells))", row: r, column: sumColumn + 1, cachedNumber: completedDoubles, format: number)
            let stated = A1.cell(r, sumColumn + 2)
            let summed = A1.cell(r, sumColumn)
            if let total = statedTotal(item) {
                try sheet.write(double(total), row: r, column: sumColumn + 2, format: number)
                let agrees = Quantity.equal(total, targetSum)
                try sheet.writeFormula(
                    "=IF(ABS(\(stated)-\(summed))<=1E-9*ABS(\(stated)),\"一致\",\"不一致\")", row: r, column: sumColumn + 3,
                    cachedText: agrees ? "一致" : "不一致", format: centered)
            } else {
                try sheet.writeBlank(row: r, column: sumColumn + 2, format: number)
                try sheet.writeBlank(row: r, column: sumColumn + 3, format: centered)
            }
        }
        try sheet.setColumns(0, 0, width: 6)
        try sheet.setColumns(1, 2, width: 24)
        if !areas.isEmpty { try sheet.setColumns(firstArea, sumColumn - 1, width: 10) }
        try sheet.setColumns(sumColumn, sumColumn + 2, width: 12)
        try sheet.setColumns(sumColumn + 3, sumColumn + 3, width: 8)
        sheet.freezePanes(row: 3, column: 3)
        var red = CellFormat()
        red.fontColor = 0x9C0006
        red.fill = 0xFFC7CE
        if !items.isEmpty {
            let col = A1.column(sumColumn + 3)
            try sheet.conditionalFormat(
                firstRow: 3, firstColumn: sumColumn + 3, lastRow: items.count + 2, lastColumn: sumColumn + 3,
                .formula("=$\(col)4=\"不一致\"", red))
        }
        try sheet.setPrintLayout(repeatRows: 0...2)
    }

    /// Areas in the order the inputs first name them.
    static func orderedAreas(_ items: [ProgressItem]) -> [String] {
        var seen: [String] = []
        for item in items {
            for area in item.areaOrder where !seen.contains(area) { seen.append(area) }
        }
        return seen
    }

    static func statedTotal(_ item: ProgressItem) -> Decimal? {
        if let number = item.target?.number { return number }
        if case .text(let text)? = item.target {
            let totals = BreakdownParser.parse(text).compactMap { $0.total?.value }
            return totals.count == 1 ? totals[0] : nil
        }
        return nil
    }

    // MARK: - 校验结果

    static func writeFindings(_ content: ProgressWorkbookContent, _ book: XLSXWorkbook, rowOfItem: [String: Int]) throws(XLSXWriterError) {
        let sheet = try book.addWorksheet("校验结果")
        let headers = ["序号", "级别", "代码", "文件", "工作表", "单元格", "项目", "县区", "应为", "实为", "说明", "定位"]
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: headers.count - 1, "校验结果", format: book.format(titleFormat))
        for (c, header) in headers.enumerated() { try sheet.write(header, row: 1, column: c, format: book.format(headerFormat)) }
        let text = book.format(body())
        let wrapped = book.format(body(wrap: true))
        let number = book.format(body(number: numberFormat))
        let centered = book.format(body(center: true))
        var errorSpec = body(center: true)
        errorSpec.fontColor = 0x9C0006
        var warningSpec = body(center: true)
        warningSpec.fontColor = 0x9C5700
        let errorFormat = book.format(errorSpec)
        let warningFormat = book.format(warningSpec)
        for (i, f) in content.findings.enumerated() {
            let r = i + 2
            try sheet.write(Double(i + 1), row: r, column: 0, format: centered)
            try sheet.write(f.severity == .error ? "错误" : "警告", row: r, column: 1, format: f.severity == .error ? errorFormat : warningFormat)
            try sheet.write(f.code.rawValue, row: r, column: 2, format: text)
            try sheet.write((f.file as NSString).lastPathComponent, row: r, column: 3, format: text)
            try sheet.write(f.sheet ?? "", row: r, column: 4, format: text)
            try sheet.write(f.cell ?? "", row: r, column: 5, format: text)
            try sheet.write(cellText(f.item ?? ""), row: r, column: 6, format: wrapped)
            try sheet.write(f.area ?? "", row: r, column: 7, format: text)
            if let e = f.expected { try sheet.write(e, row: r, column: 8, format: number) } else { try sheet.writeBlank(row: r, column: 8, format: number) }
            if let a = f.actual { try sheet.write(a, row: r, column: 9, format: number) } else { try sheet.writeBlank(row: r, column: 9, format: number) }
            try sheet.write(cellText(f.message), row: r, column: 10, format: wrapped)
            // A worksheet holds at most 65,530 links (Excel's limit); later rows say the row in words.
            if let item = f.item, let target = rowOfItem[item], i < maxLinks {
                try sheet.writeLink(to: "'进度汇总'!A\(target + 1)", text: "进度汇总第 \(target + 1) 行", row: r, column: 11, format: body())
            } else {
                try sheet.write("", row: r, column: 11, format: text)
            }
        }
        if content.findings.isEmpty { try sheet.write("未发现问题。", row: 2, column: 0) }
        for (c, width) in [6.0, 6, 22, 24, 12, 8, 30, 10, 10, 10, 50, 18].enumerated() { try sheet.setColumns(c, c, width: width) }
        sheet.freezePanes(row: 2, column: 0)
        if !content.findings.isEmpty {
            try sheet.autofilter(firstRow: 1, firstColumn: 0, lastRow: content.findings.count + 1, lastColumn: headers.count - 1)
        }
        try sheet.setPrintLayout(repeatRows: 0...1)
    }

    // MARK: - 说明

    static func writeNotes(_ content: ProgressWorkbookContent, _ book: XLSXWorkbook) throws(XLSXWriterError) {
        let sheet = try book.addWorksheet("说明")
        var boldSpec = CellFormat()
        boldSpec.bold = true
        let bold = book.format(boldSpec)
        var rows: [(String, String)] = [
            ("标题", titleText(content)),
            ("截至日期", content.asOf?.chinese ?? "未指定（未计算序时进度）"),
            ("序时进度", content.asOf.map { "\(Quantity.format(RateCheck.round(Decimal($0.scheduleShare) * 100, 1, .plain)))%（全年已过天数 ÷ 全年天数）" } ?? "—"),
            ("指标数", "\(content.items.count)"),
            ("错误", "\(content.findings.filter { $0.severity == .error }.count)"),
            ("警告", "\(content.findings.filter { $0.severity == .warning }.count)"),
            ("完成率", "公式：完成数 ÷ 年度目标；年度目标不是数字时留空"),
            ("状态", "超额完成（>100%）、已完成（=100%）、未开展（完成数为 0）、正常 / 滞后（与序时进度比较）、推进中（未指定截至日期）"),
            ("生成工具", "minsheng \(MinshengInfo.version)"),
        ]
        rows.append(("输入文件", "\(content.files.count) 个"))
        for file in content.files {
            let state: String
            switch file.status {
            case .ok: state = "已读取：工作表 \(file.sheet ?? "")，\(file.items) 项"
            case .unreadable: state = "无法读取：\(file.error ?? "")"
            case .skipped: state = "已跳过：\(file.error ?? "")"
            }
            rows.append((file.path, state))
        }
        try sheet.write("说明", row: 0, column: 0, format: book.format(titleFormat))
        for (i, row) in rows.enumerated() {
            try sheet.write(row.0, row: i + 2, column: 0, format: bold)
            try sheet.write(cellText(row.1), row: i + 2, column: 1)
        }
        try sheet.setColumns(0, 0, width: ColumnWidth.fitting(rows.map(\.0), minimum: 10, maximum: 40))
        try sheet.setColumns(1, 1, width: 80)
        try sheet.setPrintLayout(repeatRows: nil)
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

    /// The 来源 cell: every file!cell, one per line, or as many as fit and how many more (all
    /// inputs are listed in 说明).
    static func sourceText(_ sources: [String]) -> String {
        var text = ""
        for (index, source) in sources.enumerated() {
            let line = (index > 0 ? "\n" : "") + source
            let rest = sources.count - index
            if text.utf8.count + line.utf8.count + 64 > maxCellBytes {
                return text + "\n…等另外 \(rest) 个来源（全部文件见“说明”）"
            }
            text += line
        }
        return text
    }
}
