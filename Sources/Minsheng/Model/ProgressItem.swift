import Foundation
import XLSXReader

/// One indicator of the standardized progress workbook, merged from every input that names it.
struct ProgressItem: Sendable {
    /// The category (section row or 类别 column).
    var category: String?
    /// 项目.
    var project: String?
    /// 指标.
    var indicator: String?
    /// 单位.
    var unit: String?
    /// The annual target: a figure, or the text as written (prose, qualitative).
    var target: Figure?
    /// The completed figure.
    var completed: Figure?
    /// The completion rate as reported, when the input gave one.
    var reportedRate: Figure?
    /// Targets and completions per area.
    var areas: [String: AreaFigures] = [:]
    /// The areas in the order the inputs name them.
    var areaOrder: [String] = []
    /// 牵头单位 / 责任单位.
    var lead: String?
    /// Where the item was read: `file!cell` per input.
    var sources: [String] = []
    /// Whether its figures sum across areas and when its target is met (a ceiling: at or under).
    var kind: IndicatorKind = .additive
    /// Where each figure was read (total and per area), for naming both cells of a conflict.
    var figureSources: [ValueKey: FigureSource] = [:]
    /// The period the item's table reports (`1-9月`), when it says.
    var period: ReportPeriod?
    /// Last period's cumulative completion (`--previous`).
    var previousCompleted: Decimal?

    /// The cell a figure was read from.
    struct FigureSource: Sendable, Hashable {
        /// The file as given.
        var file: String
        /// The sheet.
        var sheet: String
        /// The cell, A1.
        var cell: String
        /// Whether the label names the sheet (a table on another sheet than the file's main one).
        var namesSheet = false

        /// `涡阳县.xlsx!F4`, or `汇总.xlsx 附表!F4` when the sheet is named.
        var label: String {
            FigureSource.label(fileName: (file as NSString).lastPathComponent, sheet: sheet, cell: cell, namesSheet: namesSheet)
        }

        /// `label` with the file's name (its last path component) given: found once per table.
        static func label(fileName: String, sheet: String, cell: String, namesSheet: Bool) -> String {
            fileName + (namesSheet ? " \(sheet)" : "") + "!\(cell)"
        }
    }

    /// A figure or the text it was written as.
    enum Figure: Sendable, Hashable {
        /// A plain figure.
        case number(Decimal)
        /// A percentage, as a ratio (95% is 0.95).
        case percent(Decimal)
        /// Text: prose, a qualitative target, or what could not be read.
        case text(String)

        /// The number (percentages as ratios), if it is one.
        var number: Decimal? {
            switch self {
            case .number(let n), .percent(let n): return n
            case .text: return nil
            }
        }
    }

    /// One area's figures.
    struct AreaFigures: Sendable, Hashable {
        /// The target.
        var target: Decimal?
        /// The completed figure.
        var completed: Decimal?

        /// Takes from `other` each figure this one lacks.
        mutating func fill(from other: AreaFigures) {
            target = target ?? other.target
            completed = completed ?? other.completed
        }
    }

    /// The merge key: project and indicator, normalized.
    var key: String {
        HeaderText.normalize(project ?? "") + "|" + HeaderText.normalize(indicator ?? "")
    }

    /// A figure as a number: the total's (`area` nil) or an area's.
    func number(_ key: ValueKey) -> Decimal? {
        switch (key.measure, key.area) {
        case (.target, nil): return target?.number
        case (.completed, nil): return completed?.number
        case (.target, let area?): return areas[area]?.target
        case (.completed, let area?): return areas[area]?.completed
        case (.rate, _): return nil
        }
    }

    /// Replaces a number figure (a percentage stays a percentage).
    mutating func set(_ key: ValueKey, _ value: Decimal) {
        func replaced(_ figure: Figure?) -> Figure {
            if case .percent? = figure { return .percent(value) }
            return .number(value)
        }
        switch (key.measure, key.area) {
        case (.target, nil): target = replaced(target)
        case (.completed, nil): completed = replaced(completed)
        case (.target, let area?): areas[area, default: AreaFigures()].target = value
        case (.completed, let area?): areas[area, default: AreaFigures()].completed = value
        case (.rate, _): break
        }
    }

