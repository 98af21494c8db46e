/// Reads worksheet XML held in memory, fed in chunks of a chosen size, with the tokenizer or with
/// expat alone, and describes what came out: the differential fuzzer (`Fuzz/`) and the tests
/// compare the two. Not API: `@_spi(Testing)`.
@_spi(Testing) public enum SheetProbe {
    /// What reading one sheet's XML gave.
    public struct Outcome: Equatable, Sendable, CustomStringConvertible {
        /// One line per cell as stored, in order: row, column, kind, style, value (the text of
        /// text kinds, the bit pattern of numbers), formula flag and formula text.
        public var cells: [String] = []
        /// Merged ranges, as listed.
        public var merged: [String] = []
        /// The error, when reading failed.
        public var error: XLSXError?
        /// Whether the tokenizer read the whole part (false: expat did, or was asked to).
        public var tokenized = false

        /// Whether two outcomes hold the same cells, ranges and error (`tokenized` aside).
        public func sameResult(as other: Outcome) -> Bool {
            cells == other.cells && merged == other.merged && error == other.error
        }

        public var description: String {
            (cells + merged.map { "merge \($0)" } + [error.map { "error \($0.kind) cell \($0.cell ?? "-")" } ?? "ok"])
                .joined(separator: "\n")
        }
    }

    /// Reads `xml` as a worksheet part, `chunkSize` bytes at a time (at least 1).
    public static func read(
        _ xml: [UInt8], chunkSize: Int, tokenizer: Bool, sharedStringCount: Int = 4, keepFormulas: Bool = true,
        maxCells: Int = 100_000
    ) -> Outcome {
        var options = ReadOptions()
        options.keepFormulas = keepFormulas
        options.maxCells = maxCells
        let size = max(chunkSize, 1)
        var outcome = Outcome()
        do {
            let (handler, tokenized) = try XMLStream.read(
                file: "probe.xlsx", part: "xl/worksheets/sheet1.xml", tokenizer: tokenizer,
                make: { SheetHandler(sharedStringCount: sharedStringCount, options: options) }
            ) { (sink: XMLStream.ChunkSink) throws(XLSXError) in
                try XMLStream.feed(xml, chunkSize: size, to: sink)
            }
            outcome.tokenized = tokenized
            let (stored, formulas) = handler.finish()
            for (index, cell) in stored.enumerated() {
                let value: String
                switch cell.kind {
                case .string, .error, .isoDate:
                    value = Int(cell.payload) < handler.texts.count ? "\(handler.texts[Int(cell.payload)].debugDescription)" : "?\(cell.payload)"
                default:
                    value = String(cell.payload, radix: 16)
                }
                outcome.cells.append(
                    "\(cell.row),\(cell.column) \(cell.kind) s\(cell.style) \(value) f\(cell.hasFormula ? 1 : 0) \(formulas[index]?.debugDescription ?? "")")
            }
            outcome.merged = handler.mergedRanges.map { "\($0)" }
        } catch {
            outcome.error = error
        }
        return outcome
    }
}
