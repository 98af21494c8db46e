import XLSXReader

extension LayoutRecognizer {
    /// A table whose header names no column of the items' names (性质 · 年度投资目标 · 完成投资 …,
    /// 行业类别 merged over 三次产业 · 行业): the column of texts left of the figures names them —
    /// of two category columns the second, else a column of texts whatever its header says.
    func settleItemNames(_ columns: inout [LayoutColumn], top: [Int: String], sheet: Sheet, below headerRow: Int) {
        // The corner of a table with its areas across the columns (乡镇(街道) | 玉城街道 | 坎门街道 …
        // | 合计) says what the header row lists; the column under it names the items.
        let areaColumns = columns.filter { if case .value(_, _?) = $0.meaning { true } else { false } }.count
        if areaColumns >= 2, let corner = columns.firstIndex(where: { $0.meaning == .role(.areaName) }),
            !columns.contains(where: { $0.meaning == .role(.project) || $0.meaning == .role(.indicator) })
        {
            columns[corner].meaning = .role(.indicator)
            return
        }
        // (Rows named by their areas, 镇别 · 县区, are the layouts of areas in rows.)
        guard !columns.contains(where: { [.role(.project), .role(.indicator), .role(.areaName)].contains($0.meaning) }),
            let firstValue = columns.first(where: { if case .value = $0.meaning { true } else { false } })?.column
        else { return }
        let categories = columns.indices.filter { columns[$0].meaning == .role(.category) && columns[$0].column < firstValue }
        if categories.count >= 2, let last = categories.last {
            columns[last].meaning = .role(.indicator)
            return
        }
        guard categories.isEmpty else { return }
        let known = Set(columns.map(\.column))
        for column in 0..<firstValue where !known.contains(column) {
            var texts = 0
            var places = 0
            // (Only rows with figures: a header's lower rows name no item.)
            for row in sheet.rows where row.index > headerRow && row.cells.contains(where: { $0.reference.column > column && Self.isFigure($0) }) {
                guard let cell = row.cells.first(where: { $0.reference.column == column }), case .string(let text) = cell.value,
                    !Self.isFigure(cell), !HeaderText.isLong(text)
                else { continue }
                texts += 1
                if isAreaLabel(text) { places += 1 }
            }
            // (A column of places is the areas' column, read by the layouts of areas in rows.)
            guard texts >= 2, places * 2 < texts else { continue }
            columns.append(LayoutColumn(column: column, header: top[column].map(HeaderText.normalize) ?? "", meaning: .role(.indicator)))
            columns.sort { $0.column < $1.column }
            return
        }
    }
}
