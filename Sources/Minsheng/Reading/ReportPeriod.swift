import Foundation

/// The period a progress table reports, as its title, sheet or file name says it: `1-8月`,
/// `1—9月`, `2023年10月`, `截至2023年10月31日`, `上半年`, `第三季度`. Cumulative reports of one
/// series are ordered by the end of their period.
///
/// ```swift
/// ReportPeriod.find(in: "亳州市2023年1-9月民生实事进展情况")   // 2023, through September
/// ```
struct ReportPeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year, when written.
    var year: Int?
    /// The last month of the period (1–12).
    var month: Int
    /// The last day, when written.
    var day: Int?
    /// The words as written (`1-9月`).
    var text: String

    /// Creates one from its parts.
    init(year: Int?, month: Int, day: Int? = nil, text: String) {
        self.year = year
        self.month = month
        self.day = day
        self.text = text
    }

    /// Orders by year (when both have one), month, day.
    static func < (a: ReportPeriod, b: ReportPeriod) -> Bool {
        if let ay = a.year, let by = b.year, ay != by { return ay < by }
        if a.month != b.month { return a.month < b.month }
        return (a.day ?? 31) < (b.day ?? 31)
    }

    /// Equal periods end on the same day (the words may differ).
    static func == (a: ReportPeriod, b: ReportPeriod) -> Bool {
        !(a < b) && !(b < a)
    }

    /// Hashes what `==` compares.
    func hash(into hasher: inout Hasher) {
        hasher.combine(month)
        hasher.combine(day ?? 31)
    }

    /// The words as written.
    var description: String { text }

    // NSRegularExpression is immutable and safe to share between threads once made.
    // Each with the scalars of which it needs one (a pattern matches code points as written):
    // a text with none of them is not searched.
    nonisolated(unsafe) private static let patterns: [(NSRegularExpression, (NSTextCheckingResult, NSString) -> ReportPeriod?, needs: [Unicode.Scalar])] = {
        func regex(_ pattern: String) -> NSRegularExpression? { try? NSRegularExpression(pattern: pattern) }
        func int(_ match: NSTextCheckingResult, _ text: NSString, _ group: Int) -> Int? {
            let range = match.range(at: group)
            return range.location == NSNotFound ? nil : Int(text.substring(with: range))
        }
        var list: [(NSRegularExpression, (NSTextCheckingResult, NSString) -> ReportPeriod?, needs: [Unicode.Scalar])] = []
        // 截至2023年10月31日 / 2023年10月31日
        if let r = regex(#"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日"#) {
            list.append((r, { m, t in
                guard let month = int(m, t, 2), (1...12).contains(month) else { return nil }
                return ReportPeriod(year: int(m, t, 1), month: month, day: int(m, t, 3), text: t.substring(with: m.range))
            }, needs: ["月"]))
        }
        // 2023年1-9月 / 1—9月 / 1至9月
        if let r = regex(#"(?:(\d{4})年)?(\d{1,2})\s*[-—–~～至到]\s*(\d{1,2})\s*月"#) {
            list.append((r, { m, t in
                guard let month = int(m, t, 3), (1...12).contains(month) else { return nil }
                return ReportPeriod(year: int(m, t, 1), month: month, text: t.substring(with: m.range))
            }, needs: ["月"]))
        }
        // 2023年10月 / 10月份
        if let r = regex(#"(?:(\d{4})年)?(\d{1,2})月份?"#) {
            list.append((r, { m, t in
                guard let month = int(m, t, 2), (1...12).contains(month) else { return nil }
                return ReportPeriod(year: int(m, t, 1), month: month, text: t.substring(with: m.range))
            }, needs: ["月"]))
        }
        // 上半年 / 第三季度 / 全年
        if let r = regex(#"(?:(\d{4})年)?(上半年|下半年|全年|第?[一二三四1-4]季度)"#) {
            list.append((r, { m, t in
                let word = t.substring(with: m.range(at: 2))
                let month: Int
                switch word {
                case "上半年": month = 6
                case "下半年", "全年": month = 12
                default:
                    let quarter = "一二三四".firstIndex(where: { word.contains($0) }).map { "一二三四".distance(from: "一二三四".startIndex, to: $0) + 1 }
                        ?? word.compactMap(\.wholeNumberValue).first ?? 4
                    month = quarter * 3
                }
                return ReportPeriod(year: int(m, t, 1), month: month, text: t.substring(with: m.range))
            }, needs: ["年", "季"]))
        }
        return list
    }()

    /// The first period named in `text`, trying the most precise forms first.
    static func find(in text: String) -> ReportPeriod? {
        // (Found once per text: a batch's titles, sheet names and file names repeat.)
        if let known = found[text] { return known.period }
        let period = search(in: text)
        found[text] = Found(period: period)
        return period
    }

    private struct Found: Sendable { var period: ReportPeriod? }
    private static let found = SharedTextCache<Found>()

    private static func search(in text: String) -> ReportPeriod? {
        let ns = text as NSString
        var scalars: Set<Unicode.Scalar> = []
        for scalar in text.unicodeScalars where scalar == "月" || scalar == "年" || scalar == "季" { scalars.insert(scalar) }
        for (regex, make, needs) in patterns where needs.contains(where: scalars.contains) {
            for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                if let period = make(match, ns) { return period }
            }
        }
        return nil
    }

    /// The period of a table: its title rows, then its sheet name, then its file name.
    static func of(_ table: RecognizedTable) -> ReportPeriod? {
        let title = titleText(of: table)
        let file = ((table.file as NSString).lastPathComponent as NSString).deletingPathExtension
        return find(in: title) ?? find(in: table.sheet.name) ?? find(in: file)
    }

    /// The text above a table's header (its title and subtitle lines), joined by spaces.
    static func titleText(of table: RecognizedTable) -> String {
        table.sheet.rows.prefix(while: { $0.index < table.layout.headerRows.lowerBound })
            .flatMap { $0.cells.compactMap(\.string) }.joined(separator: " ")
    }
}
