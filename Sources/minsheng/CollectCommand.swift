import ArgumentParser
import Foundation
import Minsheng

/// `minsheng collect`: the areas' returns into the standardized progress workbook.
struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "收集：汇总各县区报回的模板 (collect the areas' returns into the progress workbook).",
        discussion: "退出状态：0 无错误；1 有错误；2 有文件无法读取；64 用法错误。")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "生成模板所用的目标任务分解表 .xlsx")
    var plan: String

    @Argument(help: "报回的模板 .xlsx 文件或文件夹")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "输出的标准进度表 .xlsx")
    var output: String

    @Option(help: "表格标题")
    var title: String = "民生实事进展情况"

    @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD")
    var asOf: String?

    @Option(help: "终端输出：text | json")
    var format: Format = .text

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("请给出报回的文件或文件夹") }
        if let asOf, AsOfDate(asOf) == nil { throw ValidationError("--as-of 应为 YYYY-MM-DD，例如 2020-10-31") }
        if !output.lowercased().hasSuffix(".xlsx") { throw ValidationError("输出文件应以 .xlsx 结尾：\(output)") }
    }

    func run() throws {
        let planPath = OutputFile.canonicalPath(plan)
        let files = InputFiles.expand(inputs).filter { OutputFile.canonicalPath($0) != planPath }
        let result: Collector.Result
        do {
            result = try Collector().collect(
                plan: plan, returns: files, to: output, title: title, asOf: asOf.flatMap(AsOfDate.init),
                progress: Progress.reporter(total: files.count))
        } catch let error as MinshengError {
            Terminal.error("\(error)")
            if case .usage = error { throw ExitCode(64) }
            throw ExitCode(2)
        }
        let report = result.report
        for file in report.files where file.status == .unreadable { Terminal.error(file.error ?? "无法读取 \(file.path)") }
        switch format {
        case .json: print(report.json())
        case .text:
            for area in result.used.keys.sorted() {
                print("\(area)：采用 \(result.used[area] ?? "")")
            }
            print(TextReport.render(report), terminator: "")
            print("已汇总 \(result.used.count) 个县区的报表，\(result.items) 个指标 → \(result.output)")
        }
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
