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

    @OptionGroup var table: TableOptions

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("请给出报回的文件或文件夹") }
    }

    func run() throws {
        let recognition = try Terminal.run { try table.recognition(input: batch.input) }
        let engine = try Terminal.engine()
        let listing = try Terminal.listInputs(inputs)
        var request = CollectRequest(
            plan: .path(plan), returns: listing.inputs,
            output: .file(options.output, overwrite: options.force), title: options.title, asOf: options.asOfDate,
            recognition: recognition, jobs: batch.jobs)
        request.skipped = listing.skipped
        let progress = batch.progress(total: request.returnsWithoutPlan.count)
        var result = try Terminal.run { try Blocking.wait { [request] in try await engine.collect(request, progress: progress) } }
        result.report.hints = CommandLineHints.hints
        Terminal.present(result.report, format: options.format, text: result.summaryText)
        if result.report.exitStatus != 0 { throw ExitCode(result.report.exitStatus) }
    }
}
