/// Whether an indicator's figures add up across areas, and when its target is met.
///
/// A count or amount (城镇新增就业, 棚户区改造) is additive: the city's target is the sum of the
/// areas'. A rate, ratio or per-person figure (城镇登记失业率, 每万人口全科医生数, 报销比例,
/// 基础养老金最低标准) is not: every area may have the same target as the city. Decided from the
/// indicator's words (`nonAdditive` in `Templates/headers.json`, see
/// `HeaderVocabulary.indicatorKind(of:unit:)`).
enum IndicatorKind: String, Sendable, Hashable, Codable {
    /// A count or amount: areas sum to the total; met at or over the target.
    case additive
    /// A rate, ratio, share or per-person figure: never summed; met at or over the target.
    case ratio
    /// A ceiling (低于, 不超过, 控制在 … 以内): never summed; met at or under the target.
    case ceiling
    /// A floor per person or per unit (不低于 60 元/人·月): never summed; met at or over the target.
    case floor

    /// Whether the areas' figures sum to the total.
    var isAdditive: Bool { self == .additive }

    /// Whether `completed` meets `target`: at or under a ceiling, at or over anything else.
    func isMet(completed: Double, target: Double) -> Bool {
        self == .ceiling ? completed <= target : completed >= target
    }
}
