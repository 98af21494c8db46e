/// The 合计, 总计 and 小计 rows under a table's items: what `ColumnTotalRule` sums the items
/// above against and `TotalRowRateRule` checks the rate of.
enum TotalRows {
    /// The label of a subtotal row (the items since the last section or 小计).
    static let subtotal = "小计"

    /// A footer row's label when it is a total: 合计, 总计 or 小计 (with anything after it:
    /// 合计（万元）), else nil.
    static func label(of row: TableRow) -> String? {
        guard row.kind == .footer, let text = row.footerText else { return nil }
        if text.hasPrefix(subtotal) { return subtotal }
        return text.hasPrefix("合计") || text.hasPrefix("总计") ? String(text.prefix(2)) : nil
    }
}
