import XLSXReader

extension LayoutRecognizer {
    /// Headers in several rows: a text merged across several columns names a group of them
    /// (受助学生困难类别 over 低保家庭学生(人数) · 特困供养学生(人数) …; 2022年秋资助合计 over 金额 ·
    /// 人数 · 人次), and each column is named by the lowest text over it, down to the first row
    /// of figures: a group's word (…类别) is no column's role. A column keeps the group's measure
    /// when its own text names none (完成情况 over 人数 · 金额). Returns the header's last row.
    func settleGroupHeaders(
        _ columns: inout [LayoutColumn], headers: inout [Int: String], grid: [Int: [Int: String]], sheet: Sheet, headerRow: Int,
        lastHeaderRow: Int
    ) -> Int {
        // The rows between the header and the first row with two figures or more: texts only,
        // three at most.
        guard let bodyStart = sheet.rows.first(where: { row in
            row.index > lastHeaderRow && row.cells.filter { Self.isFigure($0) }.count >= 2
        })?.index, bodyStart > lastHeaderRow + 1, bodyStart - lastHeaderRow <= 4
        else { return lastHeaderRow }
        let lower = (lastHeaderRow + 1)..<bodyStart
        guard lower.allSatisfy({ grid[$0] != nil }) else { return lastHeaderRow }
        guard let top = grid[headerRow] else { return lastHeaderRow }
        var changed = false
        // The columns holding figures in the body's first rows.
        var figureColumns = Set<Int>()
        for row in sheet.rows where row.index >= bodyStart && row.index < bodyStart + 8 {
            for cell in row.cells where Self.isFigure(cell) { figureColumns.insert(cell.reference.column) }
        }
        for (column, topText) in top {
            // Only under a text merged across columns: a group.
            guard let range = sheet.mergedRange(containing: CellReference(row: headerRow, column: column)),
                range.last.column > range.first.column,
                let lowest = lower.reversed().lazy.compactMap({ grid[$0]?[column] }).first,
                HeaderText.normalize(lowest) != HeaderText.normalize(topText)
            else { continue }
            let index = columns.firstIndex { $0.column == column }
            let groupMeaning = index.map { columns[$0].meaning }
            var meaning = vocabulary.role(of: lowest).map { role -> ColumnMeaning in
                measure(role).map { .value($0, area: nil) } ?? .role(role)
            }
            if meaning == nil, case .value(let m, nil)? = groupMeaning { meaning = .value(m, area: nil) }
            // (Over names, 行业类别 over 三次产业 · 行业, the group's word stays: the names are its.)
            if meaning == nil, case .role? = groupMeaning, !figureColumns.contains(column) { meaning = groupMeaning }
            headers[column] = lowest
            changed = true
            if let index {
                if let meaning {
                    columns[index].meaning = meaning
                    columns[index].header = HeaderText.normalize(lowest)
                } else {
                    columns.remove(at: index)
                }
            } else if let meaning {
                columns.append(LayoutColumn(column: column, header: HeaderText.normalize(lowest), meaning: meaning))
            }
        }
        guard changed else { return lastHeaderRow }
        columns.sort { $0.column < $1.column }
        return bodyStart - 1
    }
}
