import XLSXReader

extension LayoutRecognizer {
    /// With no areas, columns of figures whose headers name no measure (户数 · 人数 beside 资金;
    /// 上期 beside 数量; 资助人数 beside 资助金额) are more figures of each item, read and checked
    /// on their own (their sums, their sign) rather than left unread: a 合计 of them that does not
    /// add up is found, not covered by a ✓. Each is of the measure of the value column next to
    /// it, else of what the title says the table reports. A column that does not sum (a rate, a
    /// standard per person, a rank, a year, a number that names something) stays unread.
    ///
    /// And when the title says the table reports what was done (…资助情况统计报表,
    /// …发放情况) and it has no completion and no rate, its figures are what was done: its sums of
    /// money are no targets.
    func settleFiguresBeside(
        _ columns: inout [LayoutColumn], headers: [Int: String], grid: [Int: [Int: String]], headerTop: Int, sheet: Sheet,
        below headerRow: Int
    ) {
        let hasAreas = columns.contains { column in
            if case .value(_, _?) = column.meaning { return true }
            return column.meaning == .role(.areaName)
        }
        guard !hasAreas,
            let namesColumn = columns.first(where: { [.role(.project), .role(.indicator)].contains($0.meaning) })?.column
        else { return }
        let said = PlanWords.title(grid, above: headerTop, sheetName: sheet.name)
        let measures = columns.compactMap { column -> Measure? in
            if case .value(let measure, nil) = column.meaning { return measure }
            return nil
        }
        if said == .done, !measures.contains(.completed), !measures.contains(.rate) {
            for i in columns.indices where columns[i].meaning == .value(.target, area: nil) {
                let header = HeaderText.normalize(columns[i].header)
                if !PlanWords.plan.contains(where: header.contains) { columns[i].meaning = .value(.completed, area: nil) }
            }
        }
        // Figures and texts per column, on the rows below the header.
        var figures: [Int: Int] = [:]
        var texts: [Int: Int] = [:]
        for row in sheet.rows where row.index > headerRow {
            for cell in row.cells where cell.reference.column > namesColumn {
                if Self.isFigure(cell) {
                    figures[cell.reference.column, default: 0] += 1
                } else if case .string(let text) = cell.value, !HeaderText.isBlank(text),
                    !QuantityParser.isDashes(text)
                {
                    texts[cell.reference.column, default: 0] += 1
                }
            }
        }
        let known = Set(columns.map(\.column))
        var added: [LayoutColumn] = []
        for (column, count) in figures.sorted(by: { $0.key < $1.key }) where !known.contains(column) {
            guard count >= 2, count > texts[column, default: 0], let header = headers[column],
                let label = HeaderVocabulary.label(header), !label.isEmpty, label.count <= 24, vocabulary.role(of: header) == nil,
                !Self.namesNoAmount(label)
            else { continue }
            let unit = HeaderText.splitParenthetical(label).inner.flatMap(Self.unitOfCell)
            guard vocabulary.indicatorKind(of: label, unit: unit) == .additive else { continue }
            // The measure of the nearest value column, left first.
            let valueColumns = (columns + added).compactMap { c -> (column: Int, measure: Measure)? in
                if case .value(let m, nil) = c.meaning, m != .rate { return (c.column, m) }
                return nil
            }
            let left = valueColumns.filter { $0.column < column }.max { $0.column < $1.column }
            let right = valueColumns.filter { $0.column > column }.min { $0.column < $1.column }
            let measure = left?.measure ?? right?.measure ?? (said == .done ? .completed : .target)
            added.append(LayoutColumn(column: column, header: HeaderText.normalize(header), meaning: .value(measure, area: nil), unit: unit))
        }
        guard !added.isEmpty else { return }
        columns += added
        columns.sort { $0.column < $1.column }
    }

    /// Headers of numbers that are no amounts: a rank, a code, a year or an age.
    static func namesNoAmount(_ label: String) -> Bool {
        ["排名", "排位", "名次", "编号", "代码", "电话", "邮编", "年份", "序号", "号码", "年龄", "年度", "标准", "单价", "增长", "增速", "增幅", "同比", "环比"]
            .contains(where: label.contains)
    }
}
