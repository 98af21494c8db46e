/// What a merging job (`collect`) did with one input it read: the plan, a return merged for an
/// area, or a return not merged and why. Typed, so that a report, a sheet or the page tells it in
/// its own words and nothing reads another module's sentences.
enum FileOutcome: Sendable, Hashable {
    /// The plan the returns were matched against.
    case plan
    /// A return whose rows were merged as the area's.
    case merged(area: String)
    /// A return that was read and not merged; `area` the area it is for, when known.
    case notMerged(area: String?, NotMergedReason)
}

/// A return not merged as a whole: the area it is for (nil when it could not be told) and why.
struct Refusal: Sendable, Hashable {
    var area: String?
    var reason: NotMergedReason
}

/// Why a return that was read was not merged.
enum NotMergedReason: Sendable, Hashable {
    /// Made from another plan (`theirs` its plan id, `ours` this one's).
    case otherPlan(theirs: String, ours: String)
    /// Made from another template version.
    case otherTemplateVersion(theirs: String, ours: String)
    /// A template for an area the plan does not have.
    case areaNotInPlan(area: String)
    /// A table whose area could not be told (`named`: an area its name or title gives that the
    /// plan does not have).
    case areaUnknown(named: String?, planAreas: [String])
    /// Most of its filled rows name no item of the plan: another plan's table.
    case mostRowsUnmatched(unmatched: Int, filled: Int)
    /// The area sent another return, which was used (`chosen` its file name; each one's filled rows).
    case notChosen(area: String, chosen: String, chosenCount: Int, thisCount: Int)
}
