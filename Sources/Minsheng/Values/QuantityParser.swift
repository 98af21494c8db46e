import Foundation

/// Reads figures as written in Chinese plans and reports, with the words of the engine's
/// `quantities.json` (`QuantityWords`, passed down: no copy of its own).
///
/// ```swift
/// let words = engine.vocabulary.quantityWords
/// QuantityParser.parse("不少于816个", words: words)      // 816 个, atLeast
/// QuantityParser.parse("约3900人", words: words)         // 3900 人, approximately
/// QuantityParser.parse("８，３００", words: words)        // 8300
/// QuantityParser.parse("——", words: words)              // .notApplicable
/// QuantityParser.parse("见附件", words: words)           // .unparsed("见附件")
/// QuantityParser.parse(number: 0.95, percentFormat: true)   // 95 %
/// ```
enum QuantityParser {
    /// Reads a numeric cell: a `0%`-style format makes 0.95 the percentage 95.
    static func parse(number: Double, percentFormat: Bool) -> CellQuantity {
        parse(number: number, percentFormat: percentFormat) { "\($0)" }
    }

    /// `parse(number:percentFormat:)`, the number's shortest text (`"\(number)"`) given by
    /// `text` when the caller has made it already.
    static func parse(number: Double, percentFormat: Bool, text: (Double) -> String) -> CellQuantity {
        guard number.isFinite else { return .unparsed(String(number)) }
        var value = Quantity.decimal(number, text: text)
        if percentFormat {
            value = Quantity.shifted(value, by: 2)
            return .quantity(Quantity(value, unit: "%"))
        }
        return .quantity(Quantity(value))
    }

