import Foundation
import XLSXWriter

/// How the sheets of the progress workbook meet A4 paper: text sizes, how many lines wrapped text
/// takes in a column (so rows are tall enough and never overlap the next), column widths within
/// one page's width, and where pages break. Spreadsheets do not grow rows on load; these
/// estimates err on the tall side.
struct PrintLayout {
    let settings: WorkbookSettings.Print

    init(_ settings: WorkbookSettings.Print) {
        self.settings = settings
    }

    /// The body text size.
    var bodySize: Double { settings.bodyFontSize }

    /// A column `width` character units wide, in points (7 pixels a unit and 5 of padding at 96 dpi).
    static func points(width: Double) -> Double { (width * 7 + 5) * 0.75 }

    /// The printable height of an A4 landscape page below the repeated header rows, in points
    /// (595 less margins, header and footer), with a margin for the estimate.
    static let pageHeight = 595.0 - 2 * 0.6 * 72 - 40

    /// How many lines `text` takes wrapped in a column `width` units wide at `size` points: CJK
    /// characters one em each, others about 0.55 em, Latin words kept whole when they fit.
    func lines(_ text: String, width: Double, size: Double? = nil) -> Int {
        let size = size ?? bodySize
        let usable = max(size, Self.points(width: width) - 6)
        var total = 0
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var lines = 1
            var used = 0.0
            var word = 0.0
            func place(_ advance: Double) {
                if used + advance > usable, used > 0 {
                    lines += 1
                    used = 0
                }
                used += advance
                while used > usable {
                    lines += 1
                    used -= usable
                }
            }
            for scalar in paragraph.unicodeScalars {
                let wide = ColumnWidth.displayWidth(of: String(scalar)) == 2
                if wide {
                    if word > 0 { place(word); word = 0 }
                    place(size * 1.02)
                } else if scalar == " " || scalar == "-" || scalar == "/" || scalar == "，" {
                    word += size * 0.3
                    place(word)
                    word = 0
                } else {
                    word += size * 0.56
                }
            }
            if word > 0 { place(word) }
            total += lines
        }
        return max(1, total)
    }

    /// The height of a row whose cells wrap into this many lines at most (nil: one line, the default).
    func height(lines: Int, size: Double? = nil) -> Double? {
        guard lines > 1 else { return nil }
        let lineHeight = settings.lineHeight * (size ?? bodySize) / bodySize
        // Whole tenths of a point: the same text gives the same bytes on every machine.
        return min(settings.maximumRowHeight, ((lineHeight * Double(lines) + settings.rowPadding) * 10).rounded() / 10)
    }

    /// The height a header row needs for headers in columns of these widths (bold wraps a bit wider).
    func headerHeight(_ headers: [String], widths: [Double]) -> Double {
        let lines = zip(headers, widths).map { self.lines($0.0, width: $0.1 * 0.95) }.max() ?? 1
        return max(20, settings.lineHeight * Double(lines) + settings.rowPadding + 2)
    }

    /// Whether columns of these widths print on one page's width at 100%.
    func fitsPage(_ widths: [Double]) -> Bool {
        widths.reduce(0, +) <= settings.pageWidth
    }

    /// Rows where a new page should start so that a group of rows (a 类别) is not split when it
    /// fits on a page: `groups` are each group's row heights in points, in order, starting at
    /// `firstRow`.
    func pageBreaks(groups: [[Double]], firstRow: Int, available: Double = PrintLayout.pageHeight) -> [Int] {
        var breaks: [Int] = []
        var used = 0.0
        var row = firstRow
        for group in groups {
            let height = group.reduce(0, +)
            if used > 0, used + height > available, height <= available {
                breaks.append(row)
                used = 0
            }
            for rowHeight in group {
                if used + rowHeight > available {
                    used = 0
                }
                used += rowHeight
            }
            row += group.count
        }
        return breaks
    }
}

extension SheetColumns {
    /// Each column's width as `widths(fitting:)` gives it, then the widest fitting columns narrowed
    /// (never below their minimum) until the sheet is at most `budget` units wide, if it can be.
    func widths(fitting texts: (Key) -> [String], budget: Double) -> [Double] {
        var widths = widths(fitting: texts)
        let minimums = columns.map { column -> Double? in
            if case .fitting(let minimum, _) = column.width { return minimum }
            return nil
        }
        while widths.reduce(0, +) > budget {
            let candidates = widths.indices.filter { widths[$0] > (minimums[$0] ?? .infinity) }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] = max(minimums[widest] ?? 0, widths[widest] - 1)
        }
        return widths
    }
}
