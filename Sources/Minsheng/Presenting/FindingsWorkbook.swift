import Foundation
import XLSXWriter

/// The findings of a check or reconcile as a workbook of their own (`check … -o 核对结果.xlsx`,
/// `reconcile … -o`, the page's 下载核对结果): 核对结果, one finding a row (级别, 类别, 文件,
/// 工作表, 单元格, 项目, 县区, 说明, 代码), and 文件, what became of each input. Ready to print
/// (A4 landscape, one page wide, header rows repeated); no link points outside the workbook.
///
/// ```swift
/// let written = try FindingsWorkbook.write(report, title: "核对结果", to: .memory)
/// ```
public enum FindingsWorkbook {
    /// What each column of 核对结果 holds.
    enum Column: Hashable, Sendable, CaseIterable {
        case sequence, severity, kind, file, sheet, cell, item, area, message, code
    }

    /// The findings sheet's name.
    static let findingsSheet = "核对结果"
    /// The files sheet's name.
    static let filesSheet = "文件"
    /// Zero-based row of the header (row 0 is the title).
    static let headerRow = 1

    /// The columns of 核对结果, left to right.
    static let columns = SheetColumns<Column>([
        SheetColumn(.sequence, "序号", width: .fixed(5), style: .centered),
        SheetColumn(.severity, "级别", width: .fixed(5), style: .centered),
        SheetColumn(.kind, "类别", width: .fixed(14), style: .wrapped),
        SheetColumn(.file, "文件", width: .fixed(16), style: .wrapped),
        SheetColumn(.sheet, "工作表", width: .fixed(9), style: .wrapped),
        SheetColumn(.cell, "单元格", width: .fixed(7)),
        SheetColumn(.item, "项目", width: .fixed(20), style: .wrapped),
        SheetColumn(.area, "县区", width: .fixed(8), style: .wrapped),
        SheetColumn(.message, "说明", width: .fixed(40), style: .wrapped),
        SheetColumn(.code, "代码", width: .fixed(12), style: .wrapped),
    ])

    /// Writes the workbook to `target` (a file through a temporary file, or memory).
    ///
    /// - Throws: `MinshengError.cannotWrite` (and `.usage` for an output that is an input).
    public static func write(
        _ report: CheckReport, title: String, to target: OutputTarget, inputs: [InputSource] = []
    ) throws -> WrittenOutput {
        try OutputFile.check(target, inputs: inputs)
        return try OutputFile.produce(target, name: title + ".xlsx") { path in
            try write(report, title: title, path: path)
        }
    }

