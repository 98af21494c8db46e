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
        var rest = Substring(droppingWhich(label))
        if rest.hasPrefix("(") { rest = rest.dropFirst() }
        guard let first = rest.first else { return false }
        if first == "1" { return rest.dropFirst().first.map { !$0.isNumber } ?? false }
        if first == "一" { return rest.dropFirst().first.map { !"二三四五六七八九十".contains($0) } ?? false }
        if first == "A" || first == "①" { return true }
        return first == "I" && rest.dropFirst().first.map { !"IVX".contains($0) } ?? false
    }

    /// A label without the 其中 (其中:) that says its lines are parts: 其中:(1)儿童福利 is numbered (1).
    private static func droppingWhich(_ label: String) -> Substring.UnicodeScalarView {
        var rest = Substring(label).unicodeScalars
        guard rest.first == "其", rest.dropFirst().first == "中" else { return rest }
        rest = rest.dropFirst(2)
        if let colon = rest.first, colon == ":" || colon == "：" { rest = rest.dropFirst() }
        return rest
    }

    /// The numbering of a normalized label (`SubItemsRule.name(of:)`), read scalar by scalar:
    /// it is asked of every row of every table.
    static func of(_ label: String) -> OutlineNumber {
        let rest = droppingWhich(label)
        guard let opening = rest.first else { return .none }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isNumeral(_ s: Unicode.Scalar) -> Bool { "一二三四五六七八九十".unicodeScalars.contains(s) }
        func isMark(_ s: Unicode.Scalar?) -> Bool { s.map { "、.．".unicodeScalars.contains($0) } ?? false }
        switch opening {
        case "(":
            let inner = rest.dropFirst()
            let digits = inner.prefix(while: isDigit)
            if !digits.isEmpty { return inner.dropFirst(digits.count).first == ")" ? .arabicInParentheses : .none }
            let numerals = inner.prefix(while: isNumeral)
            return !numerals.isEmpty && inner.dropFirst(numerals.count).first == ")" ? .chineseInParentheses : .none
        case "0"..."9":
            let digits = rest.prefix(while: isDigit)
            let after = rest.dropFirst(digits.count)
            guard isMark(after.first), let following = after.dropFirst().first else { return .none }
            return isDigit(following) ? .none : .arabic
        case "\u{2460}"..."\u{2473}":
            return .circled
        case "A"..."Z":
            // Latin capitals right before a Chinese name (A、养老机构 and A.养老机构 as well):
            // Roman numerals, else one letter.
            let capitals = rest.prefix { ("A"..."Z").contains($0) }
            var after = rest.dropFirst(capitals.count)
            if isMark(after.first) { after = after.dropFirst() }
            guard capitals.count <= 4, let next = after.first, (0x4E00...0x9FFF).contains(next.value) else { return .none }
            if capitals.allSatisfy({ "IVX".unicodeScalars.contains($0) }) { return .roman }
            return capitals.count == 1 ? .letter : .none
        default:
            guard isNumeral(opening) else { return .none }
            return isMark(rest.drop(while: isNumeral).first) ? .chineseHeading : .none
        }
    }
}
