/// Column widths that fit Chinese text: a CJK or full-width character counts as two.
public enum ColumnWidth {
    /// Display width of text in Excel's character units (`城镇新增就业` → 12, `8300` → 4).
    public static func displayWidth(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// The width for a column holding these texts (the widest line), within bounds.
    public static func fitting(_ texts: [String], minimum: Double = 4, maximum: Double = 60) -> Double {
        var widest = 0
        for text in texts {
            for line in text.split(whereSeparator: \.isNewline) {
                widest = max(widest, displayWidth(of: String(line)))
            }
        }
        return min(maximum, max(minimum, Double(widest) + 2))
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// A1 names for zero-based rows and columns.
public enum A1 {
    /// `0` → `A`, `27` → `AB`.
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
    public static func cell(_ row: Int, _ column: Int) -> String { A1.column(column) + String(row + 1) }

    /// `(0, 0, 1, 11)` → `A1:L2`.
    public static func range(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) -> String {
        cell(firstRow, firstColumn) + ":" + cell(lastRow, lastColumn)
    }

    /// `$E$7`.
    public static func absolute(_ row: Int, _ column: Int) -> String { "$\(A1.column(column))$\(row + 1)" }
}
