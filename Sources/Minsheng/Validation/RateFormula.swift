/// Reads the formula of a completion-rate cell that has no cached value: whether it only divides
/// the row's own completed figure by its own target (`F4/E4`, `IFERROR(F4/E4,"")`,
/// `IF(F4="","",IFERROR(F4/E4,""))`, `ROUND(F4/E4*100,2)`, with `$` or spaces), as the
/// templates `split` hands out do.
///
/// Such a rate reports nothing of its own — the workbook computes it from the two figures the
/// check reads — so it needs no value to be checked and no warning: a workbook filled by a
/// program that does not calculate (openpyxl) is not a problem to act on. Any other formula
/// without a value still is.
enum RateFormula {
    /// A formula's bytes: ASCII letters upper-cased, spaces and `$` left out.
    private typealias Text = ArraySlice<UInt8>

    /// The two cells (A1 names, without `$`) a formula divides, when it is one cell over another
    /// and nothing else (wrapped in `IFERROR`, `ROUND`, `*100`, parentheses, or an `IF` choosing
    /// between it and a constant on a condition of those two cells alone). Read on bytes: it runs
    /// for every uncalculated formula of a batch.
    static func ratio(_ formula: String) -> (numerator: String, denominator: String)? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(formula.utf8.count)
        for byte in formula.utf8 where byte != 0x20 && byte != UInt8(ascii: "$") {
            bytes.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
        }
        var text = bytes[...]
        if text.first == UInt8(ascii: "=") { text = text.dropFirst() }
        guard let (numerator, denominator) = ratio(text, depth: 0) else { return nil }
        return (String(decoding: numerator, as: UTF8.self), String(decoding: denominator, as: UTF8.self))
    }

    private static func ratio(_ text: Text, depth: Int) -> (Text, Text)? {
        guard depth < 8, !text.isEmpty else { return nil }
        if let slash = text.firstIndex(of: UInt8(ascii: "/")) {
            let numerator = text[..<slash]
            let denominator = text[(slash + 1)...]
            if isCell(numerator), isCell(denominator) { return (numerator, denominator) }
        }
        if let inner = call(text, "IFERROR"), let (first, _) = split(inner) {
            return ratio(first, depth: depth + 1)
        }
        // IF(F4="","",…): a blank, zero or text in one branch, the ratio in the other, and a
        // condition on the ratio's own cells only.
        if let inner = call(text, "IF"), let (condition, branches) = split(inner), let (yes, no) = split(branches) {
            let found: (Text, Text)?
            if isLiteral(yes) {
                found = ratio(no, depth: depth + 1)
            } else if isLiteral(no) {
                found = ratio(yes, depth: depth + 1)
            } else {
                found = nil
            }
            guard let found, onlyCells(in: condition, found.0, found.1) else { return nil }
            return found
        }
        if let inner = call(text, "ROUND"), let (first, digits) = split(inner), isInteger(digits) {
            return ratio(first, depth: depth + 1)
        }
        let times100: [UInt8] = Array("*100".utf8)
        if text.count > 4, text.suffix(4).elementsEqual(times100) { return ratio(text.dropLast(4), depth: depth + 1) }
        if text.count > 4, text.prefix(4).elementsEqual([UInt8(ascii: "1"), UInt8(ascii: "0"), UInt8(ascii: "0"), UInt8(ascii: "*")]) {
            return ratio(text.dropFirst(4), depth: depth + 1)
        }
        if text.first == UInt8(ascii: "("), text.last == UInt8(ascii: ")"), closes(text) {
            return ratio(text.dropFirst().dropLast(), depth: depth + 1)
        }
        return nil
    }

    /// The arguments of `NAME(…)` when the whole text is that one call.
    private static func call(_ text: Text, _ name: StaticString) -> Text? {
        let count = name.utf8CodeUnitCount
        guard text.count > count + 1, text.last == UInt8(ascii: ")") else { return nil }
        let letters = UnsafeBufferPointer(start: name.utf8Start, count: count)
        guard text.prefix(count).elementsEqual(letters), text[text.startIndex + count] == UInt8(ascii: "(") else { return nil }
        let open = text.dropFirst(count)
        guard closes(open) else { return nil }
        return open.dropFirst().dropLast()
    }

    /// Whether the parenthesis opening `text` is the one closing it (`(a)+(b)` is not one group).
    private static func closes(_ text: Text) -> Bool {
        var depth = 0
        var quoted = false
        for index in text.indices {
            let c = text[index]
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if c == UInt8(ascii: "(") { depth += 1 }
            if c == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index == text.endIndex - 1 }
            }
        }
        return false
    }

    /// `first, rest` split at the first top-level comma.
    private static func split(_ arguments: Text) -> (Text, Text)? {
        var depth = 0
        var quoted = false
        for index in arguments.indices {
            let c = arguments[index]
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if c == UInt8(ascii: "(") { depth += 1 }
            if c == UInt8(ascii: ")") { depth -= 1 }
            if c == UInt8(ascii: ",") && depth == 0 { return (arguments[..<index], arguments[(index + 1)...]) }
        }
        return nil
    }

    /// Whether `text` is a constant: a quoted string or a number.
    private static func isLiteral(_ text: Text) -> Bool {
        if text.count >= 2, text.first == UInt8(ascii: "\""), text.last == UInt8(ascii: "\""),
            !text.dropFirst().dropLast().contains(UInt8(ascii: "\""))
        {
            return true
        }
        return Double(String(decoding: text, as: UTF8.self)) != nil
    }

    private static func isInteger(_ text: Text) -> Bool {
        var digits = text
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.count < 4 && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Whether every name a condition mentions (outside quoted strings, not a function's) is one
    /// of the two cells; a name that is no plain cell (`A1:B2`, `Sheet2!A1`) matches neither.
    private static func onlyCells(in text: Text, _ first: Text, _ second: Text) -> Bool {
        var start: Int?
        var quoted = false
        var index = text.startIndex
        while index <= text.endIndex {
            let c: UInt8 = index < text.endIndex ? text[index] : 0x20
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            let partOfName =
                !quoted
                && ((c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                    || c == UInt8(ascii: ":") || c == UInt8(ascii: "!") || c == UInt8(ascii: "_") || c == UInt8(ascii: ".")
                    || c >= 0x80)
            if partOfName {
                if start == nil { start = index }
            } else if let from = start {
                let name = text[from..<index]
                start = nil
                let hasLetter = name.contains { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || $0 >= 0x80 }
                let isFunction = c == UInt8(ascii: "(")
                let isBoolean = name.elementsEqual("TRUE".utf8) || name.elementsEqual("FALSE".utf8)
                if hasLetter && !isFunction && !isBoolean && !name.elementsEqual(first) && !name.elementsEqual(second) {
                    return false
                }
            }
            index += 1
        }
        return true
    }

    /// Whether `text` is one A1 cell name on this sheet (`F4`, `AB12`).
    private static func isCell(_ text: Text) -> Bool {
        var index = text.startIndex
        while index < text.endIndex, text[index] >= UInt8(ascii: "A"), text[index] <= UInt8(ascii: "Z") { index += 1 }
        let letters = index - text.startIndex
        let digits = text[index...]
        return (1...3).contains(letters) && !digits.isEmpty && digits.count <= 7 && digits.first != UInt8(ascii: "0")
            && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
