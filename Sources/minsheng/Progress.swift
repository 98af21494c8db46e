import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A progress line on standard error for long batches, only when it is a terminal.
enum Progress {
    /// A callback printing `正在处理 12/1000 …` every few files, or nil for short or piped runs.
    static func reporter(total: Int) -> (@Sendable (Int, String) -> Void)? {
        guard total >= 20, isatty(2) != 0 else { return nil }
        return { done, _ in
            if done % 10 == 0 || done == total {
                let line = "\r正在处理 \(done)/\(total) …" + (done == total ? "\n" : "")
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
    }
}
