import Foundation

/// What became of one filled row of a return: merged (or compared, in `reconcile`), or not, and why.
/// Every row not merged is named in a finding, so a ✓ never covers a dropped figure.
enum RowOutcome: Sendable, Hashable {
    /// Merged into the workbook (`collect`) or compared with the summary (`reconcile`).
    case merged
    /// Not merged.
    case notMerged(RowSkip)
}

/// Why a filled row of a return was not merged.
enum RowSkip: Sendable, Hashable {
    /// It names no item of the plan (or summary).
    case unknownItem
    /// The same item as an earlier row (one-based), which was used.
    case duplicate(firstRow: Int)
    /// A percentage where the plan counts.
    case percentInCount(Decimal)
    /// Text where a figure belongs (or a qualitative word).
    case notAFigure(raw: String)
    /// The whole return was not merged.
    case fileNotMerged(NotMergedReason)
}

/// How the filled rows of the returns were accounted for: each one merged, or named in a finding.
struct RowAccounting: Sendable, Hashable {
    /// Rows of returns with a completion filled in.
    var filled = 0
    /// Of those, merged into the workbook.
    var merged = 0
    /// Of those, not merged and named in a finding (another plan, unknown area or item,
    /// duplicate, text where a figure belongs …).
    var named = 0

    /// Creates an empty one.
    init() {}

    /// Whether every filled row is merged or named.
    var isComplete: Bool { filled == merged + named }

    /// Counts one filled row's outcome.
    mutating func count(_ outcome: RowOutcome) {
        filled += 1
        switch outcome {
        case .merged: merged += 1
        case .notMerged: named += 1
        }
    }
}
