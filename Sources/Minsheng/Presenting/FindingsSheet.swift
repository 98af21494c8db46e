import Foundation
import XLSXWriter

/// 校验结果: every finding, one a row, with a link to its item's row on 进度汇总.
enum FindingsSheet {
    /// What each column of 校验结果 holds.
    enum Column: Hashable, Sendable, CaseIterable {
        /// 序号.
        case sequence
        /// 级别: 错误 / 警告.
        case severity
        /// 代码: the finding code.
        case code
        /// 文件.
        case file
        /// 工作表.
        case sheet
        /// 单元格.
        case cell
        /// 项目.
        case item
        /// 县区.
        case area
        /// 应为.
        case expected
        /// 实为.
        case actual
        /// 说明.
        case message
        /// 定位: a link to the item's row on 进度汇总.
        case link
    }

    /// The sheet name.
    static let name = "校验结果"
    /// Zero-based row of the header.
    static let headerRow = 1
    /// Zero-based row of the first finding.
    static let firstRow = 2

    /// The columns of 校验结果, left to right.
    static let columns = SheetColumns<Column>([
        SheetColumn(.sequence, "序号", width: .fixed(5), style: .centered),
        SheetColumn(.severity, "级别", width: .fixed(5), style: .centered),
        SheetColumn(.code, "代码", width: .fixed(12), style: .wrapped),
        SheetColumn(.file, "文件", width: .fixed(13), style: .wrapped),
        SheetColumn(.sheet, "工作表", width: .fixed(8), style: .wrapped),
        SheetColumn(.cell, "单元格", width: .fixed(7)),
        SheetColumn(.item, "项目", width: .fixed(16), style: .wrapped),
        SheetColumn(.area, "县区", width: .fixed(7), style: .wrapped),
        SheetColumn(.expected, "应为", width: .fixed(8), style: ProgressWorkbook.numberStyle),
        SheetColumn(.actual, "实为", width: .fixed(8), style: ProgressWorkbook.numberStyle),
        SheetColumn(.message, "说明", width: .fixed(25), style: .wrapped),
        SheetColumn(.link, "定位", width: .fixed(14), style: .wrapped),
    ])

    /// Writes 校验结果; `rowOfItem` gives each item's zero-based row on 进度汇总.
    static func write(
        _ content: ProgressWorkbookContent, _ book: XLSXWorkbook, rowOfItem: [String: Int], layout: PrintLayout
    ) throws(XLSXWriterError) {
        let sheet = try book.addWorksheet(name)
        let size = layout.bodySize
        let widths = columns.widths { _ in [] }
        try sheet.mergeRange(
            firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: columns.lastIndex, name,
            format: book.format(ProgressWorkbook.titleFormat(size: layout.settings.titleFontSize)))
        try sheet.setRow(0, height: 30)
        for (c, header) in columns.headers.enumerated() {
            try sheet.write(header, row: headerRow, column: c, format: book.format(ProgressWorkbook.headerFormat(size: size)))
        }
        try sheet.setRow(headerRow, height: layout.headerHeight(columns.headers, widths: widths))
        func format(_ key: Column) -> XLSXFormat { book.format(ProgressWorkbook.cellFormat(columns.column(key).style ?? .text, size: size)) }
        let (sequence, code, file, sheetName, cell) = (format(.sequence), format(.code), format(.file), format(.sheet), format(.cell))
        let (item, area, expected, actual, message) = (format(.item), format(.area), format(.expected), format(.actual), format(.message))
        let link = format(.link)
        let linkSpec = ProgressWorkbook.cellFormat(columns.column(.link).style ?? .text, size: size)
        var errorSpec = ProgressWorkbook.cellFormat(columns.column(.severity).style ?? .centered, size: size)
        errorSpec.fontColor = 0x9C0006
        var warningSpec = ProgressWorkbook.cellFormat(columns.column(.severity).style ?? .centered, size: size)
        warningSpec.fontColor = 0x9C5700
        let errorFormat = book.format(errorSpec)
        let warningFormat = book.format(warningSpec)
        func at(_ key: Column) -> Int { columns.index(key) }
        // Links land on the first column of the item's row.
        let target = ProgressSheet.columns.letter(.sequence)
        for (i, f) in content.findings.enumerated() {
            let r = firstRow + i
            try sheet.write(Double(i + 1), row: r, column: at(.sequence), format: sequence)
            try sheet.write(
                f.severity == .error ? "错误" : "警告", row: r, column: at(.severity), format: f.severity == .error ? errorFormat : warningFormat)
            try sheet.write(f.code.rawValue, row: r, column: at(.code), format: code)
            try sheet.write((f.file as NSString).lastPathComponent, row: r, column: at(.file), format: file)
            try sheet.write(f.sheet ?? "", row: r, column: at(.sheet), format: sheetName)
            try sheet.write(f.cell ?? "", row: r, column: at(.cell), format: cell)
            try sheet.write(ProgressWorkbook.cellText(f.item ?? ""), row: r, column: at(.item), format: item)
            try sheet.write(f.area ?? "", row: r, column: at(.area), format: area)
            if let e = f.expected { try sheet.write(e, row: r, column: at(.expected), format: expected) }
            else { try sheet.writeBlank(row: r, column: at(.expected), format: expected) }
            if let a = f.actual { try sheet.write(a, row: r, column: at(.actual), format: actual) }
            else { try sheet.writeBlank(row: r, column: at(.actual), format: actual) }
            try sheet.write(ProgressWorkbook.cellText(f.message), row: r, column: at(.message), format: message)
            // Wrapped cells need a row tall enough for their lines, or they overlap the next row.
            let fileName = (f.file as NSString).lastPathComponent
            let wrapped: [(String, Column)] = [
                (f.code.rawValue, .code), (fileName, .file), (f.sheet ?? "", .sheet), (f.item ?? "", .item), (f.area ?? "", .area),
                (f.message, .message), ("\(ProgressSheet.name)第\(rowOfItem[f.item ?? ""].map { $0 + 1 } ?? 0)行", .link),
            ]
            let lines = wrapped.map { layout.lines($0.0, width: widths[at($0.1)]) }.max() ?? 1
            if let height = layout.height(lines: lines) { try sheet.setRow(r, height: height) }
            // A worksheet holds at most 65,530 links (Excel's limit); later rows say the row in words.
            if let name = f.item, let row = rowOfItem[name], i < ProgressWorkbook.maxLinks {
                try sheet.writeLink(
                    to: "'\(ProgressSheet.name)'!\(target)\(row + 1)", text: "\(ProgressSheet.name)第\(row + 1)行", row: r,
                    column: at(.link), format: linkSpec)
            } else {
                try sheet.write("", row: r, column: at(.link), format: link)
            }
        }
        if content.findings.isEmpty { try sheet.write("未发现问题。", row: firstRow, column: 0) }
        try sheet.setColumns(columns, widths: widths)
        sheet.freezePanes(row: firstRow, column: 0)
        if !content.findings.isEmpty {
            try sheet.autofilter(
                firstRow: headerRow, firstColumn: 0, lastRow: firstRow + content.findings.count - 1, lastColumn: columns.lastIndex)
        }
        try sheet.setPrintLayout(fitToWidth: !layout.fitsPage(widths), repeatRows: 0...headerRow)
    }
}
