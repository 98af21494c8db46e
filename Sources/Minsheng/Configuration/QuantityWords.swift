import Foundation

/// The words `QuantityParser` reads figures with (不少于, 以上, 约, 左右, ——, 应保尽保 …), kept as
/// data in `Templates/quantities.json` so that users can extend them without recompiling.
///
/// ```swift
/// let words = try QuantityWords.load()
/// words.atLeastSuffixes   // ["及以上", "以上", "余", "多"]
/// ```
struct QuantityWords: Sendable, Hashable, Decodable {
    /// Whole-cell texts that mean "not applicable" (after white space is removed).
    var notApplicable: Set<String>
    /// Qualitative targets (应保尽保, 全覆盖 …), kept as text.
    var qualitative: [String]
    /// Prefixes making a figure a floor (不少于, 至少, ≥ …), matched in order.
    var atLeastPrefixes: [String]
    /// Prefixes making a figure a ceiling (不超过, 控制在, ≤ …), matched in order.
    var atMostPrefixes: [String]
    /// Prefixes making a figure approximate (大约, 约 …), matched in order.
    var approximatePrefixes: [String]
    /// Suffixes making a figure a floor (及以上, 以上, 余, 多), matched in order.
    var atLeastSuffixes: [String]
    /// Suffixes making a figure a ceiling (以内, 以下, 之内), matched in order.
    var atMostSuffixes: [String]
    /// Suffixes making a figure approximate (左右), matched in order.
    var approximateSuffixes: [String]

    /// Reads `quantities.json` from `folder`, `$MINSHENG_TEMPLATES` or the package (`TemplateFiles`).
    ///
    /// - Throws: `MinshengError.configuration` when the file is missing or broken.
    static func load(folder: URL? = nil) throws -> QuantityWords {
        let url = try TemplateFiles.url(named: "quantities.json", folder: folder)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw MinshengError.configuration(file: url.path, problem: .cannotOpen(.quantityWords))
        }
        do { return try JSONDecoder().decode(QuantityWords.self, from: data) } catch {
            throw MinshengError.configuration(file: url.path, problem: .malformed(.quantityWords, detail: "\(error)"))
        }
    }
}
