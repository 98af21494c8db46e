extension LayoutRecognizer {
    /// Two indicators headed with the same words (保障 · 保障, the header cut short) are two items:
    /// each is told apart by its first column's letter (保障（B列）), so that check and convert
    /// keep both, and neither's figures are taken for the other's.
    static func distinguishSameNames(_ groups: inout [ColumnGroup]) {
        let names = groups.map { "\($0.project ?? "")|\($0.indicator)" }
        var count: [String: Int] = [:]
        for name in names { count[name, default: 0] += 1 }
        for i in groups.indices where count[names[i], default: 0] > 1 {
            guard let first = groups[i].columns.map(\.column).min() else { continue }
            groups[i].indicator += "（\(TableReading.letter(first))列）"
        }
    }
}
