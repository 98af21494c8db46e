/// Indicators that take a row per measure: `新辟线路年度目标 | 2 | 5 | …` then `实际完成 | 1 | 2 | …`.
/// A row named only by a measure (实际完成, 完成率) under a row whose name ends with a target
/// word (…年度目标, …计划) holds that indicator's other measure: one item, named without the
/// target word, its figures in the columns of the row above.
enum MeasureRows {
    /// The words that end the name of an indicator's target row.
    static let targetEndings = ["年度目标任务", "年度目标", "全年目标", "目标任务", "目标", "计划数", "计划"]

    /// Joins each measure row to the target row above it.
    static func join(_ rows: inout [TableRow], vocabulary: HeaderVocabulary) {
        var result: [TableRow] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            guard row.kind == .item, let label = row.indicator ?? row.project, let previous = result.last, previous.kind == .item,
                previous.row == row.row - 1, let measure = measure(of: label, vocabulary: vocabulary),
                let name = previous.indicator ?? previous.project, let ending = targetEndings.first(where: name.hasSuffix),
                name.count > ending.count, previous.values.keys.allSatisfy({ $0.measure == .target })
            else {
                result.append(row)
                continue
            }
            var joined = previous
            let stem = String(name.dropLast(ending.count))
            if previous.indicator != nil { joined.indicator = stem } else { joined.project = stem }
            for (key, cell) in row.values { joined.values[ValueKey(measure, area: key.area)] = cell }
            result[result.count - 1] = joined
        }
        rows = result
    }

    /// The measure a row's whole name is (实际完成 → completed, 完成率 → rate), nil for a name of
    /// anything else.
    static func measure(of label: String, vocabulary: HeaderVocabulary) -> Measure? {
        let text = HeaderText.normalize(label)
        guard text.count <= 6, vocabulary.isRoleWord(text) || text.hasSuffix("完成") else { return nil }
        switch vocabulary.role(of: text) {
        case .completed?: return .completed
        case .rate?: return .rate
        default: return nil
        }
    }
}
