import Foundation

/// What a table's title says it is about, once the year, the period, the place and the kind of
/// table are taken off: `2019年1-3月全市重点项目完成情况表` → `重点项目`. The name of the one
/// indicator of a table whose columns name only measures (目标任务 · 完成投资 · 占比).
enum TitleSubject {
    /// The subject of `title`, nil when nothing of 2 to 16 characters is left.
    static func of(_ title: String) -> String? {
        // (A title is short: a long text is no title, and is not searched.)
        guard title.utf8.count <= 240 else { return nil }
        var text = HeaderText.normalize(title)
        let leading = [
            #"^\d{4}年度?"#,
            #"^(\d{1,2}|[一二三四五六七八九十]{1,3})(-|—|~|至|到)(\d{1,2}|[一二三四五六七八九十]{1,3})月份?"#,
            #"^(第?[一二三四1-4]季度|上半年|下半年|前三季度|\d{1,2}月份?)"#,
            #"^全[国省市州县区]"#,
            #"^[\p{Han}]{1,5}?[省市州县区](?=[\p{Han}]{2})"#,
        ]
        for pattern in leading {
            if let range = text.range(of: pattern, options: .regularExpression) { text.removeSubrange(range) }
        }
        let trailing = [
            #"(目标任务|任务)?(分解|完成|进展|推进|落实|实施|进度|分配|安排|下达|发放|拨付)+(情况)?(统计|汇总|一览|明细)?(方案|计划)?表?$"#,
            #"(统计|汇总|一览|明细)?表$"#,
        ]
        for pattern in trailing {
            if let range = text.range(of: pattern, options: .regularExpression) { text.removeSubrange(range) }
        }
        guard (2...16).contains(text.count), text.contains(where: { $0.unicodeScalars.first.map { $0.properties.isIdeographic } ?? false })
        else { return nil }
        return text
    }

    /// Names that say only what kind of figure a column holds (金额, 人数), not what it is of: a
    /// table's one column so named is of what its title says (救灾补助资金指标分配表 | 金额).
    static func isBareFigureName(_ name: String) -> Bool {
        ["金额", "资金", "数额", "数量", "人数", "户数", "个数", "资金数", "金额数", "合计", "小计", "总计"].contains(HeaderText.normalize(name))
    }

    /// The title of a table whose header starts at `headerTop`: the first text row above it that
    /// is no unit line (单位：亿元), holding one text only (a title merged across the table).
    static func title(_ grid: [Int: [Int: String]], above headerTop: Int) -> String? {
        for row in grid.keys.sorted() where row < headerTop {
            guard let texts = grid[row] else { continue }
            let distinct = Set(texts.values.map(HeaderText.normalize))
            guard distinct.count == 1, let text = distinct.first else { continue }
            if text.hasPrefix("单位") || text.hasPrefix("填报") || text.hasPrefix("制表") { continue }
            return text
        }
        return nil
    }
}
