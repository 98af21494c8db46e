import Foundation

/// The endings of area names (涡阳县, 谯城区, 亳州高新区, 市本级 …), one list kept in
/// `Templates/headers.json` and used by every place that tells areas apart: area columns
/// (`HeaderVocabulary.isArea`), areas written in prose (`BreakdownParser`), and which areas are
/// counties (`RecognizedTable.countiesMentioned`, what `每个县区` refers to).
///
/// ```swift
/// let endings = engine.vocabulary.areaEndings
/// endings.isCounty("涡阳县")       // true
/// endings.isCounty("亳州高新区")   // false: 高新区 is no county
/// ```
struct AreaEndings: Sendable, Hashable, Decodable {
    /// Every ending of an area header (`areaSuffixes`: 县, 区, 市, 高新区, 管委会 …).
    var all: [String]
    /// Endings of counties and districts (`countySuffixes`: 县, 区).
    var counties: [String]
    /// Endings that make an area no county although it may end like one (`nonCountySuffixes`:
    /// 高新区, 经开区, 市本级 …).
    var notCounties: [String]
    /// Endings of towns, townships and sub-districts (`townSuffixes`: 乡, 镇, 街道办 …), the areas
    /// of a district's own split.
    var towns: [String]

    private enum CodingKeys: String, CodingKey {
        case all = "areaSuffixes"
        case counties = "countySuffixes"
        case notCounties = "nonCountySuffixes"
        case towns = "townSuffixes"
    }

    /// Creates one from its lists.
    init(all: [String], counties: [String], notCounties: [String], towns: [String] = []) {
        self.all = all
        self.counties = counties
        self.notCounties = notCounties
        self.towns = towns
    }

    /// Reads the lists (`townSuffixes` may be missing in an older copy of headers.json).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        all = try container.decode([String].self, forKey: .all)
        counties = try container.decode([String].self, forKey: .counties)
        notCounties = try container.decode([String].self, forKey: .notCounties)
        towns = try container.decodeIfPresent([String].self, forKey: .towns) ?? []
    }

    /// Whether a name ends as any area does, towns included (`元坝镇`, `拣银岩街道办`).
    func endsAnyArea(_ name: String) -> Bool {
        endsProseArea(name) || towns.contains(where: { name.hasSuffix($0) })
    }

    /// Whether an area name is a county or district (县, 区), not 高新区, 经开区, 市本级 ….
    func isCounty(_ name: String) -> Bool {
        counties.contains(where: { name.hasSuffix($0) }) && !notCounties.contains(where: { name.hasSuffix($0) })
    }

    /// Whether a name written in prose ends as an area does: a county ending or one of the
    /// non-county ones (市本级, 高新区 …); 市 alone is no ending there.
    func endsProseArea(_ name: String) -> Bool {
        counties.contains(where: { name.hasSuffix($0) }) || notCounties.contains(where: { name.hasSuffix($0) })
    }

    /// Reads the endings from `headers.json` in `folder`, `$MINSHENG_TEMPLATES` or the package.
    static func load(folder: URL? = nil) throws -> AreaEndings {
        let url = try TemplateFiles.url(named: "headers.json", folder: folder)
        do { return try JSONDecoder().decode(AreaEndings.self, from: try Data(contentsOf: url)) } catch {
            throw MinshengError.configuration(file: url.path, problem: .malformed(.headerWords, detail: "\(error)"))
        }
    }
}
