import Foundation

/// What the inputs say of the report as a whole: the city and period for the title, and the
/// as-of date when `--as-of` is not given (the end of the latest period the inputs name).
///
/// ```swift
/// let heading = ReportHeading(content, settings: settings)
/// heading.title   // 亳州市2023年1-9月民生实事进展情况
/// heading.asOf    // 2023-09-30, from the inputs
/// ```
struct ReportHeading {
    /// Where the as-of date came from.
    enum AsOfSource: Equatable {
        /// `--as-of`.
        case given
        /// The end of this period, named by the inputs.
        case inputs(String)
        /// No date.
        case none
    }

    /// The title: as given, or with the city and period of the inputs when the default was used.
    var title: String
    /// The as-of date of 序时进度 and 状态.
    var asOf: AsOfDate?
    /// Where it came from.
    var asOfSource: AsOfSource
    /// The city the inputs' titles name (亳州市), when they name one.
    var city: String?
    /// The period (2023年1-9月), when the inputs agree on a year.
    var period: String?

    init(_ content: ProgressWorkbookContent, settings: WorkbookSettings) {
        city = Self.city(content.sourceTitles)
        let latest = Self.latestPeriod(content)
        period = latest.map { period in
            let core = Self.removingMatches(Self.leadingYear, in: period.text)
            return (period.year.map { "\($0)年" } ?? "") + core
        }
        if let asOf = content.asOf {
            self.asOf = asOf
            asOfSource = .given
        } else if let latest, let year = latest.year, let date = Self.end(of: latest, year: year) {
            asOf = date
            asOfSource = .inputs(period ?? latest.text)
        } else {
            asOf = nil
            asOfSource = .none
        }
        if content.title == ConvertRequest.defaultTitle, city != nil || period != nil {
            title = WorkbookSettings.fill(
                settings.overview.title, ["city": city ?? "", "period": period ?? "", "title": content.title])
        } else {
            title = content.title
        }
    }

    // The patterns, made once: NSRegularExpression is immutable and safe to share between
    // threads once made. (`String.range(of:options: .regularExpression)` looks its regex up in
    // a cache by a key it prints each time, which cost more than the match: once per input.)
    nonisolated(unsafe) private static let leadingCity = try? NSRegularExpression(pattern: #"^(\d{4}年度?)?[\p{Han}]{1,4}?市"#)
    nonisolated(unsafe) private static let leadingYearOrYears = try? NSRegularExpression(pattern: #"^\d{4}年度?"#)
    nonisolated(unsafe) private static let leadingYear = try? NSRegularExpression(pattern: #"^\d{4}年"#)
    nonisolated(unsafe) private static let yearBeforeNian = try? NSRegularExpression(pattern: #"\d{4}(?=年)"#)

    /// `text.range(of: pattern, options: .regularExpression)` with the pattern made once: the
    /// first match, its UTF-16 offsets taken as indices of `text`'s UTF-16 view.
    private static func firstMatch(_ regex: NSRegularExpression?, in text: String) -> Range<String.Index>? {
        guard let regex else { return nil }
        let found = regex.rangeOfFirstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count))
        guard found.location != NSNotFound else { return nil }
        let units = text.utf16
        let lower = units.index(units.startIndex, offsetBy: found.location)
        return lower..<units.index(lower, offsetBy: found.length)
    }

    /// `text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)` with the
    /// pattern made once.
    private static func removingMatches(_ regex: NSRegularExpression?, in text: String) -> String {
        guard let regex else { return "" }
        return regex.stringByReplacingMatches(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count), withTemplate: "")
    }

    /// The one city (…市) the titles begin with, if they name exactly one.
    static func city(_ titles: [String]) -> String? {
        var cities: [String] = []
        for title in titles {
            let text = HeaderText.normalize(title)
            guard let range = Self.firstMatch(Self.leadingCity, in: text) else { continue }
            let city = Self.removingMatches(Self.leadingYearOrYears, in: String(text[range]))
            if !cities.contains(city) { cities.append(city) }
        }
        return cities.count == 1 ? cities[0] : nil
    }

    /// The latest period the items report, with the year of the inputs when the period has none;
    /// nil when the inputs name different years (unrelated reports).
    static func latestPeriod(_ content: ProgressWorkbookContent) -> ReportPeriod? {
        let periods = content.items.compactMap(\.period)
        let titleYears = Set(
            content.sourceTitles.compactMap { title -> Int? in
                guard let range = Self.firstMatch(Self.yearBeforeNian, in: title) else { return nil }
                return Int(title[range])
            })
        let years = Set(periods.compactMap(\.year)).union(titleYears)
        guard years.count <= 1, var latest = periods.max() else { return nil }
        if latest.year == nil { latest.year = years.first }
        return latest
    }

    /// The last day of a period.
    static func end(of period: ReportPeriod, year: Int) -> AsOfDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let day: Int
        if let given = period.day {
            day = given
        } else {
            guard let first = calendar.date(from: DateComponents(year: year, month: period.month, day: 1)),
                let range = calendar.range(of: .day, in: .month, for: first)
            else { return nil }
            day = range.count
        }
        return AsOfDate(String(format: "%04d-%02d-%02d", year, period.month, day))
    }
}
