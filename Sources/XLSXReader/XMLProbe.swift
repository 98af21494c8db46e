/// Reads any XML held in memory, fed in chunks of a chosen size, with the tokenizer or with expat
/// alone, and records the events a handler receives: the differential fuzzer (`Fuzz/`) and the
/// tests compare the two for every kind of part (relationships, workbook, shared strings, styles),
/// as `SheetProbe` does for the cells of worksheets. Not API: `@_spi(Testing)`.
@_spi(Testing) public enum XMLProbe {
    /// What reading one part's XML gave.
    public struct Outcome: Equatable, Sendable, CustomStringConvertible {
        /// One line per event in order: `<name a="v" …` for a start tag (attributes as listed),
        /// `>name` for an end tag, `"text"` for character data (adjacent pieces joined, since
        /// parsers split text where they like).
        public var events: [String] = []
        /// The error, when reading failed.
        public var error: XLSXError?
        /// Whether the tokenizer read the whole part (false: expat did, or was asked to).
        public var tokenized = false

        /// Whether two outcomes hold the same events and error (`tokenized` aside).
        public func sameResult(as other: Outcome) -> Bool {
            events == other.events && error == other.error
        }

        public var description: String {
            (events + [error.map { "error \($0.kind)" } ?? "ok"]).joined(separator: "\n")
        }
    }

    /// Reads `xml` as the part `part`, `chunkSize` bytes at a time (at least 1).
    public static func read(_ xml: [UInt8], chunkSize: Int, tokenizer: Bool, part: String = "xl/part.xml") -> Outcome {
        let size = max(chunkSize, 1)
        var outcome = Outcome()
        do {
            let (handler, tokenized) = try XMLStream.read(
                file: "probe.xlsx", part: part, tokenizer: tokenizer, make: { RecordingHandler() }
            ) { (sink: XMLStream.ChunkSink) throws(XLSXError) in
                try XMLStream.feed(xml, chunkSize: size, to: sink)
            }
            handler.flushText()
            outcome.events = handler.events
            outcome.tokenized = tokenized
        } catch {
            outcome.error = error
        }
        return outcome
    }
}

/// Writes down every event as a line of `XMLProbe.Outcome.events`.
private final class RecordingHandler: XMLHandler {
    var events: [String] = []
    private var text: [UInt8] = []

    override func start(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        flushText()
        var line = "<" + String(cString: name)
        var i = 0
        while let attributeName = attributes[i], let value = attributes[i + 1] {
            line += " \(String(cString: attributeName))=\(String(cString: value).debugDescription)"
            i += 2
        }
        events.append(line)
    }

    override func end(_ name: UnsafePointer<CChar>) {
        flushText()
        events.append(">" + String(cString: name))
    }

    override func text(_ bytes: UnsafePointer<CChar>, _ count: Int) {
        bytes.withMemoryRebound(to: UInt8.self, capacity: count) { text.append(contentsOf: UnsafeBufferPointer(start: $0, count: count)) }
    }

    func flushText() {
        guard !text.isEmpty else { return }
        events.append(String(decoding: text, as: UTF8.self).debugDescription)
        text.removeAll(keepingCapacity: true)
    }
}
