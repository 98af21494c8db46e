import Foundation
import XLSXReader

/// Last period's report (`--previous`): every table it holds (one per sheet), each read once;
/// a current table is compared with the one that has the most of its items.
public struct PreviousReport: Sendable {
    /// The file as given.
    public let file: String
    /// Its tables, in sheet order.
    let tables: [CheckedTable]
    /// Each table's rows by item, made once.
    private let indexes: [ItemIndex<CheckedRow>]

    /// Reads every visible sheet's table of `source` (hidden ones too when none is visible).
    ///
    /// - Throws: `MinshengError.unreadable` or `.noTableRecognized`, naming the file.
    static func read(
        _ source: InputSource, finder: TableFinder, recognition: RecognitionOptions = RecognitionOptions()
    ) throws -> PreviousReport {
        let workbook = try InputWorkbook.open(source, options: recognition.input)
        let tables = try finder.tables(in: workbook, options: recognition).tables.filter { !$0.items.isEmpty }
        // No table with items: the error `check` gives for the file, naming what it saw.
        guard !tables.isEmpty else {
            return PreviousReport(file: source.name, tables: [CheckedTable(try finder.find(in: source, options: recognition))])
        }
        return PreviousReport(file: source.name, tables: tables.map { CheckedTable($0) })
    }

    /// Creates one from its tables.
    init(file: String, tables: [CheckedTable]) {
        self.file = file
        self.tables = tables
        indexes = tables.map { table in ItemIndex(table.rows.map { ($0.key, $0) }) }
    }

    /// The previous table `current` is compared with: the one with most of its items, when it
    /// has at least half of them.
    func table(for current: CheckedTable) -> CheckedTable? {
        let scored = tables.map { ($0, PreviousPeriodRule.overlap(current, $0)) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0, best.1 * 2 >= current.rows.count else { return nil }
        return best.0
    }

    /// The findings of comparing `current` with its previous table, or the finding that none
    /// matches (made by the `Validator`'s pair rules).
    func findings(for current: CheckedTable) -> [Finding] {
        Validator().findings(for: current, previous: self)
    }

    /// Last period's completion of an item (total, or an area's), from the table that names it.
    func completed(_ key: ItemKey, area: String? = nil) -> Decimal? {
        for index in indexes {
            if let row = index.match(key), let figure = row.figure(ValueKey(.completed, area: area)) { return figure.value }
        }
        return nil
    }
}
