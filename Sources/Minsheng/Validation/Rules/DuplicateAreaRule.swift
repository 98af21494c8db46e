import XLSXReader

/// `duplicate-item`: a place named on two rows (天桥区's row typed 市中区), or over two columns
/// of one measure. Both rows' figures are read, each under its own key, so a total still adds up to
/// what the table holds; the second row is named, at its label.
struct DuplicateAreaRule: WholeTableRule {
    /// Creates one.
    init() {}

    func check(_ table: CheckedTable, into findings: inout FindingBuilder) {
        guard let areaRows = table.table.layout.areaRows else {
            checkColumns(table, into: &findings)
            return
        }
        for row in areaRows.rows {
            guard let first = row.namedFirstAt else { continue }
            let name = TableReader.clean(row.label)
            findings.add(
                .duplicateArea(firstRow: first + 1, area: name),
                cell: CellReference(row: row.row, column: areaRows.column + row.shift).a1, row: row.row + 1, item: nil, area: name)
        }
    }

    /// With the areas in columns: a place named over a second column of the same measure,
    /// named at its header.
    private func checkColumns(_ table: CheckedTable, into findings: inout FindingBuilder) {
        let layout = table.table.layout
        // (Only a layout that keeps a repeated place apart, `蒙城县（F列）`, has one.)
        guard layout.columns.contains(where: { column in
            if case .value(_, let area?) = column.meaning { return area.hasSuffix("列）") }
            return false
        })
        else { return }
        var first: [String: Int] = [:]
        for column in layout.columns {
            guard case .value(let measure, _?) = column.meaning else { continue }
            let name = HeaderText.normalize(column.header)
            let key = measure.rawValue + "|" + name
            guard let earlier = first[key] else {
                first[key] = column.column
                continue
            }
            findings.add(
                .duplicateAreaColumn(firstColumn: TableReading.letter(earlier), area: name),
                cell: CellReference(row: layout.headerRows.upperBound, column: column.column).a1, row: layout.headerRows.upperBound + 1,
                item: nil, area: name)
        }
    }
}
