/// JSON string literals: the one escaper behind `JSONValue` (reports) and `SheetExport`
/// (`dump --format json`).
enum JSONString {
    /// Calls `emit` with the UTF-8 pieces of `text` as a JSON string literal, quotes included:
    /// `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`, all else as is.
    ///
    /// ```swift
    /// JSONString.write("a\"b") { out.append(contentsOf: $0) }   // "a\"b"
    /// ```
    @inline(__always)
    static func write(_ text: String, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        emitASCII(0x22, emit)
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (i, c) in bytes.enumerated() where c < 0x20 || c == 0x22 || c == 0x5C {
                if start < i { emit(UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                switch c {
                case 0x22: emitPair(0x22, emit)
                case 0x5C: emitPair(0x5C, emit)
                case 0x0A: emitPair(0x6E, emit)
                case 0x0D: emitPair(0x72, emit)
                case 0x09: emitPair(0x74, emit)
                default:
                    let hex: StaticString = "0123456789abcdef"
                    let digits = hex.utf8Start
                    let escape: [UInt8] = [0x5C, 0x75, 0x30, 0x30, digits[Int(c >> 4)], digits[Int(c & 0xF)]]
                    escape.withUnsafeBufferPointer(emit)
                }
                start = i + 1
            }
            if start < bytes.count { emit(UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
        emitASCII(0x22, emit)
    }

    /// Appends `text` as a JSON string literal to `out`: as `write` gives it, with a text that
    /// needs no escape (nearly every one) appended whole between its quotes.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            out.append(0x22)
            out.append(contentsOf: bytes)
            out.append(0x22)
            return true
        }
        if !plain { write(text) { out.append(contentsOf: $0) } }
    }

    @inline(__always)
    private static func emitASCII(_ byte: UInt8, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeBytes(of: byte) { emit($0.bindMemory(to: UInt8.self)) }
    }

    /// A backslash and one character (`\"`, `\n` …).
    @inline(__always)
    private static func emitPair(_ byte: UInt8, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeBytes(of: (UInt8(0x5C), byte)) { emit($0.bindMemory(to: UInt8.self)) }
    }
}
