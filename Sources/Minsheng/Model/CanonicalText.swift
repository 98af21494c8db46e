import Foundation

/// Hashing text as `String` compares it (canonically equivalent texts hash alike) without
/// normalizing every text on every hash: a text whose characters are all ones that NFC leaves as
/// they are, whatever stands beside them (ASCII and Latin letters, CJK ideographs and
/// punctuation, full-width forms: nearly every item name), is hashed by its own UTF-8 bytes;
/// any other is hashed by the bytes of its NFC form. Equivalent texts have one NFC form, so
/// they hash alike either way.
enum CanonicalText {
    /// Feeds `text` to `hasher`: its NFC form's UTF-8 bytes and an end mark.
    static func combine(_ text: String, into hasher: inout Hasher) {
        var text = text
        if !text.withUTF8(isSurelyNFC) { text = text.precomposedStringWithCanonicalMapping }
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(0xFF as UInt8)
    }

    /// Whether every character of valid UTF-8 `bytes` is in a block where NFC changes nothing
    /// and nothing combines with it (no combining mark, no character with a canonical
    /// decomposition that NFC rewrites): U+0000–U+02FF, U+2010–U+2027, U+2030–U+205E,
    /// U+3000–U+3029, U+3030–U+303F, U+4E00–U+9FFF, U+FF01–U+FFEF. False means "not known".
    static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let scalar: UInt32
            if lead < 0xE0 {
                guard i + 1 < n else { return false }
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if lead < 0xF0 {
                guard i + 2 < n else { return false }
                scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                return false
            }
            switch scalar {
            case 0x80...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF,
                0xFF01...0xFFEF:
                continue
            default:
                return false
            }
        }
        return true
    }
}
