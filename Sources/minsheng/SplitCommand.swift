import ArgumentParser
import Foundation
import Minsheng

/// `minsheng split`: one pre-filled template per area of a plan.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "拆分：按县区生成预填目标的填报模板 (one template per area, targets filled in and locked).")

    @Argument(help: "目标任务分解表 .xlsx")
    var plan: String

    @Option(name: .shortAndLong, help: "模板输出文件夹（每个县区一个 <县区>.xlsx）")
    var output: String

    @Option(help: "只生成这些县区，逗号分隔，例如 涡阳县,蒙城县")
    var areas: String?

    @Option(help: "填报期，例如 \"1-9月\"")
    var period: String?

    @Flag(help: "覆盖已存在的模板文件")
    var force = false

    func run() throws {
        let engine = try Terminal.engine()
        let request = SplitRequest(
            plan: .path(plan), output: .folder(output, overwrite: force), areas: areas.map(SplitRequest.areaList),
            period: period)
        let result = try Terminal.run { try Blocking.wait { try await engine.split(request) } }
        for line in result.summaryLines { print(line) }
    }
}
