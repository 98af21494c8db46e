/// Something wrong in a workbook that did not stop it from being read: the reader went on the
/// way other readers do and says what it set aside.
///
/// ```swift
/// let wb = try Workbook(path: "a.xlsx")
/// for problem in wb.problems { print(problem) }  // a.xlsx（_rels/.rels）：关系文件无法解析…
/// ```
public struct XLSXProblem: CustomStringConvertible, Sendable, Equatable {
    /// What was wrong.
    public enum Kind: Sendable, Equatable {
        /// A relationships part could not be parsed (`error` says why); the conventional part
        /// names were used instead.
        case unreadableRelationships(XLSXError.Kind)
        /// The package relationships name a workbook part that is not in the archive; `used` was
        /// read instead.
        case workbookPartNotFound(target: String, used: String)
        /// A sheet is listed in the workbook but its part is missing (`expected`, when the
        /// relationships named one): it is left out of `allSheets()`.
        case missingSheet(name: String, expected: String?)
    }

    /// The workbook file.
    public var file: String
    /// The part the problem is in, when there is one.
    public var part: String?
    /// What was wrong.
    public var kind: Kind

    /// Creates a problem for `file`.
    public init(file: String, part: String? = nil, kind: Kind) {
        self.file = file
        self.part = part
        self.kind = kind
    }

    /// The problem in Chinese, without the file name.
    public var reason: String {
        switch kind {
        case .unreadableRelationships(let error):
            let detail = XLSXError(file: file, kind: error).reason
            return "关系文件无法解析（\(detail)），已按惯例查找工作簿各部分"
        case .workbookPartNotFound(let target, let used):
            return "关系文件指向的工作簿部分 \(target) 不存在，已改读 \(used)"
        case .missingSheet(let name, let expected):
            let part = expected.map { "（应为 \($0)）" } ?? ""
            return "工作表“\(name)”的内容部分缺失\(part)，已跳过该表"
        }
    }

    /// One line for people: file, part and problem.
    public var description: String {
        "\(file)" + (part.map { "（\($0)）" } ?? "") + "：\(reason)"
    }
}
