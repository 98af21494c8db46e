import XLSXReader

/// `duplicate-item`: the same item (project and indicator, and area in a table with one row per
/// area) as an earlier row — unless the row holds nothing (blank or 不适用 throughout).
struct DuplicateRule: TableRule {
    /// Creates one.
    init() {}

    /// Whether a row holds anything beside its name: a figure, words, a note — not only blanks
    /// and dashes.
    static func holdsSomething(_ row: CheckedRow, in table: CheckedTable) -> Bool {
        if row.values.values.contains(where: { $0.quantity != .notApplicable }) { return true }
        let sheet = table.table.sheet
        for column in table.table.layout.columns {
            switch column.meaning {
            case .role(.progressText), .role(.note), .role(.schedule), .role(.lead), .role(.breakdown): break
            default: continue
            }
            guard let cell = sheet.cell(at: CellReference(row: row.row.row, column: column.column)) else { continue }
            if case .string(let text) = cell.value, HeaderText.isBlank(text) || QuantityParser.isDashes(text) { continue }
            return true
        }
        return false
    }

    /// The sheet row of the nearest heading above a row: a section row, or a row with a name
    /// and nothing else (no figure, unit, progress or office). Nil when there is none.
    static func heading(above sheetRow: Int, in table: CheckedTable) -> Int? {
        let rows = table.table.rows
        guard let index = rows.firstIndex(where: { $0.row == sheetRow }) else { return nil }
        for row in rows[..<index].reversed() {
            switch row.kind {
            case .section: return row.row
            case .item where row.values.isEmpty && row.unit == nil && row.progressText == nil && row.lead == nil
                && (row.project ?? row.indicator) != nil:
                return row.row
            default: continue
            }
        }
        return nil
    }

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        let key = row.key
        guard !key.isEmpty, let first = table.firstRowOfKey[key], first != row.row.row else { return }
        // A line of the form left empty or 不适用 (其它资助 | —— | ——, again under another heading)
        // carries nothing that could be counted twice.
        guard Self.holdsSomething(row, in: table) else { return }
        // (The same name under two headings of an indented outline — 最低生活保障人数 under 城市…
        // and under 农村… — is two items.)
        if let depth = Indentation.of(row: row.row.row, in: table), depth > 0,
            Indentation.parent(ofRow: row.row.row, in: table) != Indentation.parent(ofRow: first, in: table)
        {
            return
        }
        // (So is one name under two headings without figures: 城市最低生活保障 · 最低生活保障人数 and
        // 农村最低生活保障 · 最低生活保障人数.)
        if Self.heading(above: row.row.row, in: table) != Self.heading(above: first, in: table) { return }
        let layout = table.table.layout
        // With the areas in rows, the item's name is its group's header.
        let column = row.row.group?.columns.first?.column ?? layout.column(.indicator)?.column ?? layout.column(.project)?.column ?? 0
        findings.add(
            .duplicateRow(firstRow: first + 1, item: row.row.itemName), row,
            cell: CellReference(row: row.row.row, column: column).a1)
    }
}
