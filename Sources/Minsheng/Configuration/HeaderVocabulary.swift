import Foundation
import Synchronization
import XLSXReader

/// What a column of a human table holds, as recognized from its header.
enum HeaderRole: String, Codable, Sendable, CaseIterable {
    case sequence, category, project, indicator, unit, target, completed, rate, schedule
    case progressText, lead, note, areaName
    /// 分解情况: the split of the target among areas or towns, written in one cell.
    case breakdown
}

/// The words that recognize headers, areas, section rows and footers, kept as data in
/// `Templates/headers.json` so users can extend them without recompiling.
///
/// ```swift
/// let vocabulary = try HeaderVocabulary.load()
/// vocabulary.role(of: "年度\n目标")   // .target
/// vocabulary.isArea("涡阳县")         // true
/// ```
struct HeaderVocabulary: Sendable {
    /// Synonyms per role.
    var roles: [HeaderRole: [String]]
    /// Headers of total columns (合计, 全市 …).
    var totals: [String] {
        didSet {
            totalSet = Set(totals)
            cache = WordCache()
        }
    }
    /// Endings of area names (县, 区, 高新区 …).
    var areaSuffixes: [String] { areaEndings.all }
    /// Endings of area names, and which of them are counties.
    var areaEndings: AreaEndings { didSet { cache = WordCache() } }
    /// Area names that the suffixes do not catch.
    var areaNames: [String] {
        didSet {
            areaNameSet = Set(areaNames)
            cache = WordCache()
        }
    }
    /// Regular expressions for section rows (一、… / （一）…).
    var sectionPatterns: [String]
    /// Starts of footer rows (合计, 备注, 填报人 …).
    var footerPrefixes: [String] { didSet { footers = SharedTextCache() } }
    /// Words of indicators that do not sum across areas (rates, ceilings, per-person floors).
    var nonAdditive: NonAdditiveWords { didSet { kinds = SharedTextPairCache() } }
    /// The words figures are read with (`quantities.json`), carried with the header words so
    /// that every reader of a table has the engine's copy.
    var quantityWords: QuantityWords
    /// The words values and prose breakdowns are read with: quantity words and area endings.
    var valueWords: ValueWords { ValueWords(quantities: quantityWords, areas: areaEndings) }

    /// The words that make an indicator non-additive (`nonAdditive` in `headers.json`).
    struct NonAdditiveWords: Sendable, Decodable {
        /// Rates, ratios, shares, per-person and per-10 000 figures (率, 比例, 人均, 每万人 …).
        var ratio: [String]
        /// Ceilings: met at or under the target (低于, 不超过, 控制在 …).
        var ceiling: [String]
        /// Floors (不低于): non-additive only with a per-unit word beside them.
        var floor: [String]
        /// Per-person / per-unit words that make a floor non-additive (`/`, 每人, 标准 …).
        var perUnit: [String]

        /// Creates one from word lists.
        init(ratio: [String] = [], ceiling: [String] = [], floor: [String] = [], perUnit: [String] = []) {
            self.ratio = ratio
            self.ceiling = ceiling
            self.floor = floor
            self.perUnit = perUnit
        }
    }

    private var synonyms: [(word: String, role: HeaderRole)] = []
    /// The synonyms' UTF-8 bytes, in the order of `synonyms`, for fast containment tests.
    private var synonymBytes: [[UInt8]] = []
    private var synonymIsLong: [Bool] = []
    private var synonymWords: Set<String> = []
    /// The first role (in `synonyms` order) of each normalized word.
    private var exactRoles: [String: HeaderRole] = [:]
    private var totalSet: Set<String> = []
    private var areaNameSet: Set<String> = []
    private var cache = WordCache()
    /// `indicatorKind` per name and unit (items repeat across the returns of a batch).
    private var kinds = SharedTextPairCache<IndicatorKind>()
    /// `isSection` per text (the patterns are compiled once, in `init`).
    private let sections = SharedTextCache<Bool>()
    /// `isFooter` per text (every row's first texts are asked, and they repeat across a batch).
    private var footers = SharedTextCache<Bool>()
    private var sectionRegexes: [NSRegularExpression] = []

    private struct File: Decodable {
        var roles: [String: [String]]
        var totals: [String]
        var areaSuffixes: [String]
        var countySuffixes: [String]
        var nonCountySuffixes: [String]
        var townSuffixes: [String]?
        var areaNames: [String]
        var sectionPatterns: [String]
        var footerPrefixes: [String]
        var nonAdditive: NonAdditiveWords?
    }

