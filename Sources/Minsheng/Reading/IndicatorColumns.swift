import Foundation
import XLSXReader

extension LayoutRecognizer {
    /// A table with the areas down the rows and one column per indicator — how many plans split
    /// their targets: `县区 | 城镇新增就业（人） | 农村劳动力转移就业（人） …`, perhaps under a
    /// project merged over several indicators, with a row of 责任单位 or of units between the
    /// names and the figures, and a total row (全市, 合计, or the place above the areas: 亳州市
    /// over its counties) first or last. Each indicator column becomes one item whose figures are
    /// its cells in the area rows. Nil when the sheet is not one: no column names two areas or
    /// more on rows with figures, an area named twice (one row per area under each item is
    /// another layout), or no figure column with a header.
    func recognizeIndicatorColumns(_ sheet: Sheet, grid: [Int: [Int: String]]) -> TableLayout? {
        let rows = sheet.rows
        guard !rows.isEmpty else { return nil }
        // The column naming the most areas on rows that hold a figure to its right (totals are
        // not counted: 小计 and 合计 typed in the serial column name no column of areas).
        var counts: [Int: Int] = [:]
        for row in rows {
            for cell in row.cells where cell.reference.column < 8 {
                guard case .string(let text) = cell.value, isAreaLabel(text), !vocabulary.isTotal(text),
                    row.cells.contains(where: { $0.reference.column > cell.reference.column && Self.holdsFigure($0) })
                else { continue }
                counts[cell.reference.column, default: 0] += 1
            }
        }
        var areaColumn: Int
        var headedColumn = false
        let named = counts.max(by: { a, b in a.value != b.value ? a.value < b.value : a.key > b.key })
        let headedBy = areaHeaderColumn(grid, sheet: sheet)
        if let headedBy, named.map({ $0.key == headedBy || $0.value < 2 }) ?? true {
            // The column headed 县区 / 市县 / 省份 lists the areas, named with their endings or not
            // (上海, 兵团).
            areaColumn = headedBy
            headedColumn = true
        } else if let (column, count) = named, count >= 2 {
            areaColumn = column
        } else {
            return nil
        }
        // Below the first named area, a short label with figures is an area too (省直部门 among
        // the counties): the column is the areas' column.
        var pastFirstArea = false
        func isLabel(_ text: String) -> Bool {
            if !headedColumn, !pastFirstArea {
                pastFirstArea = isAreaLabel(text)
                return pastFirstArea
            }
            guard let label = HeaderVocabulary.label(text), label.count <= (headedColumn ? 16 : 12), !label.isEmpty else { return false }
            if vocabulary.isTotal(label) || vocabulary.isArea(label) { return true }
            return !vocabulary.isFooter(label) && !label.allSatisfy(HeaderText.isDigit) && vocabulary.role(of: label) == nil
        }
        // The area rows, top to bottom. An area named twice is not this layout (one row per
        // area under each item is another), unless the others are named once: at most one area
        // in four named again is a place typed twice, which the check reports.
        var areaRows: [(row: Int, label: String)] = []
        var seen = Set<String>()
        var namedAgain = 0
        let merges = LabelMerges(sheet, column: areaColumn)
        for row in rows {
            guard let raw = merges.label(in: row), isLabel(raw),
                row.cells.contains(where: { $0.reference.column > areaColumn && Self.holdsFigure($0) })
                    || vocabulary.isArea(raw) && !areaRows.isEmpty
            else { continue }
            let label = TableReader.clean(raw)
            let name = HeaderText.normalize(label)
            if !seen.insert(name).inserted { namedAgain += 1 }
            areaRows.append((row.index, label))
        }
        guard namedAgain == 0 || AreaRow.areTyposOnly(repeated: namedAgain, among: areaRows.count) else { return nil }
        guard let firstAreaRow = areaRows.first?.row else { return nil }
        // The figure columns: right of the area column, a figure in at least half the area rows.
        let wanted = Set(areaRows.map(\.row))
        var figureCounts: [Int: Int] = [:]
        for row in rows where wanted.contains(row.index) {
            for cell in row.cells where cell.reference.column > areaColumn && Self.holdsFigure(cell) {
                figureCounts[cell.reference.column, default: 0] += 1
            }
        }
        // A list folded into blocks side by side (乡镇 | 筛查数 | 乡镇 | 筛查数): the first block's
        // columns are the layout's, the others' rows are read the block's width on.
        let fold = Self.foldPeriod(grid, areaColumn: areaColumn)
        var figureColumns = figureCounts.filter { $0.value * 2 >= areaRows.count && $0.key < areaColumn + (fold ?? .max / 2) }.keys.sorted()
        guard !figureColumns.isEmpty else { return nil }
        // The header block: the rows right above the first area row with text over the figure
        // columns, up to a blank row or a title (one text across the area column as well).
        var headerRows: [Int] = []
        var r = firstAreaRow - 1
        // (A row numbering the columns, 01 02 03 … or 甲 乙 丙, as a statistical report does, is
        // neither header nor data.)
        if r >= 0, let numbering = rows.first(where: { $0.index == r }), NoteRows.isColumnNumbering(numbering) {
            r -= 1
        }
        while r >= 0, let texts = grid[r] {
            let over = figureColumns.compactMap { texts[$0] }
            guard !over.isEmpty else { break }
            let distinct = Set(over.map(HeaderText.normalize))
            if distinct.count == 1, let across = texts[areaColumn],
                distinct.contains(HeaderText.normalize(across))
            {
                break
            }
            headerRows.insert(r, at: 0)
            r -= 1
        }
        guard let top = headerRows.first else { return nil }
        // A column with a header and a figure in few areas (most have no share) is one too.
        let headed = Set(headerRows.flatMap { (grid[$0] ?? [:]).keys })
        let blockEnd = areaColumn + (fold ?? .max / 2)
        // (Not a 补助标准 or a 备注 with a figure in a row.)
        func roles(_ column: Int) -> [HeaderRole?] { headerRows.compactMap { grid[$0]?[column] }.map { vocabulary.role(of: $0) } }
        for (column, _) in figureCounts where !figureColumns.contains(column) && headed.contains(column) && column < blockEnd {
            if !roles(column).contains(where: { [.note, .lead, .unit, .sequence].contains($0) }) { figureColumns.append(column) }
        }
        // So is one whose target is only worded (完成年度目标任务 in the total row), under an
        // indicator's name among the others'.
        var worded: [Int: Int] = [:]
        for row in rows where wanted.contains(row.index) {
            for cell in row.cells where cell.reference.column > areaColumn && !figureColumns.contains(cell.reference.column) {
                if case .string(let text) = cell.value, !HeaderText.isBlank(text), text.utf8.count <= 48 { worded[cell.reference.column, default: 0] += 1 }
            }
        }
        if let last = figureColumns.max() {
            for (column, _) in worded where column < last && headed.contains(column) && column < blockEnd {
                // (Not a 备注 or 责任单位 column: no header over it names another role.)
                if roles(column).allSatisfy({ $0 == nil || $0.flatMap(measure) != nil }) { figureColumns.append(column) }
            }
        }
        figureColumns.sort()
        // Which header rows name offices (责任单位) or units, and which name the indicators.
        var leadRow: Int?
        var unitRow: Int?
        var nameRows: [Int] = []
        for row in headerRows {
            let texts = grid[row] ?? [:]
            let over = Dictionary(uniqueKeysWithValues: figureColumns.compactMap { c in texts[c].map { (c, $0) } })
            if isLeadRow(over) || texts[areaColumn].flatMap({ vocabulary.role(of: $0) }) == .lead {
                leadRow = row
            } else if over.values.allSatisfy(Self.isUnitText) {
                unitRow = row
            } else {
                nameRows.append(row)
            }
        }
        guard let indicatorRow = nameRows.last else { return nil }
        let areaHeader = headerRows.lazy.compactMap { grid[$0]?[areaColumn] }.first.map(HeaderText.normalize)
        var groups: [ColumnGroup] = []
        // Measures in the last header row (目标任务 / 进度 / 完成比例): under indicator names,
        // the grouped layout's (`recognizeAreaRows`); alone, each run of them is one indicator
        // (计划完成数 · 累计开工数 · 开工率 | 计划投资额 · 累计完成投资额 · 计划投资完成率).
        let measureOf = { (column: Int) -> Measure? in grid[indicatorRow]?[column].flatMap { vocabulary.role(of: $0) }.flatMap(measure) }
        // (Under names in rows above, measures are the grouped layout's to read; here each column
        // is then its own indicator, and the figures choose between the two.)
        if nameRows.count == 1, figureColumns.filter({ measureOf($0) != nil }).count >= 2 {
            var current: [LayoutColumn] = []
            func close() {
                guard let first = current.first else { return }
                // The run's rate names what it measures (开工率 → 开工, 计划投资完成率 → 计划投资完成).
                let rate = current.first { $0.meaning == .value(.rate, area: nil) }.map { Self.nameAndUnit($0.header).0 }
                let named = rate.flatMap { $0.hasSuffix("率") && $0.count > 1 ? String($0.dropLast()) : nil }
                let (header, unit) = Self.nameAndUnit(first.header)
                let indicator = named ?? header
                var columns = current
                for i in columns.indices where columns[i].meaning != .value(.rate, area: nil) { columns[i].unit = columns[i].unit ?? unit }
                var group = ColumnGroup(project: nil, indicator: indicator, unit: unit, headerRow: indicatorRow, columns: columns)
                group.lead = leadRow.flatMap { grid[$0]?[first.column] }.map(TableReader.clean)
                groups.append(group)
                current = []
            }
            for (position, column) in figureColumns.enumerated() {
                guard let text = grid[indicatorRow]?[column] else { continue }
                let present = current.compactMap { c -> Measure? in
                    if case .value(let m, _) = c.meaning { return m }
                    return nil
                }
                // A figure without a measure word right after a target, with a rate next (计划开工 ·
                // 已开工 · 开工率): what has been done, the rate's numerator. Without a rate it is
                // another figure of the plan (户数 · 人数).
                let rateFollows = figureColumns.dropFirst(position + 1).first.map { measureOf($0) == .rate } ?? false
                let m = measureOf(column) ?? (present == [.target] && rateFollows ? .completed : .target)
                // A completion of the month beside the cumulative one (当月完成 · 累计完成): the
                // cumulative one is what the year's target and the rate measure.
                if m == .completed, let i = current.firstIndex(where: { $0.meaning == .value(.completed, area: nil) }) {
                    let earlier = HeaderVocabulary.isPeriodOnly(current[i].header)
                    if earlier != HeaderVocabulary.isPeriodOnly(text) {
                        if !earlier { continue }
                        current.remove(at: i)
                    }
                }
                // (A year's target, then the period's: one indicator, see `settleYearTargets`.)
                let yearThenPeriod = m == .target && Self.continuesYearTarget(current, header: text)
                if !yearThenPeriod, current.contains(where: { $0.meaning == .value(m, area: nil) }) || (m == .target && !current.isEmpty) {
                    close()
                }
                let unit = m == .rate ? nil : Self.nameAndUnit(text).1
                current.append(LayoutColumn(column: column, header: HeaderText.normalize(text), meaning: .value(m, area: nil), unit: unit))
            }
            close()
            // One indicator whose columns name only measures (目标任务 · 完成投资 · 占比): what the
            // title says the table is about (2019年1-3月全市重点项目完成情况表 → 重点项目).
            if groups.count == 1, vocabulary.role(of: groups[0].indicator).flatMap(measure) != nil,
                let subject = TitleSubject.title(grid, above: top).flatMap(TitleSubject.of)
            {
                groups[0].indicator = subject
            }
        }
        let grouped = !groups.isEmpty
        let titleSaysDone = !grouped && PlanWords.titleSaysDone(grid, above: top, sheetName: sheet.name)
        for column in figureColumns where !grouped {
            // The names over the column, top to bottom, each once (a merge repeats it), leaving
            // out what also heads the area column (a merge across both).
            var names: [String] = []
            for row in nameRows {
                guard let text = grid[row]?[column] else { continue }
                let name = HeaderText.normalize(text)
                if name == areaHeader || names.contains(where: { HeaderText.normalize($0) == name }) { continue }
                // (其中 says the columns below are parts; it names none of them.)
                if name == "其中" || name == "其中:" { continue }
                if vocabulary.isArea(text) { continue }
                names.append(text)
            }
            guard let last = names.last else { continue }
            // A rate right after an indicator's column is that indicator's (新开工小区数 · 开工率);
            // the figure it is the rate of, when the rate names it, is what has been done.
            // (A ratio that names other figures, 床位数与老年人口比例, is an indicator of its own.)
            let named = Self.nameAndUnit(last).0
            let stem = named.hasSuffix("率") ? String(named.dropLast()) : named
            if measureOf(column) == .rate, let previous = groups.last, previous.columns.count == 1,
                let figure = previous.columns.first, figure.column == column - 1
            {
                let namesFigure = stem.count >= 2 && figure.header.contains(stem)
                if namesFigure || vocabulary.roles[.rate]?.contains(named) == true {
                    let rate = LayoutColumn(column: column, header: HeaderText.normalize(last), meaning: .value(.rate, area: nil), unit: nil)
                    if namesFigure { groups[groups.count - 1].columns[0].meaning = .value(.completed, area: nil) }
                    groups[groups.count - 1].columns.append(rate)
                    continue
                }
            }
            var (indicator, unit) = Self.nameAndUnit(last)
            if unit == nil, let unitRow, let text = grid[unitRow]?[column] { unit = Self.unitOfCell(text) }
            // The column's figure: a target unless its own words say completed (完成数, 累计完成),
            // or a group over it does (计划情况 over targets; 进度情况, 投资完成情况 over what was
            // done), or the title says the table reports what was done (`PlanWords`).
            let groupMeasure = names.dropLast().reversed().lazy.compactMap { vocabulary.role(of: $0).flatMap(self.measure) }.first
            // (A rate of its own, 开工园数比例 under 进度情况, stays a rate.)
            let ownMeasure = vocabulary.role(of: indicator).flatMap(measure)
            let measure: Measure =
                ownMeasure == .completed || ownMeasure == .rate && groupMeasure != nil ? ownMeasure ?? .completed
                : groupMeasure.map { $0 == .target ? .target : .completed } ?? (titleSaysDone ? .completed : .target)
            let entry = LayoutColumn(
                column: column, header: HeaderText.normalize(last), meaning: .value(measure, area: nil), unit: measure == .rate ? nil : unit)
            var group = ColumnGroup(
                // Every level above the indicator names it (集中供养 · 每月特困照料护理补贴 · 一档):
                // none is dropped.
                project: names.count >= 2 ? names.dropLast().map(TableReader.clean).joined(separator: " · ") : nil,
                indicator: indicator, unit: unit,
                headerRow: indicatorRow, columns: [entry])
            group.lead = leadRow.flatMap { grid[$0]?[column] }.map(TableReader.clean)
            groups.append(group)
        }
        guard !groups.isEmpty else { return nil }
        // One column named only by the kind of its figure (金额) is of what the title says: the
        // subject is the level above it (…补助资金 · 金额), so that neither name is lost.
        if !grouped, groups.count == 1, groups[0].project == nil, TitleSubject.isBareFigureName(groups[0].indicator),
            let subject = TitleSubject.title(grid, above: top).flatMap(TitleSubject.of)
        {
            groups[0].project = subject
        }
        let yearTargets = Self.settleYearTargets(&groups)
        Self.distinguishSameNames(&groups)
        // The plain numbers of the figure columns that are not rates, by row: what a total row
        // must be at least as large as, part by part.
        let amountColumns = Set(groups.flatMap(\.columns).filter { $0.meaning != .value(.rate, area: nil) }.map(\.column))
        let amounts = Self.amounts(sheet, rows: wanted, columns: amountColumns)
        Self.settleParts(&groups, amounts: amounts)
        var rowsOfAreas = AreaRow.markingRepeats(totalAndAreas(areaRows, amounts: amounts))
        if let fold {
            rowsOfAreas += foldedRows(sheet, below: firstAreaRow - 1, column: areaColumn, groups: groups, every: fold, first: rowsOfAreas)
        }
        // (One area is enough beside a total row when a header names the column as areas: a
        // county's own report, 合计 then 金安区.)
        let areaCount = rowsOfAreas.filter({ $0.area != nil }).count
        guard areaCount >= 2 || areaCount == 1 && rowsOfAreas.contains(where: { $0.area == nil }) && areaHeader.flatMap({ vocabulary.role(of: $0) }) == .areaName
        else { return nil }
        let columns = [
            LayoutColumn(column: areaColumn, header: areaHeader ?? "", meaning: .role(.areaName))
        ] + groups.flatMap(\.columns) + yearTargets
        return TableLayout(
            sheetName: sheet.name, headerRows: top...(firstAreaRow - 1), columns: columns,
            areaRows: AreaRows(column: areaColumn, rows: rowsOfAreas, groups: groups, foldEvery: fold))
    }

