import XLSXReader

extension LayoutRecognizer {
    /// With the areas in columns and no 合计 / 全市 column: the first or last area column naming
    /// a place above all the others (亳州市 before 涡阳县 … 谯城区; 苏州市 before 张家港 … 园区,
    /// named without their endings) is their total — when its figures are no smaller than theirs
    /// in most rows where they can be compared (a total is at least each of its parts; a
    /// county-level 吉首市 among counties is one of them; rates and growth figures are no sums).
    func settlePlaceAboveTheOthers(_ columns: inout [LayoutColumn], sheet: Sheet, below headerRow: Int) {
        let areaIndices = columns.indices.filter { if case .value(_, _?) = columns[$0].meaning { return true } else { return false } }
        guard areaIndices.count >= 3, case .value(let measure, _) = columns[areaIndices[0]].meaning,
            areaIndices.allSatisfy({ if case .value(measure, _) = columns[$0].meaning { return true } else { return false } }),
            !columns.contains(where: { $0.meaning == .value(measure, area: nil) })
        else { return }
        let levels = areaIndices.map { index -> Int in
            if case .value(_, let area?) = columns[index].meaning { return Self.level(of: area) }
            return 0
        }
        let candidates = [(0, areaIndices[0]), (areaIndices.count - 1, areaIndices[areaIndices.count - 1])].filter { position, _ in
            guard let highest = Self.highestLevel(levels, besides: position), levels[position] > highest else { return false }
            return highest > 0 || position == 0 && levels[position] >= 3
        }
        guard !candidates.isEmpty else { return }
        // Column → row → number in the area columns, read once for both ends: each body row is
        // compared across the area columns.
        let wanted = Set(areaIndices.map { columns[$0].column })
        var amounts: [Int: [Int: Double]] = [:]
        let unitColumn = columns.first { $0.meaning == .role(.unit) }?.column
        for row in sheet.rows where row.index > headerRow {
            // (Rates and growth figures are no sums: 增幅(%) rows say nothing.)
            if let unitColumn, let unit = row.cells.first(where: { $0.reference.column == unitColumn })?.string,
                ["%", "％", "率", "幅"].contains(where: unit.contains)
            {
                continue
            }
            for cell in row.cells where wanted.contains(cell.reference.column) {
                if case .percent = cell.format.kind { continue }
                if let n = Self.amount(cell) { amounts[cell.reference.column, default: [:]][row.index] = n }
            }
        }
        for (_, index) in candidates where Self.isNoSmallerThanItsParts(columns[index].column, among: Array(wanted), amounts: amounts) {
            columns[index].meaning = .value(measure, area: nil)
            return
        }
    }

    /// A cell's plain number: a number, or a text that is only one.
    static func amount(_ cell: Cell) -> Double? {
        switch cell.value {
        case .number(let n): return n
        case .string(let text): return plainAmount(text)
        default: return nil
        }
    }

    /// A number typed as text, as WPS keeps it (`1234`, `1,234.5`, `-3`): nil for anything else
    /// (`nan`, `1e5` and words are none).
    static func plainAmount(_ text: String) -> Double? {
        // (A long text is no number: not even looked at, a cell may hold megabytes.)
        guard text.utf8.count <= 48 else { return nil }
        let trimmed = HeaderText.normalize(text)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 24, trimmed.unicodeScalars.allSatisfy({ "0123456789.,-".unicodeScalars.contains($0) }),
            trimmed.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
        else { return nil }
        return Double(trimmed.replacingOccurrences(of: ",", with: ""))
    }
}
