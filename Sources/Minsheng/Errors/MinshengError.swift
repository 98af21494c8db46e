import XLSXReader

/// What stops a job, as data: which file, and what went wrong with it. Each case is mapped once
/// to an exit code (`exitCode`) and once to an HTTP status (`httpStatus`); the words for people
/// are made only by the presenting code (`ErrorText.swift`), and a front end adds its own hint
/// (`FrontEndHints`): no case names a command-line option.
///
/// ```swift
/// let error = MinshengError.badLayoutFile(file: "layout.json", problem: .cannotOpen)
/// error.exitCode     // 64
/// error.httpStatus   // 400
/// "\(error)"         // 无法读取 layout.json：无法打开版式文件
/// ```
public enum MinshengError: Error, Sendable, Hashable {
    /// An input could not be read or understood; `file` is the name the user gave.
    case unreadable(file: String, problem: InputProblem)
    /// No table was recognized in a workbook; lists the header texts that were seen.
    case noTableRecognized(file: String, seenHeaders: [String])
    /// One of the tool's own data files (`Templates/…`) is missing or broken.
    case configuration(file: String, problem: ConfigurationProblem)
    /// A layout file the user gave is missing or broken.
    case badLayoutFile(file: String, problem: LayoutFileProblem)
    /// A usage problem (an option or argument that cannot work).
    case usage(UsageProblem)
    /// An output could not be written.
    case cannotWrite(path: String, problem: WriteProblem)

    /// What kind of failure this is, the one thing exit codes and HTTP statuses are derived from.
    enum Kind: Sendable, Hashable {
        /// The request itself is wrong (usage, a bad layout file).
        case request
        /// An input cannot be read.
        case input
        /// The tool's own files or outputs failed.
        case tool
    }

    /// The kind of failure.
    var kind: Kind {
        switch self {
        case .usage, .badLayoutFile: return .request
        case .unreadable, .noTableRecognized: return .input
        case .configuration, .cannotWrite: return .tool
        }
    }

    /// The command's exit status: 64 for usage (and a bad layout file), 2 for the rest.
    public var exitCode: Int32 {
        switch kind {
        case .request: return 64
        case .input, .tool: return 2
        }
    }

    /// The HTTP status a server answers with: 400 for what the request got wrong, 422 for an
    /// input that cannot be read, 500 for the server's own files and outputs.
    public var httpStatus: Int {
        switch kind {
        case .request: return 400
        case .input: return 422
        case .tool: return 500
        }
    }
}
