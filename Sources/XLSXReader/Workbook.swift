/// A sheet as listed in `xl/workbook.xml`, before its cells are read.
public struct SheetInfo: Sendable, Hashable {
    /// The tab name.
    public var name: String
    /// Visible, hidden or very hidden.
    public var state: SheetState
    /// Position among the workbook's sheets, from 0.
    public var index: Int
    /// The worksheet part, resolved through the relationships (nil when the relationship is broken).
    public var part: String?

    /// Creates one from its parts (a sheet that comes from elsewhere than an .xlsx, a CSV file).
    public init(name: String, state: SheetState = .visible, index: Int, part: String? = nil) {
        self.name = name
        self.state = state
        self.index = index
        self.part = part
    }
}

/// An .xlsx workbook opened for reading. Workbook-level parts are read when it opens; a sheet's
/// cells only when asked for.
///
/// ```swift
/// let wb = try Workbook(path: "进展情况.xlsx")
/// for info in wb.sheets where info.state == .visible {
///     let sheet = try wb.sheet(info)
///     print(info.name, sheet.cellCount, sheet.mergedRanges)
/// }
/// ```
public final class Workbook {
    /// The file as given.
    public let path: String
    /// The sheets, in workbook order (worksheets only; chart sheets are left out).
    public let sheets: [SheetInfo]
    /// Whether dates count from 1904 (`<workbookPr date1904="1">`).
    public var uses1904Dates: Bool { parts.uses1904Dates }
    /// The limits in force.
    public let options: ReadOptions
    /// What was wrong but did not stop the workbook from being read: unreadable relationships
    /// (the conventional part names were used), sheets whose part is missing (left out of
    /// `allSheets()`, refused by name when asked for).
    public let problems: [XLSXProblem]

    private let archive: Archive
    private let parts: WorkbookParts

    /// Opens a workbook and reads its workbook part, relationships, shared strings and styles.
    ///
    /// - Throws: `XLSXError` naming the file and the problem.
    public convenience init(path: String, options: ReadOptions = ReadOptions()) throws(XLSXError) {
        try self.init(archive: Archive(path: path, options: options))
    }

    /// Opens a workbook held in memory (an upload, a fuzzer's input); `name` stands for the file
    /// in error messages. The same limits apply as for a file.
    public convenience init(bytes: [UInt8], name: String, options: ReadOptions = ReadOptions()) throws(XLSXError) {
        try self.init(archive: Archive(bytes: bytes, name: name, options: options))
    }

