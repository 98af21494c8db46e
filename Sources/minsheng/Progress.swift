import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A progress line on standard error for batches that take more than a moment: only when
/// standard error is a terminal, not with `--quiet`, and only once the batch has run for half a
/// second (a quick batch prints nothing).
final class Progress: Sendable {
    private struct State {
        var lastShown: Double = 0
        var shown = false
    }

    private let total: Int
    private let start = Date()
    private let state = Mutex(State())

    private init(total: Int) { self.total = total }

    /// A callback printing `正在处理 120/1000（85 个/秒）…`, or nil for quiet or piped runs.
    static func reporter(total: Int, quiet: Bool) -> (@Sendable (Int, String) -> Void)? {
        guard !quiet, total > 1, isatty(2) != 0 else { return nil }
        let progress = Progress(total: total)
        return { done, _ in progress.update(done: done) }
    }

    private func update(done: Int) {
        let elapsed = Date().timeIntervalSince(start)
        let line: String? = state.withLock { state in
            let finished = done == total
            guard elapsed >= 0.5, finished ? state.shown : elapsed - state.lastShown >= 0.1 else { return nil }
            state.lastShown = elapsed
            state.shown = true
            let rate = Int((Double(done) / max(elapsed, 0.001)).rounded())
            return "\r\u{1B}[K正在处理 \(done)/\(total)（\(rate) 个/秒）…" + (finished ? "\n" : "")
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }
}