    /// The width of one block when a header row repeats itself side by side from the area column
    /// on (乡镇 | 筛查数 | 乡镇 | 筛查数: 2), nil when it does not.
    static func foldPeriod(_ grid: [Int: [Int: String]], areaColumn: Int) -> Int? {
        for row in grid.keys.sorted() {
            guard let texts = grid[row], let head = texts[areaColumn].map(HeaderText.normalize) else { continue }
            for width in 2...8 where texts[areaColumn + width].map(HeaderText.normalize) == head {
                let first = (areaColumn + 1)..<(areaColumn + width)
                // (A title merged across repeats itself in every column: no block.)
                guard first.contains(where: { texts[$0].map { HeaderText.normalize($0) != head } ?? false }),
                    first.allSatisfy({ texts[$0].map(HeaderText.normalize) == texts[$0 + width].map(HeaderText.normalize) })
                else { continue }
                return width
            }
        }
        return nil
    }

    /// The area rows of the blocks after the first of a folded list, each read `every` columns
    /// further on per block (a total row belongs to the first block; an area named twice is
    /// read once).
    func foldedRows(_ sheet: Sheet, below headerRow: Int, column: Int, groups: [ColumnGroup], every width: Int, first: [AreaRow])
        -> [AreaRow]
    {
        var result: [AreaRow] = []
        var seen = Set(first.compactMap(\.area))
        for block in 1...16 {
            let shift = block * width
            let shifted = groups.map { group -> ColumnGroup in
                var group = group
                for i in group.columns.indices { group.columns[i].column += shift }
                return group
            }
            let rows = areaRows(sheet, below: headerRow, column: column + shift, groups: shifted)
            guard !rows.isEmpty else { break }
            for row in rows {
                guard let area = row.area, seen.insert(area).inserted else { continue }
                result.append(AreaRow(row: row.row, label: row.label, area: area, shift: shift))
            }
        }
        return result
    }