    private init(archive: Archive) throws(XLSXError) {
        let path = archive.path
        self.path = path
        self.options = archive.options
        self.archive = archive

        var problems: [XLSXProblem] = []
        let packageRels = try Workbook.relationships(for: "", in: archive, problems: &problems)
        // As before: a workbook.xml at the root wins (flat packages), then the usual xl/workbook.xml.
        let conventional = ["workbook.xml", "xl/workbook.xml"].first { archive.contains(part: $0) }
        let workbookPart: String
        if let target = packageRels.first(where: { $0.hasType("officeDocument") && !$0.isExternal })?.target {
            if archive.contains(part: target) {
                workbookPart = target
            } else if let conventional {
                problems.append(
                    XLSXProblem(
                        file: path, part: "_rels/.rels", kind: .workbookPartNotFound(target: target, used: conventional)))
                workbookPart = conventional
            } else {
                throw XLSXError(file: path, kind: .missingPart(target))
            }
        } else if let conventional {
            workbookPart = conventional
        } else {
            throw XLSXError(file: path, kind: .missingPart("xl/workbook.xml"))
        }
        let workbookRels = try Workbook.relationships(for: workbookPart, in: archive, problems: &problems)
        let listing = try XMLStream.read(part: workbookPart, in: archive, tokenizer: archive.options.tokenizer) {
            WorkbookHandler()
        }

        var sheets: [SheetInfo] = []
        // By id, the first of any repeated id (as a linear search found it): one look-up per sheet.
        var relationshipsByID: [String: Relationship] = [:]
        for relationship in workbookRels where relationshipsByID[relationship.id] == nil {
            relationshipsByID[relationship.id] = relationship
        }
        for entry in listing.sheets {
            let relationship = entry.relationshipID.flatMap { relationshipsByID[$0] }
            if let relationship, relationship.hasType("chartsheet") || relationship.hasType("dialogsheet") {
                continue
            }
            var part = relationship?.target
            if let candidate = part, !archive.contains(part: candidate) { part = nil }
            if part == nil, let id = entry.sheetID {
                let guess = Archive.normalize(
                    (workbookPart.contains("/") ? String(workbookPart[..<(workbookPart.lastIndex(of: "/") ?? workbookPart.endIndex)]) + "/" : "")
                        + "worksheets/sheet\(id).xml")
                if archive.contains(part: guess) { part = guess }
            }
            if part == nil {
                problems.append(
                    XLSXProblem(
                        file: path, part: workbookPart,
                        kind: .missingSheet(name: entry.name, expected: relationship?.target)))
            }
            sheets.append(SheetInfo(name: entry.name, state: entry.state, index: sheets.count, part: part))
        }
        self.sheets = sheets

        var sharedStrings: [String] = []
        let sharedPart =
            workbookRels.first { $0.hasType("sharedStrings") && archive.contains(part: $0.target) }?.target
            ?? ["xl/sharedStrings.xml", "sharedStrings.xml"].first { archive.contains(part: $0) }
        if let sharedPart {
            let handler = try XMLStream.read(part: sharedPart, in: archive, tokenizer: archive.options.tokenizer) {
                SharedStringsHandler()
            }
            sharedStrings = handler.strings
        }
        var cellFormats: [NumberFormat] = []
        let stylesPart =
            workbookRels.first { $0.hasType("styles") && archive.contains(part: $0.target) }?.target
            ?? ["xl/styles.xml", "styles.xml"].first { archive.contains(part: $0) }
        if let stylesPart {
            let handler = try XMLStream.read(part: stylesPart, in: archive, tokenizer: archive.options.tokenizer) {
                StylesHandler()
            }
            cellFormats = handler.cellFormats
        }
        self.parts = WorkbookParts(
            sharedStrings: sharedStrings, cellFormats: cellFormats, uses1904Dates: listing.uses1904Dates,
            recalculatesOnLoad: listing.recalculatesOnLoad)
        self.problems = problems
    }

    /// The relationships of `part`; a `.rels` part that is not well-formed XML counts as absent
    /// (the conventional names are used, as other readers do) and is named in `problems`.
    /// Everything else (a DOCTYPE, the size and ratio limits, a corrupt archive) still refuses.
    private static func relationships(
        for part: String, in archive: Archive, problems: inout [XLSXProblem]
    ) throws(XLSXError) -> [Relationship] {
        do {
            return try RelationshipsHandler.read(for: part, in: archive)
        } catch {
            guard case .malformedXML = error.kind else { throw error }
            problems.append(XLSXProblem(file: archive.path, part: error.part, kind: .unreadableRelationships(error.kind)))
            return []
        }
    }

    /// Whether a cell of this workbook may hold `text`: false when the workbook keeps its texts
    /// in a shared string table that lacks it (compared by UTF-8 bytes). Writers that share
    /// strings write no inline ones, so this is a cheap test before reading a sheet for one
    /// known text; a workbook without shared strings may hold any text inline.
    public func mayHoldText(_ text: String) -> Bool {
        let strings = parts.sharedStrings
        guard !strings.isEmpty else { return true }
        let count = text.utf8.count
        return strings.contains { $0.utf8.count == count && $0.utf8.elementsEqual(text.utf8) }
    }

    /// The sheet with this name.
    public func sheet(named name: String) throws(XLSXError) -> Sheet {
        guard let info = sheets.first(where: { $0.name == name }) else {
            throw XLSXError(file: path, kind: .noSuchSheet(name))
        }
        return try sheet(info)
    }

