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

extension LayoutRecognizer {
    /// Every column of short texts left of the figures whose texts vary between the items names
    /// them too, none is dropped: 学校名称 merged over 市 · 县 · 学校 beside 项目名称 (the school is
    /// part of each project's name; 六安市 and 金安区, the same on every row, say nothing of
    /// one item). The last such column becomes the level above the names already read (the
    /// project over them, a project read before becoming the indicator), any others categories.
    /// A column of places is the areas' (the layouts of areas in rows read it).
    func settleVaryingLabels(_ columns: inout [LayoutColumn], top: [Int: String], sheet: Sheet, below headerRow: Int) {
        guard columns.contains(where: { [.role(.project), .role(.indicator)].contains($0.meaning) }),
            !columns.contains(where: { $0.meaning == .role(.areaName) }),
            let firstValue = columns.first(where: { if case .value = $0.meaning { true } else { false } })?.column
        else { return }
        let known = Set(columns.map(\.column))
        var varying: [Int] = []
        for column in 0..<firstValue where !known.contains(column) {
            var texts: [String] = []
            var places = 0
            var figures = 0
            for row in sheet.rows where row.index > headerRow && row.cells.contains(where: { $0.reference.column >= firstValue && Self.isFigure($0) }) {
                guard let cell = row.cells.first(where: { $0.reference.column == column }) else { continue }
                if Self.isFigure(cell) { figures += 1; continue }
                guard case .string(let text) = cell.value, !HeaderText.isBlank(text), !HeaderText.isLong(text) else { continue }
                texts.append(HeaderText.normalize(text))
                if isAreaLabel(text) { places += 1 }
            }
            guard texts.count >= 2, figures * 2 < texts.count, places * 2 < texts.count, Set(texts).count >= 2 else { continue }
            varying.append(column)
        }
        guard let last = varying.last else { return }
        let project = columns.firstIndex { $0.meaning == .role(.project) }
        let indicator = columns.firstIndex { $0.meaning == .role(.indicator) }
        var lastRole = HeaderRole.category
        if let project, indicator == nil, columns[project].column > last {
            columns[project].meaning = .role(.indicator)
            lastRole = .project
        } else if project == nil, let indicator, columns[indicator].column > last {
            lastRole = .project
        }
        for column in varying {
            columns.append(
                LayoutColumn(column: column, header: top[column].map(HeaderText.normalize) ?? "", meaning: .role(column == last ? lastRole : .category)))
        }
        columns.sort { $0.column < $1.column }
    }
}
