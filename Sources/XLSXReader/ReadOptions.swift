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
    /// The highest inflated ÷ compressed ratio a part may reach once it has inflated past
    /// `ratioCheckThreshold` bytes (default 250; real sheets stay well below 100).
    public var maxCompressionRatio: Int = 250
    /// The inflated size from which the ratio limit applies (default 16 MiB).
    public var ratioCheckThreshold: Int = 16 << 20
    /// The most non-empty cells one sheet may hold (default 50 million).
    public var maxCells: Int = 50_000_000
    /// Keep the text of formulas (`<f>`) beside the cached values (default false).
    public var keepFormulas: Bool = false

    /// The defaults.
    public init() {}
}
