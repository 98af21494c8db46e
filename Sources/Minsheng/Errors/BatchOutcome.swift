/// What a batch of inputs came to, the one thing a command's exit status is derived from
/// (DESIGN: 0 no error findings · 1 error findings · 2 an input was unreadable).
///
/// ```swift
/// BatchOutcome(unreadable: 0, errors: 3).exitCode   // 1
/// ```
enum BatchOutcome: Sendable, Hashable {
    /// Every input read, no error finding (warnings allowed).
    case clean
    /// Every input read, at least one error finding.
    case errorFindings
    /// At least one input could not be read.
    case unreadableInput

    /// The outcome of `unreadable` inputs that could not be read and `errors` error findings.
    init(unreadable: Int, errors: Int) {
        if unreadable > 0 {
            self = .unreadableInput
        } else {
            self = errors > 0 ? .errorFindings : .clean
        }
    }

    /// The command's exit status.
    var exitCode: Int32 {
        switch self {
        case .clean: return 0
        case .errorFindings: return 1
        case .unreadableInput: return 2
        }
    }
}