    /// Loads the vocabulary from a JSON file, with the quantity words given.
    static func load(from url: URL, quantityWords: QuantityWords) throws -> HeaderVocabulary {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw MinshengError.configuration(file: url.path, problem: .cannotOpen(.headerWords))
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw MinshengError.configuration(file: url.path, problem: .malformed(.headerWords, detail: "\(error)"))
        }
        var roles: [HeaderRole: [String]] = [:]
        for (key, words) in file.roles {
            guard let role = HeaderRole(rawValue: key) else {
                throw MinshengError.configuration(file: url.path, problem: .unknownHeaderRole(key))
            }
            roles[role] = words
        }
        return try HeaderVocabulary(
            roles: roles, totals: file.totals,
            areaEndings: AreaEndings(
                all: file.areaSuffixes, counties: file.countySuffixes, notCounties: file.nonCountySuffixes,
                towns: file.townSuffixes ?? []),
            areaNames: file.areaNames, sectionPatterns: file.sectionPatterns, footerPrefixes: file.footerPrefixes,
            nonAdditive: file.nonAdditive ?? NonAdditiveWords(), quantityWords: quantityWords)
    }

    /// The vocabulary of `Templates/headers.json` with the quantity words of `quantities.json`:
    /// each from `folder` if it holds the file, else from `$MINSHENG_TEMPLATES`, else the copy
    /// shipped with the package (see `TemplateFiles`).
    static func load(folder: URL? = nil) throws -> HeaderVocabulary {
        try load(from: TemplateFiles.url(named: "headers.json", folder: folder), quantityWords: QuantityWords.load(folder: folder))
    }

    /// Creates a vocabulary from word lists.
    init(
        roles: [HeaderRole: [String]], totals: [String], areaEndings: AreaEndings, areaNames: [String],
        sectionPatterns: [String], footerPrefixes: [String], nonAdditive: NonAdditiveWords = NonAdditiveWords(),
        quantityWords: QuantityWords
    ) throws {
        self.roles = roles
        self.quantityWords = quantityWords
        self.nonAdditive = NonAdditiveWords(
            ratio: nonAdditive.ratio.map(HeaderText.normalize), ceiling: nonAdditive.ceiling.map(HeaderText.normalize),
            floor: nonAdditive.floor.map(HeaderText.normalize), perUnit: nonAdditive.perUnit.map(HeaderText.normalize))
        self.totals = totals.map(HeaderText.normalize)
        self.areaEndings = areaEndings
        self.areaNames = areaNames.map(HeaderText.normalize)
        self.sectionPatterns = sectionPatterns
        self.footerPrefixes = footerPrefixes.map(HeaderText.normalize)
        for (role, words) in roles {
            for word in words { synonyms.append((HeaderText.normalize(word), role)) }
        }
        // Longest first; on equal length the more specific role first.
        let priority: [HeaderRole] = [.rate, .schedule, .completed, .target, .progressText, .lead]
        // (Each word's length and rank found once, not in every comparison: counting the
        // characters of a Chinese word walks its grapheme breaks, a tenth of the start-up.)
        var ranked = synonyms.map { (entry: $0, length: $0.word.count, rank: priority.firstIndex(of: $0.role) ?? priority.count) }
        ranked.sort { a, b in
            if a.length != b.length { return a.length > b.length }
            return a.rank != b.rank ? a.rank < b.rank : a.entry.word < b.entry.word
        }
        synonyms = ranked.map(\.entry)
        synonymBytes = synonyms.map { Array($0.word.utf8) }
        synonymIsLong = synonyms.map { $0.word.count >= 2 }
        synonymWords = Set(synonyms.map(\.word))
        for (word, role) in synonyms where exactRoles[word] == nil { exactRoles[word] = role }
        totalSet = Set(self.totals)
        areaNameSet = Set(self.areaNames)
        sectionRegexes = try sectionPatterns.map { pattern in
            do { return try NSRegularExpression(pattern: pattern) } catch {
                throw MinshengError.configuration(file: "headers.json", problem: .invalidSectionPattern(pattern))
            }
        }
    }

    /// The role a header text names: an exact synonym first, else the longest synonym the header
    /// contains (so `1-10月完成情况` is `completed`, `牵头单位` is `lead`, not `unit`).
    func role(of header: String) -> HeaderRole? { classify(header).role }

    private func computeRole(_ header: String) -> HeaderRole? {
        guard let normalized = Self.label(header) else { return nil }
        let text = HeaderText.splitParenthetical(normalized).text
        guard !text.isEmpty, text.count <= 24 else { return nil }
        if let exact = exactRoles[text] { return exact }
        // Chinese puts the head of a name last: 目标类别 is a category (of targets), 实际完成率 and
        // 计划投资完成率 are rates, 占比 / 占年任务之比 / 占全年计划 are shares — whatever other
        // column words they contain.
        // Only words are headers: a figure such as 95% or 0.85 is none.
        guard text.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) else { return nil }
        // The role of the longest synonym of two characters or more the header contains (a lone 序
        // inside a sentence is weak), looked up once.
        let bytes = Array(text.utf8)
        let contained = synonyms.indices.first { synonymIsLong[$0] && ByteSearch.contains(bytes, synonymBytes[$0]) }
            .map { synonyms[$0].role }
        if ["类别", "分类", "类型"].contains(where: { text.hasSuffix($0) }) { return .category }
        // 完成时限, 计划完成时间, 时间节点: when it is due, a date in words — no figure.
        if ["时限", "期限", "时间", "节点", "日期"].contains(where: { text.hasSuffix($0) }) { return .note }
        // 补助标准(元/月/人), 保障标准: the rule an amount is paid by, a condition — no amount.
        if text.hasSuffix("标准"), text.count <= 6 { return .note }
        // 项目个数, 项目数量: how many of them, a figure — not their names.
        // So is 项目总投资金额: a sum of money, not the projects' names.
        if [.project, .indicator, .category, .sequence].contains(contained), text.count >= 3,
            ["个数", "数量", "数", "金额", "投资额", "资金"].contains(where: { text.hasSuffix($0) })
        {
            return nil
        }
        // 新开工项目(个), 改造小区(户): a header giving a unit heads figures, not names.
        if [.project, .indicator, .category, .sequence].contains(contained),
            let inner = HeaderText.splitParenthetical(normalized).inner, LayoutRecognizer.isUnitText(inner)
        {
            return nil
        }
        // 重点督办内容, 建设内容: what each row is about.
        if text.hasSuffix("内容"), text.count >= 3, !text.hasSuffix("完成内容") { return .indicator }
        if text == "名称" { return .project }
        // A header made only of place levels names the areas: 镇(街道办), 镇别, 乡镇名称, 县(市、区),
        // 市/县, 村别, 村(社区), 村委会名称.
        if text.count <= 8, text.contains(where: { "省市州县区旗镇乡街村".contains($0) }),
            text.allSatisfy({ "省市州盟县区旗镇乡街道办村社居委会别名称、()/新".contains($0) })
        {
            return .areaName
        }
        if let last = text.last, last == "率" || last == "比" || text.hasSuffix("比例") || text.hasSuffix("百分比")
            || (text.hasPrefix("占") && text.count >= 2) || Self.hasPercentSign(normalized)
        {
            return contained == .schedule ? .schedule : .rate
        }
        // A planned figure is the target (计划完成数, 计划投资额); a cumulative or actual one the
        // completed figure (累计开工数, 实际完成投资).
        // (A measure's header is short: 累计建成高标准农田面积 is an indicator's name.)
        // (目标完成情况 is how the target is being met: what was done.)
        if text.hasPrefix("目标"), text.hasSuffix("完成情况") { return .completed }
        // (The period it is of comes first, and says nothing of the measure: 年内计划投资,
        // 年内已累计投入资金, 1-11月累计完成.)
        let core = Self.droppingPeriod(text)
        if core.count <= 7, core.hasPrefix("计划") || core.hasPrefix("目标") { return .target }
        if core.count <= 9, ["累计", "实际", "实发", "已"].contains(where: core.hasPrefix) {
            // 累计进度 keeps its own word (a rate, or a figure: the figures decide); 累计开工数 has none.
            return contained ?? .completed
        }
        if let contained { return contained }
        // A sum of money to be spent (投资规模, 整合资金, 补助金额) is what a plan sets: its target.
        if Self.namesASumOfMoney(text) { return .target }
        return nil
    }

    /// Whether a header (its parenthesis off) is a short name of a sum of money (整合资金,
    /// 补助金额, 投资规模): a target by `role(of:)` when no other word names its measure.
    static func namesASumOfMoney(_ text: String) -> Bool {
        ["资金", "投资", "金额", "规模"].contains(where: { text.contains($0) }) && text.count <= 8
    }

    /// Whether `header` is a target only as a sum of money, no word of a plan in it
    /// (配套资金, 结余资金; not 计划投资 or 目标任务资金): in a table of what was done it is what was
    /// done too.
    func isTargetAsMoneyOnly(_ header: String) -> Bool {
        guard role(of: header) == .target, let normalized = Self.label(header) else { return false }
        let text = HeaderText.splitParenthetical(normalized).text
        return Self.namesASumOfMoney(text) && !PlanWords.plan.contains(where: text.contains) && !synonyms.contains { $0.role == .target && text.contains($0.word) }
    }

    /// A header without the period it opens with (年内, 本年度, 2023年, 1-11月, 截至10月底), as
    /// long as something is left.
    static func droppingPeriod(_ text: String) -> String {
        guard let first = text.first, "年本全当今截至第1234567890一二三四五六七八九十".contains(first) else { return text }
        let pattern = #"^(截至|截止)?(\d{4}年度?|(\d{1,2}|[一二三四五六七八九十]{1,3})([-—~至到](\d{1,2}|[一二三四五六七八九十]{1,3}))?月份?(底|末)?|第?[一二三四1-4]季度|年内|本年度?|全年|当年|今年|年度)"#
        guard let range = text.range(of: pattern, options: .regularExpression), range.upperBound < text.endIndex else { return text }
        return String(text[range.upperBound...])
    }

    /// What a measure's header names once its period, its parentheses and the word of how it is
    /// counted (累计, 实际, 已) are off: 1-6月底累计完成投资(万元) → 完成投资.
    static func measureStem(_ header: String) -> String {
        var text = droppingPeriod(HeaderText.splitParenthetical(HeaderText.normalize(header)).text)
        for prefix in ["累计", "实际", "已"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            break
        }
        return text
    }

    /// Whether a header carries a % of its own (`完成目标(%)`, `实际完成率%`), not the % of a
    /// figure (`95%以上`).
    static func hasPercentSign(_ normalized: String) -> Bool {
        var previous: Character?
        for c in normalized {
            if c == "%", !(previous.map(HeaderText.isDigit) ?? false) { return true }
            previous = c
        }
        return false
    }

    /// Whether a header names a figure of the period alone (当月完成, 本月完成数, 本期新增): beside
    /// a cumulative one (累计完成), not what a year's target is measured against.
    static func isPeriodOnly(_ header: String) -> Bool {
        let text = HeaderText.normalize(header)
        guard !text.contains("累计") else { return false }
        return ["当月", "本月", "本期", "当期", "本季", "本周", "本旬"].contains(where: text.hasPrefix)
    }

    /// Whether a header names a total column (合计, 全市, 全市目标 …).
    func isTotal(_ header: String) -> Bool { classify(header).isTotal }

    private func computeIsTotal(_ header: String) -> Bool {
        guard let normalized = Self.label(header) else { return false }
        let text = HeaderText.splitParenthetical(normalized).text
        let bare = text.hasSuffix(":") ? String(text.dropLast()) : text
        if totalSet.contains(bare) { return true }
        // A total named for its level (全省, 全州, 全镇 …) or as the sum (全市合计, 市合计, 总计).
        if bare.count == 2, bare.hasPrefix("全"), let level = bare.last, "国省市州盟县区旗镇乡".contains(level) { return true }
        return bare.count <= 6 && ["合计", "总计", "小计"].contains(where: bare.hasSuffix) && bare.hasPrefix("全")
            || bare.count <= 6 && (bare.hasSuffix("合计") || bare.hasSuffix("总计")) && !bare.contains(where: HeaderText.isDigit)
    }

    /// Whether a text names an area: a county, district, 高新区, 市本级 …
    func isArea(_ text: String) -> Bool { classify(text).isArea }

    /// A header text's role, and whether it names an area or a total: computed once per distinct
    /// text (headers repeat across the rows of a header and across the returns of a batch).
    func classify(_ text: String) -> WordCache.Entry {
        if let entry = cache[text] { return entry }
        let entry = WordCache.Entry(role: computeRole(text), isArea: computeIsArea(text), isTotal: computeIsTotal(text))
        cache[text] = entry
        return entry
    }

    private func computeIsArea(_ text: String) -> Bool {
        guard let normalized = Self.label(text) else { return false }
        let name = HeaderText.splitParenthetical(normalized).text
        guard name.utf8.count >= 2, name.count >= 2, name.count <= 10, !totalSet.contains(name) else { return false }
        // 开发区, 高新区, 新区 alone name the one such zone of a place.
        if areaNameSet.contains(name) || areaEndings.notCounties.contains(name) && name != "园区" { return true }
        // Digits make a figure or a date, not a name; 七里河区, 五华区, 万州区, 两江新区, 百色市 and
        // 千阳县 are names (`Character.isNumber` is true for 七, 五, 万, 两, 百, 千).
        guard !name.contains(where: { HeaderText.isDigit($0) || $0 == "、" || $0 == "，" || $0 == "," }) else { return false }
        // Towns and sub-districts (元坝镇, 白果乡, 拣银岩街道) are the areas of a county's split.
        guard areaSuffixes.contains(where: { name.hasSuffix($0) && name.count > $0.count })
            || areaEndings.towns.contains(where: { name.hasSuffix($0) && name.count > $0.count })
        else { return false }
        // A village has a name of its own before 村 (余巷村, 江村村); 农村, 乡村 and 新农村 are
        // no village.
        if name.hasSuffix("村"), !areaSuffixes.contains(where: name.hasSuffix),
            name.count < 3 || ["农村", "乡村", "山村", "渔村"].contains(where: name.hasSuffix)
        {
            return false
        }
        // A header such as 单位 or 责任单位 is no area, and neither is a role word ending in 区.
        return !synonymWords.contains(name)
    }

    /// The normalized text of a cell short enough to be a header, area or total (nil for a long
    /// text: no such word is longer than `HeaderText.labelLimit`).
    static func label(_ text: String) -> String? {
        HeaderText.isLong(text) ? nil : HeaderText.normalize(text)
    }

    /// Whether a normalized text is one of the role words.
    func isRoleWord(_ normalized: String) -> Bool { synonymWords.contains(normalized) }

    /// The area's name as it should be reported (normalized, parenthetical dropped).
    func areaName(_ text: String) -> String {
        HeaderText.splitParenthetical(HeaderText.normalize(text)).text
    }

    /// Whether a row's first text opens a section (一、… / （一）…).
    func isSection(_ text: String) -> Bool {
        // Item names repeat across the returns of a batch: each is matched once.
        if let known = sections[text] { return known }
        let answer = matchesSection(text)
        sections[text] = answer
        return answer
    }

    private func matchesSection(_ text: String) -> Bool {
        // A section title is short: the patterns look at the beginning of a long text only.
        let head = text.utf8.count > 4 * HeaderText.labelLimit ? String(text.prefix(HeaderText.labelLimit)) : text
        let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines)
        let range = NSRange(trimmed.startIndex..., in: trimmed)
        return sectionRegexes.contains { $0.firstMatch(in: trimmed, range: range) != nil }
    }

    /// Whether an indicator sums across areas, from its name (and its unit): a ceiling
    /// (`城镇登记失业率低于`), a floor per person (`基础养老金不低于` with `元/人·月`), a rate or
    /// ratio (`参保率`, `报销比例`, `每万人口全科医生数`), else additive.
    ///
    /// ```swift
    /// vocabulary.indicatorKind(of: "城镇登记失业率低于", unit: "%")   // .ceiling
    /// vocabulary.indicatorKind(of: "城镇新增就业", unit: "人")        // .additive
    /// ```
    func indicatorKind(of name: String?, unit: String?) -> IndicatorKind {
        // (Keyed by the two texts' bytes: no joined text made and hashed for every row.)
        let name = name ?? ""
        let unit = unit ?? ""
        if let kind = kinds[name, unit] { return kind }
        let kind = computeIndicatorKind(of: name, unit: unit)
        kinds[name, unit] = kind
        return kind
    }

    private func computeIndicatorKind(of name: String?, unit: String?) -> IndicatorKind {
        let text = HeaderText.normalize(name ?? "")
        let all = text + "|" + HeaderText.normalize(unit ?? "")
        // Words are looked for in UTF-8 bytes (the texts are normalized; no Foundation search).
        var rest = text
        var floor = false
        for word in nonAdditive.floor where !word.isEmpty && HeaderText.containsBytes(rest, word) {
            floor = true
            rest = rest.replacingOccurrences(of: word, with: "|")
        }
        if nonAdditive.ceiling.contains(where: { !$0.isEmpty && HeaderText.containsBytes(rest, $0) }) { return .ceiling }
        if floor && nonAdditive.perUnit.contains(where: { !$0.isEmpty && HeaderText.containsBytes(all, $0) }) { return .floor }
        // (In the name or its unit: 增幅(%) counts a growth, whatever the name.)
        if nonAdditive.ratio.contains(where: { !$0.isEmpty && HeaderText.containsBytes(all, $0) }) { return .ratio }
        return .additive
    }

    /// Whether a row's first text makes it a footer (合计, 备注, 填报人 …).
    func isFooter(_ text: String) -> Bool {
        if let known = footers[text] { return known }
        let answer = computeIsFooter(text)
        footers[text] = answer
        return answer
    }

    private func computeIsFooter(_ text: String) -> Bool {
        let normalized = HeaderText.isLong(text) ? HeaderText.normalizePrefix(text).text : HeaderText.normalize(text)
        if footerPrefixes.contains(where: { normalized.utf8.starts(with: $0.utf8) }) { return true }
        // 填报说明：…, 编制说明: …: a short heading ending in 说明, then a colon.
        guard let colon = normalized.prefix(8).firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        return normalized[..<colon].hasSuffix("说明")
    }
}