    static func write(_ report: CheckReport, title: String, path: String) throws {
        let book = try XLSXWorkbook(path: path)
        try book.setProperties(
            DocumentProperties(
                title: title, subject: "核对结果", author: "minsheng \(MinshengInfo.version)",
                comments: "由 minsheng 核对生成", created: Date(timeIntervalSince1970: 1_577_836_800)))
        let findings = report.findings.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity < b.element.severity : a.offset < b.offset
        }.map(\.element)
        try writeFindings(findings, report: report, title: title, book)
        try writeFiles(report, book)
        try book.close()
    }

    static let bodySize = 10.0

    static func format(_ style: ColumnStyle?, _ book: XLSXWorkbook) -> XLSXFormat {
        book.format(ProgressWorkbook.cellFormat(style ?? ColumnStyle(), size: bodySize))
    }

    /// The heading: the title and the counts.
    static func heading(_ report: CheckReport, title: String) -> String {
        var parts = ["\(report.files.count) 个文件"]
        if report.readCount < report.files.count { parts.append("\(report.files.count - report.readCount) 个未读取") }
        parts.append("错误 \(report.errorCount)")
        parts.append("警告 \(report.warningCount)")
        return "\(title)（\(parts.joined(separator: "，"))）"
    }

    /// 核对结果: one finding a row, errors first.
    static func writeFindings(_ findings: [Finding], report: CheckReport, title: String, _ book: XLSXWorkbook) throws {
        let sheet = try book.addWorksheet(findingsSheet)
        let widths = columns.widths { _ in [] }
        try sheet.mergeRange(
            firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: columns.lastIndex, ProgressWorkbook.cellText(heading(report, title: title)),
            format: book.format(ProgressWorkbook.titleFormat(size: 14)))
        try sheet.setRow(0, height: 28)
        let header = book.format(ProgressWorkbook.headerFormat(size: bodySize))
        for (c, text) in columns.headers.enumerated() { try sheet.write(text, row: headerRow, column: c, format: header) }
        var errorSpec = ProgressWorkbook.cellFormat(ColumnStyle(centered: true), size: bodySize)
        errorSpec.fontColor = 0x9C0006
        var warningSpec = errorSpec
        warningSpec.fontColor = 0x9C5700
        let formats = Dictionary(uniqueKeysWithValues: columns.columns.map { ($0.key, format($0.style, book)) })
        func at(_ key: Column) -> Int { columns.index(key) }
        func put(_ text: String, _ r: Int, _ key: Column) throws {
            try sheet.write(ProgressWorkbook.cellText(text), row: r, column: at(key), format: formats[key])
        }
        for (i, f) in findings.enumerated() {
            let r = headerRow + 1 + i
            try sheet.write(Double(i + 1), row: r, column: at(.sequence), format: formats[.sequence])
            try sheet.write(
                f.severity == .error ? "错误" : "警告", row: r, column: at(.severity),
                format: book.format(f.severity == .error ? errorSpec : warningSpec))
            try put(FindingKind(f.code).name, r, .kind)
            try put((f.file as NSString).lastPathComponent, r, .file)
            try put(f.sheet ?? "", r, .sheet)
            try put(f.cell ?? "", r, .cell)
            try put(f.item ?? "", r, .item)
            try put(f.area ?? "", r, .area)
            try put(f.message, r, .message)
            try put(f.code.rawValue, r, .code)
            let lines = [
                lineCount(f.message, width: widths[at(.message)]),
                lineCount(f.item ?? "", width: widths[at(.item)]),
                lineCount((f.file as NSString).lastPathComponent, width: widths[at(.file)]),
            ].max() ?? 1
            try sheet.setRow(r, height: max(15, Double(lines) * 13.5 + 3))
        }
        if findings.isEmpty {
            let words = report.readCount == 0 ? "没有可核对的表格（见“文件”表中各文件的原因）。" : "已核对的表格中没有发现问题。"
            try sheet.write(words, row: headerRow + 1, column: 0)
        }
        try sheet.setColumns(columns, widths: widths)
        sheet.freezePanes(row: headerRow + 1, column: 0)
        if !findings.isEmpty {
            try sheet.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: headerRow + findings.count, lastColumn: columns.lastIndex)
        }
        try sheet.setPrintLayout(fitToWidth: true, repeatRows: 0...headerRow)
    }

    /// 文件: each input, whether it was read, its sheet and items, or why not.
    static func writeFiles(_ report: CheckReport, _ book: XLSXWorkbook) throws {
        let sheet = try book.addWorksheet(filesSheet)
        let header = book.format(ProgressWorkbook.headerFormat(size: bodySize))
        let wrapped = format(.wrapped, book)
        let plain = format(ColumnStyle(), book)
        let headers = ["文件", "状态", "工作表", "项目数", "原因"]
        let widths: [Double] = [28, 9, 14, 8, 60]
        for (c, text) in headers.enumerated() { try sheet.write(text, row: 0, column: c, format: header) }
        for (i, file) in report.files.enumerated() {
            let r = i + 1
            let status: String
            switch file.status {
            case .ok: status = "已读取"
            case .unreadable: status = "无法读取"
            case .skipped: status = "未读取"
            }
            try sheet.write(ProgressWorkbook.cellText((file.path as NSString).lastPathComponent), row: r, column: 0, format: wrapped)
            try sheet.write(status, row: r, column: 1, format: plain)
            let sheets = file.sheets.isEmpty ? (file.sheet ?? "") : file.sheets.joined(separator: "、")
            try sheet.write(file.status == .ok ? ProgressWorkbook.cellText(sheets) : "", row: r, column: 2, format: wrapped)
            if file.status == .ok { try sheet.write(Double(file.items), row: r, column: 3, format: plain) }
            else { try sheet.writeBlank(row: r, column: 3, format: plain) }
            try sheet.write(ProgressWorkbook.cellText(file.error ?? ""), row: r, column: 4, format: wrapped)
            let lines = max(
                lineCount(file.error ?? "", width: widths[4]), lineCount(file.path, width: widths[0]))
            try sheet.setRow(r, height: max(15, Double(lines) * 13.5 + 3))
        }
        for (c, width) in widths.enumerated() { try sheet.setColumns(c, c, width: width) }
        sheet.freezePanes(row: 1, column: 0)
        try sheet.setPrintLayout(fitToWidth: true, repeatRows: 0...0)
    }

    /// How many lines text takes when wrapped in a column of this width (a rough count of
    /// display widths, enough for a findings list; the progress workbook's sheets use `PrintLayout`).
    private static func lineCount(_ text: String, width: Double) -> Int {
        let usable = max(1, Int(width) - 1)
        return text.split(whereSeparator: \.isNewline).map { line in
            max(1, (ColumnWidth.displayWidth(of: String(line)) + usable - 1) / usable)
        }.reduce(0, +)
    }
}
