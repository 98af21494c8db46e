import XLSXReader
import XLSXWriter

/// Writes what the reader sees in the shapes `minsheng dump` prints: JSON (the corpus oracle's
/// shape), CSV (one sheet, merged areas not filled) and a readable text grid.
enum SheetExport {
    // MARK: - JSON

    /// Writes `{"file": ..., "sheets": [{"name", "state", "merged", "cells"}]}`, cells keyed by
    /// A1 in row-major order as `["n", 1.5]`, `["s", "text"]`, `["b", true]`, `["e", "#N/A"]` or
    /// `["d", "2021-01-01T00:00:00"]`. Empty strings and formulas without a value are left out.
    static func writeJSON(file: String, sheets: [Sheet], to sink: ByteSink) {
        sink.write("{\"file\": ")
        writeJSONString(file, to: sink)
        sink.write(", \"sheets\": [")
        for (i, sheet) in sheets.enumerated() {
            if i > 0 { sink.write(", ") }
            sink.write("{\"name\": ")
            writeJSONString(sheet.name, to: sink)
            sink.write(", \"state\": \"\(sheet.state.rawValue)\", \"merged\": [")
            for (j, range) in sheet.mergedRanges.map(\.description).sorted().enumerated() {
                if j > 0 { sink.write(", ") }
                writeJSONString(range, to: sink)
            }
            sink.write("], \"cells\": {")
            var first = true
            sheet.forEachCell { cell in
                let pair: (String, String?, Double?)
                switch cell.value {
                case .number(let n): pair = ("n", nil, n)
                case .string(let s):
                    if s.isEmpty { return }
                    pair = ("s", s, nil)
                case .bool(let b): pair = ("b", b ? "true" : "false", nil)
                case .error(let e): pair = ("e", e, nil)
                case .date(let iso, _): pair = ("d", iso, nil)
                case .formulaWithoutValue: return
                }
                if !first { sink.write(", ") }
                first = false
                sink.write("\"\(cell.reference.a1)\": [\"\(pair.0)\", ")
                if let n = pair.2 {
                    NumberText.write(n, to: sink)
                } else if pair.0 == "b", let text = pair.1 {
                    sink.write(text)
                } else if let text = pair.1 {
                    writeJSONString(text, to: sink)
                }
                sink.write("]")
            }
            sink.write("}}")
        }
        sink.write("]}\n")
    }

    /// Writes a JSON string literal (see `JSONString`).
    @inline(__always)
    static func writeJSONString(_ text: String, to sink: ByteSink) {
        JSONString.write(text) { sink.write(bytes: $0) }
    }

    // MARK: - CSV

    /// Writes one sheet as CSV (RFC 4180 quoting), as a grid from A1 to the last used cell;
    /// merged areas are not filled. Dates as ISO text, booleans as TRUE/FALSE.
    static func writeCSV(_ sheet: Sheet, to sink: ByteSink) {
        var sharedCSV = [[UInt8]?](repeating: nil, count: sheet.parts.sharedStrings.count)
        // Whether each cell style makes a number a date (a style past the list is General).
        let dateStyles = sheet.parts.cellFormats.map { isDateLike($0.kind) }
        var row = 0
        var column = 0
        for index in sheet.stored.indices {
            let s = sheet.stored[index]
            while row < Int(s.row) {
                sink.write(byte: 0x0A)
                row += 1
                column = 0
            }
            while column < Int(s.column) {
                sink.write(byte: 0x2C)
                column += 1
            }
            switch s.kind {
            case .sharedString:
                let i = Int(s.payload)
                if let cached = sharedCSV[i] {
                    sink.write(bytes: cached)
                } else {
                    let bytes = csvField(sheet.parts.sharedStrings[i])
                    sharedCSV[i] = bytes
                    sink.write(bytes: bytes)
                }
            case .number where !(Int(s.style) < dateStyles.count && dateStyles[Int(s.style)]):
                NumberText.write(Double(bitPattern: s.payload), to: sink)
            default:
                switch sheet.makeCell(index).value {
                case .number(let n): NumberText.write(n, to: sink)
                case .string(let text): sink.write(bytes: csvField(text))
                case .bool(let b): sink.write(b ? "TRUE" : "FALSE")
                case .error(let e): sink.write(bytes: csvField(e))
                case .date(let iso, _): sink.write(bytes: csvField(iso))
                case .formulaWithoutValue: break
                }
            }
        }
        if !sheet.stored.isEmpty { sink.write(byte: 0x0A) }
    }

