/// What stops a command on one input: the file and the reason, in Chinese.
public enum MinshengError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A file could not be read or understood.
    case cannotRead(path: String, reason: String)
    /// No table was recognized in a workbook; lists the header texts that were seen.
    case noTableRecognized(path: String, seenHeaders: [String])
    /// A usage problem (an option or argument that cannot work).
    case usage(String)
    /// An output could not be written.
    case cannotWrite(path: String, reason: String)

    /// Text for people.
    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): return "无法读取 \(path)：\(reason)"
        case .noTableRecognized(let path, let seen):
            let list = seen.isEmpty ? "（没有看到任何文字）" : seen.prefix(20).map { "“\($0)”" }.joined(separator: "、")
            return "无法识别 \(path) 中的表格：没有找到包含“项目/指标/目标/完成”等列名的表头行；看到的文字有 \(list)"
        case .usage(let message): return message
        case .cannotWrite(let path, let reason): return "无法写入 \(path)：\(reason)"
        }
    }
}
