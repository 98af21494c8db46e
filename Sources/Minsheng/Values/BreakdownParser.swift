import Foundation

/// A total and its split among areas, as written in a plan's prose:
/// `城镇新增就业3.3万人以上(其中:涡阳县8300人以上,蒙城县8100人以上,…)`.
struct Breakdown: Hashable, Sendable {
    /// The total before the clause (nil when none could be told apart).
    var total: Quantity?
    /// Area values in the order written.
    var areas: [AreaValue]
    /// A value that every county/district gets (`每个县区不少于550个`, `每个县区各2家`).
    var each: Quantity?
    /// The text of the clause (其中…), for messages.
    var clause: String

    /// One area's share.
    struct AreaValue: Hashable, Sendable {
        /// The area (county, district, 高新区, 市本级).
        var area: String
        /// The figure.
        var value: Quantity
    }
}

/// Finds the breakdowns written in prose target cells, with the engine's words (area endings
/// and quantity words: `ValueWords`, passed down).
///
/// ```swift
/// let b = BreakdownParser.parse("开发公益性岗位不少于2200个(每个县区不少于550个)", words: vocabulary.valueWords)
/// b.first?.total?.value   // 2200
/// b.first?.each?.value    // 550
/// ```
struct BreakdownParser: Sendable {
    /// The words areas and figures are told by.
    let words: ValueWords

    /// A parser with the engine's words.
    init(words: ValueWords) {
        self.words = words
    }

    /// Every breakdown in the text, in order.
    static func parse(_ text: String, words: ValueWords) -> [Breakdown] { BreakdownParser(words: words).parse(text) }

    /// A split written as a list of tokens in one cell (see `parseTokens(_:)`).
    static func parseTokens(_ text: String, words: ValueWords) -> Breakdown? { BreakdownParser(words: words).parseTokens(text) }

    /// The breakdowns of a 分解情况 cell (see `parseBreakdownCell(_:)`).
    static func parseBreakdownCell(_ text: String, words: ValueWords) -> [Breakdown] {
        BreakdownParser(words: words).parseBreakdownCell(text)
    }

    /// The area name a text starts with (see `leadingAreaName(_:)`).
    static func leadingAreaName(_ text: String, words: ValueWords) -> String? {
        BreakdownParser(words: words).leadingAreaName(text)
    }

    private static let eachMarkers = ["每个县(市、区)", "每个县（市、区）", "每个县（区）", "每个县(区)", "每个县区", "各县(区)", "各县（区）", "各县区", "每县区"]
    private static let boundaries: Set<Character> = [",", "，", "、", ";", "；", ":", "：", "(", "（", " "]

    /// How many characters of a cell are read for breakdowns.
    static let proseLimit = 4096

    /// Every breakdown in the text, in order.
    func parse(_ text: String) -> [Breakdown] {
        // A breakdown is written within a few sentences: a long text is read to `proseLimit`.
        let chars = Array(text.prefix(Self.proseLimit))
        var result: [Breakdown] = []
        var index = 0
        while index < chars.count {
            guard let (clauseStart, clauseEnd, contentStart) = nextClause(chars, from: index) else { break }
            let clause = String(chars[contentStart..<clauseEnd])
            index = max(clauseEnd, clauseStart + 1)
            guard let parsed = parseClause(clause) else { continue }
            var breakdown = Breakdown(total: nil, areas: parsed.areas, each: parsed.each, clause: clause)
            let unit = parsed.areas.first?.value.unit ?? parsed.each?.unit
            breakdown.total = totalBefore(chars, clauseStart, unit: unit)
            result.append(breakdown)
        }
        return result
    }

    /// The next clause holding a breakdown: a parenthesis opening with 其中 or 每个县区, or an
    /// unbracketed `其中` running to the next `。`/`；`. Returns (start, end, content start).
    private func nextClause(_ chars: [Character], from start: Int) -> (Int, Int, Int)? {
        var i = start
        while i < chars.count {
            let c = chars[i]
            if c == "(" || c == "（" {
                let close = chars[(i + 1)...].firstIndex(where: { $0 == ")" || $0 == "）" }) ?? chars.count
                let inner = String(chars[(i + 1)..<close])
                if inner.hasPrefix("其中") || Self.eachMarkers.contains(where: { inner.hasPrefix($0) })
                    || startsWithArea(inner)
                {
                    return (i, close, i + 1)
                }
                i = close
            } else if c == "其", i + 1 < chars.count, chars[i + 1] == "中" {
                let end = chars[i...].firstIndex(where: { $0 == "。" || $0 == "；" || $0 == ";" }) ?? chars.count
                return (i, end, i)
            }
            i += 1
        }
        return nil
    }