    /// Whether the target is met: at or under a ceiling, at or over anything else; nil when
    /// target or completion is no number.
    var isMet: Bool? {
        guard let t = target?.number, let c = completed?.number else { return nil }
        return kind == .ceiling ? c <= t : c >= t
    }

    /// completed ÷ target, when both are numbers and the target is not zero.
    var rate: Decimal? {
        guard let t = target?.number, t != 0, let c = completed?.number else { return nil }
        return c / t
    }
}

/// Turns recognized tables into progress items, merging the same project + indicator.
enum ProgressItems {
    /// The items of every table, in input order; an item named again in a later input adds its
    /// source and fills figures still missing.
    static func merge(_ tables: [RecognizedTable]) -> [ProgressItem] {
        var merger = Merger()
        for table in tables { merger.add(items(of: table)) }
        return merger.items
    }

    /// One table's items, before merging; `namingSheet` names the sheet in their sources (a
    /// table on another sheet than the file's main one).
    static func items(of table: RecognizedTable, namingSheet: Bool = false) -> [ProgressItem] {
        items(of: CheckedTable(table), namingSheet: namingSheet)
    }

    /// One checked table's items, from the values its rows were read as (the values stage: the
    /// figures check judged are the figures convert writes).
    static func items(of checked: CheckedTable, namingSheet: Bool = false) -> [ProgressItem] {
        let source = TableSource(checked, period: ReportPeriod.of(checked.table), namingSheet: namingSheet)
        let made = checked.rows.map { makeItem($0, in: checked, source: source) }
        guard checked.rows.contains(where: { $0.row.areaName != nil }) else { return made }
        return foldingAreaRows(checked.rows.map(\.row), made)
    }

    /// A table with one row per area (a 县区 column): each item's rows become one item, the
    /// 合计 / 全市 row its total and the others its areas' figures, as area columns would give —
    /// not one item per row, whose figures would conflict with each other.
    static func foldingAreaRows(_ rows: [TableRow], _ made: [ProgressItem]) -> [ProgressItem] {
        var result: [ProgressItem] = []
        var indexOfKey: [ItemKey: Int] = [:]
        for (row, item) in zip(rows, made) {
            guard let area = row.areaName.map(HeaderText.normalize), !area.isEmpty else {
                result.append(item)
                continue
            }
            let key = ItemKey(item)
            let index: Int
            if let found = indexOfKey[key] {
                index = found
                result[index].sources += item.sources
            } else {
                var base = item
                base.target = nil
                base.completed = nil
                base.reportedRate = nil
                base.figureSources = [:]
                index = result.count
                indexOfKey[key] = index
                result.append(base)
            }
            if row.areaIsTotal {
                result[index].target = item.target
                result[index].completed = item.completed
                result[index].reportedRate = item.reportedRate
                for measure in [Measure.target, .completed] {
                    result[index].figureSources[ValueKey(measure)] = item.figureSources[ValueKey(measure)]
                }
            } else {
                if !result[index].areaOrder.contains(area) { result[index].areaOrder.append(area) }
                result[index].areas[area] = ProgressItem.AreaFigures(target: item.target?.number, completed: item.completed?.number)
                for measure in [Measure.target, .completed] {
                    result[index].figureSources[ValueKey(measure, area: area)] = item.figureSources[ValueKey(measure)]
                }
            }
        }
        return result
    }

    /// Merges item lists one file at a time, in input order. Two files giving one item
    /// different figures are a `conflicting-values` error (the first file's figure is kept),
    /// unless the files report different periods of one series (`1-8月`, `1-9月`): then the
    /// latest period's figure is used and `notes` says so.
    struct Merger: Sendable {
        /// The merged items so far.
        private(set) var items: [ProgressItem] = []
        /// `conflicting-values` findings so far.
        private(set) var findings: [Finding] = []
        /// What was decided between periods of one series, for people.
        private(set) var notes: [String] = []
        /// Item rows added: merged into an item, or named in a `conflicting-values` finding.
        private(set) var accounting = RowAccounting()
        private var index: [ItemKey: Int] = [:]

        /// An empty merger.
        init() {}

