/// What a file is, from its first bytes rather than its extension.
public enum FileSignature: Sendable, Equatable {
    /// A zip archive: .xlsx, .xlsm, .xltx, .xltm (or a WPS file saved as .xlsx).
    case zip
    /// An OLE compound file: .xls (BIFF), WPS .et, or a password-protected .xlsx.
    case ole
    /// An HTML table or Excel 2003 XML spreadsheet, often named `.xls` by web systems.
    case textSpreadsheet(String)
    /// Anything else (CSV, text, images…).
    case other

    /// The signature of the file at `path`, or nil when it cannot be read.
    public static func of(path: String) -> FileSignature? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: 1024)
        let got = fread(&head, 1, head.count, file)
        return of(Array(head.prefix(got)))
    }

    /// The signature of a file starting with `head` (its first kilobyte is enough).
    public static func of(_ head: [UInt8]) -> FileSignature {
        if head.count >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 3 && head[3] == 4 { return .zip }
        if head.starts(with: Archive.oleSignature) { return .ole }
        if let kind = textSpreadsheet(head) { return .textSpreadsheet(kind) }
        return .other
    }

    /// "网页（HTML）" or "Excel 2003 XML" when the text starts like one, else nil.
    static func textSpreadsheet(_ head: [UInt8]) -> String? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        if trimmed.hasPrefix("<html") || trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<table")
            || (trimmed.hasPrefix("<") && text.contains("<html"))
        {
            return "网页（HTML）"
        }
        if trimmed.hasPrefix("<?xml") && text.contains("urn:schemas-microsoft-com:office:spreadsheet") {
            return " Excel 2003 XML "
        }
        return nil
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
