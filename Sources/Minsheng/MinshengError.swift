import XLSXReader

/// What stops a job, with stable cases: each is mapped once to an exit code (`exitCode`) and to
/// an HTTP status (`httpStatus`), and told to people in Chinese (`description`).
public enum MinshengError: Error, CustomStringConvertible, Sendable, Equatable {
    /// An input could not be read or understood; `file` is the name the user gave.
    case unreadable(file: String, problem: InputProblem)
    /// No table was recognized in a workbook; lists the header texts that were seen.
    case noTableRecognized(file: String, seenHeaders: [String])
    /// One of the tool's own data files (`Templates/…`) is missing or broken.
    case configuration(file: String, reason: String)
    /// A `--layout` file the user gave is missing or broken.
    case badLayoutFile(file: String, reason: String)
    /// A usage problem (an option or argument that cannot work).
    case usage(String)
    /// An output could not be written.
    case cannotWrite(path: String, reason: String)

    /// Text for people.
    public var description: String {
        switch self {
        case .unreadable(let file, let problem): return "无法读取 \(file)：\(problem)"
        case .noTableRecognized(let file, let seen):
            let list = seen.isEmpty ? "（没有看到任何文字）" : seen.prefix(20).map { "“\($0)”" }.joined(separator: "、")
            return "无法识别 \(file) 中的表格：没有找到包含“项目/指标/目标/完成”等列名的表头行，或表头下没有任何项目行；看到的文字有 \(list)"
        case .configuration(let file, let reason): return "无法读取 \(file)：\(reason)"
        case .badLayoutFile(let file, let reason): return "无法读取 \(file)：\(reason)"
        case .usage(let message): return message
        case .cannotWrite(let path, let reason): return "无法写入 \(path)：\(reason)"
        }
    }

    /// The command's exit status: 64 for usage (and a bad `--layout` file), 2 for the rest.
    public var exitCode: Int32 {
        switch self {
        case .usage, .badLayoutFile: return 64
        case .unreadable, .noTableRecognized, .configuration, .cannotWrite: return 2
        }
    }

    /// The HTTP status a server answers with: 400 for what the request got wrong, 422 for an
    /// input that cannot be read, 500 for the server's own files and outputs.
    public var httpStatus: Int {
        switch self {
        case .usage, .badLayoutFile: return 400
        case .unreadable, .noTableRecognized: return 422
        case .configuration, .cannotWrite: return 500
        }
    }
}

/// Why an input could not be read.
public enum InputProblem: Error, CustomStringConvertible, Sendable, Equatable {
    /// The workbook reader refused it (not a zip, encrypted, legacy, damaged, a bomb …).
    case reader(XLSXError)
    /// The file could not be opened at all.
    case cannotOpen
    /// A CSV file over the size limit (in MB).
    case csvTooLarge(megabytes: Int)
    /// Neither UTF-8 nor GBK text, so not a CSV file.
    case notText
    /// The named sheet does not exist (`available` lists the others, if known).
    case noSuchSheet(String, available: [String])
    /// A legacy file could not be converted by LibreOffice.
    case conversionFailed(String)
    /// LibreOffice converted it, but the result could not be read.
    case unreadableAfterConversion(XLSXError)
    /// A plan without any per-area target.
    case noAreaTargets
    /// An OpenDocument spreadsheet (.ods), which is no .xlsx.
    case openDocument
    /// A returned template whose form sheet is gone.
    case templateFormMissing(sheet: String)

    /// Text for people.
    public var description: String {
        switch self {
        case .reader(let error): return error.reasonWithPlace
        case .cannotOpen: return "无法打开文件"
        case .csvTooLarge(let megabytes): return "CSV 文件超过 \(megabytes) MB，请拆分后再试"
        case .notText: return "不是 UTF-8 或 GBK 编码的文本，无法作为 CSV 读取"
        case .noSuchSheet(let name, let available):
            if available.isEmpty { return "没有名为“\(name)”的工作表" }
            return "没有名为“\(name)”的工作表（有 \(available.map { "“\($0)”" }.joined(separator: "、"))）"
        case .conversionFailed(let reason): return reason
        case .unreadableAfterConversion(let error): return "LibreOffice 转换后仍无法读取：\(error.reasonWithPlace)"
        case .noAreaTargets: return "分解表中没有找到县区目标（既没有县区列，也没有“其中：涡阳县…”这样的分解）"
        case .templateFormMissing(let sheet): return "模板的填报表“\(sheet)”不见了"
        case .openDocument:
            return "这是 OpenDocument（.ods）格式的表格，请用 Excel/WPS 另存为 .xlsx 后重试（或加 --convert-legacy 由 LibreOffice 转换）"
        }
    }
}
