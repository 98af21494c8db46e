import XLSXReader

/// A table read from one sheet of one workbook: its layout and body rows.
struct RecognizedTable: Sendable {
    /// The workbook path as given.
    var file: String
    /// The sheet it was read from.
    var sheet: Sheet
    /// Header rows and column meanings.
    var layout: TableLayout { didSet { forgetReadRows() } }
    /// Body rows (items, sections, footers).
    var rows: [TableRow] {
        didSet {
            forgetReadRows()
            items = Self.items(of: rows)
        }
    }
    /// The engine's words its values and prose are read with.
    var words: ValueWords
    /// What minsheng output the workbook is (`标准进度表`), when it is one of ours.
    var ownOutput: String? = nil
    /// Sheets the workbook lists whose content is missing from the file (not read).
    var missingSheets: [String] = []
    /// How the reading was chosen and what the figures say under it (nil: not measured).
    var choice: ReadingChoice? = nil
    /// The item rows with their values read and what was counted from them, when the reading's
    /// judge already prepared the table (the checker reuses them rather than reading every value
    /// again).
    var prepared: CheckedTable.Prepared? = nil
    /// What the judge's rules found in those rows (reused by the validator with them).
    var ruleFindings: RuleFindings? = nil

    private mutating func forgetReadRows() {
        prepared = nil
        ruleFindings = nil
    }

    /// The item rows (picked once per change of `rows`: every stage asks for them).
    private(set) var items: [TableRow]

    /// A table read from a sheet: its layout and body rows.
    init(file: String, sheet: Sheet, layout: TableLayout, rows: [TableRow], words: ValueWords) {
        self.file = file
        self.sheet = sheet
        self.layout = layout
        self.rows = rows
        self.words = words
        items = Self.items(of: rows)
    }

    private static func items(of rows: [TableRow]) -> [TableRow] { rows.filter { $0.kind == .item } }

    /// Counties and districts (县, 区; not 高新区, 经开区, 市本级: `AreaEndings`) the table names, in
    /// its area columns or its prose breakdowns: what `每个县区` refers to.
    var countiesMentioned: [String] {
        var names = layout.areas
        // A long text is parsed once per stored string, not once per cell.
        let parsed = TextMemo<[String]>()
        for row in items {
            for cell in row.values.values {
                guard case .string(let text) = cell.value else { continue }
                let areas = parsed.value(text) { text in BreakdownParser.parse(text, words: words).flatMap { $0.areas.map(\.area) } }
                for area in areas where !names.contains(area) { names.append(area) }
            }
        }
        return names.filter(words.areas.isCounty)
    }
}

/// How to find the table in a workbook.
public struct RecognitionOptions: Sendable {
    /// Read this sheet (even a hidden one) instead of choosing.
    public var sheetName: String?
    /// Use this layout instead of recognizing one.
    public var layoutOverride: LayoutOverride?
    /// How to open the file (legacy formats).
    public var input: InputOptions

    /// Creates one from its parts.
    public init(sheetName: String? = nil, layoutOverride: LayoutOverride? = nil, input: InputOptions = InputOptions()) {
        self.sheetName = sheetName
        self.layoutOverride = layoutOverride
        self.input = input
    }
}
