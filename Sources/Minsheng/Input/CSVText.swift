import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads CSV files as Excel and WPS save them in China: UTF-8 (with or without BOM) or GBK /
/// GB18030 ("CSV (逗号分隔)" on Chinese Windows), comma- or tab-separated, RFC 4180 quoting.
enum CSVText {
    /// The largest CSV file read (a progress table is a few kilobytes; this is a guard, not a
    /// working size).
    static let maxFileSize = 256 << 20

    /// The rows of a CSV input.
    ///
    /// - Throws: `MinshengError.unreadable` when it cannot be read or is not text.
    static func rows(of source: InputSource) throws -> [[String]] {
        if let size = source.size, size > maxFileSize {
            throw MinshengError.unreadable(file: source.name, problem: .csvTooLarge(megabytes: maxFileSize >> 20))
        }
        let bytes = try source.readBytes()
        guard let text = decode(bytes) else {
            throw MinshengError.unreadable(file: source.name, problem: .notText)
        }
        return parse(text)
    }

    /// The text of CSV bytes: UTF-8 when valid (a BOM is dropped), else GB18030; nil for
    /// neither (binary data).
    static func decode(_ bytes: [UInt8]) -> String? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.contains(0) { return nil }
        if let text = String(validating: body, as: UTF8.self) { return text }
        return gb18030(Array(body))
    }

    /// Splits CSV text into rows of fields. The separator is a comma, or a tab when the first
    /// line has tabs and no commas.
    static func parse(_ text: String) -> [[String]] {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case separator:
                row.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows.map { fields in fields.map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// GB18030 (a superset of GBK and GB2312) through iconv.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(decoding: output.prefix(converted).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
