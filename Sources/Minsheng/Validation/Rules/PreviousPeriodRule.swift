import Foundation

/// Month over month (`--previous`): this period's cumulative report against last period's, item
/// by item (project + indicator, and area). A cumulative completion that falls is
/// `completed-decreased` (this month's figure typed instead of the running total), an annual
/// target that moves is `target-changed`, an item of last period's table that is gone is
/// `item-dropped`. Findings name the current cell; messages name last period's.
struct PreviousPeriodRule: PairRule {
    /// Creates one.
    init() {}

    func check(_ current: CheckedTable, against previous: CheckedTable, into findings: inout FindingBuilder) {
        let index = ItemIndex(previous.rows.map { ($0.key, $0) })
        let previousFile = (previous.table.file as NSString).lastPathComponent
        var matched: Set<ItemKey> = []
        for row in current.rows {
            guard let key = index.matchKey(row.key), let before = index[key] else { continue }
            matched.insert(key)
            for (valueKey, value) in row.values.sorted(by: { $0.key < $1.key }) where valueKey.measure != .rate && valueKey.figure == nil {
                guard let now = value.quantity.quantity, let then = before.figure(valueKey),
                    now.isPercent == then.isPercent
                else { continue }
                let thenCell = before.values[valueKey].map { "\(previousFile)!\($0.cell.reference.a1)" } ?? previousFile
                let label = CheckedRow.label(valueKey)
                switch valueKey.measure {
                // Only a running total must not fall: a rate, a ceiling (失业率 4.2 → 4.17), an
                // average or a per-person figure moves either way.
                case .completed where now.value < then.value && !Quantity.equal(now.value, then.value) && row.row.indicatorKind.isAdditive:
                    findings.add(
                        .completedDecreased(label: label, now: now.value, then: then.value, previousCell: thenCell), row,
                        cell: value.cell.reference.a1, area: valueKey.area, expected: then.value, actual: now.value)
                case .target where !Quantity.equal(now.value, then.value):
                    findings.add(
                        .targetMoved(label: label, now: now.value, then: then.value, previousCell: thenCell), row,
                        cell: value.cell.reference.a1, area: valueKey.area, expected: then.value, actual: now.value)
                default:
                    break
                }
            }
        }
        for row in previous.rows where !matched.contains(row.key) && !row.key.isEmpty {
            let cell = row.values.values.map(\.cell.reference).min().map { "\(previousFile)!\($0.a1)" } ?? previousFile
            findings.add(.itemDropped(item: row.row.itemName, previousCell: cell), item: row.row.itemName)
        }
    }

    /// How many of `current`'s items `previous` has: the table an input is compared with is the
    /// previous one that has the most of its items.
    static func overlap(_ current: CheckedTable, _ previous: CheckedTable) -> Int {
        let index = ItemIndex(previous.rows.map { ($0.key, ()) })
        return current.rows.filter { index.matchKey($0.key) != nil }.count
    }
}
