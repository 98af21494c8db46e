/// A1 names for zero-based rows and columns: the one implementation behind XLSXReader's
/// `CellReference.a1` and XLSXWriter's `A1` (both modules depend on this one, never on each other).
///
/// ```swift
/// A1.column(27)          // "AB"
/// A1.cell(6, 4)          // "E7"
/// A1.range(0, 0, 1, 11)  // "A1:L2"
/// ```
public enum A1 {
    /// `0` → `A`, `27` → `AB`.
    /// (The letters are written right to left into a small buffer, then read as one contiguous
    /// run: no array and no reversed view for every cell named.)
    @inlinable
    public static func column(_ column: Int) -> String {
        var n = column + 1
        guard n > 0 else { return "" }
        // 26^14 > Int.max: never more than 14 letters.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { letters in
            var start = letters.count
            while n > 0 {
                start -= 1
                letters[start] = UInt8(0x41 + (n - 1) % 26)
                n = (n - 1) / 26
            }
            return String(decoding: UnsafeBufferPointer(rebasing: letters[start...]), as: UTF8.self)
        }
    }

    /// `(6, 4)` → `E7`.
    @inlinable
    public static func cell(_ row: Int, _ column: Int) -> String { A1.column(column) + String(row + 1) }

    /// `(0, 0, 1, 11)` → `A1:L2`.
    public static func range(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) -> String {
        cell(firstRow, firstColumn) + ":" + cell(lastRow, lastColumn)
    }
}
