/// The other readings of a table's value columns that its header words cannot rule out: the
/// measures swapped (进度 may hold the cumulative figure and 完成目标(%) the rate; 完成情况 the
/// target of a plan …) and the rates read as percentages or as ratios (`0.85` under 完成率(%)).
/// `ReadingJudge` reads the table under each and keeps the one its figures agree with.
enum ReadingAlternatives {
    /// What an alternative changes, for the reading's explanation.
    struct Change: Hashable, Sendable {
        /// Each measure read as another (identity: unchanged).
        var measures: [Measure: Measure]
        /// Rates without a `%` read as percentages (true), as ratios (false), or as the words
        /// and figures say (nil).
        var ratesAsPercent: Bool?

        /// No change.
        static let none = Change(measures: [:], ratesAsPercent: nil)

        var isNone: Bool { measures.allSatisfy { $0.key == $0.value } && ratesAsPercent == nil }
    }

    /// The layouts to try besides `layout`, each with what it changes; none when the layout has
    /// fewer than two measures and no rate column.
    static func of(_ layout: TableLayout) -> [(layout: TableLayout, change: Change)] {
        let present = Set(allColumns(layout).compactMap { column -> Measure? in
            if case .value(let measure, _) = column.meaning { return measure }
            return nil
        })
        var result: [(TableLayout, Change)] = []
        guard present.count >= 2 || present.contains(.rate) else { return result }
        let orders: [[Measure]] = permutations([.target, .completed, .rate])
        for order in orders {
            let mapping = Dictionary(uniqueKeysWithValues: zip([Measure.target, .completed, .rate], order))
            // Only the measures present move; a mapping that sends two present measures to one
            // is no permutation of the columns.
            let images = present.map { mapping[$0] ?? $0 }
            guard Set(images).count == present.count else { continue }
            for percent in [nil, true, false] as [Bool?] {
                let change = Change(measures: mapping, ratesAsPercent: percent)
                if change.isNone { continue }
                // Rates re-read only where a rate column exists after the mapping.
                if percent != nil && !images.contains(.rate) { continue }
                // Two mappings that move only absent measures are the same reading.
                if result.contains(where: { sameEffect($0.1, change, present: present) }) { continue }
                result.append((apply(change, to: layout), change))
            }
        }
        // Two columns proposed as one measure where another is missing (进度 beside 完成目标(%),
        // both proposed as rates, no 完成数): each of them read as the missing one.
        var byArea: [String?: [(column: Int, measure: Measure)]] = [:]
        for column in layout.columns {
            if case .value(let measure, let area) = column.meaning { byArea[area, default: []].append((column.column, measure)) }
        }
        for (area, columns) in byArea {
            let measures = columns.map(\.measure)
            for missing in [Measure.target, .completed, .rate] where !measures.contains(missing) {
                for entry in columns where measures.filter({ $0 == entry.measure }).count >= 2 {
                    var changed = layout
                    if let i = changed.columns.firstIndex(where: { $0.column == entry.column && $0.meaning == .value(entry.measure, area: area) }) {
                        changed.columns[i].meaning = .value(missing, area: area)
                        if missing != .rate && entry.measure == .rate { changed.columns[i].unit = nil }
                        result.append((changed, Change(measures: [entry.measure: missing], ratesAsPercent: nil)))
                    }
                }
            }
        }
        return result
    }

    private static func sameEffect(_ a: Change, _ b: Change, present: Set<Measure>) -> Bool {
        a.ratesAsPercent == b.ratesAsPercent && present.allSatisfy { (a.measures[$0] ?? $0) == (b.measures[$0] ?? $0) }
    }

    private static func permutations(_ items: [Measure]) -> [[Measure]] {
        guard items.count > 1 else { return [items] }
        var result: [[Measure]] = []
        for (index, item) in items.enumerated() {
            var rest = items
            rest.remove(at: index)
            for tail in permutations(rest) { result.append([item] + tail) }
        }
        return result
    }

    private static func allColumns(_ layout: TableLayout) -> [LayoutColumn] {
        layout.columns + (layout.areaRows?.groups.flatMap(\.columns) ?? [])
    }

    /// `layout` with the change applied to every value column (and every group's).
    static func apply(_ change: Change, to layout: TableLayout) -> TableLayout {
        var layout = layout
        func remap(_ column: inout LayoutColumn) {
            guard case .value(let measure, let area) = column.meaning else { return }
            let now = change.measures[measure] ?? measure
            column.meaning = .value(now, area: area)
            if now == .rate {
                if let percent = change.ratesAsPercent { column.unit = percent ? "%" : nil }
                else if measure != .rate { column.unit = column.unit == "%" ? "%" : nil }
            } else if measure == .rate {
                column.unit = nil
            }
        }
        for i in layout.columns.indices { remap(&layout.columns[i]) }
        if var areaRows = layout.areaRows {
            for g in areaRows.groups.indices {
                for c in areaRows.groups[g].columns.indices { remap(&areaRows.groups[g].columns[c]) }
            }
            layout.areaRows = areaRows
        }
        return layout
    }
}
