/// Whether a table's title says it reports what was done (…完成情况表, …进展情况) and not a
/// plan: then a figure column whose header names no measure (产前筛查数, 户数) counts what was
/// done. Elsewhere such a column is a target (a plan's 户数 · 人数), as most plans carry no title
/// in the sheet.
enum PlanWords {
    /// The words of a plan.
    static let plan = ["目标", "任务", "计划", "分解", "下达", "安排", "预算", "力争"]
    /// The words of a report of what was done.
    static let done = [
        "完成情况", "进展情况", "进度", "实施情况", "落实情况", "完成统计", "已完成",
        // What was paid out: …资金发放情况, 拨付情况, 兑现情况.
        "发放情况", "拨付情况", "兑现情况", "使用情况", "执行情况",
        // A statistical report counts what happened: …情况统计报表, 社会服务统计3月份报表, …情况汇总表.
        "统计", "月报表", "情况汇总",
    ]

    /// Whether the title rows of `grid` (above `top`, the header's first row) say the table
    /// reports what was done and none says it is a plan. Only the first 512 characters of a text
    /// are looked at (a paragraph typed above the table).
    static func titleSaysDone(_ grid: [Int: [Int: String]], above top: Int) -> Bool {
        var saysDone = false
        for (row, texts) in grid where row < top {
            for text in texts.values {
                let head = text.unicodeScalars.count > 512 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(512))) : text
                if plan.contains(where: { head.contains($0) }) { return false }
                if done.contains(where: { head.contains($0) }) { saysDone = true }
            }
        }
        return saysDone
    }
}
