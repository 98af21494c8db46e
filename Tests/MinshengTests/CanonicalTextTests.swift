import Testing

@testable import Minsheng

/// `ItemKey` hashes its texts by their bytes when NFC leaves them as they are, else by their NFC
/// form: keys that `==` calls equal (canonically equivalent texts) must still hash alike.
@Suite struct CanonicalTextTests {
    private func hash(_ text: String) -> Int {
        var hasher = Hasher()
        CanonicalText.combine(text, into: &hasher)
        return hasher.finalize()
    }

    @Test func equivalentTextsHashAlike() {
        let pairs = [
            ("caf\u{E9}", "cafe\u{301}"), ("\u{212B}", "\u{C5}"), ("城镇新增就业\u{F900}", "城镇新增就业\u{8C48}"),
            ("\u{1100}\u{1161}", "\u{AC00}"),
        ]
        for (a, b) in pairs {
            #expect(a == b)
            #expect(hash(a) == hash(b), "\(a.unicodeScalars.map(\.value)) against \(b.unicodeScalars.map(\.value))")
            let keyA = ItemKey(project: "就业", indicator: a, area: "涡阳县")
            let keyB = ItemKey(project: "就业", indicator: b, area: "涡阳县")
            #expect(keyA == keyB)
            #expect(keyA.hashValue == keyB.hashValue)
            #expect(Set([keyA, keyB]).count == 1)
        }
    }

    @Test func quickTestTakesCommonNamesAsTheyAre() {
        for text in ["城镇新增就业", "农村改厕（户）", "ABC-123", "“十四五”规划—城区", "粮食产量：万吨"] {
            var copy = text
            let surely = copy.withUTF8(CanonicalText.isSurelyNFC)
            #expect(surely, "\(text)")
        }
        for text in ["cafe\u{301}", "\u{212B}", "\u{F900}", "\u{1100}\u{1161}", "😀"] {
            var copy = text
            let surely = copy.withUTF8(CanonicalText.isSurelyNFC)
            #expect(!surely, "\(text)")
        }
    }

    @Test func differentTextsAndAreasStayApart() {
        #expect(ItemKey(project: "a", indicator: "b") != ItemKey(project: "ab", indicator: nil))
        #expect(ItemKey(project: "就业", indicator: "就业", area: "涡阳县") != ItemKey(project: "就业", indicator: "就业"))
        #expect(ItemKey(project: "就业", indicator: nil) == ItemKey(project: nil, indicator: "就业"))
    }
}
