/// What a front end adds to the library's words: the library says what is wrong; the CLI adds
/// which option to pass, the page which button to press. The library's own text names no
/// command-line option.
///
/// ```swift
/// let hints = FrontEndHints(error: { error in
///     guard case .usage(.outputExists) = error else { return nil }
///     return error.description + "（加 --force 覆盖）"
/// })
/// hints.text(of: .usage(.outputExists("a.xlsx")))   // 输出文件 a.xlsx 已存在，未覆盖（加 --force 覆盖）
/// ```
public struct FrontEndHints: Sendable {
    /// The words a front end says in place of an error's (nil: the library's); see `text(of:)`.
    public var errorText: @Sendable (MinshengError) -> String?
    /// What a front end appends to a finding's message (nil: nothing).
    public var findingHint: @Sendable (Finding) -> String?

    /// Creates one: `error` gives the whole text of an error (nil keeps the library's), `finding`
    /// what is appended to a finding's message.
    public init(
        error: @escaping @Sendable (MinshengError) -> String? = { _ in nil },
        finding: @escaping @Sendable (Finding) -> String? = { _ in nil }
    ) {
        errorText = error
        findingHint = finding
    }

    /// No hint: the library's words alone (a workbook, a test).
    static let none = FrontEndHints()

    /// The error's text for this front end.
    public func text(of error: MinshengError) -> String { errorText(error) ?? error.description }

    /// The finding's message for this front end.
    func message(of finding: Finding) -> String {
        guard let hint = findingHint(finding) else { return finding.message }
        return finding.message + hint
    }
}
