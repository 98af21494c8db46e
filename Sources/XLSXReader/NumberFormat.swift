/// What a cell's number format makes of a number: a date, a time, a percentage, or a plain number.
///
/// ```swift
/// NumberFormat(code: "0.0%").kind      // .percent(decimals: 1)
/// NumberFormat(code: "yyyy年m月d日").kind  // .date
/// ```
public struct NumberFormat: Hashable, Sendable {
    /// The kinds of format that change how a number reads.
    public enum Kind: Hashable, Sendable {
        /// General or a plain number format.
        case number
        /// A percentage with this many decimals (`0%` → 0, `0.00%` → 2).
        case percent(decimals: Int)
        /// A calendar date, possibly with a time.
        case date
        /// A time of day only.
        case time
        /// An elapsed time (`[h]:mm:ss`).
        case duration
        /// Text (`@`).
        case text
    }

    /// The format code (`0.00%`), or the built-in's code for built-in ids.
    public var code: String
    /// What the format makes of a number.
    public var kind: Kind
    /// Whether the format shows a calendar date and no time of day (`yyyy-mm-dd`, `mm\/dd\/yy`,
    /// `yyyy"年"m"月"d"日"`): such a cell reads as `2021-01-01`, not `2021-01-01T00:00:00`.
    public var isDateOnly: Bool

    /// The General format.
    public static let general = NumberFormat(code: "General")

    /// Classifies a format code.
    public init(code: String) {
        self.code = code
        (self.kind, self.isDateOnly) = NumberFormat.classifyWithDateOnly(code)
    }

    /// The built-in format for an id, or General when the id is not built in.
    public init(builtinID id: Int) {
        self.init(code: NumberFormat.builtinCodes[id] ?? "General")
    }

    /// Built-in format codes, including the Chinese locale's date ids 27–36 and 50–58.
    static let builtinCodes: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
        18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        27: "yyyy\"年\"m\"月\"", 28: "m\"月\"d\"日\"", 29: "m\"月\"d\"日\"", 30: "m-d-yy",
        31: "yyyy\"年\"m\"月\"d\"日\"", 32: "h\"时\"mm\"分\"", 33: "h\"时\"mm\"分\"ss\"秒\"",
        34: "上午/下午h\"时\"mm\"分\"", 35: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 36: "yyyy\"年\"m\"月\"",
        37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
        40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
        48: "##0.0E+0", 49: "@",
        50: "yyyy\"年\"m\"月\"", 51: "m\"月\"d\"日\"", 52: "yyyy\"年\"m\"月\"", 53: "m\"月\"d\"日\"",
        54: "m\"月\"d\"日\"", 55: "上午/下午h\"时\"mm\"分\"", 56: "上午/下午h\"时\"mm\"分\"ss\"秒\"",
        57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
    ]

    /// Classifies the first section of a format code, ignoring quoted text, escaped characters
    /// and bracketed colours or conditions.
    static func classify(_ code: String) -> Kind {
        classifyWithDateOnly(code).kind
    }

    /// The kind, and whether a date format shows no time of day (no hour, second or AM/PM
    /// field once quoted and escaped literals are set aside: `m` is then the month).
    static func classifyWithDateOnly(_ code: String) -> (kind: Kind, isDateOnly: Bool) {
        if code == "@" { return (.text, false) }
        var plain: [UInt8] = []  // the code with literals removed, lower-cased
        var bracketDuration = false
        var bytes = Array(code.utf8)[...]
        while let c = bytes.first {
            bytes = bytes.dropFirst()
            switch c {
            case UInt8(ascii: ";"):
                bytes = []
            case UInt8(ascii: "\""):
                while let d = bytes.first {
                    bytes = bytes.dropFirst()
                    if d == UInt8(ascii: "\"") { break }
                }
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                bytes = bytes.dropFirst()
            case UInt8(ascii: "["):
                var inside: [UInt8] = []
                while let d = bytes.first {
                    bytes = bytes.dropFirst()
                    if d == UInt8(ascii: "]") { break }
                    inside.append(d | 0x20)
                }
                if let first = inside.first, [UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "s")].contains(first),
                    inside.allSatisfy({ $0 == first })
                {
                    bracketDuration = true
                }
            default:
                plain.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            }
        }
        if bracketDuration { return (.duration, false) }
        let text = String(decoding: plain, as: UTF8.self)
        if text == "general" { return (.number, false) }
        let hasDate = plain.contains(UInt8(ascii: "y")) || plain.contains(UInt8(ascii: "d"))
        let hasTime = plain.contains(UInt8(ascii: "h")) || plain.contains(UInt8(ascii: "s"))
        let hasMonthOrMinute = plain.contains(UInt8(ascii: "m"))
        if plain.contains(UInt8(ascii: "%")) {
            return (.percent(decimals: decimalPlaces(plain)), false)
        }
        if hasDate || (hasMonthOrMinute && !hasTime) {
            let hasMeridiem = text.contains("am/pm") || text.contains("a/p")
            return (.date, !hasTime && !hasMeridiem)
        }
        if hasTime { return (.time, false) }
        return (.number, false)
    }

    /// The digit placeholders after the decimal point.
    private static func decimalPlaces(_ plain: [UInt8]) -> Int {
        guard let dot = plain.firstIndex(of: UInt8(ascii: ".")) else { return 0 }
        var count = 0
        for c in plain[(dot + 1)...] {
            if c == UInt8(ascii: "0") || c == UInt8(ascii: "#") || c == UInt8(ascii: "?") { count += 1 } else { break }
        }
        return count
    }
}
