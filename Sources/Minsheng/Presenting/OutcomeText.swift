import Foundation

extension NotMergedReason {
    /// Why, in Chinese, without what became of the return (a finding adds `，未汇总`, 说明
    /// `未汇总：` before it, 总览 `未采用：`).
    var text: String {
        switch self {
        case .otherPlan(let theirs, let ours): return "这份报表来自另一份分解表（\(theirs)，本次为 \(ours)）"
        case .otherTemplateVersion(let theirs, let ours): return "模板版本 \(theirs) 与当前版本 \(ours) 不同"
        case .areaNotInPlan(let area): return "分解表中没有县区“\(area)”"
        case .areaUnknown(let named, let areas):
            let which = named.map { "“\($0)”不是分解表中的县区" } ?? "无法从文件名或标题判断是哪个县区的报表"
            return "\(which)（分解表的县区有 \(areas.joined(separator: "、"))）"
        case .mostRowsUnmatched(let unmatched, let filled):
            return "填报的 \(filled) 行中有 \(unmatched) 行与分解表的项目对不上，可能不是这份分解表的报表"
        case .notChosen(let area, let chosen, let chosenCount, let thisCount):
            return "\(area)报送了多份，采用 \(chosen)（填报了 \(chosenCount) 项完成数，本份 \(thisCount) 项）"
        }
    }
}

extension FileOutcome {
    /// What 说明 says became of the input: `分解表`, `已汇总为涡阳县的报表`, `未汇总：…`.
    var text: String {
        switch self {
        case .plan: return "分解表"
        case .merged(let area): return "已汇总为\(area)的报表"
        case .notMerged(_, let reason): return "未汇总：\(reason.text)"
        }
    }
}
