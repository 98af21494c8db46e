/// What names an item everywhere — check, convert, collect, reconcile and every comparison
/// between two tables: its project and indicator, normalized (spaces, line breaks and full-width
/// forms do not count), and the area where one applies.
///
/// A missing half stands for the other: a row with only `城镇新增就业` under 项目 is the same item
/// as `城镇新增就业 — 城镇新增就业`, which is how a template writes a plan item without an
/// indicator.
///
/// ```swift
/// ItemKey(project: "就业 ", indicator: "城镇新增\n就业") == ItemKey(project: "就业", indicator: "城镇新增就业")
/// ```
struct ItemKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The project, normalized ("" when none).
    let project: String
    /// The indicator, normalized ("" when none).
    let indicator: String
    /// The area, when the key names one area's figures (nil: the item as a whole).
    let area: String?
    /// The hash of what `==` compares, computed once: keys are looked up many times, and hashing
    /// non-ASCII text normalizes it every time.
    private let identityHash: Int

    /// Creates one from the texts as written.
    init(project: String?, indicator: String?, area: String? = nil) {
        self.project = HeaderText.normalize(project ?? "")
        self.indicator = HeaderText.normalize(indicator ?? "")
        self.area = area.map(HeaderText.normalize).flatMap { $0.isEmpty ? nil : $0 }
        identityHash = ItemKey.hash(project: self.project, indicator: self.indicator, area: self.area)
    }

    /// The key of a table row (with the area of a table that has one row per area).
    init(_ row: TableRow) {
        self.init(project: row.project, indicator: row.indicator, area: row.areaName)
    }

    /// The key of a progress item.
    init(_ item: ProgressItem) {
        self.init(project: item.project, indicator: item.indicator)
    }

    /// The same item for one area.
    func `in`(area: String?) -> ItemKey {
        ItemKey(normalizedProject: project, indicator: indicator, area: area)
    }

    private init(normalizedProject: String, indicator: String, area: String?) {
        self.project = normalizedProject
        self.indicator = indicator
        self.area = area
        identityHash = ItemKey.hash(project: normalizedProject, indicator: indicator, area: area)
    }

    private static func hash(project: String, indicator: String, area: String?) -> Int {
        var hasher = Hasher()
        CanonicalText.combine(project.isEmpty ? indicator : project, into: &hasher)
        CanonicalText.combine(indicator.isEmpty ? project : indicator, into: &hasher)
        if let area {
            hasher.combine(1 as UInt8)
            CanonicalText.combine(area, into: &hasher)
        } else {
            hasher.combine(0 as UInt8)
        }
        return hasher.finalize()
    }

    /// Whether the key names anything (a row without project and indicator does not).
    var isEmpty: Bool { project.isEmpty && indicator.isEmpty }

    /// The halves compared: a missing half stands for the other.
    private var identity: (String, String) {
        (project.isEmpty ? indicator : project, indicator.isEmpty ? project : indicator)
    }

    /// Keys are equal when their halves (with a missing half standing for the other) and areas are.
    static func == (a: ItemKey, b: ItemKey) -> Bool {
        // Keys of one name hash alike; the same bytes are the same text (most keys compared are
        // one item's, equal): only texts that differ in bytes are compared as `String`s, whose
        // equality walks non-ASCII text through normalization.
        guard a.identityHash == b.identityHash else { return false }
        let (ap, ai) = a.identity
        let (bp, bi) = b.identity
        return (ByteKey.sameBytes(ap, bp) || ap == bp) && (ByteKey.sameBytes(ai, bi) || ai == bi) && Self.sameArea(a.area, b.area)
    }

    private static func sameArea(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?): return ByteKey.sameBytes(x, y) || x == y
        default: return false
        }
    }

    /// Hashes what `==` compares.
    func hash(into hasher: inout Hasher) {
        hasher.combine(identityHash)
    }

    /// Orders by project, indicator, area.
    static func < (a: ItemKey, b: ItemKey) -> Bool {
        let (ap, ai) = a.identity
        let (bp, bi) = b.identity
        return (ap, ai, a.area ?? "") < (bp, bi, b.area ?? "")
    }

    /// `项目 — 指标`, as findings name an item.
    var description: String {
        TableRow.itemName(project: project.isEmpty ? nil : project, indicator: indicator.isEmpty ? nil : indicator) ?? ""
    }
}

/// Finds the item a row of another table names: by project and indicator, else — for a table
/// with a single item-name column (an area's own return, which calls 指标 its 项目) — by that
/// one name against the indicators, then the projects, when it names exactly one item.
///
/// ```swift
/// let index = ItemIndex(plan.items.map { (ItemKey($0), $0) })
/// index.match(ItemKey(project: "城镇新增就业", indicator: nil))   // the plan's 就业 — 城镇新增就业
/// ```
struct ItemIndex<Value: Sendable>: Sendable {
    private var exact: [ItemKey: Value] = [:]
    private var byIndicator: [String: [ItemKey]] = [:]
    private var byProject: [String: [ItemKey]] = [:]
    /// The keys, in the order given (the first of equal keys kept).
    private(set) var keys: [ItemKey] = []

    /// Indexes the pairs; of equal keys the first is kept.
    init(_ pairs: [(ItemKey, Value)]) {
        for (key, value) in pairs where exact[key] == nil {
            exact[key] = value
            keys.append(key)
            if !key.indicator.isEmpty { byIndicator[key.indicator, default: []].append(key) }
            if !key.project.isEmpty { byProject[key.project, default: []].append(key) }
        }
    }

    /// The value of exactly this key.
    subscript(key: ItemKey) -> Value? { exact[key] }

    /// The key a row names: exactly; else a row with one name (one column empty, or both the
    /// same) by that name among the indicators, then the projects; else a row's indicator among
    /// the indicators — each only when it names a single item. A row's project alone never
    /// matches an item with another indicator.
    func matchKey(_ key: ItemKey) -> ItemKey? {
        if exact[key] != nil { return key }
        let single = key.project.isEmpty || key.indicator.isEmpty || key.project == key.indicator
        if single {
            let name = key.project.isEmpty ? key.indicator : key.project
            if let found = byIndicator[name], found.count == 1 { return found[0] }
            if let found = byProject[name], found.count == 1 { return found[0] }
        } else if let found = byIndicator[key.indicator], found.count == 1 {
            return found[0]
        }
        return nil
    }

    /// The value the row names (see `matchKey`).
    func match(_ key: ItemKey) -> Value? {
        matchKey(key).flatMap { exact[$0] }
    }
}
