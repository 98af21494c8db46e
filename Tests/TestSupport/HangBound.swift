import Synchronization

/// How long a hostile input may take in a test before it counts as a hang. These bounds detect
/// work that grows with what a file claims rather than what it holds — such a read takes
/// minutes, not seconds — on a debug build beside the other suites on a shared machine. They are
/// no measure of speed: speed is measured side by side with peers in `Benchmarks/`.
public enum HangBound {
    /// One read or check in the test's own process.
    public static let inProcess = Duration.seconds(10)
    /// One run of the command-line tool.
    public static let process = Duration.seconds(15)
}

extension HangBound {
    /// An awaited event that did not come within its bound.
    public struct Exceeded: Error, CustomStringConvertible {
        /// The bound that passed.
        public let bound: Duration
        public var description: String { "no answer within \(bound): a hang" }
    }

    /// Awaits `event` — something a test waits for, such as a task reaching a queue — and throws
    /// `Exceeded` when it has not come within `bound`. The bound only turns a hang into a
    /// failure; it never orders tasks (the event itself does).
    ///
    /// ```swift
    /// try await HangBound.await { await gate.until { $0.waiting == 1 } }
    /// ```
    public static func await<T: Sendable>(
        within bound: Duration = inProcess, _ event: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let answer = FirstAnswer<T>()
        let work = Task { try await event() }
        return try await withCheckedThrowingContinuation { continuation in
            answer.set(continuation)
            let timer = Task {
                try? await Task.sleep(for: bound)
                if Task.isCancelled { return }
                if answer.resume(with: .failure(Exceeded(bound: bound))) { work.cancel() }
            }
            Task {
                let result = await work.result
                timer.cancel()
                answer.resume(with: result)
            }
        }
    }
}

/// A continuation resumed once, by whichever of the event and the bound comes first.
private final class FirstAnswer<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func set(_ waiting: CheckedContinuation<T, any Error>) {
        continuation.withLock { $0 = waiting }
    }

    /// Resumes the continuation if nobody has; true when this call did.
    @discardableResult
    func resume(with result: Result<T, any Error>) -> Bool {
        guard let waiting = continuation.withLock({ state -> CheckedContinuation<T, any Error>? in
            defer { state = nil }
            return state
        }) else { return false }
        waiting.resume(with: result)
        return true
    }
}
