import Foundation
import XLSXReader

/// What a body row of a table is.
enum RowKind: Hashable, Sendable {
    /// An item: a project / indicator line with figures.
    case item
    /// A section row (一、… / （一）…) that sets the category of the rows below.
    case section(String)
    /// A footer row (合计, 备注, 填报人 …), not an item.
    case footer
    /// A row with figures but no project or indicator to name them: not an item, and named in
    /// a finding (`unread-row`) so that nothing filled is dropped in silence.
    case unlabeled
}

/// Where a value of an item sits and which figure it is.
struct ValueKey: Hashable, Sendable, Comparable {
    /// Which figure.
    var measure: Measure
    /// The area (nil: the item's overall or total figure).
    var area: String? { didSet { areaPrint = Self.fingerprint(area, figure) } }
    /// With no areas, the zero-based column of one more figure of the item beside its main
    /// ones (户数 · 人数 · 资金, 本期 · 上期): nil for the main figure of each measure. Such a
    /// figure is checked on its own (its sums, its sign), never against a target or a rate.
    var figure: Int? { didSet { areaPrint = Self.fingerprint(area, figure) } }
    /// A 64-bit digest of the area's UTF-8 bytes, made once per key: every value of every row
    /// is looked up by its key many times, and hashing the bytes for each lookup cost more than
    /// the rules' own work.
    private var areaPrint: UInt64

    /// Creates one from its parts.
    init(_ measure: Measure, area: String? = nil, figure: Int? = nil) {
        self.measure = measure
        self.area = area
        self.figure = figure
        areaPrint = Self.fingerprint(area, figure)
    }

    /// FNV-1a over the area's UTF-8 bytes (nil: a value no byte string gives), the column of
    /// another figure mixed in.
    private static func fingerprint(_ area: String?, _ figure: Int?) -> UInt64 {
        let own = fingerprint(area)
        guard let figure else { return own }
        return own ^ ((UInt64(figure) &+ 1) &* 0x9E37_79B9_7F4A_7C15)
    }

    private static func fingerprint(_ area: String?) -> UInt64 {
        guard var area else { return 0xFF }
        return area.withUTF8 { bytes in
            var digest: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { digest = (digest ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return digest
        }
    }

    /// Orders for sorting.
    static func < (a: ValueKey, b: ValueKey) -> Bool {
        (a.area ?? "", a.figure ?? -1, a.measure.rawValue) < (b.area ?? "", b.figure ?? -1, b.measure.rawValue)
    }

    /// Equal measures and areas, the areas compared by their UTF-8 bytes: every value of every
    /// row is looked up by its key, and `String`'s own equality and hashing normalize non-ASCII
    /// text (every area name) each time. Area names come from the layout's normalized headers,
    /// so one area is always spelt with the same bytes.
    static func == (a: ValueKey, b: ValueKey) -> Bool {
        guard a.measure == b.measure, a.areaPrint == b.areaPrint, a.figure == b.figure else { return false }
        switch (a.area, b.area) {
        case (nil, nil): return true
        case (let x?, let y?):
            return ByteKey.sameBytes(x, y)
        default: return false
        }
    }

    /// Hashes what `==` compares: the measure and the digest of the area's bytes.
    func hash(into hasher: inout Hasher) {
        hasher.combine(areaPrint ^ measure.hashSeed)
    }

    /// What a `Dictionary` or `Set` of keys buckets by: the digest mixed with the table's seed
    /// (a multiply and shifts), without a `Hasher` round for each lookup.
    func _rawHashValue(seed: Int) -> Int {
        var mixed = (areaPrint ^ measure.hashSeed) &+ UInt64(bitPattern: Int64(seed))
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 31))
    }
}

extension Measure {
    /// A constant per measure, mixed into a `ValueKey`'s hash (a `String` enum hashes its raw
    /// value's characters otherwise).
    fileprivate var hashSeed: UInt64 {
        switch self {
        case .target: 0x9E37_79B9_7F4A_7C15
        case .completed: 0xBF58_476D_1CE4_E5B9
        case .rate: 0x94D0_49BB_1331_11EB
        }
    }
}

/// One body row of a recognized table, with merged and blank descriptive cells filled down.
struct TableRow: Sendable {
    /// Zero-based row index in the sheet.
    var row: Int
    /// Item, section or footer.
    var kind: RowKind
    /// The category from the nearest section row or category column above.
    var category: String?
    /// 序号 as written.
    var sequence: String?
    /// 项目 (filled down from a merged or blank cell above).
    var project: String?
    /// 指标 / 行动内容.
    var indicator: String?
    /// 单位 column text.
    var unit: String?
    /// 牵头单位 / 责任单位.
    var lead: String?
    /// 进展情况 text, when it is prose.
    var progressText: String?
    /// 县区 column text, in tables with one row per area.
    var areaName: String?
    /// Whether `areaName` names a total (合计, 全市): the item's total row among its area rows.
    var areaIsTotal = false
    /// A footer row's first text, normalized (`合计`, `小计`, `填报说明：…`).
    var footerText: String?
    /// The 分解情况 cell: the target's split among areas or towns, written in one cell.
    var breakdown: Cell?
    /// The figure cells, by measure and area.
    var values: [ValueKey: Cell]
    /// Whether the figures sum across areas, and when the target is met (from the indicator's
    /// words: a rate, a ceiling, a per-person floor is never summed).
    var indicatorKind: IndicatorKind = .additive
    /// In a table with the areas in rows: the column group this item was read from (its cells
    /// are in the area rows, not in `row`).
    var group: ColumnGroup?

    /// The item's name for reports: project and indicator, whichever exist.
    var itemName: String {
        TableRow.itemName(project: project, indicator: indicator) ?? "第\(row + 1)行"
    }

    /// `项目 — 指标`, or whichever of the two exists (findings and 进度汇总 rows share this name).
    static func itemName(project: String?, indicator: String?) -> String? {
        switch (project, indicator) {
        case (let p?, let i?) where p != i: return "\(p) — \(i)"
        case (let p?, _): return p
        case (nil, let i?): return i
        default: return nil
        }
    }
}
