#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Testing

@testable import XLSXReader

/// `parseNumber` reads a plain decimal (`0.853`) without `strtod`: the double must be the very
/// one `strtod` gives, bit for bit, for every such text.
@Suite struct PlainDecimalTests {
    private func strtodValue(_ text: String) -> Double {
        text.withCString { strtod($0, nil) }
    }

    @Test func plainDecimalsReadAsStrtodReadsThem() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0.853", "0.1", "0.7", "-12.5", "5.", ".5", "0.9995", "1.3943", "123456789012.345", "999999999999999",
            "0.000000000000001", "-0.0", "0.30000000000000004", "8300.00", "116.67", "3.49"]
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...15, using: &generator)
            var text = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let point = Int.random(in: 0...digits, using: &generator)
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            if Bool.random(using: &generator) { text = "-" + text }
            texts.append(text)
        }
        for text in texts {
            let read = parseNumber(Array(text.utf8))
            let expected = strtodValue(text)
            #expect(read?.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test func otherTextsAreLeftToStrtodOrRefused() {
        #expect(parseNumber(Array("1e3".utf8)) == 1000)
        #expect(parseNumber(Array(" 2.5".utf8)) == 2.5)
        #expect(parseNumber(Array("1.2.3".utf8)) == nil)
        #expect(parseNumber(Array(".".utf8)) == nil)
        #expect(parseNumber(Array("-".utf8)) == nil)
        #expect(parseNumber(Array("0x10".utf8)) == nil)
    }
}
