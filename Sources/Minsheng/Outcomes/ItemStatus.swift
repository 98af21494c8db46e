import Foundation

/// Where an item stands against its target and 序时进度: what 进度汇总's 状态 column and 总览's
/// counts show. The words are `Templates/workbook.json`'s `statuses`; which status an item has
/// never depends on them.
enum ItemStatus: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable {
    /// Over 100 %.
    case exceeded
    /// Exactly 100 % (a ceiling met: 失业率 3.9 under 低于 4.3).
    case completed
    /// At or above 序时进度.
    case onSchedule
    /// Below 序时进度 (a ceiling exceeded, with an as-of date).
    case behind
    /// A completion of 0.
    case notStarted
    /// No as-of date to compare with.
    case inProgress
    /// A target in words (应保尽保): no rate.
    case qualitative

    /// The statuses 总览 counts, in its order (the rest are counted together as 定性或未填).
    static let counted: [ItemStatus] = [.exceeded, .completed, .onSchedule, .behind, .notStarted, .inProgress]

    /// An item's status, or nil when it has none (no rate and a numeric or no target).
    init?(_ item: ProgressItem, asOf: AsOfDate?) {
        guard let rate = item.rate else {
            guard item.target != nil, item.target?.number == nil else { return nil }
            self = .qualitative
            return
        }
        if item.kind == .ceiling {
            // 失业率 3.9 under 低于 4.3 is done; over the ceiling it is not.
            if item.isMet == true {
                self = .completed
            } else {
                self = asOf == nil ? .inProgress : .behind
            }
            return
        }
        if rate > 1 {
            self = .exceeded
        } else if rate == 1 {
            self = .completed
        } else if item.completed?.number == 0 {
            self = .notStarted
        } else if let asOf {
            self = rate >= Decimal(asOf.scheduleShare) ? .onSchedule : .behind
        } else {
            self = .inProgress
        }
    }
}
