import Minsheng

/// What the command line adds to the library's words: which option to pass. The library says
/// what is wrong; only this file names the CLI's flags in a message about an error or a finding.
enum CommandLineHints {
    /// The hints of `minsheng`.
    static let hints = FrontEndHints(error: errorText(_:), finding: findingHint(_:))

    /// The whole text of an error that an option would solve; nil for the library's own.
    @Sendable static func errorText(_ error: MinshengError) -> String? {
        switch error {
        case .usage(.outputExists): return error.description + "（加 --force 覆盖）"
        case .usage(.outputsExist(let outputs)): return "这些文件已存在，未覆盖（加 --force 覆盖）：\(outputs.joined(separator: "、"))"
        case .unreadable(_, .openDocument): return error.description + "（或加 --convert-legacy 由 LibreOffice 转换）"
        default: return nil
        }
    }

    /// What is appended to a finding's message: how to give a reading by hand.
    @Sendable static func findingHint(_ finding: Finding) -> String? {
        finding.code == .doubtfulReading ? "，必要时用 --layout 指定（可先用 --save-layout 保存读法再修改）" : nil
    }
}
