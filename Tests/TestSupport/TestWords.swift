@testable import Minsheng

/// The words of the package's data files for tests that read values or prose without an engine
/// (the product passes the engine's words down; tests of the parsers take these).
public enum TestWords {
    /// Quantity words and area endings of `Templates/`.
    public static let value: ValueWords = {
        do { return try HeaderVocabulary.load().valueWords } catch { preconditionFailure("the data files of Templates/: \(error)") }
    }()

    /// A breakdown parser with them.
    public static let parser = BreakdownParser(words: value)

    /// `QuantityParser.parse` with them.
    public static func quantity(_ text: String, headerUnit: String? = nil) -> CellQuantity {
        QuantityParser.parse(text, headerUnit: headerUnit, words: value.quantities)
    }
}