    /// Reads text. `headerUnit` is the column's unit (`万元` from `投资额（万元）`): a text such as
    /// `500万元` under it stays 500 万元 instead of becoming 5000000 元.
    static func parse(_ text: String, headerUnit: String? = nil, words: QuantityWords) -> CellQuantity {
        // A figure is never this long: prose, whose words are looked for in its beginning only.
        let long = HeaderText.isLong(text, limit: proseLimit)
        let folded = fold(long ? String(text.unicodeScalars.prefix(8 * proseLimit)) : text)
        if !long, words.notApplicable.contains(folded) || isDashes(folded) {
            return .notApplicable
        }
        guard !long,
            let parsed = parseFigure(folded, headerUnit: headerUnit, words: words)
                ?? parseFigureWithRemark(folded, headerUnit: headerUnit, words: words)
        else {
            if !folded.contains(where: \.isNumber), words.qualitative.contains(where: { folded.contains($0) }) {
                return .qualitative(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return .unparsed(text)
        }
        return .quantity(parsed)
    }

    /// Whether a text is only dashes, slashes or dots (——, /, …; spaces between them): a cell
    /// marked not applicable, no figure and no words. Empty text is too.
    static func isDashes(_ text: String) -> Bool {
        text.allSatisfy { "—-－―/\\–… ".contains($0) }
    }

    /// Full-width digits and punctuation folded, white space removed.
    /// How many characters of a long text (prose) are read for its words.
    static let proseLimit = 4096

    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xA0: continue
            case 0xFF10...0xFF19, 0xFF05, 0xFF0E, 0xFF0C, 0xFF0B, 0xFF0D, 0xFF1C, 0xFF1D, 0xFF1E:
                if let folded = Unicode.Scalar(scalar.value - 0xFEE0) { out.append(folded) }
            case 0x2212: out.append("-")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// A figure followed by a remark in parentheses — `50%(马站未开工)`, `22%（严重滞后`, the
    /// parenthesis sometimes left open — is the figure; the remark is the office's note.
    static func parseFigureWithRemark(_ text: String, headerUnit: String?, words: QuantityWords) -> Quantity? {
        guard let open = text.firstIndex(where: { $0 == "(" || $0 == "（" }), open > text.startIndex else { return nil }
        let remark = text[text.index(after: open)...]
        // A remark is words, not another figure.
        guard !remark.isEmpty, !remark.contains(where: { $0.isASCII && $0.isNumber }) else { return nil }
        return parseFigure(String(text[..<open]), headerUnit: headerUnit, words: words)
    }

    /// One figure filling the whole text: [bound prefix] number [万|亿] [unit] [bound suffix].
    static func parseFigure(_ text: String, headerUnit: String?, words: QuantityWords) -> Quantity? {
        var rest = Substring(text)
        var bound = Quantity.Bound.exact
        if let p = words.atLeastPrefixes.first(where: { rest.hasPrefix($0) }) {
            bound = .atLeast
            rest = rest.dropFirst(p.count)
        } else if let p = words.atMostPrefixes.first(where: { rest.hasPrefix($0) }) {
            bound = .atMost
            rest = rest.dropFirst(p.count)
        } else if let p = words.approximatePrefixes.first(where: { rest.hasPrefix($0) }) {
            bound = .approximately
            rest = rest.dropFirst(p.count)
        }
        guard var (number, afterNumber) = readNumber(rest) else { return nil }
        // 1*2, 3×5: a figure written as a product (1 个乡镇 × 2 名医生) is the product.
        if let sign = afterNumber.first, sign == "*" || sign == "×",
            let (factor, afterFactor) = readNumber(afterNumber.dropFirst()), ExactDecimal.signum(factor) > 0
        {
            number *= factor
            afterNumber = afterFactor
        }
        rest = afterNumber
        if let s = words.atMostSuffixes.first(where: { rest.hasSuffix($0) }) {
            bound = .atMost
            rest = rest.dropLast(s.count)
        } else if let s = words.approximateSuffixes.first(where: { rest.hasSuffix($0) }) {
            bound = .approximately
            rest = rest.dropLast(s.count)
        } else if let s = words.atLeastSuffixes.first(where: { rest.hasSuffix($0) }) {
            if bound == .exact { bound = .atLeast }
            rest = rest.dropLast(s.count)
        }
        // 及以上 may also stand between the number and the unit (790户及以上 / 790及以上户).
        if let s = words.atLeastSuffixes.first(where: { rest.hasPrefix($0) }), s.count > 1 {
            if bound == .exact { bound = .atLeast }
            rest = rest.dropFirst(s.count)
        }
        var value = number
        var unit = String(rest)
        if unit.hasPrefix("%") {
            guard unit.count == 1 else { return nil }
            return Quantity(value, unit: "%", bound: bound)
        }
        if let multiplier = unit.first, multiplier == "万" || multiplier == "亿" {
            if let headerUnit, HeaderText.normalize(headerUnit) == unit {
                // 500万元 under a 万元 header: the header's unit, not rescaled.
            } else {
                value *= multiplier == "万" ? 10_000 : 100_000_000
                unit = String(unit.dropFirst())
            }
        }
        guard unit.count <= 8, unit.allSatisfy(isUnitCharacter) else { return nil }
        // 495O, 12l: a letter that looks like a digit, typed for one, is no unit.
        guard unit.isEmpty || !unit.allSatisfy({ "OoIl".contains($0) }) else { return nil }
        return Quantity(value, unit: unit.isEmpty ? nil : unit, bound: bound)
    }

    private static func isUnitCharacter(_ c: Character) -> Bool {
        if c.isLetter { return true }
        return "()（）/·".contains(c)
    }

    /// A decimal number at the start: optional sign, digits with `,` separators, one point.
    static func readNumber(_ text: Substring) -> (Decimal, Substring)? {
        var digits = ""
        var index = text.startIndex
        if index < text.endIndex, text[index] == "-" || text[index] == "+" {
            if text[index] == "-" { digits.append("-") }
            index = text.index(after: index)
        }
        var sawDigit = false
        var sawPoint = false
        while index < text.endIndex {
            let c = text[index]
            if c.isASCII, c.isNumber {
                digits.append(c)
                sawDigit = true
            } else if c == "." && !sawPoint && sawDigit {
                let next = text.index(after: index)
                guard next < text.endIndex, text[next].isASCII, text[next].isNumber else { break }
                digits.append(".")
                sawPoint = true
            } else if c == "," && sawDigit && !sawPoint {
                // A thousands separator is followed by exactly three digits.
                let following = text[text.index(after: index)...].prefix(4)
                let three = following.prefix(3)
                guard three.count == 3, three.allSatisfy({ $0.isASCII && $0.isNumber }),
                    following.count == 3 || !(following.last?.isNumber ?? false)
                else { break }
            } else {
                break
            }
            index = text.index(after: index)
        }
        // More than 30 digits is no figure anyone wrote by hand (and would overflow Decimal).
        guard sawDigit, digits.count <= 31, let value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else {
            return nil
        }
        return (value, text[index...])
    }
}