    /// The area rows with the total among them: a 合计 / 全市 row, or else a first or last row
    /// naming a place of a higher level than every other row (亳州市 over 涡阳县 … 谯城区) whose
    /// figures are no smaller than the others' (a county-level 吉首市 first among counties is
    /// one of them: 57 projects against 州直's 58). `amounts`: row → column → number.
    private func totalAndAreas(_ rows: [(row: Int, label: String)], amounts: [Int: [Int: Double]]) -> [AreaRow] {
        var result = rows.map { row in
            AreaRow(row: row.row, label: row.label, area: vocabulary.isTotal(row.label) ? nil : vocabulary.areaName(row.label))
        }
        Self.settlePlaceAbove(&result, amounts: amounts)
        return result
    }

    /// With no 合计 / 全市 row: a first or last row naming a place of a higher level than every
    /// other row (亳州市 over 涡阳县 … 谯城区) whose figures are no smaller than theirs is their
    /// total. `amounts`: row → column → number, rates left out.
    static func settlePlaceAbove(_ rows: inout [AreaRow], amounts: [Int: [Int: Double]]) {
        guard !rows.contains(where: { $0.area == nil }), rows.count >= 3 else { return }
        let levels = rows.map { level(of: $0.area ?? "") }
        // A first or last place whose figures are the others' sum is their total, whatever its
        // name's ending (达州市 over 市本级 … 万源市, a 市 too).
        let rowIndices = rows.map(\.row)
        for index in [0, rows.count - 1] where levels[index] >= (highestLevel(levels, besides: index) ?? 0) {
            if isSumOfTheOthers(rows[index].row, among: rowIndices, amounts: amounts) {
                rows[index].area = nil
                return
            }
        }
        // (Among places named without their endings, 程畈 · 新屋 · 内洪, a last 曹溪镇 with the
        // largest figures is the town they are the villages of.)
        for index in [0, rows.count - 1] {
            if let highest = highestLevel(levels, besides: index), levels[index] > highest,
                highest > 0 ? isNoSmallerThanItsParts(rows[index].row, among: rowIndices, amounts: amounts)
                    : rows.count >= 4 && isNoSmallerThanItsParts(rows[index].row, among: rowIndices, amounts: amounts, compared: true)
            {
                rows[index].area = nil
                return
            }
        }
    }

