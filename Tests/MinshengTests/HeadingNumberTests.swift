@testable import Minsheng
import Testing

/// `SubItemsRule.isHeadingNumbered` answers from a name's first scalar where it can, and as the
/// character-by-character reading it replaced everywhere.
struct HeadingNumberTests {
    @Test func readsHeadingsAsTheCharactersDo() {
        let names = [
            "三、封山育林", "(二)农村改厕", "1城镇新增就业", "1.康复", "十一、其他", "(十)", "()", "", "一", "一、", "（二）全角",
            "\u{F9FD}、兼容", "\u{2F800}、补充", "一\u{301}、组合", "(\u{301}二)", "城镇低保", "①圈码", "二.", "二．", "壹、大写",
        ]
        #expect(SubItemsRule.isHeadingNumbered("三、封山育林") && SubItemsRule.isHeadingNumbered("(二)农村改厕"))
        #expect(!SubItemsRule.isHeadingNumbered("1城镇新增就业") && !SubItemsRule.isHeadingNumbered("壹、大写"))
        for name in names {
            #expect(SubItemsRule.isHeadingNumbered(name) == SubItemsRule.isHeadingNumberedByCharacters(name), "\(name)")
        }
    }
}