    /// A split written as a list of tokens in one cell, with no 其中 and any separator:
    /// `元坝镇280 白果乡15 柏林沟镇40 … 拣银岩街道办40` (areas ending as counties, towns, 街道办 …).
    /// Nil unless at least two tokens read and no area appears twice; text between tokens that
    /// names no area is passed over.
    func parseTokens(_ text: String) -> Breakdown? {
        let chars = Array(text)
        var areas: [Breakdown.AreaValue] = []
        var i = 0
        while i < chars.count {
            guard isHan(chars[i]) else {
                i += 1
                continue
            }
            var end = i
            while end < chars.count, isHan(chars[end]) { end += 1 }
            var figureStart = end
            while figureStart < chars.count, [":", "：", " "].contains(chars[figureStart]) { figureStart += 1 }
            let name = String(chars[i..<end])
            guard name.count >= 2, name.count <= 12, words.areas.endsAnyArea(name),
                figureStart < chars.count, chars[figureStart].isNumber,
                let (quantity, length) = figure(chars, figureStart)
            else {
                i = end
                continue
            }
            if areas.contains(where: { $0.area == name }) { return nil }
            areas.append(Breakdown.AreaValue(area: name, value: quantity))
            i = figureStart + length
        }
        guard areas.count >= 2 else { return nil }
        return Breakdown(total: nil, areas: areas, each: nil, clause: text)
    }

    /// The breakdowns of a 分解情况 cell: prose (其中…) when it holds some, else a token list.
    func parseBreakdownCell(_ text: String) -> [Breakdown] {
        let prose = parse(text)
        if !prose.isEmpty { return prose }
        // Tokens are read from a whole cell: none from a cell longer than prose is read.
        guard text.utf8.count <= Self.proseLimit || text.prefix(Self.proseLimit + 1).count <= Self.proseLimit else { return [] }
        return parseTokens(text).map { [$0] } ?? []
    }

    /// The area name a text starts with (`黄山区民生实事完成情况` → `黄山区`), if any.
    func leadingAreaName(_ text: String) -> String? {
        areaName(at: Array(text), 0)
    }

    private func startsWithArea(_ text: String) -> Bool {
        guard let name = areaName(at: Array(text), 0) else { return false }
        return name.count >= 2 && text.contains(where: \.isNumber)
    }

    /// Words that begin references, not names: 我区, 本县, 全市, 各区, 该县 …
    private static let referencePrefixes: Set<Character> = ["我", "本", "全", "各", "该", "每", "此", "两", "三", "多", "辖"]

    /// An area name starting at `i`: Han characters up to the first area ending, at most 6.
    private func areaName(at chars: [Character], _ i: Int) -> String? {
        guard i < chars.count, !Self.referencePrefixes.contains(chars[i]) else { return nil }
        var name = ""
        var j = i
        while j < chars.count, name.count < 6, isHan(chars[j]) {
            name.append(chars[j])
            // The endings of Templates/headers.json: 县, 区, 市本级 … (市 alone is no ending).
            if words.areas.endsProseArea(name) { return name.count >= 2 ? name : nil }
            j += 1
        }
        return nil
    }