    /// The highest of the places' levels but the one at `index` (nil when there is no other).
    static func highestLevel(_ levels: [Int], besides index: Int) -> Int? {
        levels.enumerated().filter { $0.offset != index }.map(\.element).max()
    }

    /// Whether a row's amounts equal the sum of the other rows' (within the rounding of their
    /// printed decimals) in one column at least and in no fewer columns than they do not (a
    /// total with an error in one of its columns is still the total), counting the columns where
    /// the others give two figures or more.
    static func isSumOfTheOthers(_ row: Int, among rows: [Int], amounts: [Int: [Int: Double]]) -> Bool {
        guard let own = amounts[row] else { return false }
        var equal = 0
        var unequal = 0
        for (column, value) in own {
            let parts = rows.filter { $0 != row }.compactMap { amounts[$0]?[column] }
            guard parts.count >= 2 else { continue }
            let decimals = (parts + [value]).map { RateCheck.printedDecimals(NumberText.format($0)) }.max() ?? 0
            let slack = decimals == 0 ? 1e-9 : Double(parts.count) * 0.5 * pow(10, -Double(min(decimals, 6)))
            if abs(parts.reduce(0, +) - value) <= slack { equal += 1 } else { unequal += 1 }
        }
        return equal >= 1 && equal >= unequal
    }

