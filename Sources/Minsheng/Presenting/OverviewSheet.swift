import Foundation
import XLSXWriter

/// 总览, the first sheet and one A4 page: the title with city and period, the as-of date and where
/// it came from, the overall completion rate, the items per status with a bar chart, each area's
/// submission and its share of items on schedule (ranked), and the top findings (errors first)
/// linked to their rows. Its words, widths and limits are `Templates/workbook.json`'s `overview`.
enum OverviewSheet {
    /// Zero-based row of the section headings.
    static let headingRow = 4
    /// Zero-based row of the table headers.
    static let headerRow = 5
    /// Zero-based row of the first status and of the first area.
    static let firstRow = 6

    /// One area's line: what it sent, how many items it filled, how many are on schedule.
    struct AreaLine: Equatable {
        var area: String
        var submission: String
        var filled: Int
        /// Items with a numeric target for the area.
        var targets: Int
        /// Of those, at or above 序时进度 (nil without an as-of date).
        var onSchedule: Int?

        var share: Double? {
            guard let onSchedule, targets > 0 else { return nil }
            return Double(onSchedule) / Double(targets)
        }
    }

    /// Items per status, in the order of `ItemStatus.counted`, then the rest (qualitative,
    /// nothing filled in).
    static func statusCounts(_ content: ProgressWorkbookContent) -> (counts: [Int], other: Int) {
        var counts = Array(repeating: 0, count: ItemStatus.counted.count)
        var other = 0
        for item in content.items {
            if let status = ItemStatus(item, asOf: content.asOf), let index = ItemStatus.counted.firstIndex(of: status) {
                counts[index] += 1
            } else {
                other += 1
            }
        }
        return (counts, other)
    }

    /// The average of the item rates (each at most 100%) over items with a numeric target and
    /// completion, and how many such items.
    static func overallRate(_ items: [ProgressItem]) -> (rate: Double, count: Int)? {
        let rates = items.compactMap { item -> Double? in
            guard let target = item.target?.number, target > 0, let completed = item.completed?.number else { return nil }
            return min(1, ProgressWorkbook.double(completed) / ProgressWorkbook.double(target))
        }
        guard !rates.isEmpty else { return nil }
        return (rates.reduce(0, +) / Double(rates.count), rates.count)
    }

