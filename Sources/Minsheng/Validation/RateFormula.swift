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
    /// Whether `formula` computes `completed ÷ target` (A1 names) and nothing else.
    static func isOwnRatio(_ formula: String, completed: String, target: String) -> Bool {
        guard let (numerator, denominator) = ratio(formula) else { return false }
        return numerator == completed && denominator == target
    }

    /// The two cells (A1 names, without `$`) a formula divides, when it is one cell over another
    /// and nothing else (wrapped in `IFERROR`, `ROUND`, `*100`, parentheses, or an `IF` choosing
    /// between it and a constant on a condition of those two cells alone).
    static func ratio(_ formula: String) -> (numerator: String, denominator: String)? {
        var text = Substring(formula.uppercased().filter { $0 != " " && $0 != "$" })
        if text.hasPrefix("=") { text = text.dropFirst() }
        return ratio(text, depth: 0)
    }

    private static func ratio(_ text: Substring, depth: Int) -> (numerator: String, denominator: String)? {
        guard depth < 8, !text.isEmpty else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, isCell(parts[0]), isCell(parts[1]) { return (String(parts[0]), String(parts[1])) }
        if let inner = call(text, "IFERROR"), let (first, _) = split(inner) {
            return ratio(first, depth: depth + 1)
        }
        // IF(F4="","",…): a blank, zero or text in one branch, the ratio in the other, and a
        // condition on the ratio's own cells only.
        if let inner = call(text, "IF"), let (condition, branches) = split(inner), let (yes, no) = split(branches) {
            let found: (numerator: String, denominator: String)?
            if isLiteral(yes) {
                found = ratio(no, depth: depth + 1)
            } else if isLiteral(no) {
                found = ratio(yes, depth: depth + 1)
            } else {
                found = nil
            }
            guard let found, cells(in: condition).allSatisfy({ $0 == found.numerator || $0 == found.denominator }) else {
                return nil
            }
            return found
        }
        if let inner = call(text, "ROUND"), let (first, digits) = split(inner), Int(digits) != nil {
            return ratio(first, depth: depth + 1)
        }
        if text.hasSuffix("*100") { return ratio(text.dropLast(4), depth: depth + 1) }
        if text.hasPrefix("100*") { return ratio(text.dropFirst(4), depth: depth + 1) }
        if text.hasPrefix("("), text.hasSuffix(")"), closes(text) {
            return ratio(text.dropFirst().dropLast(), depth: depth + 1)
        }
        return nil
    }

    /// Whether `text` is a constant: a quoted string or a number.
    private static func isLiteral(_ text: Substring) -> Bool {
        if text.count >= 2, text.first == "\"", text.last == "\"", !text.dropFirst().dropLast().contains("\"") { return true }
        return Double(text) != nil
    }

    /// The cell names a condition mentions (outside quoted strings); a name that is not a plain
    /// cell (`A1:B2`, `Sheet2!A1`) comes back as itself, so that it matches no cell.
    private static func cells(in text: Substring) -> [String] {
        var found: [String] = []
        var token = ""
        var quoted = false
        for c in text + " " {
            if c == "\"" { quoted.toggle() }
            if !quoted && (c.isLetter && c.isASCII || c.isNumber && c.isASCII || c == ":" || c == "!" || c == "_" || c == ".") {
                token.append(c)
                continue
            }
            if !token.isEmpty {
                let isFunction = c == "("
                if !isFunction && token.contains(where: { $0.isLetter }) && !["TRUE", "FALSE"].contains(token) { found.append(token) }
                token = ""
            }
        }
        return found
    }

    /// Whether `text` is one A1 cell name on this sheet (`F4`, `AB12`).
    private static func isCell(_ text: Substring) -> Bool {
        let letters = text.prefix { $0 >= "A" && $0 <= "Z" }
        let digits = text.dropFirst(letters.count)
        return (1...3).contains(letters.count) && !digits.isEmpty && digits.count <= 7
            && digits.allSatisfy { $0 >= "0" && $0 <= "9" } && digits.first != "0"
    }

    /// The arguments of `NAME(…)` when the whole text is that one call.
    private static func call(_ text: Substring, _ name: String) -> Substring? {
        guard text.hasPrefix(name + "("), text.hasSuffix(")") else { return nil }
        let open = text.dropFirst(name.count)
        guard closes(open) else { return nil }
        return open.dropFirst().dropLast()
    }

    /// Whether the parenthesis opening `text` is the one closing it (`(a)+(b)` is not one group).
    private static func closes(_ text: Substring) -> Bool {
        var depth = 0
        var quoted = false
        for (offset, c) in text.enumerated() {
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c == "(" { depth += 1 }
            if c == ")" {
                depth -= 1
                if depth == 0 { return offset == text.count - 1 }
            }
        }
        return false
    }

    /// `first, rest` split at the first top-level comma.
    private static func split(_ arguments: Substring) -> (Substring, Substring)? {
        var depth = 0
        var quoted = false
        for index in arguments.indices {
            let c = arguments[index]
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c == "," && depth == 0 {
                return (arguments[..<index], arguments[arguments.index(after: index)...])
            }
        }
        return nil
    }
}
