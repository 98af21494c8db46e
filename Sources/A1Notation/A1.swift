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
    @inlinable
    public static func column(_ column: Int) -> String {
        var n = column + 1
        var letters: [UInt8] = []
        while n > 0 {
            letters.append(UInt8(0x41 + (n - 1) % 26))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `(6, 4)` → `E7`.
    @inlinable
    public static func cell(_ row: Int, _ column: Int) -> String { A1.column(column) + String(row + 1) }

    /// `(0, 0, 1, 11)` → `A1:L2`.
    public static func range(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) -> String {
        cell(firstRow, firstColumn) + ":" + cell(lastRow, lastColumn)
    }
}
