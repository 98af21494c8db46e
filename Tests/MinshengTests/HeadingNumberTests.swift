@testable import Minsheng
import Testing

/// `SubItemsRule.isHeadingNumbered` answers from a name's first scalar where it can, and as the
/// character-by-character reading it replaced everywhere.
struct HeadingNumberTests {
    /// The reading before the first-scalar shortcut.
    static func reference(_ text: String) -> Bool {
        let numerals = "一二三四五六七八九十"
        var rest = Substring(text)
        if rest.hasPrefix("(") {
            rest = rest.dropFirst()
            let digits = rest.prefix { numerals.contains($0) }
            return !digits.isEmpty && rest.dropFirst(digits.count).hasPrefix(")")
        }
        let digits = rest.prefix { numerals.contains($0) }
        return !digits.isEmpty && rest.dropFirst(digits.count).first.map { "、.．".contains($0) } == true
    }

    @Test func readsHeadingsAsTheCharactersDo() {
        let names = [
            "三、封山育林", "(二)农村改厕", "1城镇新增就业", "1.康复", "十一、其他", "(十)", "()", "", "一", "一、", "（二）全角",
            "\u{F9FD}、兼容", "\u{2F800}、补充", "一\u{301}、组合", "(\u{301}二)", "城镇低保", "①圈码", "二.", "二．", "壹、大写",
        ]
        for name in names {
            #expect(SubItemsRule.isHeadingNumbered(name) == Self.reference(name), "\(name)")
        }
    }
}
