import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child process ended, with the resources it alone used (from `wait4`).
public struct ChildProcessResult: Sendable {
    /// The exit status, or 128 + signal when a signal ended it.
    public var status: Int32
    /// The signal that ended it, if one did.
    public var signal: Int32?
    /// Whether the child was killed for running past its time limit.
    public var timedOut: Bool
    /// The child's peak resident set size, in bytes (`ru_maxrss`).
    public var peakRSS: Int
    /// Wall time from spawn to reaping.
    public var elapsed: Duration
    /// What it wrote to standard output and standard error.
    public var stdout: Data
    public var stderr: Data
}

/// Runs one executable and measures its own peak memory.
///
/// The peak comes from GNU time (`/usr/bin/time -f %M`), not from our own `wait4`: glibc's
/// `posix_spawn` starts the child with `CLONE_VM`, and Linux records the old address space's
/// high-water mark into the child's `ru_maxrss` at `exec`, so a child spawned from a large test
/// process would report the test process's peak. `time` is small, and its forked child's
/// `ru_maxrss` is the measured program's alone.
public enum ChildProcess {
    /// Spawns `executable` with `arguments`, its output redirected to temporary files, and
    /// waits at most `timeout` for it (then kills it with SIGKILL).
    public static func run(
        _ executable: String, _ arguments: [String], timeout: Duration = .seconds(60)
    ) throws -> ChildProcessResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "minsheng-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("stdout").path
        let errPath = folder.appendingPathComponent("stderr").path
        let peakPath = folder.appendingPathComponent("peak").path
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else {
            throw NSError(
                domain: "ChildProcess", code: 1,
                userInfo: [NSLocalizedDescriptionKey: "需要 GNU time（apt-get install time）来测量子进程的内存峰值"])
        }

        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
        #else
            var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let command = [time, "-f", "%M", "-o", peakPath, executable] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let clock = ContinuousClock()
        let start = clock.now
        // Its own process group, so that a timeout kills `time` and the program together.
        #if canImport(Glibc)
            var attributes = posix_spawnattr_t()
        #else
            var attributes: posix_spawnattr_t?
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        let spawned = posix_spawn(&pid, time, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw NSError(
                domain: "ChildProcess", code: Int(spawned),
                userInfo: [NSLocalizedDescriptionKey: "posix_spawn \(executable): \(String(cString: strerror(spawned)))"])
        }

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR {
                throw NSError(
                    domain: "ChildProcess", code: Int(errno),
                    userInfo: [NSLocalizedDescriptionKey: "wait4: \(String(cString: strerror(errno)))"])
            }
            if clock.now - start > timeout && !timedOut {
                timedOut = true
                kill(-pid, SIGKILL)
            }
            usleep(2_000)
        }
        let elapsed = clock.now - start

        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signalNumber = status & 0x7F
        var exitStatus: Int32
        var signal: Int32?
        if signalNumber == 0 {
            exitStatus = (status >> 8) & 0xFF
            signal = nil
        } else {
            exitStatus = 128 + signalNumber
            signal = signalNumber
        }
        // time's report: "Command terminated by signal 11" and/or "Command exited with non-zero
        // status 2", then the peak in KiB on the last line.
        let report = (try? String(contentsOfFile: peakPath, encoding: .utf8)) ?? ""
        let lines = report.split(separator: "\n")
        if let line = lines.first(where: { $0.hasPrefix("Command terminated by signal ") }),
            let number = Int32(line.dropFirst("Command terminated by signal ".count))
        {
            signal = number
            exitStatus = 128 + number
        }
        let peak = (lines.last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? Int.max / 2048) * 1024
        return ChildProcessResult(
            status: exitStatus, signal: signal, timedOut: timedOut, peakRSS: peak, elapsed: elapsed,
            stdout: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(),
            stderr: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data())
    }
}
