import Foundation

/// `total-mismatch` / `completed-total-mismatch` for a 合计 or 小计 row: its figure in a column
/// against the sum of the items' figures it covers — a 小计 the items since the last section or
/// 小计, a 合计 those since the last 合计; a 合计 above every item (the total first) the items
/// below it, and a section heading with figures (一、市级项目 | 16842) the items of its section.
///
/// (The row's own rate is `TotalRowRateRule`'s.) The sums only where a sum means something:
/// every item counted has a plain figure in that column (blank or `——` counts as none), the same unit (单位 column) or none, a figure that sums (not a rate,
/// ratio, ceiling or percentage), and at least two items are counted. Figures printed with
/// decimals may differ by their rounding (`AreaShares.withinRounding`); whole numbers are exact.
struct ColumnTotalRule: WholeTableRule {
    /// Creates one.
    init() {}

    func check(_ table: CheckedTable, into findings: inout FindingBuilder) {
        guard
            table.table.rows.contains(where: { TotalRows.sumLabel(of: $0) != nil })
        else { return }
        var sinceTotal: [CheckedRow] = []
        var sinceSection: [CheckedRow] = []
        // A sum line above the items it sums: a 合计 before any item, a section heading with
        // figures. Compared when what it covers ends (the next heading, total or the table's end).
        var leadingTotal: (row: TableRow, label: String)?
        var headingWithSums: TableRow?
        func closeHeading() {
            if let heading = headingWithSums, case .section(let title) = heading.kind {
                compare(heading, label: title, with: sinceSection, below: true, in: table, into: &findings)
            }
            headingWithSums = nil
        }
        for (row, item) in table.bodyRows {
            switch row.kind {
            case .item:
                guard let checked = item else { continue }
                sinceTotal.append(checked)
                sinceSection.append(checked)
            case .unlabeled:
                continue
            case .section:
                closeHeading()
                sinceSection = []
                if TotalRows.isHeadingWithSums(row) { headingWithSums = row }
            case .footer:
                guard let label = TotalRows.label(of: row) else { continue }
                if label == TotalRows.subtotal {
                    headingWithSums = nil
                    compare(row, label: label, with: sinceSection, in: table, into: &findings)
                    sinceSection = []
                } else {
                    closeHeading()
                    if let leading = leadingTotal {
                        compare(leading.row, label: leading.label, with: covered(by: leading.row, sinceTotal, in: table), below: true, in: table, into: &findings)
                        leadingTotal = nil
                    }
                    if sinceTotal.isEmpty {
                        leadingTotal = (row, label)
                    } else {
                        compare(row, label: label, with: sinceTotal, in: table, into: &findings)
                    }
                    sinceTotal = []
                    sinceSection = []
                }
            }
        }
        closeHeading()
        if let leading = leadingTotal {
            compare(leading.row, label: leading.label, with: covered(by: leading.row, sinceTotal, in: table), below: true, in: table, into: &findings)
        }
    }

    /// The items a total above them covers: the first ones whose sums agree with it in the most
    /// columns (秋季合计 over 学前 … 高教, not the breakdowns of 学前 and 小学 listed after them);
    /// all of them when no first items agree with it in any column.
    private func covered(by total: TableRow, _ items: [CheckedRow], in table: CheckedTable) -> [CheckedRow] {
        guard items.count > 2 else { return items }
        var agreeing = [Int](repeating: 0, count: items.count + 1)
        for (key, read, whole) in Self.sums(of: total, in: table) {
            var sum = Decimal(0)
            var printed: [ReadValue] = [read]
            for (index, item) in items.enumerated() {
                if let value = item.values[key], case .quantity(let q) = value.quantity, !q.isPercent {
                    sum += q.value
                    printed.append(value)
                }
                if index >= 1, Quantity.equal(sum, whole.value) || AreaShares.withinRounding(sum, whole.value, of: printed) {
                    agreeing[index + 1] += 1
                }
            }
        }
        // (The most columns agreeing; of equals, the most items.)
        guard let best = agreeing.indices.max(by: { a, b in agreeing[a] != agreeing[b] ? agreeing[a] < agreeing[b] : a < b }),
            agreeing[best] > 0
        else { return items }
        return Array(items.prefix(best))
    }

    /// A sum line's figures that can be sums, each with its key and its cell read: plain
    /// figures, not rates or percentages.
    private static func sums(of line: TableRow, in table: CheckedTable) -> [(key: ValueKey, read: ReadValue, figure: Quantity)] {
        line.values.compactMap { key, cell in
            guard key.measure != .rate else { return nil }
            let read = ValueReading.read(
                cell, measure: key.measure, headerUnit: table.column(for: key)?.unit, words: table.table.words.quantities)
            guard case .quantity(let figure) = read.quantity, !figure.isPercent else { return nil }
            return (key, read, figure)
        }
    }

    private func compare(
        _ footer: TableRow, label: String, with items: [CheckedRow], below: Bool = false, in table: CheckedTable,
        into findings: inout FindingBuilder
    ) {
        for (key, read, total) in Self.sums(of: footer, in: table) {
            let column = table.column(for: key)
            var sum = Decimal(0)
            var counted = 0
            var units: Set<String> = []
            var summable = true
            // The figures summed, and the total: what their printed digits allow for rounding.
            var printed: [ReadValue] = [read]
            for item in items {
                switch item.values[key]?.quantity {
                case .quantity(let q)?:
                    guard !q.isPercent, item.row.indicatorKind.isAdditive else {
                        summable = false
                        break
                    }
                    sum += q.value
                    counted += 1
                    if let value = item.values[key] { printed.append(value) }
                    units.insert(HeaderText.normalize(item.row.unit ?? ""))
                case .notApplicable?, nil: continue
                default: summable = false
                }
                if !summable { break }
            }
            // (Figures printed with decimals are rounded, as a total of areas is: `AreaShares`.)
            guard summable, counted >= 2, units.count == 1, !Quantity.equal(sum, total.value),
                !AreaShares.withinRounding(sum, total.value, of: printed)
            else { continue }
            let header = HeaderText.normalize(column?.header ?? CheckedRow.label(key))
            findings.add(
                .columnTotalMismatch(measure: key.measure, footer: label, header: header, total: total.value, sum: sum, count: counted, itemsBelow: below),
                cell: read.cell.reference.a1, row: footer.row + 1, item: label, area: key.area, expected: sum, actual: total.value)
        }
    }
}
