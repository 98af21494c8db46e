/// A server option that cannot run safely, as data: the executable that took the options
/// (`minsheng-web`) says it in terms of its own flags and environment variables.
public enum WebOptionProblem: Error, Sendable, Hashable {
    /// A setting of `WebOptions` with a lower bound.
    public enum Setting: Sendable, Hashable {
        /// `maxUploadMB`.
        case maxUploadMB
        /// `jobs`.
        case jobs
        /// `timeLimitSeconds`.
        case timeLimitSeconds
    }

    /// Serving on an address other machines reach without an access token.
    case tokenRequired(host: String)
    /// A setting below its minimum.
    case tooSmall(Setting, minimum: Int)
    /// A port outside 0…65535.
    case portOutOfRange(Int)

    /// The exit status of the executable: 64, a usage error.
    public var exitCode: Int32 { 64 }
}
