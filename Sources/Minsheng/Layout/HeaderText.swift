/// Header and label text as people type it, made comparable: white space and line breaks
/// removed (also the ideographic space), full-width ASCII folded to half-width.
public enum HeaderText {
    /// `"年度\n目标 "` → `"年度目标"`, `"完成率（％）"` → `"完成率(%)"`.
    public static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xA0: continue
            case 0xFF01...0xFF5E:
                if let folded = Unicode.Scalar(scalar.value - 0xFEE0) { scalars.append(folded) }
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Splits a trailing parenthetical: `"年度目标(万人)"` → (`"年度目标"`, `"万人"`).
    /// Works on normalized text (half-width parentheses).
    public static func splitParenthetical(_ normalized: String) -> (text: String, inner: String?) {
        guard normalized.hasSuffix(")"), let open = normalized.lastIndex(of: "(") else {
            return (normalized, nil)
        }
        let inner = normalized[normalized.index(after: open)..<normalized.index(before: normalized.endIndex)]
        let text = String(normalized[..<open])
        return (text.isEmpty ? normalized : text, inner.isEmpty ? nil : String(inner))
    }
}
