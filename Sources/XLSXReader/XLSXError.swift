/// Everything that stops a workbook from being read, with the file and the place it happened.
///
/// ```swift
/// do { _ = try Workbook(path: "a.xlsx") }
/// catch let error as XLSXError { print(error.description) }  // 无法读取 a.xlsx：…
/// ```
public struct XLSXError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The file does not exist or cannot be opened.
        case cannotOpen(reason: String)
        /// The file is not a zip archive at all.
        case notAZip
        /// A text file dressed as a workbook: an HTML table or an Excel 2003 XML spreadsheet
        /// saved as `.xls` (what many web systems export).
        case textSpreadsheet(kind: String)
        /// An OLE/CFB container holding an encrypted (password-protected) .xlsx.
        case encrypted
        /// An OLE/CFB container holding a legacy workbook (.xls or WPS .et).
        case legacyFormat
        /// The archive is truncated or its structure is inconsistent.
        case corruptArchive(reason: String)
        /// A part the workbook needs is missing.
        case missingPart(String)
        /// Two entries of the archive name the same part (compared without case, `\` read as
        /// `/`, `.` and `..` resolved): programs would disagree on which one to read.
        case duplicateEntry(String)
        /// A cell refers to a shared string that does not exist.
        case sharedStringOutOfRange(index: Int, count: Int)
        /// A part declares a DOCTYPE, which is refused (no entity expansion, ever).
        case doctypeRefused
        /// A part inflates past the size limit.
        case partTooLarge(limit: Int)
        /// A part inflates past the compression-ratio limit (a decompression bomb).
        case compressionRatioExceeded(limit: Int)
        /// A sheet holds more cells than the limit.
        case tooManyCells(limit: Int)
        /// A part is not well-formed XML.
        case malformedXML(line: Int, column: Int, reason: String)
        /// No sheet with that name or index.
        case noSuchSheet(String)
    }

    /// The workbook file.
    public var file: String
    /// The part inside the archive (e.g. `xl/worksheets/sheet1.xml`), when known.
    public var part: String?
    /// The cell (A1 reference), when known.
    public var cell: String?
    /// What went wrong.
    public var kind: Kind

    /// Creates an error for `file`.
    public init(file: String, part: String? = nil, cell: String? = nil, kind: Kind) {
        self.file = file
        self.part = part
        self.cell = cell
        self.kind = kind
    }

    /// The reason, in Chinese, without the file name.
    public var reason: String {
        switch kind {
        case .cannotOpen(let reason): return "无法打开文件（\(reason)）"
        case .notAZip: return "不是 .xlsx 文件（不是 zip 压缩包），请用 Excel/WPS 另存为 .xlsx 后重试"
        case .textSpreadsheet(let kind): return "这是\(kind)格式的表格，不是真正的 .xlsx 文件，请用 Excel/WPS 另存为 .xlsx 后重试"
        case .encrypted: return "文件已加密（设置了打开密码），请在 Excel/WPS 中取消密码后另存为 .xlsx 再试"
        case .legacyFormat: return "这是旧版 Excel 97-2003（.xls）或 WPS（.et）格式的文件，请用 Excel/WPS 另存为 .xlsx 后重试"
        case .corruptArchive(let reason): return "文件已损坏或不完整（\(reason)）"
        case .missingPart(let name): return "缺少工作簿组成部分 \(name)"
        case .duplicateEntry(let name):
            return "压缩包中有两个同名条目 \(name)，不同软件会读出不同的内容，出于安全原因拒绝读取"
        case .sharedStringOutOfRange(let index, let count):
            return "单元格引用了第 \(index) 个共享字符串，但只有 \(count) 个"
        case .doctypeRefused: return "含有 DOCTYPE 声明，出于安全原因拒绝读取"
        case .partTooLarge(let limit): return "解压后超过大小上限 \(limit) 字节（疑似压缩炸弹）"
        case .compressionRatioExceeded(let limit): return "压缩比超过上限 \(limit):1（疑似压缩炸弹）"
        case .tooManyCells(let limit): return "单元格数量超过上限 \(limit)"
        case .malformedXML(let line, let column, let reason):
            return "XML 格式错误（第 \(line) 行第 \(column) 列：\(reason)）"
        case .noSuchSheet(let name): return "没有名为“\(name)”的工作表"
        }
    }

    /// The part and cell in parentheses (`（xl/worksheets/sheet1.xml E4）`), or nothing.
    public var place: String {
        if let part { return "（\(part)" + (cell.map { " \($0)" } ?? "") + "）" }
        if let cell { return "（\(cell)）" }
        return ""
    }

    /// The reason with its place inside the workbook, without the file name.
    public var reasonWithPlace: String {
        place.isEmpty ? reason : "\(place.dropFirst().dropLast())：\(reason)"
    }

    /// One line for people: file, place and reason.
    public var description: String {
        "无法读取 \(file)\(place)：\(reason)"
    }
}
