import Foundation
import XLSXWriter

/// `split`: one workbook per area of a plan, holding that area's own targets.
///
/// ```swift
/// let result = try await Engine.standard().split(SplitRequest(plan: .path("分解表.xlsx"), output: .folder("templates", overwrite: false)))
/// ```
public struct Splitter: Sendable {
    /// Finds and reads the table of each workbook.
    public let finder: TableFinder
    /// The district template settings.
    public let template: DistrictTemplate

    /// Creates one with the data files of `Templates/`.
    public init() throws {
        self.init(finder: TableFinder(vocabulary: try HeaderVocabulary.load()), template: try DistrictTemplate.load())
    }

    /// Creates one from its parts.
    public init(finder: TableFinder, template: DistrictTemplate) {
        self.finder = finder
        self.template = template
    }

    /// A plan read for splitting or collecting.
    public struct Plan: Sendable {
        /// The file (its name as given).
        public var path: String
        /// The recognized table.
        public var table: RecognizedTable
        /// The plan's items, with their area targets.
        public var items: [ProgressItem]
        /// The plan id (a hash of its content).
        public var id: String
        /// Areas in the plan's order.
        public var areas: [String]
        /// The plan's title (its first text row) or file name.
        public var title: String
    }

    /// Reads a plan from a file: its items, areas and id.
    public func readPlan(_ path: String, recognition: RecognitionOptions = RecognitionOptions()) throws -> Plan {
        try readPlan(.path(path), recognition: recognition)
    }

    /// Reads a plan: its items, areas and id.
    public func readPlan(_ source: InputSource, recognition: RecognitionOptions = RecognitionOptions()) throws -> Plan {
        let path = source.name
        let table = try finder.find(in: source, options: recognition)
        let items = ProgressItems.merge([table])
        var areas: [String] = []
        for item in items {
            for area in item.areaOrder where !areas.contains(area) { areas.append(area) }
        }
        guard !areas.isEmpty else {
            throw MinshengError.unreadable(file: path, problem: .noAreaTargets)
        }
        let firstText = table.sheet.rows.first?.cells.compactMap(\.string).first
        let title = firstText.map(HeaderText.normalize) ?? source.fileName
        return Plan(path: path, table: table, items: items, id: PlanIdentity.planID(items), areas: areas, title: title)
    }

    /// The areas to write: all of the plan's, or the chosen ones (each must be in the plan).
    ///
    /// - Throws: `MinshengError.usage` naming the areas the plan does not have.
    public func areas(of plan: Plan, chosen: [String]?) throws -> [String] {
        guard let chosen else { return plan.areas }
        let unknown = chosen.filter { !plan.areas.contains($0) }
        guard unknown.isEmpty else {
            throw MinshengError.usage("分解表中没有县区 \(unknown.joined(separator: "、"))（有 \(plan.areas.joined(separator: "、"))）")
        }
        return chosen
    }

    /// The plan's items an area has a target in.
    public func items(of plan: Plan, area: String) -> [ProgressItem] {
        plan.items.filter { $0.areas[area]?.target != nil }
    }

    /// Writes one area's template at `path`.
    public func writeTemplate(area: String, plan: Plan, period: String?, to path: String) throws {
        try TemplateWriter(template: template).write(
            area: area, items: items(of: plan, area: area), plan: plan, period: period, to: path)
    }

    /// An area name as a file name (path separators and control characters replaced).
    public static func safeFileName(_ area: String) -> String {
        String(area.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 })
    }
}

/// Writes one district template.
struct TemplateWriter {
    let template: DistrictTemplate

