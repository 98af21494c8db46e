import ArgumentParser
import Foundation
import Minsheng

/// `minsheng collect`: the areas' returns into the standardized progress workbook.
struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "收集：汇总各县区报回的模板 (collect the areas' returns into the progress workbook).",
        discussion: "退出状态：0 无错误；1 有错误；2 有文件无法读取；64 用法错误。")

    @Option(help: "生成模板所用的目标任务分解表 .xlsx")
    var plan: String

    @Argument(help: "报回的模板 .xlsx 文件或文件夹")
    var inputs: [String]

    @OptionGroup var options: ProgressOutputOptions

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("请给出报回的文件或文件夹") }
    }

    func run() throws {
        let planPath = OutputFile.canonicalPath(plan)
        let files = InputFiles.expand(inputs).filter { OutputFile.canonicalPath($0) != planPath }
        let result: Collector.Result
        let (plan, output, title, asOf, force) = (plan, options.output, options.title, options.asOfDate, options.force)
        let (input, jobs, progress) = (batch.input, batch.jobs, batch.progress(total: files.count))
        do {
            result = try Blocking.wait {
                try await Collector().collect(
                    plan: plan, returns: files, to: output, title: title, asOf: asOf, overwrite: force, input: input,
                    jobs: jobs, progress: progress)
            }
        } catch let error as MinshengError {
            throw Terminal.exit(for: error)
        }
        let report = result.report
        for file in report.files where file.status == .unreadable { Terminal.error(file.error ?? "无法读取 \(file.path)") }
        switch options.format {
        case .json: Terminal.printJSON(report)
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
