import Foundation

/// `split`: one workbook per area of a plan, holding that area's own targets.
///
/// ```swift
/// let result = try await Engine.standard().split(SplitRequest(plan: .path("分解表.xlsx"), output: .folder("templates", overwrite: false)))
/// ```
struct Splitter: Sendable {
    /// Finds and reads the table of each workbook.
    let finder: TableFinder
    /// The district template settings.
    let template: DistrictTemplate

    /// Creates one with the data files of `Templates/`.
    init() throws {
        self.init(finder: TableFinder(vocabulary: try HeaderVocabulary.load()), template: try DistrictTemplate.load())
    }

    /// Creates one from its parts.
    init(finder: TableFinder, template: DistrictTemplate) {
        self.finder = finder
        self.template = template
    }

    /// A plan read for splitting or collecting.
    struct Plan: Sendable {
        /// The file (its name as given).
        var path: String
        /// The recognized table.
        var table: RecognizedTable
        /// The plan's items, with their area targets.
        var items: [ProgressItem]
        /// The plan id (a hash of its content).
        var id: String
        /// Areas in the plan's order.
        var areas: [String]
        /// The plan's title (its first text row) or file name.
        var title: String
    }

    /// Reads a plan from a file: its items, areas and id.
    func readPlan(_ path: String, recognition: RecognitionOptions = RecognitionOptions()) throws -> Plan {
        try readPlan(.path(path), recognition: recognition)
    }

    /// Reads a plan: its items, areas and id.
    func readPlan(_ source: InputSource, recognition: RecognitionOptions = RecognitionOptions()) throws -> Plan {
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
    func areas(of plan: Plan, chosen: [String]?) throws -> [String] {
        guard let chosen else { return plan.areas }
        let unknown = chosen.filter { !plan.areas.contains($0) }
        guard unknown.isEmpty else {
            throw MinshengError.usage(.unknownAreas(unknown, available: plan.areas))
        }
        return chosen
    }

    /// The plan's items an area has a target in.
    func items(of plan: Plan, area: String) -> [ProgressItem] {
        plan.items(of: area)
    }

    /// Writes one area's template at `path`.
    func writeTemplate(area: String, plan: Plan, period: String?, to path: String) throws {
        try TemplateWriter(template: template).write(
            area: area, items: items(of: plan, area: area), plan: plan, period: period, to: path)
    }

    /// An area name as a file name (path separators and control characters replaced).
    static func safeFileName(_ area: String) -> String {
        String(area.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 })
    }
}

extension Splitter.Plan {
    /// The items the area has a target in: its template's rows.
    func items(of area: String) -> [ProgressItem] {
        items.filter { $0.areas[area]?.target != nil }
    }
}