    func write(area: String, items: [ProgressItem], plan: Splitter.Plan, period: String?, to path: String) throws {
        let book = try XLSXWorkbook(path: path)
        try book.setProperties(
            DocumentProperties(
                title: template.title(area: area, period: period, plan: plan.title), author: "minsheng \(MinshengInfo.version)",
                comments: "由 minsheng split 根据 \((plan.path as NSString).lastPathComponent) 生成",
                created: ProgressWorkbook.creationDate(nil)))
        try book.setCustomProperty("minsheng.plan", plan.id)
        try book.setCustomProperty("minsheng.area", area)
        try book.setCustomProperty("minsheng.version", template.version)
        let form = try book.addWorksheet(template.sheetName)
        form.activate()
        let columns = DistrictTemplate.columnKeys.map(template.column)
        var title = ProgressWorkbook.titleFormat
        title.fontSize = 14
        try form.mergeRange(
            firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: columns.count - 1,
            template.title(area: area, period: period, plan: plan.title), format: book.format(title))
        try form.mergeRange(
            firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: columns.count - 1,
            "填报单位：\(area)    填报期：\(period ?? template.defaultPeriod)    依据：\(plan.title)")
        let header = book.format(ProgressWorkbook.headerFormat)
        for (c, column) in columns.enumerated() { try form.write(column.label, row: TemplateMetadata.headerRow, column: c, format: header) }
        try form.write("key", row: TemplateMetadata.headerRow, column: TemplateMetadata.keyColumn)

        func body(_ key: String, locked: Bool = true, wrap: Bool = false) -> XLSXFormat {
            var spec = ProgressWorkbook.body(number: template.column(key).numberFormat, wrap: wrap)
            spec.locked = locked
            if !locked { spec.fill = 0xFFF2CC }
            return book.format(spec)
        }
        let locked = body("project", wrap: true)
        let target = body("target")
        let input = body("completed", locked: false)
        let rate = body("rate")
        let note = body("note", locked: false, wrap: true)
        let first = TemplateMetadata.headerRow + 1
        for (i, item) in items.enumerated() {
            let r = first + i
            try form.write(Double(i + 1), row: r, column: 0, format: locked)
            try form.write(item.project ?? "", row: r, column: 1, format: locked)
            try form.write(item.indicator ?? item.project ?? "", row: r, column: 2, format: locked)
            try form.write(item.unit ?? "", row: r, column: 3, format: locked)
            if let value = item.areas[area]?.target {
                try form.write(ProgressWorkbook.double(value), row: r, column: 4, format: target)
            }
            try form.writeBlank(row: r, column: 5, format: input)
            try form.writeFormula("=IFERROR(F\(r + 1)/E\(r + 1),\"\")", row: r, column: 6, cachedText: "", format: rate)
            try form.writeBlank(row: r, column: 7, format: note)
            try form.write(PlanIdentity.itemKey(item), row: r, column: TemplateMetadata.keyColumn)
        }
        let last = max(first, first + items.count - 1)
        for (c, column) in columns.enumerated() { try form.setColumns(c, c, width: column.width) }
        try form.setColumns(TemplateMetadata.keyColumn, TemplateMetadata.keyColumn, width: 14, hidden: true)
        try form.validateDecimal(
            firstRow: first, firstColumn: 5, lastRow: last, lastColumn: 5, atLeast: 0,
            inputTitle: template.inputMessage.title, inputMessage: template.inputMessage.message,
            errorTitle: template.errorMessage.title, errorMessage: template.errorMessage.message)
        form.freezePanes(row: first, column: 0)
        form.protect(password: template.protectionPassword.isEmpty ? nil : template.protectionPassword)
        try form.setPrintLayout(repeatRows: 0...TemplateMetadata.headerRow)

        let help = try book.addWorksheet(template.instructionsSheetName)
        try help.write("填报说明", row: 0, column: 0, format: book.format(ProgressWorkbook.titleFormat))
        for (i, line) in template.instructions.enumerated() { try help.write(line, row: i + 2, column: 0) }
        try help.setColumns(0, 0, width: 100)

        let meta = try book.addWorksheet(TemplateMetadata.sheetName)
        let pairs: [(String, String)] = [
            (TemplateMetadata.marker, template.version), ("plan", plan.id), ("area", area),
            ("planFile", (plan.path as NSString).lastPathComponent), ("sheet", template.sheetName),
            ("period", period ?? template.defaultPeriod), ("items", String(items.count)),
        ]
        for (i, pair) in pairs.enumerated() {
            try meta.write(pair.0, row: i, column: 0)
            try meta.write(pair.1, row: i, column: 1)
        }
        for (i, item) in items.enumerated() {
            let r = pairs.count + 1 + i
            try meta.write(PlanIdentity.itemKey(item), row: r, column: 0)
            try meta.write(item.key, row: r, column: 1)
            if let value = item.areas[area]?.target { try meta.write(ProgressWorkbook.double(value), row: r, column: 2) }
        }
        meta.hide()
        try book.defineName("minsheng_plan", formula: "=\(TemplateMetadata.sheetName)!$B$2")
        try book.close()
    }
}
