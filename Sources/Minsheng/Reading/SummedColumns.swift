import XLSXReader

extension LayoutRecognizer {
    /// A table whose header names neither its items nor its measures, only its places — some
    /// without an ending (鄞州, 镇海, 北仑) or several together (海曙、江东、江北) — and a total:
    /// `· | 鄞州 | 海曙、江东、江北 | 镇海 | 北仑 | 合计`. The figures decide: when, row by row, the
    /// total column is the sum of the columns beside it, those columns are areas whatever their
    /// names; the first column of texts names the items. Tried only when no header word reads
    /// the sheet.
    func recognizeSummedColumns(_ sheet: Sheet, grid: [Int: [Int: String]]) -> TableLayout? {
        for headerRow in grid.keys.sorted() {
            guard let texts = grid[headerRow], texts.count >= 3 else { continue }
            let totals = texts.filter { vocabulary.classify($0.value).isTotal }.map(\.key)
            guard totals.count == 1, let totalColumn = totals.first else { continue }
            // The other headers: short names, no header word, no figure, one text each.
            var areas: [Int: String] = [:]
            for (column, text) in texts where column != totalColumn {
                guard let label = HeaderVocabulary.label(text), (1...12).contains(label.count), vocabulary.role(of: label) == nil,
                    !label.contains(where: HeaderText.isDigit)
                else { continue }
                areas[column] = label
            }
            guard areas.count >= 2, Set(areas.values).count == areas.count else { continue }
            let first = min(areas.keys.min() ?? 0, totalColumn)
            // The items' names: a column of texts left of every figure column.
            guard first > 0 else { continue }
            let labelColumn = first - 1
            guard Self.totalsAddUp(sheet, below: headerRow, total: totalColumn, parts: Array(areas.keys)) else { continue }
            var columns = [LayoutColumn(column: labelColumn, header: texts[labelColumn] ?? "", meaning: .role(.indicator))]
            for (column, name) in areas.sorted(by: { $0.key < $1.key }) {
                columns.append(LayoutColumn(column: column, header: name, meaning: .value(.target, area: name)))
            }
            columns.append(LayoutColumn(column: totalColumn, header: HeaderText.normalize(texts[totalColumn] ?? ""), meaning: .value(.target, area: nil)))
            columns.sort { $0.column < $1.column }
            return TableLayout(sheetName: sheet.name, headerRows: headerRow...headerRow, columns: columns)
        }
        return nil
    }

    /// Whether, below the header, the rows with figures in the total column and in some parts
    /// have the total equal to the parts' sum — two such rows at least, and more than disagree
    /// (a table's own error is one row's, and is then found).
    static func totalsAddUp(_ sheet: Sheet, below headerRow: Int, total: Int, parts: [Int]) -> Bool {
        var agreeing = 0
        var disagreeing = 0
        for row in sheet.rows where row.index > headerRow {
            var sum = 0.0
            var counted = 0
            var whole: Double?
            for cell in row.cells {
                guard let value = Self.amount(cell) else { continue }
                if cell.reference.column == total {
                    whole = value
                } else if parts.contains(cell.reference.column) {
                    sum += value
                    counted += 1
                }
            }
            guard let whole, counted >= 2 else { continue }
            if abs(whole - sum) <= max(1e-9, abs(whole) * 1e-9) { agreeing += 1 } else { disagreeing += 1 }
        }
        return agreeing >= 2 && agreeing > disagreeing
    }
}