    /// Whether a cell is shown as a percentage (a rate, not an amount).
    static func isPercentCell(_ cell: Cell) -> Bool {
        if case .percent = cell.format.kind { return true }
        return false
    }

    /// The plain numbers of some columns in some rows: row → column → number.
    static func amounts(_ sheet: Sheet, rows: Set<Int>, columns: Set<Int>) -> [Int: [Int: Double]] {
        var amounts: [Int: [Int: Double]] = [:]
        for row in sheet.rows where rows.contains(row.index) {
            for cell in row.cells where columns.contains(cell.reference.column) {
                if !Self.isPercentCell(cell), let n = Self.amount(cell) { amounts[row.index, default: [:]][cell.reference.column] = n }
            }
        }
        return amounts
    }

    /// Whether a row's amounts are at least the largest of the other rows' in most columns where
    /// both are given (when nothing can be compared: true, unless `compared` is required).
    static func isNoSmallerThanItsParts(_ row: Int, among rows: [Int], amounts: [Int: [Int: Double]], compared: Bool = false) -> Bool {
        guard let own = amounts[row] else { return !compared }
        var larger = 0
        var smaller = 0
        for (column, value) in own {
            let parts = rows.filter { $0 != row }.compactMap { amounts[$0]?[column] }
            guard let largest = parts.max() else { continue }
            if value >= largest { larger += 1 } else { smaller += 1 }
        }
        return smaller <= larger && (!compared || larger > 0)
    }

