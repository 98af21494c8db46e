import XLSXReader
import XLSXWriter

/// The check report for people: findings grouped by file, a readable Chinese table, and a
/// summary line.
enum TextReport {
    /// The whole report as text.
    static func render(_ report: CheckReport) -> String {
        var out = ""
        let byFile = Dictionary(grouping: report.findings, by: \.file)
        for file in report.files { out += render(file, findings: byFile[file.path] ?? [], hints: report.hints) }
        out += summary(
            files: report.files.count, unreadable: report.unreadableCount, errors: report.errorCount,
            warnings: report.warningCount, skipped: report.skippedCount)
        return out
    }

    /// One file's lines: its status and a table of its findings (`hints`: what the front end
    /// adds to the words).
    static func render(_ file: FileResult, findings: [Finding], explain: Bool = false, hints: FrontEndHints = .none) -> String {
        switch file.status {
        case .unreadable:
            return "✗ \(file.path)\n    \(file.problem?.text(hints: hints) ?? "无法读取")\n"
        case .skipped:
            return "- \(file.path)：已跳过（\(file.problem?.text(hints: hints) ?? "")）\n" + (findings.isEmpty ? "" : table(findings, hints: hints))
        case .ok:
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.count - errors
            let mark = errors > 0 ? "✗" : (warnings > 0 ? "!" : "✓")
            let sheets = file.sheets.isEmpty ? (file.sheet ?? "?") : file.sheets.joined(separator: "、")
            var out = "\(mark) \(file.path)（工作表 \(sheets)，\(file.items) 项）"
            out += findings.isEmpty ? "：未发现问题\n" : "：\(errors) 个错误，\(warnings) 个警告\n"
            for reading in file.readings {
                if explain {
                    out += ReadingText.explanation(reading)
                } else {
                    let sheet = file.readings.count > 1 ? "\(reading.sheet) " : ""
                    out += "    \(sheet)\(ReadingText.line(reading))\n"
                }
            }
            // With several sheets checked, a cell off the first one is named with its sheet.
            if !findings.isEmpty { out += table(findings, mainSheet: file.sheets.isEmpty ? nil : file.sheet, hints: hints) }
            return out
        }
    }

    /// The closing line: `共 7 个文件，2 个错误，2 个警告`.
    static func summary(files: Int, unreadable: Int, errors: Int, warnings: Int, skipped: Int = 0) -> String {
        var out = "共 \(files) 个文件"
        let notes = (unreadable > 0 ? ["\(unreadable) 个无法读取"] : []) + (skipped > 0 ? ["\(skipped) 个已跳过"] : [])
        if !notes.isEmpty { out += "（\(notes.joined(separator: "，"))）" }
        return out + "，\(errors) 个错误，\(warnings) 个警告\n"
    }

    private static func table(_ findings: [Finding], mainSheet: String? = nil, hints: FrontEndHints) -> String {
        let rows = findings.map { f in
            [f.severity == .error ? "错误" : "警告", f.place(besides: mainSheet), f.code.rawValue, f.item ?? "", hints.message(of: f)]
        }
        let widths = (0..<4).map { column in rows.map { displayWidth($0[column]) }.max() ?? 0 }
        var out = ""
        for row in rows {
            var line = "    "
            for column in 0..<4 {
                let text = column == 3 ? clip(row[column], 30) : row[column]
                line += text + String(repeating: " ", count: max(0, min(widths[column], 30) - displayWidth(text))) + "  "
            }
            out += line + row[4] + "\n"
        }
        return out
    }

    /// Terminal columns of text (CJK counts two).
    static func displayWidth(_ text: String) -> Int { ColumnWidth.displayWidth(of: text) }

    private static func clip(_ text: String, _ width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var out = ""
        for ch in text {
            if displayWidth(out + String(ch)) > width - 1 { break }
            out.append(ch)
        }
        return out + "…"
    }
}
