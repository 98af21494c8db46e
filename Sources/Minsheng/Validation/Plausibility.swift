import Foundation

/// What makes a figure implausible: shared by `PlausibilityRule` (a table's completions against
/// its targets) and `ReturnPlausibilityRule` (a return's against the plan's).
enum Plausibility {
    /// A completion more than 3× a target of 20 or more, or more than 10× any target: a digit
    /// typed twice or a wrong unit. Small targets are often beaten by a few (33 助餐点 of 7).
    static func isImplausible(completed: Decimal, target: Decimal) -> Bool {
        guard target > 0 else { return false }
        return (target >= 20 && completed > target * 3) || completed > target * 10
    }
}
