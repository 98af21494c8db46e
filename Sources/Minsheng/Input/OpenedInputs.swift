import Synchronization

/// The inputs a job opened, in order, when one is being watched (`InputWorkbook.openedInputs`,
/// set for a task and its child tasks): how a test sees that a job opens each input once.
final class OpenedInputs: Sendable {
    private let names = Mutex<[String]>([])

    /// Records one opening.
    func add(_ name: String) { names.withLock { $0.append(name) } }

    /// Every opening so far, in order.
    var all: [String] { names.withLock { $0 } }
}

extension InputWorkbook {
    /// The inputs being watched, if any (nil: none, nothing recorded).
    @TaskLocal static var openedInputs: OpenedInputs?
}
