/// How a line of an outline is numbered — 一、 · (一) · 1. · (1) · A · I · ① — so that the lines
/// numbered alike right under a line with figures can be read as its parts (`SubItemsRule`).
enum OutlineNumber: Hashable, Sendable {
    /// 一、 二、
    case chineseHeading
    /// (一) (二)
    case chineseInParentheses
    /// 1. 2、
    case arabic
    /// (1) (2)
    case arabicInParentheses
    /// A B (a capital letter before the name: A城市低保累计支出)
    case letter
    /// I II III (Roman numerals before the name)
    case roman
    /// ① ②
    case circled
    /// No number (其中:…, or a plain name).
    case none

    /// Whether a normalized label is numbered first in its list (1. · (1) · 一、 · (一) · A · I · ①):
    /// a list of parts begins there.
    static func isFirst(_ label: String) -> Bool {
        var rest = Substring(label)
        if rest.hasPrefix("其中:") { rest = rest.dropFirst(3) } else if rest.hasPrefix("其中") { rest = rest.dropFirst(2) }
        if rest.hasPrefix("(") { rest = rest.dropFirst() }
        guard let first = rest.first else { return false }
        if first == "1" { return rest.dropFirst().first.map { !$0.isNumber } ?? false }
        if first == "一" { return rest.dropFirst().first.map { !"二三四五六七八九十".contains($0) } ?? false }
        if first == "A" || first == "①" { return true }
        return first == "I" && rest.dropFirst().first.map { !"IVX".contains($0) } ?? false
    }

    /// The numbering of a normalized label (`SubItemsRule.name(of:)`).
    static func of(_ label: String) -> OutlineNumber {
        // (其中:(1)儿童福利 is numbered (1): 其中 says the lines are parts.)
        let label = label.hasPrefix("其中:") ? String(label.dropFirst(3)) : label.hasPrefix("其中") ? String(label.dropFirst(2)) : label
        guard let first = label.unicodeScalars.first else { return .none }
        if SubItemsRule.isHeadingNumbered(label) { return first == "(" ? .chineseInParentheses : .chineseHeading }
        if SubItemsRule.isPartNumbered(label) { return first == "(" ? .arabicInParentheses : .arabic }
        if (0x2460...0x2473).contains(first.value) { return .circled }
        // Latin capitals right before a Chinese name: Roman numerals, else one letter.
        // (A、养老机构 and A.养老机构 as well: a mark may follow the letter.)
        let capitals = label.unicodeScalars.prefix { ("A"..."Z").contains($0) }
        var after = label.unicodeScalars.dropFirst(capitals.count)
        if let mark = after.first, "、.．".unicodeScalars.contains(mark) { after = after.dropFirst() }
        guard !capitals.isEmpty, capitals.count <= 4, let next = after.first, (0x4E00...0x9FFF).contains(next.value)
        else { return .none }
        if capitals.allSatisfy({ "IVX".unicodeScalars.contains($0) }) { return .roman }
        return capitals.count == 1 ? .letter : .none
    }
}
