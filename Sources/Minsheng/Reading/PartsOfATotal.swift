extension LayoutRecognizer {
    /// Columns right after a column of what was done (实发资金合计) that add up to it in the area
    /// rows (中央和省级补助资金 · 州配套资金 · 县配套资金) are its parts, and were done as it was:
    /// read as completions, not as targets. The figures decide; a run that does not add up is
    /// left as it is.
    static func settleParts(_ groups: inout [ColumnGroup], amounts: [Int: [Int: Double]]) {
        for index in groups.indices {
            guard groups[index].columns.count == 1, let total = groups[index].columns.first,
                total.meaning == .value(.completed, area: nil)
            else { continue }
            // The single-column targets right after it, one more at a time, until they add up.
            var run: [Int] = []
            var next = index + 1
            while next < groups.count, groups[next].columns.count == 1, let column = groups[next].columns.first,
                column.meaning == .value(.target, area: nil), column.column == (run.last.map { groups[$0].columns[0].column } ?? total.column) + 1
            {
                run.append(next)
                next += 1
                if Self.addsUp(total.column, parts: run.map { groups[$0].columns[0].column }, amounts: amounts) {
                    for part in run { groups[part].columns[0].meaning = .value(.completed, area: nil) }
                    break
                }
            }
        }
    }

    /// Whether the rows with a figure in `total` have the parts' figures (blank is none) add up
    /// to it — two rows at least, and more than do not (a table's own error is one row's).
    static func addsUp(_ total: Int, parts: [Int], amounts: [Int: [Int: Double]]) -> Bool {
        guard parts.count >= 2 else { return false }
        var agreeing = 0
        var disagreeing = 0
        for (_, figures) in amounts {
            guard let whole = figures[total] else { continue }
            let sum = parts.reduce(0.0) { $0 + (figures[$1] ?? 0) }
            if abs(whole - sum) <= max(1e-6, abs(whole) * 1e-9) { agreeing += 1 } else { disagreeing += 1 }
        }
        return agreeing >= 2 && agreeing > disagreeing
    }
}
