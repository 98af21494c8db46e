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
