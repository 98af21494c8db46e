/// A calendar date given on the command line (`--as-of 2020-10-31`), and the share of its year
/// that has elapsed by the end of that day (序时进度).
public struct AsOfDate: Sendable, Hashable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month.
    public var day: Int

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= AsOfDate.daysIn(month: m, year: y)
        else { return nil }
        year = y
        month = m
        day = d
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Day of the year, from 1.
    var dayOfYear: Int {
        (1..<month).reduce(0) { $0 + AsOfDate.daysIn(month: $1, year: year) } + day
    }

    /// Elapsed share of the year at the end of the day: 2020-10-31 → 305/366.
    var scheduleShare: Double {
        Double(dayOfYear) / Double(AsOfDate.isLeap(year) ? 366 : 365)
    }

    /// `2020年10月31日`.
    var chinese: String { "\(year)年\(month)月\(day)日" }

    /// Text for people.
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