    private func isHan(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// Areas and values in a clause. Nil when it holds no area value, or when an area would get
    /// two values (a clause splitting several figures per area is not guessed at).
    private func parseClause(_ clause: String) -> (areas: [Breakdown.AreaValue], each: Quantity?)? {
        var text = clause
        if text.hasPrefix("其中") { text.removeFirst(2) }
        var eachPositions: [Int] = []
        for marker in Self.eachMarkers {
            while let range = text.range(of: marker) {
                eachPositions.append(text.distance(from: text.startIndex, to: range.lowerBound))
                text.replaceSubrange(range, with: "☆")
            }
        }
        let chars = Array(text)
        var pending: [String] = []
        var pendingEach = false
        var areas: [Breakdown.AreaValue] = []
        var each: Quantity?
        var i = 0
        var atBoundary = true
        while i < chars.count {
            let c = chars[i]
            if c == "☆" {
                pendingEach = true
                i += 1
                atBoundary = false
                continue
            }
            if Self.boundaries.contains(c) {
                atBoundary = true
                i += 1
                continue
            }
            if atBoundary, let name = areaName(at: chars, i) {
                pending.append(name)
                i += name.count
                atBoundary = false
                continue
            }
            if c.isNumber || ((c == "不" || c == "约" || c == "至") && i + 1 < chars.count) {
                if let (quantity, length) = figure(chars, i) {
                    if pendingEach {
                        if each != nil { return nil }
                        each = quantity
                    } else {
                        for name in pending {
                            if areas.contains(where: { $0.area == name }) { return nil }
                            areas.append(Breakdown.AreaValue(area: name, value: quantity))
                        }
                        if pending.isEmpty && (!areas.isEmpty || each != nil) { return nil }
                    }
                    pending = []
                    pendingEach = false
                    i += length
                    atBoundary = false
                    continue
                }
            }
            atBoundary = false
            i += 1
        }
        guard !areas.isEmpty || each != nil else { return nil }
        return (areas, each)
    }

    /// A figure starting at `i` ([不少于|约…] number [万|亿] unit [以上|左右]) and its length.
    private func figure(_ chars: [Character], _ i: Int) -> (Quantity, Int)? {
        var end = i
        while end < chars.count, !Self.boundaries.contains(chars[end]), chars[end] != "☆", chars[end] != ")", chars[end] != "）",
            chars[end] != "。"
        {
            end += 1
        }
        // The longest prefix of the segment that reads as a figure.
        var stop = end
        while stop > i {
            let candidate = String(chars[i..<stop])
            if candidate.contains(where: \.isNumber), let q = QuantityParser.parseFigure(QuantityParser.fold(candidate), headerUnit: nil, words: words.quantities) {
                return (q, stop - i)
            }
            stop -= 1
        }
        return nil
    }

    /// The nearest figure before the clause whose unit begins with the areas' unit.
    private func totalBefore(_ chars: [Character], _ clauseStart: Int, unit: String?) -> Quantity? {
        var i = clauseStart - 1
        while i >= 0 {
            guard chars[i].isNumber else {
                i -= 1
                continue
            }
            var start = i
            while start > 0, chars[start - 1].isNumber || chars[start - 1] == "." || chars[start - 1] == "," {
                start -= 1
            }
            for prefix in ["不少于", "不低于", "至少", "约", "达到", "超过"] where start >= prefix.count {
                if String(chars[(start - prefix.count)..<start]) == prefix {
                    start -= prefix.count
                    break
                }
            }
            // Number, 万/亿, unit letters and 以上 up to the clause or a boundary.
            var end = i + 1
            while end < clauseStart, isHan(chars[end]) || chars[end] == "%" { end += 1 }
            let segment = QuantityParser.fold(String(chars[start..<end]))
            if let figure = leadingFigure(segment, unit: unit) { return figure }
            i = start - 1
        }
        return nil
    }

    /// 人, 名 and 位 all count people: `1604名…(其中涡阳县394人…)`.
    private func bothCountPeople(_ a: String, _ b: String) -> Bool {
        let people: Set<Character> = ["人", "名", "位"]
        guard let x = a.first, let y = b.first else { return false }
        return people.contains(x) && people.contains(y)
    }

    /// The figure at the start of a segment such as `3.3万人以上` or `1320名符合条件的儿童`,
    /// accepted when its unit begins with `unit` (or when no unit is known).
    private func leadingFigure(_ segment: String, unit: String?) -> Quantity? {
        var stop = segment.count
        let chars = Array(segment)
        while stop > 0 {
            if let q = QuantityParser.parseFigure(String(chars[0..<stop]), headerUnit: nil, words: words.quantities) {
                if let unit {
                    if let own = q.unit, own.hasPrefix(unit) || unit.hasPrefix(own) || bothCountPeople(own, unit) {
                        return Quantity(q.value, unit: unit, bound: q.bound)
                    }
                } else {
                    return q
                }
            }
            stop -= 1
        }
        return nil
    }
}
