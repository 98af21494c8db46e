/// A request that cannot work as given: the library says what is wrong; each front end adds
/// what to do about it in its own terms (the CLI names its option, the page its button).
public enum UsageProblem: Error, Sendable, Hashable {
    /// The output is one of the inputs (inputs are never modified).
    case outputIsInput(output: String, input: String)
    /// The output exists and overwriting was not asked for.
    case outputExists(String)
    /// Several outputs exist and overwriting was not asked for.
    case outputsExist([String])
    /// Nothing to read among the arguments: `given` as written, `skipped` files that were no
    /// spreadsheets.
    case nothingToRead(given: [String], skipped: Int)
    /// Areas asked for that the plan does not have (`available`: those it has).
    case unknownAreas([String], available: [String])
}
