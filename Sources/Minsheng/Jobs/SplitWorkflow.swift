import Foundation

/// What `split` is asked to do.
public struct SplitRequest: Sendable {
    /// Where the templates go.
    public enum Output: Sendable, Hashable {
        /// `FOLDER/<area>.xlsx`; existing files are kept unless `overwrite`.
        case folder(String, overwrite: Bool)
        /// The bytes of each template, returned in the result.
        case memory
    }

    /// The plan (目标任务分解表).
    public var plan: InputSource
    /// Where the templates go.
    public var output: Output
    /// Only these areas (nil: every area of the plan).
    public var areas: [String]?
    /// 填报期 shown on the form (`1-9月`).
    public var period: String?
    /// Which sheet or layout of the plan to read.
    public var recognition: RecognitionOptions

    /// Creates one from its parts.
    public init(
        plan: InputSource, output: Output, areas: [String]? = nil, period: String? = nil,
        recognition: RecognitionOptions = RecognitionOptions()
    ) {
        self.plan = plan
        self.output = output
        self.areas = areas
        self.period = period
        self.recognition = recognition
    }

    /// An area list as people type it: `涡阳县,蒙城县`, `涡阳县，蒙城县` or `涡阳县、蒙城县`.
    public static func areaList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// What `split` wrote.
public struct SplitResult: Sendable {
    /// One template.
    public struct Template: Sendable {
        /// The area (county, district, 高新区, 市本级).
        public var area: String
        /// `<area>.xlsx`.
        public var fileName: String
        /// How many items the area has a target in.
        public var items: Int
        /// The file or the bytes.
        public var output: WrittenOutput
    }

    /// The templates, in the plan's area order.
    public var templates: [Template]

    /// The lines a command prints: one per template and a count.
    public var summaryLines: [String] {
        templates.map { "\($0.area)：\($0.items) 项 → \($0.output.path ?? $0.fileName)" } + ["共生成 \(templates.count) 个县区模板"]
    }
}

extension Engine {
    /// Reads the plan and writes one template per area (or per chosen area).
    public func split(_ request: SplitRequest) async throws -> SplitResult {
        let splitter = self.splitter
        let plan = try splitter.readPlan(request.plan, recognition: request.recognition)
        let areas = try splitter.areas(of: plan, chosen: request.areas)
        let names = areas.map { Splitter.safeFileName($0) + ".xlsx" }
        var targets: [OutputTarget] = Array(repeating: .memory, count: areas.count)
        if case .folder(let folder, let overwrite) = request.output {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw MinshengError.cannotWrite(path: folder, problem: .cannotMakeFolder(detail: error.localizedDescription))
            }
            let paths = names.map { (folder as NSString).appendingPathComponent($0) }
            if !overwrite {
                let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
                guard existing.isEmpty else {
                    throw MinshengError.usage(.outputsExist(existing))
                }
            }
            targets = paths.map { .file($0, overwrite: true) }
        }
        var written: [SplitResult.Template] = []
        for (index, area) in areas.enumerated() {
            try OutputFile.check(targets[index], inputs: [request.plan])
            let output = try OutputFile.produce(targets[index], name: names[index]) { path in
                try splitter.writeTemplate(area: area, plan: plan, period: request.period, to: path)
            }
            written.append(
                SplitResult.Template(
                    area: area, fileName: names[index], items: splitter.items(of: plan, area: area).count, output: output))
        }
        return SplitResult(templates: written)
    }
}
