import CXLSXWriter
import Foundation

/// An .xlsx file being written with libxlsxwriter, in shared-strings mode (never
/// `constant_memory`: WPS handles inline strings poorly, and merges need the full mode).
///
/// ```swift
/// let book = try XLSXWorkbook(path: "out.xlsx")
/// book.setProperties(DocumentProperties(title: "进度汇总", created: fixedDate))
/// let sheet = try book.addWorksheet("进度汇总")
/// try sheet.write("城镇新增就业", row: 1, column: 0)
/// try book.close()
/// ```
public final class XLSXWorkbook {
    /// Where the file is written.
    public let path: String
    let handle: UnsafeMutablePointer<lxw_workbook>
    private var formats: [CellFormat: XLSXFormat] = [:]
    private var closed = false
    private(set) var worksheets: [XLSXWorksheet] = []

    /// Creates the workbook; nothing is written until `close()`.
    public init(path: String) throws(XLSXWriterError) {
        self.path = path
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: nil, use_zip64: 0)
        guard let handle = workbook_new_opt(path, &options) else {
            throw XLSXWriterError(call: "workbook_new_opt", location: path, reason: "无法创建工作簿（内存不足或路径无效）")
        }
        self.handle = handle
    }

    deinit {
        // A workbook never closed is freed without writing (close() writes and frees).
        if !closed { lxw_workbook_free(handle) }
    }

    /// Adds a worksheet. Names are checked by libxlsxwriter (31 characters, no `[]:*?/\`, unique).
    public func addWorksheet(_ name: String) throws(XLSXWriterError) -> XLSXWorksheet {
        try XLSXWriterError.check(workbook_validate_sheet_name(handle, name), "workbook_add_worksheet", name)
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw XLSXWriterError(call: "workbook_add_worksheet", location: name, reason: "无法添加工作表")
        }
        let worksheet = XLSXWorksheet(handle: sheet, name: name, workbook: self)
        worksheets.append(worksheet)
        return worksheet
    }

    /// The format for a `CellFormat`, created once per distinct value and owned by the workbook.
    /// Make formats before a long run of writes and pass them to each write: no per-cell lookup.
    public func format(_ spec: CellFormat) -> XLSXFormat {
        if let existing = formats[spec] { return existing }
        let created = XLSXFormat(workbook_add_format(handle), spec: spec)
        formats[spec] = created
        return created
    }

    /// Sets the document properties; a fixed `created` date makes the output byte-identical.
    public func setProperties(_ properties: DocumentProperties) throws(XLSXWriterError) {
        var copies: [UnsafeMutablePointer<CChar>] = []
        defer { copies.forEach { free($0) } }
        func c(_ text: String?) -> UnsafeMutablePointer<CChar>? {
            guard let text, let copy = strdup(text) else { return nil }
            copies.append(copy)
            return copy
        }
        var props = lxw_doc_properties()
        props.title = c(properties.title)
        props.subject = c(properties.subject)
        props.author = c(properties.author)
        props.company = c(properties.company)
        props.comments = c(properties.comments)
        props.keywords = c(properties.keywords)
        props.created = time_t(properties.created.timeIntervalSince1970)
        try XLSXWriterError.check(workbook_set_properties(handle, &props), "workbook_set_properties")
    }

    /// Adds a custom document property (File › Properties › Custom).
    public func setCustomProperty(_ name: String, _ value: String) throws(XLSXWriterError) {
        try XLSXWriterError.check(workbook_set_custom_property_string(handle, name, value), "workbook_set_custom_property_string", name)
    }

    /// Defines a workbook-level name (`=进度汇总!$A$1`).
    public func defineName(_ name: String, formula: String) throws(XLSXWriterError) {
        try XLSXWriterError.check(workbook_define_name(handle, name, formula), "workbook_define_name", name)
    }

    /// Writes the file and frees the workbook. Errors carry libxlsxwriter's reason.
    public func close() throws(XLSXWriterError) {
        guard !closed else { return }
        closed = true
        try XLSXWriterError.check(workbook_close(handle), "workbook_close", path)
    }
}

/// Document properties (File › Properties).
public struct DocumentProperties: Sendable {
    /// Title.
    public var title: String?
    /// Subject.
    public var subject: String?
    /// Author.
    public var author: String?
    /// Company.
    public var company: String?
    /// Comments.
    public var comments: String?
    /// Keywords.
    public var keywords: String?
    /// The creation time written into the file (and its zip entries).
    public var created: Date

    /// Creates one from its parts.
    public init(
        title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
        comments: String? = nil, keywords: String? = nil, created: Date
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.comments = comments
        self.keywords = keywords
        self.created = created
    }
}

/// A cell format registered with a workbook (see `XLSXWorkbook.format(_:)`).
public final class XLSXFormat {
    let handle: UnsafeMutablePointer<lxw_format>?
    /// What the format looks like.
    public let spec: CellFormat

    init(_ handle: UnsafeMutablePointer<lxw_format>?, spec: CellFormat) {
        self.handle = handle
        self.spec = spec
        if let handle { spec.apply(to: handle) }
    }
}