    /// Each area's line, best share of items on schedule first (then most filled, then input order).
    static func areaLines(_ content: ProgressWorkbookContent, words: WorkbookSettings.Overview) -> [AreaLine] {
        let areas = ProgressWorkbook.orderedAreas(content.items)
        let schedule = content.asOf.map { Decimal($0.scheduleShare) }
        let collected = !content.submissions.isEmpty || !content.outcomes.isEmpty
        // The returns not merged, in input order, with their area and why.
        let notMerged = content.files.compactMap { file -> (path: String, area: String?, reason: NotMergedReason)? in
            guard case .notMerged(let area, let reason)? = content.outcomes[file.path] else { return nil }
            return (file.path, area, reason)
        }
        var lines: [AreaLine] = []
        for area in areas {
            var filled = 0
            var targets = 0
            var onSchedule = 0
            for item in content.items {
                guard let figures = item.areas[area] else { continue }
                if figures.completed != nil { filled += 1 }
                guard let target = figures.target, target > 0 else { continue }
                targets += 1
                if let completed = figures.completed, let schedule, completed / target >= min(1, schedule) { onSchedule += 1 }
            }
            var submission: String
            if collected {
                if let file = content.submissions[area] {
                    submission = WorkbookSettings.fill(words.reported, ["file": ((file as NSString).lastPathComponent as NSString).deletingPathExtension])
                    let others = Set(notMerged.filter { $0.area == area && $0.path != file }.map(\.path))
                    if !others.isEmpty { submission += WorkbookSettings.fill(words.othersNotUsed, ["count": String(others.count)]) }
                } else if content.findings.contains(where: { $0.code == .missingSubmission && $0.area == area }) {
                    submission = words.notReported
                } else if let other = notMerged.first(where: { $0.area == area }) {
                    submission = WorkbookSettings.fill(words.notUsed, ["reason": other.reason.text])
                } else {
                    submission = words.notReported
                }
            } else {
                submission = filled > 0 ? words.filled : words.notFilled
            }
            if submission.count > 40 { submission = String(submission.prefix(39)) + "…" }
            lines.append(AreaLine(area: area, submission: submission, filled: filled, targets: targets, onSchedule: schedule == nil ? nil : onSchedule))
        }
        let order = Dictionary(areas.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return lines.sorted { a, b in
            if (a.share ?? -1) != (b.share ?? -1) { return (a.share ?? -1) > (b.share ?? -1) }
            if a.filled != b.filled { return a.filled > b.filled }
            return (order[a.area] ?? 0) < (order[b.area] ?? 0)
        }
    }

    /// The findings 总览 lists: errors first, each kind in input order, at most `limit`; with
    /// their rows on 校验结果.
    static func topFindings(_ findings: [Finding], limit: Int) -> [(finding: Finding, row: Int)] {
        let indexed = findings.enumerated().map { (finding: $0.element, row: FindingsSheet.firstRow + $0.offset) }
        let errors = indexed.filter { $0.finding.severity == .error }
        let warnings = indexed.filter { $0.finding.severity != .error }
        return Array((errors + warnings).prefix(max(0, limit)))
    }

    /// Writes 总览 (the first sheet, shown when the file opens).
    static func write(
        _ content: ProgressWorkbookContent, heading: ReportHeading, settings: WorkbookSettings, _ book: XLSXWorkbook,
        rowOfItem: [String: Int]
    ) throws(XLSXWriterError) {
        let words = settings.overview
        let layout = PrintLayout(settings.print)
        let size = layout.bodySize
        let widths = words.columnWidths
        let last = widths.count - 1
        let sheet = try book.addWorksheet(words.sheetName)
        sheet.activate()
        for (c, width) in widths.enumerated() { try sheet.setColumns(c, c, width: width) }

        var plainSpec = CellFormat()
        plainSpec.fontSize = size
        plainSpec.vertical = .center
        let plain = book.format(plainSpec)
        var headingSpec = plainSpec
        headingSpec.bold = true
        headingSpec.fontSize = size + 1
        let headingFormat = book.format(headingSpec)
        let header = book.format(ProgressWorkbook.headerFormat(size: size))
        let text = book.format(ProgressWorkbook.cellFormat(.text, size: size))
        let wrapped = book.format(ProgressWorkbook.cellFormat(.wrapped, size: size))
        let centered = book.format(ProgressWorkbook.cellFormat(.centered, size: size))
        let count = book.format(ProgressWorkbook.cellFormat(ColumnStyle(numberFormat: "0", centered: true), size: size))
        let percent = book.format(ProgressWorkbook.cellFormat(ColumnStyle(numberFormat: "0.0%", centered: true), size: size))
        var boldSpec = ProgressWorkbook.cellFormat(.text, size: size)
        boldSpec.bold = true
        let bold = book.format(boldSpec)

        // Title, as-of date, overall rate.
        try sheet.mergeRange(
            firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: last, heading.title,
            format: book.format(ProgressWorkbook.titleFormat(size: 16)))
        try sheet.setRow(0, height: 30)
        let schedule = content.asOf.map { Quantity.format(RateCheck.round(Decimal($0.scheduleShare) * 100, 1, .plain)) + "%" } ?? ""
        let asOfLine: String
        switch heading.asOfSource {
        case .given: asOfLine = WorkbookSettings.fill(words.asOfGiven, ["date": content.asOf?.chinese ?? "", "schedule": schedule])
        case .inputs(let period):
            asOfLine = WorkbookSettings.fill(
                words.asOfFromInputs, ["date": content.asOf?.chinese ?? "", "period": period, "schedule": schedule])
        case .none: asOfLine = words.asOfMissing
        }
        try sheet.mergeRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: last, asOfLine, format: plain)
        let rateLine = overallRate(content.items).map {
            WorkbookSettings.fill(
                words.overallRate,
                ["rate": Quantity.format(RateCheck.round(Decimal($0.rate * 100), 1, .plain)) + "%", "count": String($0.count)])
        } ?? words.overallRateNone
        try sheet.mergeRange(firstRow: 2, firstColumn: 0, lastRow: 2, lastColumn: last, rateLine, format: plain)
        try sheet.setRow(3, height: 6)

        // 一、status counts and the chart.
        let statusEnd = 5  // the columns A…F: the table and the chart beside it
        try sheet.mergeRange(firstRow: headingRow, firstColumn: 0, lastRow: headingRow, lastColumn: statusEnd, words.statusHeading, format: headingFormat)
        for (c, label) in words.statusHeaders.enumerated() { try sheet.write(label, row: headerRow, column: c, format: header) }
        let (counts, other) = statusCounts(content)
        let total = max(1, content.items.count)
        var rowLines: [Int: Int] = [:]
        for (i, status) in ItemStatus.counted.enumerated() {
            let r = firstRow + i
            try sheet.write(settings.statuses[status] ?? "", row: r, column: 0, format: text)
            try sheet.write(Double(counts[i]), row: r, column: 1, format: count)
            try sheet.write(Double(counts[i]) / Double(total), row: r, column: 2, format: percent)
        }
        let otherRow = firstRow + ItemStatus.counted.count
        try sheet.write(words.otherStatus, row: otherRow, column: 0, format: text)
        try sheet.write(Double(other), row: otherRow, column: 1, format: count)
        try sheet.write(Double(other) / Double(total), row: otherRow, column: 2, format: percent)
        let totalRow = otherRow + 1
        try sheet.write(words.totalLabel, row: totalRow, column: 0, format: bold)
        try sheet.write(Double(content.items.count), row: totalRow, column: 1, format: count)
        try sheet.write(content.items.isEmpty ? 0 : 1, row: totalRow, column: 2, format: percent)
        do {
            let chart = try book.addChart(.bar)
            let name = "'\(words.sheetName)'"
            let firstA1 = firstRow + 1
            let lastA1 = firstRow + ItemStatus.counted.count
            let series = try chart.addSeries(
                categories: "=\(name)!$A$\(firstA1):$A$\(lastA1)", values: "=\(name)!$B$\(firstA1):$B$\(lastA1)")
            chart.setSeriesFill(series, color: 0x5B9BD5)
            chart.setSeriesLabels(series, fontSize: size)
            chart.setTitle(words.chartTitle, fontSize: size)
            chart.setLegendPosition(.none)
            chart.setAxisFontSize(size)
            chart.reverseCategories()
            chart.setValueAxisMinimum(0)
            // Over D6…F(total): 3 columns and the status rows, in pixels of the default 480 × 288.
            let chartWidth = widths[3...statusEnd].map { $0 * 7 + 5 }.reduce(0, +)
            let chartHeight = Double(totalRow - headerRow + 1) * 20
            try sheet.insertChart(chart, row: headerRow, column: 3, xScale: chartWidth / 480, yScale: chartHeight / 288)
        }

        // 二、areas: submission and ranking.
        let areaFirst = statusEnd + 2
        let lines = areaLines(content, words: words)
        var end = totalRow
        if !lines.isEmpty {
            try sheet.mergeRange(
                firstRow: headingRow, firstColumn: areaFirst, lastRow: headingRow, lastColumn: last, words.areaHeading, format: headingFormat)
            for (i, label) in words.areaHeaders.enumerated() { try sheet.write(label, row: headerRow, column: areaFirst + i, format: header) }
            var rank = 0
            var previous: AreaLine?
            for (i, line) in lines.enumerated() {
                let r = firstRow + i
                if previous?.share != line.share || previous?.filled != line.filled || previous == nil { rank = i + 1 }
                previous = line
                try sheet.write(Double(rank), row: r, column: areaFirst, format: count)
                try sheet.write(line.area, row: r, column: areaFirst + 1, format: text)
                try sheet.write(line.submission, row: r, column: areaFirst + 2, format: wrapped)
                try sheet.write(Double(line.filled), row: r, column: areaFirst + 3, format: count)
                if let onSchedule = line.onSchedule {
                    try sheet.write("\(onSchedule)/\(line.targets)", row: r, column: areaFirst + 4, format: centered)
                } else {
                    try sheet.write("—", row: r, column: areaFirst + 4, format: centered)
                }
                if let share = line.share { try sheet.write(share, row: r, column: areaFirst + 5, format: percent) }
                else { try sheet.write("—", row: r, column: areaFirst + 5, format: centered) }
                rowLines[r] = max(rowLines[r] ?? 1, layout.lines(line.submission, width: widths[areaFirst + 2]))
            }
            end = max(end, firstRow + lines.count - 1)
        }

        // 三、top findings, linked to their rows.
        let top = topFindings(content.findings, limit: words.topFindings)
        let findingsHeading = end + 2
        try sheet.setRow(end + 1, height: 8)
        let errors = content.findings.filter { $0.severity == .error }.count
        let headingText = content.findings.isEmpty ? words.findingsNone : WorkbookSettings.fill(
            words.findingsHeading,
            ["errors": String(errors), "warnings": String(content.findings.count - errors), "shown": String(top.count)])
        try sheet.mergeRange(firstRow: findingsHeading, firstColumn: 0, lastRow: findingsHeading, lastColumn: last, headingText, format: headingFormat)
        let messageLast = areaFirst + 2
        if !top.isEmpty {
            let h = findingsHeading + 1
            try sheet.write(words.findingHeaders[0], row: h, column: 0, format: header)
            try sheet.mergeRange(firstRow: h, firstColumn: 1, lastRow: h, lastColumn: messageLast, words.findingHeaders[1], format: header)
            try sheet.mergeRange(firstRow: h, firstColumn: messageLast + 1, lastRow: h, lastColumn: last, words.findingHeaders[2], format: header)
            var errorSpec = ProgressWorkbook.cellFormat(.centered, size: size)
            errorSpec.fontColor = 0x9C0006
            var warningSpec = ProgressWorkbook.cellFormat(.centered, size: size)
            warningSpec.fontColor = 0x9C5700
            let messageWidth = widths[1...messageLast].reduce(0, +)
            var linkSpec = ProgressWorkbook.cellFormat(.centered, size: size)
            linkSpec.vertical = .center
            var mainSheets: [String: String] = [:]
            for file in content.files where !file.sheets.isEmpty { mainSheets[file.path] = file.sheet }
            for (i, entry) in top.enumerated() {
                let r = h + 1 + i
                let f = entry.finding
                try sheet.write(
                    f.severity == .error ? "错误" : "警告", row: r, column: 0, format: book.format(f.severity == .error ? errorSpec : warningSpec))
                // A cell off the file's main sheet is named with its sheet.
                let place = [(f.file as NSString).lastPathComponent, f.place(besides: mainSheets[f.file])]
                    .filter { !$0.isEmpty }.joined(separator: " ")
                let message = Self.fitted("\(place)：\(f.message)", width: messageWidth, lines: 2, layout: layout)
                try sheet.mergeRange(firstRow: r, firstColumn: 1, lastRow: r, lastColumn: messageLast, message, format: wrapped)
                // The item's row on 进度汇总 when the finding names one, else the finding's row on 校验结果.
                let target: (sheet: String, row: Int)
                if let item = f.item, let row = rowOfItem[item] { target = (ProgressSheet.name, row) } else { target = (FindingsSheet.name, entry.row) }
                try sheet.mergeRange(firstRow: r, firstColumn: messageLast + 1, lastRow: r, lastColumn: last, "", format: book.format(linkSpec))
                try sheet.writeLink(
                    to: "'\(target.sheet)'!A\(target.row + 1)", text: "\(target.sheet)第 \(target.row + 1) 行", row: r,
                    column: messageLast + 1, format: linkSpec)
                rowLines[r] = layout.lines(message, width: messageWidth)
            }
        }
        for (row, count) in rowLines.sorted(by: { $0.key < $1.key }) {
            if let height = layout.height(lines: count) { try sheet.setRow(row, height: height) }
        }
        try sheet.setPrintLayout(fitToWidth: false, fitToPage: true, repeatRows: nil)
    }

    /// `text` cut with … so that it takes at most `lines` lines in a column `width` units wide.
    static func fitted(_ text: String, width: Double, lines: Int, layout: PrintLayout) -> String {
        guard layout.lines(text, width: width) > lines else { return text }
        var kept = text
        while !kept.isEmpty, layout.lines(kept + "…", width: width) > lines { kept.removeLast() }
        return kept + "…"
    }
}
