import Foundation

/// The one engine under every job: the data files of `Templates/`, loaded and checked once when
/// it is made, and the jobs as request → result calls (`check`, `convert`, `split`, `collect`),
/// each async and taking its inputs as paths or bytes. The CLI and any other front end (a web
/// page, a fuzzer) only build requests and present results.
///
/// ```swift
/// let engine = try Engine.standard()
/// let report = await engine.check(CheckRequest(inputs: [.path("a.xlsx")]))
/// ```
public struct Engine: Sendable {
    /// The words that recognize headers, areas, sections and footers (`headers.json`).
    let vocabulary: HeaderVocabulary
    /// The district template settings (`district.json`: `split`, `collect`).
    let template: DistrictTemplate
    /// The progress workbook's settings (`workbook.json`: `convert`, `collect`); nil for an
    /// engine made from parts without them, which then reads the file when it writes one.
    let settings: WorkbookSettings?
    /// The words quantities are read with (`quantities.json`), part of the vocabulary.
    var quantityWords: QuantityWords { vocabulary.quantityWords }

    /// Creates one from its parts.
    init(vocabulary: HeaderVocabulary, template: DistrictTemplate, settings: WorkbookSettings? = nil) {
        self.vocabulary = vocabulary
        self.template = template
        self.settings = settings
    }

    /// The engine with every data file of `Templates/` read and checked now — `headers.json`,
    /// `quantities.json`, `district.json` and `workbook.json` — from `folder` if it holds the
    /// file, else the places `TemplateFiles` looks. A broken file stops here, before any input
    /// is read, with an error naming it.
    ///
    /// - Throws: `MinshengError.configuration` naming the data file that is missing or broken.
    public static func standard(folder: URL? = nil) throws -> Engine {
        Engine(
            vocabulary: try HeaderVocabulary.load(folder: folder), template: try DistrictTemplate.load(folder: folder),
            settings: try WorkbookSettings.load(folder: folder))
    }

    /// Finds and reads tables.
    var finder: TableFinder { TableFinder(vocabulary: vocabulary) }
    /// Reads and checks inputs.
    var checker: Checker { Checker(vocabulary: vocabulary) }
    /// Reads plans and writes templates.
    var splitter: Splitter { Splitter(finder: finder, template: template) }
}