        /// Adds one file's items: a new item is appended, a known one combined.
        mutating func add(_ list: [ProgressItem]) {
            for item in list {
                let key = ItemKey(item)
                accounting.filled += 1
                if let existing = index[key] {
                    let (found, decided, covered) = Merger.resolveConflicts(&items[existing], item)
                    findings += found
                    notes += decided
                    if found.isEmpty { accounting.merged += 1 } else { accounting.named += 1 }
                    ProgressItems.combine(into: &items[existing], item, areasCovered: covered)
                } else {
                    index[key] = items.count
                    items.append(item)
                    accounting.merged += 1
                }
            }
        }

        /// Whether two figures are both there and differ (what `resolveConflicts` compares).
        private static func differ(_ a: Decimal?, _ b: Decimal?) -> Bool {
            guard let a, let b else { return false }
            return !Quantity.equal(a, b)
        }

        /// Compares every figure both have; a later period's figure replaces an earlier one's.
        /// Also says whether `merged` already has every area figure `b` has (`combine` then
        /// has none to fill).
        private static func resolveConflicts(_ merged: inout ProgressItem, _ b: ProgressItem) -> ([Finding], [String], Bool) {
            var findings: [Finding] = []
            var notes: [String] = []
            let later = merged.period.flatMap { a in b.period.map { a != $0 && a < $0 } } ?? false
            let series = merged.period != nil && b.period != nil && merged.period != b.period
            // One figure both have: compared, and a later period's taken or a conflict named.
            func compare(_ key: ValueKey, _ oldValue: Decimal?, _ newValue: Decimal?) {
                guard let old = oldValue, let new = newValue, !Quantity.equal(old, new),
                    let oldSource = merged.figureSources[key], let newSource = b.figureSources[key]
                else { return }
                let name = ProgressWorkbook.itemName(merged)
                let label = CheckedRow.label(key)
                if series {
                    guard later, let newPeriod = b.period, let oldPeriod = merged.period else { return }
                    merged.set(key, new)
                    merged.figureSources[key] = newSource
                    notes.append(
                        "\(name)：\(label)\(oldPeriod.text)为 \(Quantity.format(old))（\(oldSource.label)），\(newPeriod.text)为 \(Quantity.format(new))（\(newSource.label)），采用最新一期 \(newPeriod.text)")
                    return
                }
                var finding = FindingBuilder(file: newSource.file, sheet: newSource.sheet)
                finding.add(
                    .conflictingValues(label: label, other: oldSource.label, otherValue: old, value: new),
                    cell: newSource.cell, row: CellReference(newSource.cell).map { $0.row + 1 }, item: name, area: key.area,
                    expected: old, actual: new)
                findings += finding.findings
            }
            compare(ValueKey(.target), merged.number(ValueKey(.target)), b.number(ValueKey(.target)))
            compare(ValueKey(.completed), merged.number(ValueKey(.completed)), b.number(ValueKey(.completed)))
            // Most often no area's figures differ (the same item from another file): found with
            // one look-up per area, before the areas are compared in order.
            var areasDiffer = false
            var covered = true
            for (area, new) in b.areas {
                guard let old = merged.areas[area] else {
                    covered = false
                    continue
                }
                if old.target == nil && new.target != nil || old.completed == nil && new.completed != nil { covered = false }
                if Self.differ(old.target, new.target) || Self.differ(old.completed, new.completed) {
                    areasDiffer = true
                    break
                }
            }
            // (Compared in order below, the areas may change: then nothing is taken as covered.)
            if areasDiffer { covered = false }
            for area in b.areaOrder where areasDiffer {
                // Each side's figures of the area looked up once for both measures (replacing the
                // target leaves the completion as it was).
                let old = merged.areas[area]
                let new = b.areas[area]
                compare(ValueKey(.target, area: area), old?.target, new?.target)
                compare(ValueKey(.completed, area: area), old?.completed, new?.completed)
            }
            // The item now stands for the later period: its heading and reported rate are that period's.
            if series && later {
                merged.period = b.period
                merged.reportedRate = b.reportedRate ?? merged.reportedRate
            }
            return (findings, notes, covered)
        }
    }