    /// The sheet at this position (0-based).
    public func sheet(at index: Int) throws(XLSXError) -> Sheet {
        guard sheets.indices.contains(index) else {
            throw XLSXError(file: path, kind: .noSuchSheet("#\(index + 1)"))
        }
        return try sheet(sheets[index])
    }

    /// Reads a sheet's cells.
    ///
    /// - Throws: `XLSXError`; `.missingPart` naming the sheet when its part is missing.
    public func sheet(_ info: SheetInfo) throws(XLSXError) -> Sheet {
        try sheet(info, rowLimit: Int.max)
    }

    /// The cells of a sheet's first `rows` rows, read no further (the rest of the part is neither
    /// read nor checked, and merged ranges, listed after the cells, are not read): a quick look
    /// at a heading or a marker cell.
    public func sheet(_ info: SheetInfo, rows: Int) throws(XLSXError) -> Sheet {
        try sheet(info, rowLimit: max(rows, 0))
    }

    private func sheet(_ info: SheetInfo, rowLimit: Int) throws(XLSXError) -> Sheet {
        guard let part = info.part else {
            throw XLSXError(file: path, kind: .missingPart("工作表“\(info.name)”"))
        }
        let sharedStringCount = parts.sharedStrings.count
        let options = self.options
        let placeholderZeros = parts.recalculatesOnLoad
        let handler = try XMLStream.read(part: part, in: archive, tokenizer: options.tokenizer) {
            SheetHandler(sharedStringCount: sharedStringCount, options: options, rowLimit: rowLimit, placeholderZeros: placeholderZeros)
        }
        let (stored, formulas) = handler.finish()
        return Sheet(
            name: info.name, state: info.state, mergedRanges: handler.mergedRanges, parts: parts,
            stored: stored, texts: handler.texts, formulas: formulas)
    }

    /// Every sheet's cells, in workbook order; a sheet whose part is missing is left out (it is
    /// named in `problems`). Sheets listed with the same part are read once and share its cells.
    public func allSheets() throws(XLSXError) -> [Sheet] {
        var result: [Sheet] = []
        var byPart: [String: Sheet] = [:]
        for info in sheets {
            guard let part = info.part else { continue }
            if let read = byPart[part] {
                result.append(read.named(info.name, state: info.state))
            } else {
                let sheet = try sheet(info)
                byPart[part] = sheet
                result.append(sheet)
            }
        }
        return result
    }
}

/// Reads `xl/workbook.xml`: the sheet list and the date system.
final class WorkbookHandler: XMLHandler {
    struct Entry {
        var name: String
        var state: SheetState
        var relationshipID: String?
        var sheetID: String?
    }

    private(set) var sheets: [Entry] = []
    private(set) var uses1904Dates = false
    /// `<calcPr fullCalcOnLoad="1"/>`: the writer asks for a recalculation on opening (XlsxWriter
    /// does, having cached 0 for every formula it was given no result for).
    private(set) var recalculatesOnLoad = false

    /// An xsd:boolean attribute: `1` or `true`.
    static func isTrue(_ flag: String) -> Bool {
        flag == "1" || flag.lowercased() == "true"
    }

    override func start(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        let local = localName(name)
        if nameIs(local, "sheet") {
            var entry = Entry(name: "", state: .visible)
            forEachAttribute(attributes) { attrName, value in
                if nameIs(attrName, "name") {
                    entry.name = String(cString: value)
                } else if nameIs(attrName, "state") {
                    entry.state = SheetState(rawValue: String(cString: value)) ?? .visible
                } else if nameIs(attrName, "id") {
                    entry.relationshipID = String(cString: value)
                } else if nameIs(attrName, "sheetId") {
                    entry.sheetID = String(cString: value)
                }
            }
            sheets.append(entry)
        } else if nameIs(local, "workbookPr") {
            if let flag = attribute(attributes, "date1904") {
                uses1904Dates = Self.isTrue(flag)
            }
        } else if nameIs(local, "calcPr") {
            if let flag = attribute(attributes, "fullCalcOnLoad") {
                recalculatesOnLoad = Self.isTrue(flag)
            }
        }
    }
}
