import Foundation

/// `total-mismatch` / `completed-total-mismatch` for a 合计 column among one-column indicators
/// with the areas in rows (户数 · 补助资金 under C级, D级, 无房户 and again under 合计; 特困供养金 ·
/// 护理补贴 · 合计): in each area's row, its figure against the sum of the columns it totals.
///
/// Which columns it totals, the figures say: the earlier columns of the same name (补助资金 under
/// 合计 totals every 补助资金; 月补金额合计 every 月补金额; 总户数 every 户数), or else a run of the
/// columns right before it (or right after it: 合计 · 其中 …) — whichever adds up in the most
/// rows. A column named as no total is one when the columns right before it add up to it in
/// three rows at least (五年任务 after 2011年 … 2015年). It is checked only when that
/// sum holds in two rows at least and in two thirds of the rows compared: then the others are
/// errors, not a reading of the table.
struct RowTotalColumnRule: WholeTableRule {
    /// Creates one.
    init() {}

    func check(_ table: CheckedTable, into findings: inout FindingBuilder) {
        guard let areaRows = table.table.layout.areaRows, areaRows.groups.allSatisfy({ $0.columns.count == 1 }) else { return }
        let items = table.rows
        let areas = areaRows.rows.map(\.area)
        for (index, total) in items.enumerated() {
            // A column named as a total (合计, 总户数); or one whose figures are the sum of the
            // columns right before it in three rows at least (五年任务 after 2011年 … 2015年).
            let named = Self.isTotal(total.row)
            guard named || index >= 2, total.row.indicatorKind.isAdditive, let measure = total.values.keys.first?.measure, measure != .rate
            else { continue }
            var best: (parts: [Int], agree: Int, compared: Int)?
            for parts in Self.candidates(index, items, named: named) {
                guard parts.allSatisfy({ items[$0].row.indicatorKind.isAdditive }) else { continue }
                var agree = 0
                var compared = 0
                for area in areas {
                    guard let sum = Self.sum(parts.map { items[$0] }, area: area, measure: measure),
                        let own = total.values[ValueKey(measure, area: area)], case .quantity(let q) = own.quantity
                    else { continue }
                    compared += 1
                    // (Unnamed, a sum of nothing, 0 = 0 + 0, says nothing.)
                    if Self.agrees(sum.value, q.value, values: sum.values + [own]), named || q.value != 0 { agree += 1 }
                }
                if agree > (best?.agree ?? 0) { best = (parts, agree, compared) }
            }
            guard let best, best.agree >= (named ? 2 : 3), best.agree * 3 >= best.compared * 2, best.agree < best.compared else { continue }
            let names = best.parts.map { Self.name(items[$0].row) }
            for area in areas {
                guard let sum = Self.sum(best.parts.map { items[$0] }, area: area, measure: measure),
                    let own = total.values[ValueKey(measure, area: area)], case .quantity(let q) = own.quantity,
                    !Self.agrees(sum.value, q.value, values: sum.values + [own])
                else { continue }
                findings.add(
                    .rowTotalMismatch(
                        measure: measure, area: area ?? areaRows.rows.first { $0.area == nil }?.label ?? "合计",
                        header: Self.name(total.row), parts: names, total: q.value, sum: sum.value),
                    cell: own.cell.reference.a1, row: own.cell.reference.row + 1, item: Self.name(total.row), area: area,
                    expected: sum.value, actual: q.value)
            }
        }
    }

    /// A column that totals others: 合计 / 总计 / 小计 in its name or its project's, or a name
    /// starting 总 (总户数).
    static func isTotal(_ row: TableRow) -> Bool {
        [row.project, row.indicator].compactMap { $0 }.contains { name in
            let text = HeaderText.normalize(name)
            return ["合计", "总计", "小计", "共计"].contains(where: text.contains) || text.hasPrefix("总") && text.count <= 6
        }
    }

    /// What a column is named, project and indicator.
    static func name(_ row: TableRow) -> String {
        [row.project, row.indicator].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// The indicator's name without its total words and a closing 数 (总户数 → 户, 月补金额合计 →
    /// 月补金额).
    static func stem(_ name: String) -> String {
        var text = HeaderText.splitParenthetical(HeaderText.normalize(name)).text
        for word in ["合计", "总计", "小计", "共计"] { text = text.replacingOccurrences(of: word, with: "") }
        if text.hasPrefix("总") { text.removeFirst() }
        if text.hasSuffix("数"), text.count > 1 { text.removeLast() }
        return text
    }

    /// The sets of columns the total may add up: the earlier ones of its name, the runs of 2 to
    /// 8 columns right before it, and for a column named as a total the runs right after it
    /// (投资额: 合计 · 其中:中央资金 · 其中:省级资金 · 其中:市县资金).
    static func candidates(_ index: Int, _ items: [CheckedRow], named: Bool = true) -> [[Int]] {
        var result: [[Int]] = []
        let own = stem(items[index].row.indicator ?? "")
        if named, !own.isEmpty {
            let sameName = (0..<index).filter { i in !isTotal(items[i].row) && stem(items[i].row.indicator ?? "") == own }
            if sameName.count >= 2 { result.append(sameName) }
        }
        // (共计 after 孤儿补助人数 · 孤儿补助金额 · 困境儿童补助人数 · 困境儿童补助金额: the earlier
        // columns of one kind, named with the same last word.)
        if named, own.isEmpty {
            var byKind: [String: [Int]] = [:]
            for i in 0..<index where !isTotal(items[i].row) {
                let name = HeaderText.splitParenthetical(HeaderText.normalize(items[i].row.indicator ?? "")).text
                if name.count >= 3 { byKind[String(name.suffix(2)), default: []].append(i) }
            }
            for kind in byKind.values where kind.count >= 2 && kind.count < index { result.append(kind) }
        }
        for length in 2...8 where length <= index {
            let run = Array((index - length)..<index)
            if run.contains(where: { isTotal(items[$0].row) }) { break }
            result.append(run)
        }
        guard named else { return result }
        for length in 2...8 where index + length < items.count {
            let run = Array((index + 1)...(index + length))
            if run.contains(where: { isTotal(items[$0].row) }) { break }
            result.append(run)
        }
        return result
    }

    /// The parts' sum in an area's row (a blank part is none), with the values summed; nil when
    /// a part is no plain figure or none is given.
    static func sum(_ parts: [CheckedRow], area: String?, measure: Measure) -> (value: Decimal, values: [ReadValue])? {
        var sum = Decimal(0)
        var values: [ReadValue] = []
        for part in parts {
            guard let read = part.values[ValueKey(measure, area: area)] else { continue }
            switch read.quantity {
            case .quantity(let q) where !q.isPercent:
                sum += q.value
                values.append(read)
            case .notApplicable: continue
            default: return nil
            }
        }
        return values.isEmpty ? nil : (sum, values)
    }

    /// Equal, or within the rounding of figures printed with decimals.
    static func agrees(_ sum: Decimal, _ total: Decimal, values: [ReadValue]) -> Bool {
        Quantity.equal(sum, total) || AreaShares.withinRounding(sum, total, of: values)
    }
}