    /// Fills what `merged` lacks from `b` and adds b's sources, in place (a batch of thousands of
    /// files naming one item must not copy its growing source list each time).
    /// `areasCovered`: `merged` has every area figure `b` has, so none is filled from it.
    static func combine(into merged: inout ProgressItem, _ b: ProgressItem, areasCovered: Bool = false) {
        merged.category = merged.category ?? b.category
        merged.unit = merged.unit ?? b.unit
        merged.target = merged.target ?? b.target
        merged.completed = merged.completed ?? b.completed
        merged.reportedRate = merged.reportedRate ?? b.reportedRate
        merged.lead = merged.lead ?? b.lead
        if merged.kind.isAdditive { merged.kind = b.kind }
        // Most often b names the same areas in the same order, byte for byte: nothing to add,
        // and no comparison of names that differ (which walks them character by character).
        let sameAreas =
            b.areaOrder.count <= merged.areaOrder.count
            && zip(b.areaOrder, merged.areaOrder).allSatisfy { ByteKey.sameBytes($0, $1) }
        if !sameAreas {
            for area in b.areaOrder where !merged.areaOrder.contains(area) { merged.areaOrder.append(area) }
        }
        for (area, figures) in b.areas where !areasCovered {
            // (In place: the area's name hashed once, not for a read and again for a write.)
            merged.areas[area, default: ProgressItem.AreaFigures()].fill(from: figures)
        }
        merged.sources += b.sources
    }

    /// What every item of one table shares, found once per table.
    struct TableSource {
        /// The table's areas (`TableLayout.areas`).
        var areas: [String]
        /// Each area with the keys of its target and completion, made once per table (not once
        /// per row: a key digests its area's bytes).
        var areaKeys: [(area: String, target: ValueKey, completed: ValueKey)]
        /// Whether no two of `areas` are the same text: then each area an item lists has the
        /// figures it was given when listed (`makeItem` keeps them in order, not looked up again).
        var areasDistinct: Bool
        /// The period the table reports.
        var period: ReportPeriod?
        /// The file's name (last path component), for sources' labels.
        var fileName: String
        /// Whether sources name the sheet.
        var namingSheet: Bool

        init(_ checked: CheckedTable, period: ReportPeriod?, namingSheet: Bool) {
            areas = checked.areas
            areaKeys = areas.map { ($0, ValueKey(.target, area: $0), ValueKey(.completed, area: $0)) }
            areasDistinct = Set(areas).count == areas.count
            self.period = period
            fileName = (checked.table.file as NSString).lastPathComponent
            self.namingSheet = namingSheet
        }
    }