    /// A place name's level from its ending: 省 4, 市 州 盟 3, 县 区 旗 2, 乡 镇 街道 1; 0 when
    /// unknown (市本级, 高新区 are no level above their county).
    static func level(of name: String) -> Int {
        if name.hasSuffix("本级") || name.hasSuffix("高新区") || name.hasSuffix("开发区") || name.hasSuffix("经开区") || name.hasSuffix("新区") {
            return 0
        }
        if name.hasSuffix("省") || name.hasSuffix("自治区") { return 4 }
        if name.hasSuffix("市") || name.hasSuffix("州") || name.hasSuffix("盟") || name.hasSuffix("地区") { return 3 }
        if name.hasSuffix("县") || name.hasSuffix("区") || name.hasSuffix("旗") { return 2 }
        if name.hasSuffix("乡") || name.hasSuffix("镇") || name.hasSuffix("街道") || name.hasSuffix("办事处") { return 1 }
        return 0
    }

    /// The first column left of `limit` whose header, in the rows up to `lastRow`, names the
    /// areas (县区, 省份, 市州, 镇(街道办) …), whatever the names below it end with; under a header
    /// merged over serial numbers and names, the names' column (`beyondSerialNumbers`).
    func areaHeaderColumn(_ grid: [Int: [Int: String]], sheet: Sheet, through lastRow: Int = .max, before limit: Int = 8) -> Int? {
        for row in grid.keys.sorted() where row <= lastRow {
            guard let texts = grid[row] else { continue }
            for column in texts.keys.sorted() where column < limit {
                if let text = texts[column], vocabulary.role(of: text) == .areaName {
                    return beyondSerialNumbers(column, headerRow: row, sheet: sheet, grid: grid)
                }
            }
        }
        // A list of named units folded into blocks side by side (助产机构名称 | 筛查数 | 助产机构名称
        // | 筛查数): the names are the breakdown's units, as areas are, whatever they are.
        for row in grid.keys.sorted() where row <= lastRow {
            guard let texts = grid[row] else { continue }
            for column in texts.keys.sorted() where column < limit {
                guard let text = texts[column].flatMap(HeaderVocabulary.label), text.hasSuffix("名称"), vocabulary.role(of: text) == nil,
                    Self.foldPeriod([row: texts], areaColumn: column) != nil
                else { continue }
                return column
            }
        }
        return nil
    }