/// Header texts already classified, shared by every copy of a vocabulary (and every job of a
/// batch).
final class WordCache: Sendable {
    public struct Entry: Sendable {
        public var role: HeaderRole?
        public var isArea: Bool
        public var isTotal: Bool
    }

    private let entries = SharedTextCache<Entry>()

    subscript(text: String) -> Entry? {
        get { entries[text] }
        set { entries[text] = newValue }
    }
}

/// Values derived from short texts, shared between threads, keyed by the texts' bytes
/// (`ByteKey`); emptied when it grows past `capacity` texts. Longer texts are not kept.
final class SharedTextCache<Value: Sendable>: Sendable {
    static var capacity: Int { 50_000 }
    /// Longer texts (UTF-8 bytes) are derived every time: no header or indicator is this long.
    static var longestKept: Int { 192 }

    private let entries = Mutex<[ByteKey: Value]>([:])

    subscript(text: String) -> Value? {
        get {
            guard text.utf8.count <= Self.longestKept else { return nil }
            let key = ByteKey(text)
            return entries.withLock { $0[key] }
        }
        set {
            guard text.utf8.count <= Self.longestKept, let newValue else { return }
            let key = ByteKey(text)
            entries.withLock { entries in
                if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
                entries[key] = newValue
            }
        }
    }
}

