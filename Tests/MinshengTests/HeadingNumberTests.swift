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

    @Test func readsPartNumbersAsTheCharactersDo() {
        let names = [
            "1.康复", "2、培训", "(1)城镇", "(12)", "(1", "1", "12", "1.", "1.2", "1.2万", "10、", "1、2", "1城镇新增就业", "(1)",
            "(a)", "()", "(", "", "1\u{301}.组合", "1.\u{301}组合", "1、\u{301}", "(1\u{301})", "(1)\u{301}", "1．全角点", "1。句号",
            "1,逗号", "1 .空格", "1.\u{200D}", "1\u{FE0F}.表情", "1.a", "1.一", "１.全角", "1.\u{F9FD}兼容", "\u{0661}.阿拉伯",
            String(repeating: "1", count: 30) + ".长", String(repeating: "1", count: 23) + ".", "1." + String(repeating: "长", count: 30),
        ]
        #expect(SubItemsRule.isPartNumbered("1.康复") && SubItemsRule.isPartNumbered("(1)城镇"))
        #expect(!SubItemsRule.isPartNumbered("1城镇新增就业") && !SubItemsRule.isPartNumbered("1.2万"))
        for name in names {
            #expect(SubItemsRule.isPartNumbered(name) == SubItemsRule.isPartNumberedByCharacters(name), "\(name)")
            if let quick = SubItemsRule.isPartNumberedByScalars(name) {
                #expect(quick == SubItemsRule.isPartNumberedByCharacters(name), "\(name)")
            }
        }
    }
}