    /// One row's item, from its values as read (`CheckedRow.values`).
    static func makeItem(_ checked: CheckedRow, in table: CheckedTable, source: TableSource) -> ProgressItem {
        let row = checked.row
        let namingSheet = source.namingSheet
        var item = ProgressItem(
            category: row.category, project: row.project, indicator: row.indicator, unit: row.unit, lead: row.lead)
        item.kind = row.indicatorKind
        // Room for the figures of every area column (the dictionaries grow step by step otherwise),
        // made at their size: `reserveCapacity` on an empty dictionary runs the standard
        // library's unspecialized resize.
        item.areas = [String: ProgressItem.AreaFigures](minimumCapacity: source.areas.count)
        item.figureSources = [ValueKey: ProgressItem.FigureSource](minimumCapacity: 2 + 2 * source.areas.count)
        func read(_ key: ValueKey) -> (ReadValue, Quantity?)? {
            guard let value = checked.values[key] else { return nil }
            return (value, value.quantity.quantity)
        }
        func figure(_ key: ValueKey) -> ProgressItem.Figure? {
            guard let (value, quantity) = read(key) else { return nil }
            if let quantity { return quantity.isPercent ? .percent(quantity.ratio) : .number(quantity.value) }
            switch value.quantity {
            case .qualitative(let text), .unparsed(let text): return .text(text)
            default: return nil
            }
        }
        // A table with a single area column (a county's own plan): that column is the target.
        let single = source.areas.count == 1 ? source.areas.first : nil
        item.target = figure(ValueKey(.target)) ?? single.flatMap { figure(ValueKey(.target, area: $0)) }
        // A target written as not applicable (`——`) stays so: a blank would read as missing.
        if item.target == nil, let (value, _) = read(ValueKey(.target)), case .notApplicable = value.quantity,
            case .string(let text) = value.cell.value
        {
            item.target = .text(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // A percentage target is a rate whatever the indicator's words: its areas do not sum.
        if item.kind.isAdditive, case .percent? = item.target { item.kind = .ratio }
        item.completed = figure(ValueKey(.completed)) ?? single.flatMap { figure(ValueKey(.completed, area: $0)) }
        if let (_, rate) = read(ValueKey(.rate)), let rate, rate.isPercent {
            item.reportedRate = .percent(rate.ratio)
        }
        if item.unit == nil, case .number? = item.target, let (_, q) = read(ValueKey(.target)), let unit = q?.unit, unit != "%" {
            item.unit = unit
        }
        // The figures of each area listed, in `areaOrder`'s order.
        var listedFigures: [ProgressItem.AreaFigures] = []
        listedFigures.reserveCapacity(source.areas.count)
        item.areaOrder.reserveCapacity(source.areas.count)
        for (area, targetKey, completedKey) in source.areaKeys {
            let target = read(targetKey)?.1?.value
            let completed = read(completedKey)?.1?.value
            if target != nil || completed != nil {
                let figures = ProgressItem.AreaFigures(target: target, completed: completed)
                item.areas[area] = figures
                item.areaOrder.append(area)
                listedFigures.append(figures)
            }
        }
        // Prose targets: the breakdown's total and areas when the text holds exactly one.
        if case .text(let text)? = item.target {
            let breakdowns = BreakdownParser.parse(text, words: table.table.words).filter { $0.total != nil }
            if breakdowns.count == 1, let only = breakdowns.first {
                var shares = only.areas.map { ($0.area, $0.value.value) }
                if let each = only.each {
                    let listed = Set(shares.map(\.0))
                    shares += table.counties.filter { !listed.contains($0) }.map { ($0, each.value) }
                }
                for (area, value) in shares where item.areas[area] == nil {
                    let figures = ProgressItem.AreaFigures(target: value, completed: nil)
                    item.areas[area] = figures
                    item.areaOrder.append(area)
                    listedFigures.append(figures)
                }
            }
        }
        // A 分解情况 column: its areas' targets, when it holds exactly one split and the row
        // has no area columns of its own.
        if item.areaOrder.isEmpty, let text = row.breakdown?.string {
            let breakdowns = BreakdownParser.parseBreakdownCell(text, words: table.table.words).filter { $0.each == nil }
            if breakdowns.count == 1, let only = breakdowns.first {
                for share in only.areas where item.areas[share.area] == nil {
                    let figures = ProgressItem.AreaFigures(target: share.value.value, completed: nil)
                    item.areas[share.area] = figures
                    item.areaOrder.append(share.area)
                    listedFigures.append(figures)
                }
            }
        }
        // Where each figure was read: the total's, then each area's (its figures looked up once).
        // (The file and sheet taken out of the table once: reached through the table for every
        // figure, the whole table was copied each time.)
        let file = table.table.file
        let sheetName = table.table.sheet.name
        func noteSource(_ key: ValueKey, _ number: Decimal?) {
            let cell = row.values[key] ?? single.flatMap { key.area == nil ? row.values[ValueKey(key.measure, area: $0)] : nil }
            if let cell, number != nil {
                item.figureSources[key] = ProgressItem.FigureSource(
                    file: file, sheet: sheetName, cell: cell.reference.a1, namesSheet: namingSheet)
            }
        }
        noteSource(ValueKey(.target), item.number(ValueKey(.target)))
        noteSource(ValueKey(.completed), item.number(ValueKey(.completed)))
        for (index, area) in item.areaOrder.enumerated() {
            // (An area's figures as listed; looked up only when the table names an area twice.)
            let figures = source.areasDistinct ? listedFigures[index] : item.areas[area]
            noteSource(ValueKey(.target, area: area), figures?.target)
            noteSource(ValueKey(.completed, area: area), figures?.completed)
        }
        item.period = source.period
        let anchor = row.values[ValueKey(.target)] ?? row.values.values.min { $0.reference < $1.reference }
        let cell = anchor.map { $0.reference.a1 } ?? "第\(row.row + 1)行"
        item.sources = [
            ProgressItem.FigureSource.label(fileName: source.fileName, sheet: sheetName, cell: cell, namesSheet: namingSheet)
        ]
        return item
    }
}
