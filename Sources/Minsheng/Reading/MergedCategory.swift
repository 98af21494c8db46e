import XLSXReader

extension LayoutRecognizer {
    /// A column left of the items' names whose header no word reads (学段 over 普通高中 · 义务教育
    /// merged down their rows) groups the items: each name under it is named with it, so
    /// 其它资助 under 普通高中 and 其它资助 under 初中 are two items, not one typed twice. The column
    /// becomes the project and the names the indicators, or, when both are named already, the
    /// category. Only texts merged down two rows or more below the header count.
    func settleMergedCategory(_ columns: inout [LayoutColumn], top: [Int: String], sheet: Sheet, below headerRow: Int) {
        guard let nameIndex = columns.firstIndex(where: { $0.meaning == .role(.project) || $0.meaning == .role(.indicator) }) else {
            return
        }
        let nameColumn = columns[nameIndex].column
        let known = Set(columns.map(\.column))
        // The unread column left of the names with texts merged down the most rows.
        var merged: [Int: Int] = [:]
        for range in sheet.mergedRanges
        where range.first.column == range.last.column && range.first.column < nameColumn && !known.contains(range.first.column)
            && range.first.row > headerRow && range.last.row > range.first.row
        {
            guard let cell = sheet.cell(at: range.first), case .string(let text) = cell.value, !Self.isFigure(cell),
                !HeaderText.isLong(text), vocabulary.role(of: text) == nil, !vocabulary.isTotal(text)
            else { continue }
            merged[range.first.column, default: 0] += range.last.row - range.first.row + 1
        }
        guard let (column, _) = merged.max(by: { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }) else { return }
        let hasIndicator = columns.contains { $0.meaning == .role(.indicator) }
        let hasProject = columns.contains { $0.meaning == .role(.project) }
        let role: HeaderRole
        if hasProject && !hasIndicator {
            columns[nameIndex].meaning = .role(.indicator)
            role = .project
        } else if !hasProject {
            role = .project
        } else {
            role = .category
        }
        columns.append(LayoutColumn(column: column, header: top[column].map(HeaderText.normalize) ?? "", meaning: .role(role)))
        columns.sort { $0.column < $1.column }
    }
}
