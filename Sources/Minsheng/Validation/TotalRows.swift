/// The rows that sum a table's items — 合计, 总计 and 小计 rows, under the items or above them,
/// and section headings with figures: what `ColumnTotalRule` sums the items against and
/// `TotalRowRateRule` checks the rate of.
enum TotalRows {
    /// The label of a subtotal row (the items since the last section or 小计).
    static let subtotal = "小计"

    /// A footer row's label when it is a total: 合计, 总计 or 小计 (with anything after it:
    /// 合计（万元）), else nil.
    static func label(of row: TableRow) -> String? {
        guard row.kind == .footer, let text = row.footerText else { return nil }
        if text.hasPrefix(subtotal) { return subtotal }
        if text.hasPrefix("合计") || text.hasPrefix("总计") { return String(text.prefix(2)) }
        // A total named for what it sums (全市合计, 秋季合计) is one too.
        return namesASum(text) ? text : nil
    }

    /// Whether a short normalized text ends as a sum does (秋季合计, 全市总计).
    static func namesASum(_ text: String) -> Bool {
        HeaderText.hasAtMost(8, charactersIn: text) && (text.hasSuffix("合计") || text.hasSuffix("总计"))
    }

    /// Whether a row is a section heading that carries figures: the sums of the items under it
    /// (一、市级重点民生实事 | 16842).
    static func isHeadingWithSums(_ row: TableRow) -> Bool {
        if case .section = row.kind { return !row.values.isEmpty }
        return false
    }

    /// The label of a row that sums items — a 合计, 总计 or 小计 row, or a section heading with
    /// figures (its title) — else nil.
    static func sumLabel(of row: TableRow) -> String? {
        if let total = label(of: row) { return total }
        if isHeadingWithSums(row), case .section(let title) = row.kind { return title }
        return nil
    }
}
