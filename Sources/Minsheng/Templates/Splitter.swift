import Foundation

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
            throw MinshengError.usage(.unknownAreas(unknown, available: plan.areas))
        }
        return chosen
    }

    /// The plan's items an area has a target in.
    public func items(of plan: Plan, area: String) -> [ProgressItem] {
        plan.items(of: area)
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

extension Splitter.Plan {
    /// The items the area has a target in: its template's rows.
    func items(of area: String) -> [ProgressItem] {
        items.filter { $0.areas[area]?.target != nil }
    }
}
