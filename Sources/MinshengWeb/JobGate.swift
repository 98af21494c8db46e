import Foundation
import Synchronization

/// Bounds the work of the server: at most `jobs` requests work at once, at most `queue` more are
/// admitted and wait (their uploads stream in meanwhile); any other is refused at once (503).
///
/// ```swift
/// let ticket = try await gate.admit()        // throws WebFailure.busy when the queue is full
/// defer { Task { await gate.leave(ticket) } }
/// try await gate.start(ticket)               // waits for a free slot
/// ```
public actor JobGate {
    /// A request's place: admitted, then maybe working.
    public struct Ticket: Sendable, Hashable {
        let id: UInt64
    }

    /// How many requests work at once.
    public let jobs: Int
    /// How many admitted requests may wait beyond those.
    public let queue: Int
    private var nextID: UInt64 = 0
    private var admitted: Set<UInt64> = []
    private var working: Set<UInt64> = []
    private var waiting: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    /// Callers of `until(_:)` waiting for their condition.
    private var watchers: [Watcher] = []
    private typealias Watcher = (condition: @Sendable (Counts) -> Bool, continuation: CheckedContinuation<Void, Never>)

    /// Creates a gate.
    public init(jobs: Int, queue: Int) {
        self.jobs = max(1, jobs)
        self.queue = max(0, queue)
    }

    /// How many requests are working and how many are admitted.
    public var load: (working: Int, admitted: Int) { (working.count, admitted.count) }

    /// How many requests work, are admitted, and wait for a slot, as `until(_:)` shows them.
    struct Counts: Sendable {
        var working: Int
        var admitted: Int
        var waiting: Int
    }

    /// Returns once `condition` holds for the gate's counts (checked now and after every change):
    /// how a test awaits a request's queueing or leaving instead of sleeping for it.
    ///
    /// ```swift
    /// let waiter = Task { try await gate.start(second) }
    /// await gate.until { $0.waiting == 1 }      // the second request is queued
    /// ```
    func until(_ condition: @escaping @Sendable (Counts) -> Bool) async {
        if condition(counts) { return }
        await withCheckedContinuation { watchers.append((condition, $0)) }
    }

    private var counts: Counts { Counts(working: working.count, admitted: admitted.count, waiting: waiting.count) }

    /// Resumes the watchers whose condition holds now.
    private func changed() {
        guard !watchers.isEmpty else { return }
        let now = counts
        var still: [Watcher] = []
        for watcher in watchers {
            if watcher.condition(now) { watcher.continuation.resume() } else { still.append(watcher) }
        }
        watchers = still
    }

    /// Admits a request, or refuses it when `jobs + queue` are already admitted.
    ///
    /// - Throws: `WebFailure.busy` (503).
    public func admit() throws -> Ticket {
        guard admitted.count < jobs + queue else { throw WebFailure(.busy) }
        nextID += 1
        admitted.insert(nextID)
        changed()
        return Ticket(id: nextID)
    }

    /// Waits until the ticket may work (or the task is cancelled).
    ///
    /// - Throws: `CancellationError` when the waiting task is cancelled.
    public func start(_ ticket: Ticket) async throws {
        guard admitted.contains(ticket.id), !working.contains(ticket.id) else { return }
        if working.count < jobs {
            working.insert(ticket.id)
            changed()
            return
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiting.append((ticket.id, continuation))
                    changed()
                }
            }
        } onCancel: {
            Task { await self.cancelWaiting(ticket) }
        }
    }

    /// Ends a ticket: frees its slot (for the next waiting request) and its admission.
    public func leave(_ ticket: Ticket) {
        admitted.remove(ticket.id)
        cancelWaiting(ticket)
        if working.remove(ticket.id) != nil, !waiting.isEmpty {
            let next = waiting.removeFirst()
            working.insert(next.id)
            next.continuation.resume()
        }
        changed()
    }

    private func cancelWaiting(_ ticket: Ticket) {
        if let index = waiting.firstIndex(where: { $0.id == ticket.id }) {
            waiting.remove(at: index).continuation.resume(throwing: CancellationError())
            changed()
        }
    }
}

/// Runs `work` in its own task and returns its value, or throws `WebFailure.timedOut` as soon as
/// `seconds` have passed — without waiting for the work, which is cancelled and left to wind
/// down (its inputs are removed with the request's folder, so the rest of a batch fails fast).
func withTimeLimit<T: Sendable>(
    seconds: Int, _ work: @escaping @Sendable () async throws -> T
) async throws -> T {
    let answer = OneAnswer<T>()
    let task = Task { try await work() }
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            answer.set(continuation)
            let timer = Task {
                try? await Task.sleep(for: .seconds(seconds))
                if Task.isCancelled { return }
                if answer.resume(with: .failure(WebFailure(.timedOut(seconds: seconds)))) { task.cancel() }
            }
            Task {
                let result = await task.result
                timer.cancel()
                answer.resume(with: result)
            }
        }
    } onCancel: {
        task.cancel()
    }
}

/// A continuation resumed once, by whichever of the work and the timer comes first.
private final class OneAnswer<T: Sendable>: Sendable {
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
