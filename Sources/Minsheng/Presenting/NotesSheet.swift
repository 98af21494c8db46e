import Foundation
import XLSXWriter

/// 说明: the title, the as-of date, counts, how 完成率 and 状态 are made, and every input with
/// what became of it; one label and one text a row, under a heading and no header row.
enum NotesSheet {
    /// What each column of 说明 holds.
    enum Column: Hashable, Sendable, CaseIterable {
        /// The label (bold).
        case label
        /// The text.
        case text
    }

    /// The sheet name.
    static let name = "说明"
    /// Zero-based row of the first note.
    static let firstRow = 2

    /// The columns of 说明, left to right (their headers are not written).
    static let columns = SheetColumns<Column>([
        SheetColumn(.label, "", width: .fitting(minimum: 10, maximum: 40), style: nil),
        SheetColumn(.text, "", width: .fixed(90), style: nil),
    ])

    /// The label and text of each row; `statuses` the words of the statuses (`workbook.json`).
    static func rows(
        _ content: ProgressWorkbookContent, heading: ReportHeading? = nil, statuses: [ItemStatus: String]
    ) -> [(String, String)] {
        func word(_ status: ItemStatus) -> String { statuses[status] ?? "" }
        let asOfText: String
        switch (content.asOf, heading?.asOfSource) {
        case (let asOf?, .inputs(let period)?): asOfText = "\(asOf.chinese)（未指定截至日期，取自报表（\(period)）的期末）"
        case (let asOf?, _): asOfText = asOf.chinese
        case (nil, _): asOfText = "未指定（未计算序时进度）"
        }
        var rows: [(String, String)] = [
            ("标题", ProgressWorkbook.titleText(content)),
            ("截至日期", asOfText),
            ("序时进度", content.asOf.map { "\(Quantity.format(RateCheck.round(Decimal($0.scheduleShare) * 100, 1, .plain)))%（全年已过天数 ÷ 全年天数）" } ?? "—"),
            ("指标数", "\(content.items.count)"),
            ("错误", "\(content.findings.filter { $0.severity == .error }.count)"),
            ("警告", "\(content.findings.filter { $0.severity == .warning }.count)"),
            ("完成率", "公式：完成数 ÷ 年度目标；年度目标不是数字时留空"),
            (
                "状态",
                "\(word(.exceeded))（>100%）、\(word(.completed))（=100%；上限指标如失业率低于 4.3%，完成数不超过目标即为\(word(.completed))）、"
                    + "\(word(.notStarted))（完成数为 0）、\(word(.onSchedule)) / \(word(.behind))（与序时进度比较）、\(word(.inProgress))（未指定截至日期）"
            ),
            ("生成工具", "minsheng \(MinshengInfo.version)"),
        ]
        for note in content.notes { rows.append(("取数说明", note)) }
        rows.append(("输入文件", "\(content.files.count) 个"))
        for file in content.files {
            let state: String
            switch file.status {
            case .ok:
                // Read, and merged or not (and why); a convert input without a disposition is merged.
                let disposition = content.outcomes[file.path]?.text ?? (content.outcomes.isEmpty ? "已汇总" : nil)
                state = "已读取：工作表 \(file.sheet ?? "")，\(file.items) 项" + (disposition.map { "；\($0)" } ?? "")
            case .unreadable: state = "无法读取：\(file.error ?? "")"
            case .skipped: state = "已跳过：\(file.error ?? "")"
            }
            rows.append((file.path, state))
        }
        return rows
    }

    /// Writes 说明.
    static func write(
        _ content: ProgressWorkbookContent, _ book: XLSXWorkbook, heading: ReportHeading? = nil, layout: PrintLayout,
        statuses: [ItemStatus: String]
    ) throws(XLSXWriterError) {
        let sheet = try book.addWorksheet(name)
        var boldSpec = CellFormat()
        boldSpec.bold = true
        boldSpec.fontSize = layout.bodySize
        boldSpec.vertical = .top
        boldSpec.wrap = true
        let bold = book.format(boldSpec)
        var textSpec = CellFormat()
        textSpec.fontSize = layout.bodySize
        textSpec.vertical = .top
        textSpec.wrap = true
        let plain = book.format(textSpec)
        let rows = rows(content, heading: heading, statuses: statuses)
        let (label, text) = (columns.index(.label), columns.index(.text))
        let widths = columns.widths(fitting: { $0 == .label ? rows.map(\.0) : [] }, budget: layout.settings.pageWidth)
        try sheet.write(name, row: 0, column: 0, format: book.format(ProgressWorkbook.titleFormat(size: layout.settings.titleFontSize)))
        try sheet.setRow(0, height: 24)
        for (i, row) in rows.enumerated() {
            try sheet.write(ProgressWorkbook.cellText(row.0), row: firstRow + i, column: label, format: bold)
            try sheet.write(ProgressWorkbook.cellText(row.1), row: firstRow + i, column: text, format: plain)
            let lines = max(layout.lines(row.0, width: widths[label] * 0.95), layout.lines(row.1, width: widths[text]))
            if let height = layout.height(lines: lines) { try sheet.setRow(firstRow + i, height: height) }
        }
        try sheet.setColumns(columns, widths: widths)
        try sheet.setPrintLayout(fitToWidth: !layout.fitsPage(widths), repeatRows: nil)
    }
}
