import CXLSXWriter

/// A libxlsxwriter call that failed: which call, where, and libxlsxwriter's own reason.
public struct XLSXWriterError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The C function that failed (`worksheet_merge_range`).
    public var call: String
    /// The cell or range, when there is one.
    public var location: String?
    /// `lxw_strerror`'s text.
    public var reason: String

    /// Creates one from its parts.
    public init(call: String, location: String? = nil, reason: String) {
        self.call = call
        self.location = location
        self.reason = reason
    }

    init(call: String, location: String? = nil, code: lxw_error) {
        self.init(call: call, location: location, reason: String(cString: lxw_strerror(code)))
    }

    /// The message for people, in Chinese.
    public var description: String {
        "写入 xlsx 失败（\(call)\(location.map { " \($0)" } ?? "")）：\(reason)"
    }

    /// Throws when `code` is not `LXW_NO_ERROR`.
    static func check(_ code: lxw_error, _ call: String, _ location: @autoclosure () -> String? = nil) throws(XLSXWriterError) {
        guard code != LXW_NO_ERROR else { return }
        throw XLSXWriterError(call: call, location: location(), code: code)
    }
}
