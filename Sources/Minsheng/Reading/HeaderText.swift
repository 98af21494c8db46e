/// Header and label text as people type it, made comparable: white space and line breaks
/// removed (also the ideographic space), full-width ASCII folded to half-width.
enum HeaderText {
    /// `"年度\n目标 "` → `"年度目标"`, `"完成率（％）"` → `"完成率(%)"`.
    static func normalize(_ text: String) -> String {
        if isNormalized(text) { return text }
        var text = text
        return text.withUTF8 { normalizedUTF8($0) }
    }

    /// `normalize` over UTF-8 bytes: the spaces' bytes left out, a full-width form's three
    /// bytes (U+FF01…U+FF5E: EF BC 81…BF, EF BD 80…9E) written as its ASCII byte. Valid UTF-8
    /// in, valid UTF-8 out (whole scalars are left out or replaced).
    private static func normalizedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var i = 0
            var o = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                    i += 1
                    continue
                }
                if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {  // U+00A0
                    i += 2
                    continue
                }
                if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {  // U+3000
                    i += 3
                    continue
                }
                if b == 0xEF, i + 2 < n {
                    let b1 = bytes[i + 1]
                    let b2 = bytes[i + 2]
                    if b1 == 0xBC && b2 >= 0x81 {  // U+FF01…U+FF3F → 0x21…0x5F
                        out[o] = b2 - 0x60
                        o += 1
                        i += 3
                        continue
                    }
                    if b1 == 0xBD && b2 <= 0x9E {  // U+FF40…U+FF5E → 0x60…0x7E
                        out[o] = b2 - 0x20
                        o += 1
                        i += 3
                        continue
                    }
                }
                out[o] = b
                o += 1
                i += 1
            }
            return o
        }
    }

    /// Whether `normalize` would return the text unchanged (most labels): one pass over its
    /// UTF-8 bytes, no allocation.
    static func isNormalized(_ text: String) -> Bool {
        let bytes = text.utf8
        if let answer = bytes.withContiguousStorageIfAvailable({ isNormalizedUTF8($0) }) { return answer }
        return Array(bytes).withUnsafeBufferPointer { isNormalizedUTF8($0) }
    }

    private static func isNormalizedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return false }
            } else if b == 0xC2 {
                if i + 1 < n && bytes[i + 1] == 0xA0 { return false }  // U+00A0
            } else if b == 0xE3 {
                if i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 { return false }  // U+3000
            } else if b == 0xEF, i + 2 < n {
                // U+FF01…U+FF5E: EF BC 81…BF, EF BD 80…9E.
                let b1 = bytes[i + 1]
                let b2 = bytes[i + 2]
                if (b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E) { return false }
            }
            i += 1
        }
        return true
    }

    /// Whether `needle`'s UTF-8 bytes occur in `haystack`'s (for normalized text, a substring
    /// match), without Foundation and without allocating.
    static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first else { return true }
                guard h.count >= n.count else { return false }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Splits a trailing parenthetical: `"年度目标(万人)"` → (`"年度目标"`, `"万人"`).
    /// Works on normalized text (half-width parentheses).
    static func splitParenthetical(_ normalized: String) -> (text: String, inner: String?) {
        // A text whose last byte is no `)` does not end in the character `)` (most headers).
        guard normalized.utf8.last == UInt8(ascii: ")"), normalized.hasSuffix(")"), let open = normalized.lastIndex(of: "(") else {
            return (normalized, nil)
        }
        let inner = normalized[normalized.index(after: open)..<normalized.index(before: normalized.endIndex)]
        let text = String(normalized[..<open])
        return (text.isEmpty ? normalized : text, inner.isEmpty ? nil : String(inner))
    }

    /// Whether a text is nothing but white space (what `normalize` removes): stops at the first
    /// other character, so a long text costs no more than a short one.
    /// Whether a character is a decimal digit as figures are written: ASCII or full-width 0–9
    /// (not 七 or 万, which `Character.isNumber` also counts and which place names contain).
    static func isDigit(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    /// Whether `text` has at most `limit` characters (`text.count <= limit`), counted only when
    /// its scalars, of which it has at least as many, are more than that.
    static func hasAtMost(_ limit: Int, charactersIn text: String) -> Bool {
        var scalars = 0
        for _ in text.unicodeScalars {
            scalars += 1
            if scalars > limit { break }
        }
        if scalars <= limit { return true }
        var characters = 0
        for _ in text {
            characters += 1
            if characters > limit { return false }
        }
        return true
    }

    static func isBlank(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xA0: continue
            default: return false
            }
        }
        return true
    }

    /// `normalize` of a bounded prefix: at most `limit` scalars out (and 8 × `limit` scalars in).
    /// `complete` is false when the text goes on: then `text` is only its beginning. Headers,
    /// area names and figures are short, so recognition looks no further than this.
    static func normalizePrefix(_ text: String, limit: Int = labelLimit) -> (text: String, complete: Bool) {
        var scalars = String.UnicodeScalarView()
        var read = 0
        var written = 0
        for scalar in text.unicodeScalars {
            if written >= limit || read >= 8 * limit { return (String(scalars), false) }
            read += 1
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xA0: continue
            case 0xFF01...0xFF5E:
                if let folded = Unicode.Scalar(scalar.value - 0xFEE0) { scalars.append(folded) }
                written += 1
            default:
                scalars.append(scalar)
                written += 1
            }
        }
        return (String(scalars), true)
    }

    /// Whether `normalize(text)` would hold more than `limit` scalars (or the text more than
    /// 8 × `limit`), found without building it and without reading further than that.
    static func isLong(_ text: String, limit: Int = labelLimit) -> Bool {
        var read = 0
        var kept = 0
        for scalar in text.unicodeScalars {
            if kept >= limit || read >= 8 * limit { return true }
            read += 1
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xA0: continue
            default: kept += 1
            }
        }
        return false
    }

    /// How many normalized scalars recognition looks at in one cell: no header, area name,
    /// section title or figure is longer.
    static let labelLimit = 512

    /// `text` cut to `limit` characters (normalized) with `…` and its size when longer: a long
    /// cell as a message shows it, never the whole of it.
    static func abbreviated(_ text: String, limit: Int = 40) -> String {
        let head = text.prefix(limit + 1)
        guard head.count > limit else { return text }
        return normalize(String(head.prefix(limit))) + "…（共 \(text.utf8.count) 字节）"
    }
}
