/// The one engine under every job: the data files of `Templates/`, loaded once, and the jobs as
/// request → result calls (`check`, `convert`, `split`, `collect`), each async and taking its
/// inputs as paths or bytes. The CLI and any other front end (a web page, a fuzzer) only build
/// requests and present results.
///
/// ```swift
/// let engine = try Engine.standard()
/// let report = await engine.check(CheckRequest(inputs: [.path("a.xlsx")]))
/// ```
public struct Engine: Sendable {
    /// The words that recognize headers, areas, sections and footers.
    public let vocabulary: HeaderVocabulary
    /// The district template settings (`split`, `collect`).
    public let template: DistrictTemplate

    /// Creates one from its parts.
    public init(vocabulary: HeaderVocabulary, template: DistrictTemplate) {
        self.vocabulary = vocabulary
        self.template = template
    }

    /// The engine with the data files of `Templates/`.
    ///
    /// - Throws: `MinshengError.configuration` when a data file is missing or broken.
    public static func standard() throws -> Engine {
        _ = try QuantityWords.loaded.get()  // read once by QuantityParser; a broken file stops here
        return Engine(vocabulary: try HeaderVocabulary.load(), template: try DistrictTemplate.load())
    }

    /// Finds and reads tables.
    public var finder: TableFinder { TableFinder(vocabulary: vocabulary) }
    /// Reads and checks inputs.
    public var checker: Checker { Checker(vocabulary: vocabulary) }
    /// Reads plans and writes templates.
    public var splitter: Splitter { Splitter(finder: finder, template: template) }
}