    /// The column of the area names under an area header merged over two columns whose first
    /// holds only serial numbers (地区 over 1 · 佛山(云浮)产业转移工业园): the second.
    private func beyondSerialNumbers(_ column: Int, headerRow: Int, sheet: Sheet, grid: [Int: [Int: String]]) -> Int {
        guard let header = grid[headerRow]?[column], grid[headerRow]?[column + 1] == header else { return column }
        var numbers = 0
        var names = 0
        for row in sheet.rows where row.index > headerRow {
            for cell in row.cells where cell.reference.column == column || cell.reference.column == column + 1 {
                if cell.reference.column == column {
                    if case .number = cell.value { numbers += 1 } else if let text = cell.string, !text.isEmpty, text.allSatisfy(HeaderText.isDigit) { numbers += 1 }
                } else if case .string(let text) = cell.value, !HeaderText.isLong(text), !text.contains(where: HeaderText.isDigit) {
                    names += 1
                }
            }
        }
        return numbers >= 2 && names >= numbers ? column + 1 : column
    }

    /// Whether a cell's text names an area or a total (short, not a sentence).
    func isAreaLabel(_ text: String) -> Bool {
        guard HeaderVocabulary.label(text).map({ HeaderText.hasAtMost(12, charactersIn: $0) }) ?? false else { return false }
        return vocabulary.isArea(text) || vocabulary.isTotal(text)
    }

