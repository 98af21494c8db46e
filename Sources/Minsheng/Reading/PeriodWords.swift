import Foundation

/// The words of a header that say which stretch of the year its figure covers: the whole year
/// (年度投资计划, 全年目标) or a part of it (一季度目标任务, 1-7月完成投资, 前三季度, 上半年).
enum PeriodWords {
    /// Whether the header names the whole year and no part of it.
    static func namesYear(_ header: String) -> Bool {
        guard header.utf8.count <= 240 else { return false }
        let text = HeaderText.normalize(header)
        return (text.contains("年度") || text.contains("全年")) && !namesPartOfYear(text)
    }

    /// Whether the header names a part of the year: a quarter, a half, or a run of months.
    static func namesPartOfYear(_ header: String) -> Bool {
        guard header.utf8.count <= 240 else { return false }
        let text = HeaderText.normalize(header)
        if ["季度", "半年", "一季", "二季", "三季", "四季"].contains(where: text.contains) { return true }
        return text.range(of: #"[0-9一二三四五六七八九十]{1,3}(-|—|~|至|到)[0-9一二三四五六七八九十]{1,3}月|前[0-9一二三四五六七八九十]{1,3}个?月"#, options: .regularExpression) != nil
    }
}
