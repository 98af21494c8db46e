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
    public static func cell(_ row: Int, _ column: Int) -> String {
        // Letters and digits written into one buffer, read as one string: the usual cell.
        var line = row + 1
        var n = column + 1
        guard n > 0, line > 0 else { return A1.column(column) + String(row + 1) }
        // 14 letters and 19 digits at most.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { text in
            var start = 20
            while n > 0 {
                start -= 1
                text[start] = UInt8(0x41 + (n - 1) % 26)
                n = (n - 1) / 26
            }
            var end = 40
            while line > 0 {
                end -= 1
                text[end] = UInt8(0x30 + line % 10)
                line /= 10
            }
            let digits = 40 - end
            for i in 0..<digits { text[20 + i] = text[end + i] }
            return String(decoding: UnsafeBufferPointer(rebasing: text[start..<(20 + digits)]), as: UTF8.self)
        }
    }

    /// `(0, 0, 1, 11)` → `A1:L2`.
    public static func range(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) -> String {
        cell(firstRow, firstColumn) + ":" + cell(lastRow, lastColumn)
    }
}
