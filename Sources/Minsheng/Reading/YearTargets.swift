extension LayoutRecognizer {
    /// A year's target beside a part of the year's (年度投资计划 · 一季度目标任务 · 一季度完成投资 ·
    /// 占比): the completion and its rate measure the period's target; the year's is shown beside
    /// them, as a note. Returns the year's columns taken out of the groups.
    static func settleYearTargets(_ groups: inout [ColumnGroup]) -> [LayoutColumn] {
        var notes: [LayoutColumn] = []
        for g in groups.indices {
            let targets = groups[g].columns.filter { $0.meaning == .value(.target, area: nil) }
            guard targets.count >= 2, targets.contains(where: { PeriodWords.namesPartOfYear($0.header) }) else { continue }
            let years = targets.filter { PeriodWords.namesYear($0.header) }
            guard !years.isEmpty, years.count < targets.count else { continue }
            let columns = Set(years.map(\.column))
            groups[g].columns.removeAll { columns.contains($0.column) }
            for var year in years {
                year.meaning = .role(.note)
                notes.append(year)
            }
        }
        return notes
    }

    /// Whether a target column continues the run of `current` rather than starting an indicator:
    /// the run so far is the year's target alone and this one names a part of the year.
    static func continuesYearTarget(_ current: [LayoutColumn], header: String) -> Bool {
        current.count == 1 && current[0].meaning == .value(.target, area: nil) && PeriodWords.namesYear(current[0].header)
            && PeriodWords.namesPartOfYear(header)
    }
}
