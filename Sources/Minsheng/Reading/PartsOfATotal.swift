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
            // The single-column targets right after it, one more at a time: the run that adds up
            // in the most rows (中央和省级 · 州配套 add up where the 县配套 is blank; with it, in
            // every row).
            var run: [Int] = []
            var best: (parts: [Int], agreeing: Int)?
            var next = index + 1
            while next < groups.count, run.count < 12, groups[next].columns.count == 1, let column = groups[next].columns.first,
                column.meaning == .value(.target, area: nil), column.column == (run.last.map { groups[$0].columns[0].column } ?? total.column) + 1
            {
                run.append(next)
                next += 1
                if let agreeing = Self.rowsAddingUp(total.column, parts: run.map { groups[$0].columns[0].column }, amounts: amounts),
                    agreeing > best?.agreeing ?? 0
                {
                    best = (run, agreeing)
                }
            }
            for part in best?.parts ?? [] { groups[part].columns[0].meaning = .value(.completed, area: nil) }
        }
    }

    /// How many rows with a figure in `total` have the parts' figures (blank is none) add up to
    /// it, when they are two at least and more than do not (a table's own error is one row's);
    /// nil when they do not.
    static func rowsAddingUp(_ total: Int, parts: [Int], amounts: [Int: [Int: Double]]) -> Int? {
        guard parts.count >= 2 else { return nil }
        var agreeing = 0
        var disagreeing = 0
        for (_, figures) in amounts {
            guard let whole = figures[total] else { continue }
            let sum = parts.reduce(0.0) { $0 + (figures[$1] ?? 0) }
            if abs(whole - sum) <= max(1e-6, abs(whole) * 1e-9) { agreeing += 1 } else { disagreeing += 1 }
        }
        return agreeing >= 2 && agreeing > disagreeing ? agreeing : nil
    }

    /// In a table whose figures are mostly what was done (实发人数, 实发资金合计 and its parts), a figure
    /// named by nothing but what it counts (配套资金, 结余资金) is what was done too: it is a target
    /// only as a guess (no word of its header says a target or a plan, at most that it is a sum
    /// of money: `HeaderVocabulary.isTargetAsMoneyOnly`). Not in a table whose title says it is
    /// a plan (…资金分配表: the money is allocated for the houses done; asked last, as it costs
    /// most), nor with areas across the columns.
    func settleMoneyOfWhatWasDone(_ layout: inout TableLayout, titleSaysPlan: () -> Bool) {
        var completed = 0
        // (A group's words over it count: 项目个数 · 投资额 under 计划情况 are planned.)
        var planned = Set<Int>()
        for group in layout.areaRows?.groups ?? [] where group.project.map({ p in PlanWords.plan.contains(where: p.contains) }) ?? false {
            for column in group.columns { planned.insert(column.column) }
        }
        var targetHeaders: [(column: Int, header: String)] = []
        for column in layout.columns {
            guard case .value(let measure, let area) = column.meaning else { continue }
            if area != nil { return }
            if measure == .completed { completed += 1 }
            if measure == .target { targetHeaders.append((column.column, column.header)) }
        }
        // (Most of its figures: a lone 发放总金额 and its parts among counts make no such table.
        // The words are asked only then, the title last.)
        guard completed >= 2, !targetHeaders.isEmpty, completed > targetHeaders.count,
            targetHeaders.allSatisfy({ target in
                !planned.contains(target.column)
                    && (vocabulary.role(of: target.header) == nil || vocabulary.isTargetAsMoneyOnly(target.header))
            }),
            !titleSaysPlan()
        else { return }
        func done(_ columns: inout [LayoutColumn]) {
            for i in columns.indices where columns[i].meaning == .value(.target, area: nil) { columns[i].meaning = .value(.completed, area: nil) }
        }
        done(&layout.columns)
        if var rows = layout.areaRows {
            for g in rows.groups.indices { done(&rows.groups[g].columns) }
            layout.areaRows = rows
        }
    }
}
