import Foundation

/// What makes a figure implausible: shared by `PlausibilityRule` (a table's completions against
/// its targets) and `ReturnPlausibilityRule` (a return's against the plan's).
enum Plausibility {
    /// A completion more than 3× a target of 20 or more, or more than 10× any target: a digit
    /// typed twice or a wrong unit. Small targets are often beaten by a few (33 助餐点 of 7).
    static func isImplausible(completed: Decimal, target: Decimal) -> Bool {
        if let answer = exactlyImplausible(completed: completed, target: target) { return answer }
        guard target > 0 else { return false }
        return (target >= 20 && completed > target * 3) || completed > target * 10
    }

    /// `isImplausible` from integer arithmetic (Foundation's multiplication and comparison
    /// allocate on every call: this runs for every completion of every row), nil when a figure
    /// does not fit.
    private static func exactlyImplausible(completed: Decimal, target: Decimal) -> Bool? {
        guard let c = ExactDecimal(completed), let t = ExactDecimal(target) else { return nil }
        guard t.mantissa > 0 else { return false }
        guard let thrice = t.times(3), let tenfold = t.times(10), let overThrice = ExactDecimal.order(c, thrice),
            let overTenfold = ExactDecimal.order(c, tenfold),
            let twenty = ExactDecimal.order(t, ExactDecimal(mantissa: 20, exponent: 0))
        else { return nil }
        return (twenty >= 0 && overThrice > 0) || overTenfold > 0
    }
}