    /// Date, time and duration formats turn a number into ISO text.
    private static func isDateLike(_ kind: NumberFormat.Kind) -> Bool {
        kind == .date || kind == .time || kind == .duration
    }

    /// A CSV field: quoted when it holds a comma, quote, or line break.
    static func csvField(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return bytes
        }
        var out: [UInt8] = [0x22]
        for c in bytes {
            if c == 0x22 { out.append(0x22) }
            out.append(c)
        }
        out.append(0x22)
        return out
    }

    // MARK: - Text grid

    /// Writes a readable grid: a header of column letters, then each non-empty row with its row
    /// number; cells clipped to `maxWidth` display columns (a CJK character counts as two).
    static func writeText(_ sheet: Sheet, file: String, maxWidth: Int = 24, to sink: ByteSink) {
        let state = sheet.state == .visible ? "" : (sheet.state == .hidden ? "（隐藏）" : "（深度隐藏）")
        sink.write("工作表 \(sheet.name)\(state)：\(sheet.cellCount) 个非空单元格")
        if !sheet.mergedRanges.isEmpty {
            sink.write("，合并区域 " + sheet.mergedRanges.map(\.description).joined(separator: " "))
        }
        sink.write("\n")
        let rows = sheet.rows
        let columnCount = sheet.size.columns
        var widths = [Int](repeating: 1, count: columnCount)
        var rendered: [(Int, [Int: String])] = []
        for row in rows {
            var texts: [Int: String] = [:]
            for cell in row.cells {
                let text = clip(displayText(cell.value, upTo: maxWidth + 1), to: maxWidth)
                texts[cell.reference.column] = text
                widths[cell.reference.column] = max(widths[cell.reference.column], displayWidth(text))
            }
            rendered.append((row.index, texts))
        }
        for c in 0..<columnCount { widths[c] = max(widths[c], A1.column(c).count) }
        let rowLabelWidth = max(2, String(rows.last.map { $0.index + 1 } ?? 1).count)
        var header = String(repeating: " ", count: rowLabelWidth) + " |"
        for c in 0..<columnCount { header += " " + padded(A1.column(c), widths[c]) + " |" }
        sink.write(header + "\n")
        for (index, texts) in rendered {
            var line = padded(String(index + 1), rowLabelWidth) + " |"
            for c in 0..<columnCount { line += " " + padded(texts[c] ?? "", widths[c]) + " |" }
            sink.write(line + "\n")
        }
    }

    /// How a value reads in the text grid: at most `limit` characters of a string, which is all a
    /// grid column clipped to `limit - 1` columns can show (every character is one column wide
    /// or two), so a cell of megabytes costs no more than a short one.
    static func displayText(_ value: CellValue, upTo limit: Int = .max) -> String {
        switch value {
        case .number(let n): return NumberText.format(n)
        case .string(let s):
            return String(s.prefix(limit).map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? "⏎" : $0 })
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .date(let iso, _): return iso
        case .formulaWithoutValue: return "=?"
        }
    }

    /// Display columns of text in a terminal: East Asian wide characters count two (the rule of
    /// Excel column widths).
    private static func displayWidth(_ text: String) -> Int { ColumnWidth.displayWidth(of: text) }

    private static func clip(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = ch.unicodeScalars.reduce(0) { $0 + (ColumnWidth.isWide($1) ? 2 : 1) }
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - displayWidth(text)))
    }
}