/// Values derived from pairs of short texts (an indicator's name and unit), as `SharedTextCache`
/// keeps them for one text: keyed by both texts' bytes, emptied past `capacity` pairs; a pair
/// longer than `longestKept` bytes together is not kept.
final class SharedTextPairCache<Value: Sendable>: Sendable {
    private struct Key: Hashable {
        let first: String
        let second: String

        init(_ first: String, _ second: String) {
            var first = first
            var second = second
            first.makeContiguousUTF8()
            second.makeContiguousUTF8()
            self.first = first
            self.second = second
        }

        func hash(into hasher: inout Hasher) {
            ByteKey(first).hash(into: &hasher)
            hasher.combine(0x1F as UInt8)
            ByteKey(second).hash(into: &hasher)
        }

        static func == (a: Key, b: Key) -> Bool { ByteKey.sameBytes(a.first, b.first) && ByteKey.sameBytes(a.second, b.second) }
    }

    private let entries = Mutex<[Key: Value]>([:])

    subscript(first: String, second: String) -> Value? {
        get {
            guard first.utf8.count + 1 + second.utf8.count <= SharedTextCache<Value>.longestKept else { return nil }
            let key = Key(first, second)
            return entries.withLock { $0[key] }
        }
        set {
            guard first.utf8.count + 1 + second.utf8.count <= SharedTextCache<Value>.longestKept, let newValue else { return }
            let key = Key(first, second)
            entries.withLock { entries in
                if entries.count >= SharedTextCache<Value>.capacity { entries.removeAll(keepingCapacity: true) }
                entries[key] = newValue
            }
        }
    }
}
