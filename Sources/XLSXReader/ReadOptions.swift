/// Limits and switches for reading a workbook.
///
/// ```swift
/// var options = ReadOptions()
/// options.maxCells = 1_000_000
/// let wb = try Workbook(path: "big.xlsx", options: options)
/// ```
public struct ReadOptions: Sendable, Equatable {
    /// The most bytes one part may inflate to (default 1 GiB).
    public var maxPartSize: Int = 1 << 30
    /// The highest inflated ÷ compressed ratio a part larger than `ratioCheckThreshold` may have
    /// (default 100; sheets from Excel, WPS and XlsxWriter stay around 5–20).
    public var maxCompressionRatio: Int = 100
    /// The inflated size from which the ratio limit applies (default 16 MiB): small parts may
    /// compress as well as they like.
    public var ratioCheckThreshold: Int = 16 << 20
    /// The most non-empty cells one sheet may hold (default 50 million).
    public var maxCells: Int = 50_000_000
    /// Keep the text of formulas (`<f>`) beside the cached values (default false).
    public var keepFormulas: Bool = false
    /// The declared inflated size from which a part is inflated on a second thread while the
    /// calling thread parses it, at most 4 MiB of inflated text ahead (`4 << 20` takes the large
    /// sheets and shared strings). Default `Int.max`, every read on one thread: on the shared
    /// 2-core development machine (load 5–8) the second thread was not measured faster (paired
    /// runs 0.86–1.16 of one thread's wall time, the same CPU time); it gains only with a free
    /// core (to measure: build with the default at `4 << 20`, run `Benchmarks/read/run.sh`).
    public var inflateAheadThreshold: Int = Int.max
    /// Read the XML parts (worksheets, shared strings, styles, the workbook, relationships) with
    /// the reader's own tokenizer (default true), which hands a part to expat from its start the
    /// moment it meets anything outside its narrow grammar (a DOCTYPE, CDATA, a comment, another
    /// encoding, any well-formedness error): the cells and errors are the same either way, only
    /// the time differs. False reads every part with expat.
    public var tokenizer: Bool = true

    /// The former name of `tokenizer`, when it applied to worksheets only.
    @available(*, deprecated, renamed: "tokenizer")
    public var sheetTokenizer: Bool {
        get { tokenizer }
        set { tokenizer = newValue }
    }

    /// The defaults.
    public init() {}
}
