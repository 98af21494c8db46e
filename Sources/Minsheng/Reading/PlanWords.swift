import XLSXReader

/// What a table's title says it is: a plan (…任务分解表, …资金分配表, …计划表) or a report of
/// what was done (…完成情况表, …发放情况, …统计报表). A figure column whose header names no
/// measure (产前筛查数, 户数, 数量) counts what was done in a report; elsewhere it is a target
/// (a plan's 户数 · 人数), as most plans carry no title in the sheet.
enum PlanWords {
    /// What a title says of the table.
    enum Said: Sendable {
        /// A plan: its bare figures are targets.
        case plan
        /// A report of what was done.
        case done
        /// Neither word.
        case nothing
    }

    /// The words of a plan.
    static let plan = ["目标", "任务", "计划", "分解", "下达", "安排", "预算", "力争", "分配", "方案"]
    /// The words of a report of what was done.
    static let done = [
        "完成情况", "进展情况", "进度", "实施情况", "落实情况", "完成统计", "已完成",
        // What was paid out: …资金发放情况, 拨付情况, 兑现情况.
        "发放情况", "拨付情况", "兑现情况", "使用情况", "执行情况",
        // A statistical report counts what happened: …情况统计报表, 社会服务统计3月份报表, …情况汇总表.
        "统计", "月报表", "情况汇总",
    ]

    /// What the title rows of `grid` (above `top`, the header's first row) say, or with none the
    /// sheet's own name (任务分解, 完成情况; not Sheet1): a plan word anywhere makes a plan. Only
    /// the first 1,536 bytes of a text (512 Chinese characters) are looked at (a paragraph typed
    /// above the table).
    static func title(_ grid: [Int: [Int: String]], above top: Int, sheetName: String) -> Said {
        var said = Said.nothing
        var texts: [String] = []
        for (row, cells) in grid where row < top { texts += cells.values }
        if texts.isEmpty { texts = [sheetName] }
        // (Compared by their UTF-8 bytes: a title is asked of every reading of every table.)
        for text in texts {
            let head = Array(text.utf8.prefix(1536))
            if planBytes.contains(where: { ByteSearch.contains(head, $0) }) { return .plan }
            if doneBytes.contains(where: { ByteSearch.contains(head, $0) }) { said = .done }
        }
        return said
    }

    private static let planBytes = plan.map { Array($0.utf8) }
    private static let doneBytes = done.map { Array($0.utf8) }

    /// Whether the title rows say the table reports what was done and none says it is a plan.
    static func titleSaysDone(_ grid: [Int: [Int: String]], above top: Int, sheetName: String) -> Bool {
        title(grid, above: top, sheetName: sheetName) == .done
    }
}
