/// Converts Excel serial numbers to ISO 8601 text, in the 1900 or the 1904 date system.
enum ExcelDate {
    /// The largest serial Excel shows as a date (9999-12-31).
    static let maxSerial = 2_958_465.0

    /// ISO text for a serial in a date, time or duration format; nil for a serial no date can
    /// stand for (negative, past 9999-12-31, not finite), which then reads as a plain number.
    /// A date-only format gives the date alone (`2021-01-01`), as the cell shows it.
    static func iso(serial: Double, kind: NumberFormat.Kind, dateOnly: Bool = false, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial <= maxSerial + 1 else { return nil }
        let millis = (serial * 86_400_000).rounded()
        if kind == .duration {
            return durationText(milliseconds: millis)
        }
        var days = Int((millis / 86_400_000).rounded(.down))
        let timeMillis = Int(millis - Double(days) * 86_400_000)
        if serial >= 0 && serial < 1 && days == 0 {
            return timeText(milliseconds: timeMillis)
        }
        // 1900 system: day 1 is 1900-01-01, and Excel's phantom 1900-02-29 is day 60.
        let epoch: (Int, Int, Int)
        if uses1904 {
            epoch = (1904, 1, 1)
        } else {
            epoch = (1899, 12, 30)
            if days < 60 && days > 0 { days += 1 }
        }
        let (y, m, d) = civil(fromDays: daysFromCivil(epoch.0, epoch.1, epoch.2) + days)
        let date = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        return dateOnly ? date : date + "T" + timeText(milliseconds: timeMillis)
    }

    private static func timeText(milliseconds: Int) -> String {
        let seconds = milliseconds / 1000
        let fraction = milliseconds % 1000
        let text = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        return fraction == 0 ? text : text + "." + pad(fraction * 1000, 6)
    }

    /// Elapsed time as `10 days, 15:10:10` (the peers' rendering of durations).
    private static func durationText(milliseconds: Double) -> String {
        let total = Int(milliseconds)
        var days = total / 86_400_000
        var rest = total % 86_400_000
        if rest < 0 {
            days -= 1
            rest += 86_400_000
        }
        let seconds = rest / 1000
        var text = "\(seconds / 3600):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if rest % 1000 != 0 { text += "." + pad(rest % 1000 * 1000, 6) }
        if days != 0 { text = "\(days) day\(abs(days) == 1 ? "" : "s"), " + text }
        return text
    }

    /// Normalizes the text of a `t="d"` cell: date only, time only, or date and time as written.
    static func normalizeISO(_ text: String) -> String {
        var text = text.trimmingSpaces()
        if text.hasSuffix("Z") { text.removeLast() }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day count since 1970-01-01.
    static func civil(fromDays z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

extension String {
    /// The text without leading and trailing ASCII spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
