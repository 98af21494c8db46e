import CExpat

/// Receives the events of one XML part from expat. Subclasses override what they need.
///
/// Names arrive as C strings with any namespace prefix still on (`x:c`); use `localName`.
/// A handler that finds a problem calls `fail(_:)`, which stops the parser.
class XMLHandler {
    /// The parser feeding this handler, set while a part is parsed.
    fileprivate(set) var parser: XML_Parser?
    /// Why the handler stopped the parser, if it did.
    private(set) var failure: XLSXError.Kind?
    /// The cell being read when the handler failed, if it knows.
    var failureCell: String?
    /// Whether `fail(_:)` was called (cheaper to test than `failure`).
    private(set) var failed = false
    /// Whether the part declared a DOCTYPE or an entity (the parser was stopped).
    fileprivate(set) var doctypeSeen = false
    /// Whether the handler has read all it wanted and stopped the parser without an error.
    private(set) var finishedEarly = false
    /// Whether parsing should stop: on a failure, or when the handler has read enough.
    final var stopped: Bool { failed || finishedEarly }

    func start(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {}
    func end(_ name: UnsafePointer<CChar>) {}
    func text(_ bytes: UnsafePointer<CChar>, _ count: Int) {}

    /// Notes a DOCTYPE or entity declaration and stops the parser.
    fileprivate final func refuseDoctype() {
        doctypeSeen = true
        if let parser { XML_StopParser(parser, XML_FALSE) }
    }

    /// Stops the parser without an error: the handler has read what it was asked for (the rest
    /// of the part is neither read nor checked).
    final func finishEarly() {
        finishedEarly = true
        if let parser { XML_StopParser(parser, XML_FALSE) }
    }

    /// Stops the parser with a reason.
    final func fail(_ kind: XLSXError.Kind, cell: String? = nil) {
        failed = true
        if failure == nil {
            failure = kind
            failureCell = cell
        }
        if let parser { XML_StopParser(parser, XML_FALSE) }
    }
}

/// Streams XML through expat in chunks, refusing any DOCTYPE.
enum XMLStream {
    /// Receives one chunk of a part; returns false to stop the stream.
    typealias ChunkSink = (UnsafeBufferPointer<UInt8>) throws(XLSXError) -> Bool
    /// Calls its sink with each chunk of a part, in order, until the sink returns false.
    typealias ChunkSource = (ChunkSink) throws(XLSXError) -> Void

    /// Hands `bytes` to `sink` `chunkSize` bytes at a time (at least 1), until it returns false:
    /// the source of the probes, which feed XML held in memory.
    static func feed(_ bytes: [UInt8], chunkSize: Int, to sink: ChunkSink) throws(XLSXError) {
        let size = max(chunkSize, 1)
        try bytes.withUnsafeBufferPointer { (all: UnsafeBufferPointer<UInt8>) throws(XLSXError) in
            var start = 0
            while start < all.count {
                let end = min(start + size, all.count)
                guard try sink(UnsafeBufferPointer(rebasing: all[start..<end])) else { return }
                start = end
            }
        }
    }

    /// Parses the chunks `source` yields with expat; `file` and `part` name them in errors.
    static func parse(file: String, part: String, with handler: XMLHandler, source: ChunkSource) throws(XLSXError) {
        guard let session = Session(handler: handler, file: file, part: part) else {
            throw XLSXError(file: file, part: part, kind: .cannotOpen(reason: "内存不足，无法创建 XML 解析器"))
        }
        defer { session.close() }
        try source { (chunk: UnsafeBufferPointer<UInt8>) throws(XLSXError) -> Bool in
            try session.feed(chunk, isFinal: false)
            return !handler.finishedEarly
        }
        if handler.finishedEarly { return }
        try session.feed(UnsafeBufferPointer(start: nil, count: 0), isFinal: true)
    }

    /// Reads a part into a handler made by `make`: with `XMLTokenizer` first when `tokenizer` is
    /// set, and with expat and a fresh handler, from the part's start, whenever the tokenizer
    /// abandons, the handler fails or the archive throws (expat then meets the same problem, or an
    /// XML error before it, and reports it as it always has).
    static func read<Handler: XMLHandler>(
        file: String, part: String, tokenizer: Bool, make: () -> Handler, source: ChunkSource
    ) throws(XLSXError) -> (handler: Handler, tokenized: Bool) {
        if tokenizer {
            let handler = make()
            let scanner = XMLTokenizer(handler: handler)
            do {
                try source { chunk in scanner.feed(chunk) }
                let complete = scanner.finish()
                if handler.finishedEarly && !handler.failed { return (handler, true) }
                if complete && !handler.failed { return (handler, true) }
            } catch {
                // Read again below.
            }
        }
        let handler = make()
        try parse(file: file, part: part, with: handler, source: source)
        return (handler, false)
    }

