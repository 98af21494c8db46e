import XLSXReader

/// Rows under a header that belong to no item: the columns' numbering (栏次: 甲 · 乙 · 丙 · 1 ·
/// 2 · 3, how statistical forms number their columns) and notes written across the whole table
/// (填报说明：…, 2.中央投资完成面积包括…).
enum NoteRows {
    /// The 天干 that number a form's label columns (甲 乙 丙 …).
    private static let stems: Set<Character> = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]

    /// Whether a row numbers the columns, and holds nothing else: two 天干 labels or more, with
    /// whole numbers counting up by one from left to right or none; or three such numbers or more.
    static func isColumnNumbering(_ row: XLSXReader.Row) -> Bool {
        var stemCount = 0
        var numbers: [Int] = []
        for cell in row.cells {
            switch cell.value {
            case .number(let n):
                guard n == n.rounded(), n >= 0, n < 1_000 else { return false }
                numbers.append(Int(n))
            case .string(let text):
                guard text.utf8.count <= 16 else { return false }
                let trimmed = HeaderText.normalize(text)
                if trimmed.isEmpty { continue }
                if trimmed.count == 1, let c = trimmed.first, stems.contains(c) {
                    stemCount += 1
                } else if let n = Int(trimmed), n >= 0, n < 1_000 {
                    numbers.append(n)
                } else {
                    return false
                }
            default: return false
            }
        }
        let counting = zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 }
        return counting && (stemCount >= 2 || stemCount == 0 && numbers.count >= 3)
    }

    /// The merges wide enough to hold a note across a table whose columns end at `last`
    /// (zero-based): picked once per table, not looked for among all merges row by row.
    static func mergesAcross(_ merges: [CellRange], last: Int) -> [CellRange] {
        merges.filter { $0.last.column >= last }
    }

    /// Whether a row without figures is a note across the table: its first text sits in a merge
    /// that spans every column of the table (`first...last`, zero-based; `merges` from
    /// `mergesAcross`).
    static func isNoteAcross(_ row: XLSXReader.Row, merges: [CellRange], first: Int, last: Int) -> Bool {
        guard last > first, let cell = row.cells.first(where: { $0.string.map { !HeaderText.isBlank($0) } ?? false }) else { return false }
        return merges.contains { range in
            range.first.row <= row.index && range.last.row >= row.index && range.first.column <= min(first, cell.reference.column)
                && range.last.column >= last
        }
    }
}
