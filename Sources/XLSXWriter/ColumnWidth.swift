import A1Notation

/// A1 names for zero-based rows and columns (`A1.cell(6, 4)` → `E7`), shared with XLSXReader's
/// `CellReference`.
public typealias A1 = A1Notation.A1

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

    /// Whether a character is East Asian wide (CJK, full-width forms): two columns in Excel and in
    /// a terminal.
    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
