/// A streaming `multipart/form-data` parser (RFC 7578 over RFC 2046): bytes go in as they
/// arrive, in chunks of any size, and parts come out as events — a part's headers, pieces of its
/// body, its end — so that an upload is never held whole in memory.
///
/// ```swift
/// var parser = try MultipartParser(boundary: "XyZ")
/// for chunk in body { for event in try parser.feed(chunk) { … } }
/// try parser.finish()   // throws when the closing boundary never came
/// ```
///
/// A delimiter split across chunks is found (at most `boundary.count + 3` bytes wait for the
/// next chunk); the preamble and the epilogue are ignored; a part's headers are limited to
/// `maxHeaderBytes`.
public struct MultipartParser: Sendable {
    /// What the parser found.
    public enum Event: Sendable, Equatable {
        /// A part begins: its headers (names lowercased).
        case part(MultipartPart)
        /// The next piece of the current part's body.
        case body([UInt8])
        /// The current part is complete.
        case end
    }

    /// Why the body is not valid multipart.
    public enum Failure: Error, Sendable, Equatable {
        /// The boundary parameter is missing, empty, too long or has characters RFC 2046 forbids.
        case badBoundary
        /// Something other than CRLF or `--` follows a boundary.
        case malformedDelimiter
        /// A part's header block is larger than allowed or not `name: value` lines.
        case badHeaders
        /// The body ended before the closing boundary (`--boundary--`).
        case missingClosingBoundary
    }

    private enum State: Sendable { case preamble, afterDelimiter, headers, body, done }

    private let delimiter: [UInt8]
    private let maxHeaderBytes: Int
    private var state = State.preamble
    private var buffer: [UInt8]
    private var start = 0

    /// Creates a parser for `boundary` (the `boundary=` parameter of the Content-Type).
    ///
    /// - Throws: `Failure.badBoundary` for an empty boundary or one over 70 characters.
    public init(boundary: String, maxHeaderBytes: Int = 16 * 1024) throws {
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count), bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw Failure.badBoundary
        }
        delimiter = Array("\r\n--".utf8) + bytes
        self.maxHeaderBytes = maxHeaderBytes
        // The first delimiter may open the body without a CRLF before it: supply one.
        buffer = Array("\r\n".utf8)
    }

    /// Takes the next chunk of the body and returns the events it completes.
    public mutating func feed(_ chunk: some Collection<UInt8>) throws -> [Event] {
        if state == .done { return [] }  // the epilogue is ignored
        buffer.append(contentsOf: chunk)
        var events: [Event] = []
        parsing: while true {
            switch state {
            case .preamble:
                if let found = find(delimiter, from: start) {
                    start = found + delimiter.count
                    state = .afterDelimiter
                } else {
                    start = max(start, buffer.count - (delimiter.count - 1))
                    break parsing
                }
            case .afterDelimiter:
                // `--` closes the body; otherwise optional white space, then CRLF.
                var index = start
                while index < buffer.count, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
                if buffer.count - start >= 2, buffer[start] == 0x2D, buffer[start + 1] == 0x2D {
                    state = .done
                    start = buffer.count
                    break parsing
                }
                guard buffer.count - index >= 2 else {
                    if index - start > 256 { throw Failure.malformedDelimiter }
                    break parsing
                }
                guard buffer[index] == 0x0D, buffer[index + 1] == 0x0A else { throw Failure.malformedDelimiter }
                start = index + 2
                state = .headers
            case .headers:
                let headerEnd: Int?
                if buffer.count - start >= 2, buffer[start] == 0x0D, buffer[start + 1] == 0x0A {
                    headerEnd = start  // no headers at all
                } else {
                    headerEnd = find(Self.crlfcrlf, from: start).map { $0 + 2 }
                }
                guard let end = headerEnd else {
                    if buffer.count - start > maxHeaderBytes { throw Failure.badHeaders }
                    break parsing
                }
                guard end - start <= maxHeaderBytes else { throw Failure.badHeaders }
                events.append(.part(try MultipartPart(headerBlock: buffer[start..<end])))
                start = end + 2
                state = .body
            case .body:
                if let found = find(delimiter, from: start) {
                    if found > start { events.append(.body(Array(buffer[start..<found]))) }
                    events.append(.end)
                    start = found + delimiter.count
                    state = .afterDelimiter
                } else {
                    // Everything but a tail that could be the start of a split delimiter.
                    let safe = buffer.count - (delimiter.count - 1)
                    if safe > start {
                        events.append(.body(Array(buffer[start..<safe])))
                        start = safe
                    }
                    break parsing
                }
            case .done:
                break parsing
            }
        }
        compact()
        return events
    }

    /// Ends the body.
    ///
    /// - Throws: `Failure.missingClosingBoundary` unless the closing boundary was seen.
    public func finish() throws {
        guard state == .done else { throw Failure.missingClosingBoundary }
    }

    private static let crlfcrlf: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]

    private mutating func compact() {
        if start >= buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 64 * 1024 || start > buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    /// The index of the first occurrence of `needle` in the buffer at or after `from`.
    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, buffer.count - from >= needle.count else { return nil }
        let last = buffer.count - needle.count
        return buffer.withUnsafeBufferPointer { haystack -> Int? in
            var index = from
            while index <= last {
                if haystack[index] == first {
                    var matched = 1
                    while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return index }
                }
                index += 1
            }
            return nil
        }
    }
}