    /// Whether a cell holds a figure: a number, or a short text with a digit (`3.3万人以上`).
    static func holdsFigure(_ cell: Cell) -> Bool {
        switch cell.value {
        case .number: return true
        case .string(let text):
            guard text.utf8.count <= 48 else { return false }
            return text.contains(where: HeaderText.isDigit)
        case .formulaWithoutValue: return true
        default: return false
        }
    }

    /// Whether a header text is only a unit: `（人）`, `单位：个`, `万元`.
    static func isUnitText(_ text: String) -> Bool { unitOfCell(text) != nil }

    /// The unit a unit-only header cell names.
    static func unitOfCell(_ text: String) -> String? {
        var normalized = HeaderText.normalize(text)
        if normalized.hasPrefix("("), normalized.hasSuffix(")") { normalized = String(normalized.dropFirst().dropLast()) }
        if normalized.hasPrefix("单位:") { normalized = String(normalized.dropFirst(3)) }
        guard !normalized.isEmpty, normalized.count <= 4, !normalized.contains(where: HeaderText.isDigit) else { return nil }
        let units: Set<String> = [
            "人", "个", "户", "万元", "元", "亿元", "所", "家", "处", "条", "公里", "千米", "km", "座", "套", "间", "平方米",
            "万平方米", "亩", "万亩", "吨", "张", "台", "辆", "场", "次", "人次", "万人", "万人次", "项", "件", "名", "%", "个/人",
            "册", "盏", "只", "头", "栋", "幢", "米", "延米", "kW", "千瓦", "兆瓦", "床", "支", "批",
        ]
        return units.contains(normalized) ? normalized : nil
    }
}

/// The label of a row in one column, as a person sees it: the cell's text, or the text of a
/// merge across that covers it from the left (全省 written in 序号 and merged over 市州).
struct LabelMerges {
    private var covering: [Int: CellReference] = [:]
    private let sheet: Sheet
    private let column: Int

    init(_ sheet: Sheet, column: Int) {
        self.sheet = sheet
        self.column = column
        for range in sheet.mergedRanges
        where range.first.column < column && range.last.column >= column && range.last.row - range.first.row < 4 {
            for row in range.first.row...range.last.row where covering[row] == nil { covering[row] = range.first }
        }
    }

    /// The row's label text, if any.
    func label(in row: XLSXReader.Row) -> String? {
        if let cell = row.cells.first(where: { $0.reference.column == column }) {
            if case .string(let text) = cell.value { return Self.unnumbered(text) }
            return nil
        }
        guard let first = covering[row.index], let cell = sheet.cell(at: first), case .string(let text) = cell.value else { return nil }
        return Self.unnumbered(text)
    }

    /// A place's name without the numbering typed before it (其中:1.历下区 · 2.市中区 · （3）槐荫区
    /// → 历下区 · 市中区 · 槐荫区); the text itself when nothing is left or it is long.
    static func unnumbered(_ text: String) -> String {
        guard text.utf8.count <= 64, let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
            "其0123456789（(".unicodeScalars.contains(first)
        else { return text }
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if rest.hasPrefix("其中") {
            rest = rest.dropFirst(2)
            while let c = rest.first, ":：,，、 ".contains(c) { rest = rest.dropFirst() }
        }
        if let range = rest.range(of: #"^([0-9]{1,2}[.、．]|[（(][0-9]{1,2}[）)])\s*"#, options: .regularExpression) {
            rest = rest[range.upperBound...]
        }
        return rest.isEmpty ? text : String(rest)
    }
}