    /// `read(file:part:tokenizer:make:source:)` over a part of `archive`.
    static func read<Handler: XMLHandler>(
        part: String, in archive: Archive, tokenizer: Bool, make: () -> Handler
    ) throws(XLSXError) -> Handler {
        try read(file: archive.path, part: part, tokenizer: tokenizer, make: make) { (sink: ChunkSink) throws(XLSXError) in
            try archive.stream(part: part, until: sink)
        }.handler
    }

    private final class Session {
        let parser: XML_Parser
        let handler: XMLHandler
        let file: String
        let part: String

        init?(handler: XMLHandler, file: String, part: String) {
            // XML_ParserCreate only fails when out of memory.
            guard let parser = XML_ParserCreate(nil) else { return nil }
            self.parser = parser
            self.handler = handler
            self.file = file
            self.part = part
            handler.parser = parser
            // The user data is the handler itself, which the session keeps alive: each event
            // reaches it through a guaranteed reference, without a retain and release.
            XML_SetUserData(parser, Unmanaged.passUnretained(handler).toOpaque())
            XML_SetElementHandler(
                parser,
                { context, name, attributes in
                    guard let context, let name, let attributes else { return }
                    Unmanaged<XMLHandler>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.start(name, attributes) }
                },
                { context, name in
                    guard let context, let name else { return }
                    Unmanaged<XMLHandler>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.end(name) }
                })
            XML_SetCharacterDataHandler(parser) { context, bytes, count in
                guard let context, let bytes, count > 0 else { return }
                Unmanaged<XMLHandler>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.text(bytes, Int(count)) }
            }
            XML_SetStartDoctypeDeclHandler(parser) { context, _, _, _, _ in
                guard let context else { return }
                Unmanaged<XMLHandler>.fromOpaque(context).takeUnretainedValue().refuseDoctype()
            }
            // Belt and braces: never expand an entity declared anywhere.
            XML_SetEntityDeclHandler(parser) { context, _, _, _, _, _, _, _, _ in
                guard let context else { return }
                Unmanaged<XMLHandler>.fromOpaque(context).takeUnretainedValue().refuseDoctype()
            }
        }

        func close() {
            handler.parser = nil
            XML_ParserFree(parser)
        }

        func feed(_ chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool) throws(XLSXError) {
            let status = chunk.withMemoryRebound(to: CChar.self) { chars in
                XML_Parse(parser, chars.baseAddress, Int32(chars.count), isFinal ? 1 : 0)
            }
            if handler.doctypeSeen {
                throw XLSXError(file: file, part: part, kind: .doctypeRefused)
            }
            if let failure = handler.failure {
                throw XLSXError(file: file, part: part, cell: handler.failureCell, kind: failure)
            }
            if handler.finishedEarly { return }
            if status != XML_STATUS_OK {
                let code = XML_GetErrorCode(parser)
                let reason = XML_ErrorString(code).map { String(cString: $0) } ?? "未知错误"
                throw XLSXError(
                    file: file, part: part,
                    kind: .malformedXML(
                        line: Int(XML_GetCurrentLineNumber(parser)),
                        column: Int(XML_GetCurrentColumnNumber(parser)), reason: reason))
            }
        }
    }
}

// MARK: - Names and attributes as bytes

/// The part of an XML name after its namespace prefix (`x:c` → `c`).
@inline(__always)
func localName(_ name: UnsafePointer<CChar>) -> UnsafePointer<CChar> {
    var start = name
    var p = name
    while p.pointee != 0 {
        if p.pointee == 0x3A { start = p + 1 }
        p += 1
    }
    return start
}

/// Whether a NUL-terminated C string equals an ASCII literal, without allocating.
@inline(__always)
func nameIs(_ name: UnsafePointer<CChar>, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    let bytes = literal.utf8Start
    var i = 0
    while i < count {
        if UInt8(bitPattern: name[i]) != bytes[i] { return false }
        i += 1
    }
    return name[count] == 0
}

/// Calls `body` with the local name and value of each attribute.
@inline(__always)
func forEachAttribute(
    _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>,
    _ body: (UnsafePointer<CChar>, UnsafePointer<CChar>) -> Void
) {
    var i = 0
    while let name = attributes[i], let value = attributes[i + 1] {
        body(localName(name), value)
        i += 2
    }
}

/// The value of the attribute whose local name is `literal`, as a String.
func attribute(_ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>, _ literal: StaticString) -> String? {
    var found: String?
    forEachAttribute(attributes) { name, value in
        if found == nil && nameIs(name, literal) { found = String(cString: value) }
    }
    return found
}
