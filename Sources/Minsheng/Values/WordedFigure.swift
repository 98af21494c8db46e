import Foundation

/// The one figure a target written as a sentence states: `2.募集青年就业见习岗位325个` → 325 个,
/// `*1.力争9个城市社区达到“三公里”充分就业社区标准` → 9 个, `开展徽菜师傅技能培训不少于240人次` →
/// at least 240 人次. A sentence that states several names its headline first (新增托位1140个,普惠
/// 托位685个 → 1140 个; 新建建筑垃圾中转站8个、建筑垃圾分类池20个 → 8 个). Nil when the sentence
/// states no figure with a unit, or a figure inside a name only (第十二小学 is no count: only
/// figures written in digits are read), or a standard (每人每月不低于60元, 3480元/年).
enum WordedFigure {
    /// Units a counted figure is followed by, the longest first.
    static let units = [
        "万平方米", "平方米", "平方公里", "人次", "公里", "千米", "万元", "亿元", "批次", "户次", "场次", "人天", "万人", "万户", "万亩",
        "个", "人", "户", "座", "所", "家", "套", "张", "台", "辆", "条", "处", "间", "场", "次", "件", "名", "册",
        "元", "吨", "部", "床", "只", "头", "株", "棵", "亩", "米", "项", "支", "位", "盏", "本", "期", "班", "块", "组",
        "例", "台", "辆", "栋", "幢", "层", "对", "份", "片", "根", "眼", "口", "处", "宗",
    ]

    private static let serial = try? NSRegularExpression(pattern: #"^[*★☆※]?[0-9]{1,2}[.、．](?![0-9])"#)
    private static let number = try? NSRegularExpression(pattern: #"-?[0-9]+(\.[0-9]+)?"#)

    /// The headline figure of `text`, nil when there is none.
    static func figure(in text: String, words: QuantityWords) -> Quantity? {
        written(in: text, words: words).flatMap { QuantityParser.parseFigure($0, headerUnit: nil, words: words) }
    }

    /// The headline figure of `text` as written (`不少于240人次`), nil when there is none; with
    /// `onlyOne`, nil unless the sentence states exactly one (a sentence of one target, not an
    /// account of several figures).
    static func written(in text: String, words: QuantityWords, onlyOne: Bool = false) -> String? {
        guard text.utf8.count <= 300, let serial, let number else { return nil }
        var folded = QuantityParser.fold(text)
        if let match = serial.firstMatch(in: folded, range: NSRange(location: 0, length: (folded as NSString).length)) {
            folded = (folded as NSString).replacingCharacters(in: match.range, with: "")
        }
        // (What follows 其中 are parts of the figure before it: 350个,其中农村185个.)
        if let part = folded.range(of: "其中"), folded[..<part.lowerBound].contains(where: HeaderText.isDigit) {
            folded = String(folded[..<part.lowerBound])
        }
        let ns = folded as NSString
        var found: [String] = []
        for match in number.matches(in: folded, range: NSRange(location: 0, length: ns.length)) {
            let after = ns.substring(from: match.range.location + match.range.length)
            // A year, a month or a date (2023年, 12月底, 6月30日) is no figure of the target.
            if ["年", "月", "日", "号", "%", "％", "季度"].contains(where: after.hasPrefix) { continue }
            // A number with no unit after it (6-9岁儿童, 1:1) counts nothing.
            guard let unit = units.first(where: { after.hasPrefix($0) || after.hasPrefix("万" + $0) }) else { continue }
            let scaled = after.hasPrefix("万" + unit) ? "万" + unit : unit
            let before = ns.substring(to: match.range.location)
            // A standard (每人每月60元, 3480元/年) is no count of what is to be done.
            if before.contains("每") || after.dropFirst(scaled.count).hasPrefix("/") { return nil }
            let prefix = (words.atLeastPrefixes + words.atMostPrefixes + words.approximatePrefixes).first(where: before.hasSuffix) ?? ""
            var figure = prefix + ns.substring(with: match.range) + scaled
            // (以上 / 以内 after the unit bound it.)
            let rest = after.dropFirst(scaled.count)
            if let suffix = (words.atLeastSuffixes + words.atMostSuffixes + words.approximateSuffixes).first(where: rest.hasPrefix) {
                figure += suffix
            }
            guard QuantityParser.parseFigure(figure, headerUnit: nil, words: words) != nil else { return nil }
            found.append(figure)
            if onlyOne && found.count > 1 { return nil }
        }
        return found.first
    }
}
