import Dispatch
import Synchronization

/// Runs async library work from a command's synchronous `run()`, waiting for it on the calling
/// thread. The commands stay synchronous so that `main` is an ordinary one (no dispatch main
/// loop: valgrind and other tools follow it, and a single-file `dump` pays nothing).
enum Blocking {
    /// The result of `body`, which runs on the concurrency runtime's threads.
    static func wait<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) throws -> Result {
        let outcome = Mutex<Swift.Result<Result, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Swift.Result<Result, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.withLock { state in
            guard let state else { throw CancellationError() }
            return try state.get()
        }
    }
}