/// One part's headers, and what its `Content-Disposition` says.
public struct MultipartPart: Sendable, Equatable {
    /// The headers, names lowercased, in order.
    public var headers: [(name: String, value: String)]
    /// The form field's name (`file`, `plan`, `as_of` …).
    public var name: String?
    /// The uploaded file's name as the browser sent it (`filename*=UTF-8''…` preferred), if any.
    public var filename: String?

    /// Parses a header block (`Name: value` lines, each ending in CRLF).
    ///
    /// - Throws: `MultipartParser.Failure.badHeaders` for a line without a colon.
    init(headerBlock: ArraySlice<UInt8>) throws {
        headers = []
        let text = String(decoding: headerBlock, as: UTF8.self)
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { throw MultipartParser.Failure.badHeaders }
            headers.append(
                (
                    line[..<colon].trimmingWhitespace().lowercased(),
                    String(line[line.index(after: colon)...]).trimmingWhitespace()
                ))
        }
        let disposition = headers.first { $0.name == "content-disposition" }?.value ?? ""
        let parameters = Self.parameters(of: disposition)
        name = parameters["name"]
        if let extended = parameters["filename*"].flatMap(Self.decodeExtended) {
            filename = extended
        } else {
            filename = parameters["filename"].map(Self.decodeFormEscapes)
        }
    }

    /// Equal when name, file name and headers (in order) are.
    public static func == (a: MultipartPart, b: MultipartPart) -> Bool {
        a.name == b.name && a.filename == b.filename && a.headers.map(\.name) == b.headers.map(\.name)
            && a.headers.map(\.value) == b.headers.map(\.value)
    }

    /// The `; key=value` parameters of a header value (keys lowercased; quoted strings unescaped).
    static func parameters(of value: String) -> [String: String] {
        var result: [String: String] = [:]
        let scalars = Array(value.unicodeScalars)
        var index = 0
        // Skip the disposition type.
        while index < scalars.count, scalars[index] != ";" { index += 1 }
        while index < scalars.count {
            index += 1  // past ";"
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            var key = ""
            while index < scalars.count, scalars[index] != "=", scalars[index] != ";" {
                key.unicodeScalars.append(scalars[index])
                index += 1
            }
            key = key.trimmingWhitespace().lowercased()
            var parameter = ""
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                while index < scalars.count, scalars[index] == " " { index += 1 }
                if index < scalars.count, scalars[index] == "\"" {
                    index += 1
                    while index < scalars.count, scalars[index] != "\"" {
                        // A backslash quotes the next character (RFC 7230 quoted-pair).
                        if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                        parameter.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    while index < scalars.count, scalars[index] != ";" { index += 1 }
                } else {
                    while index < scalars.count, scalars[index] != ";" {
                        parameter.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    parameter = parameter.trimmingWhitespace()
                }
            }
            if !key.isEmpty, result[key] == nil { result[key] = parameter }
        }
        return result
    }

    /// Undoes the escapes browsers put in a quoted `filename` (HTML's multipart/form-data
    /// encoding, RFC 7578 §4.2): `%22` for `"`, `%0D` and `%0A` for line breaks; nothing else.
    static func decodeFormEscapes(_ value: String) -> String {
        guard value.contains("%") else { return value }
        return value.replacingOccurrences(of: "%22", with: "\"").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0d", with: "\r")
            .replacingOccurrences(of: "%0a", with: "\n")
    }

    /// Decodes an RFC 5987 value: `UTF-8''%E6%B6%A1%E9%98%B3.xlsx` (nil for another charset or bad escapes).
    static func decodeExtended(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return percentDecode(String(pieces[2]))
    }

    /// `%XX` escapes to UTF-8 text (nil when an escape is broken or the bytes are not UTF-8).
    static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The boundary of a `multipart/form-data` Content-Type, or nil for any other type.
    public static func boundary(ofContentType contentType: String) -> String? {
        let type = contentType.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingWhitespace().lowercased() }
        guard type == "multipart/form-data" else { return nil }
        guard let boundary = parameters(of: contentType)["boundary"], !boundary.isEmpty else { return nil }
        return boundary
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
