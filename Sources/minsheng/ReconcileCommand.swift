import ArgumentParser
import Foundation
import Minsheng

/// `minsheng reconcile`: a hand-made summary against each area's own return.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "核对县区汇总：手工汇总表中各县区的数字与各县区自己的报表是否一致 (a summary against each area's return).",
        discussion: "退出状态：0 无错误；1 有错误；2 有文件无法读取；64 用法错误。")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "手工汇总表 .xlsx（有各县区列）")
    var summary: String

    @Argument(help: "各县区报回的表格或文件夹")
    var returns: [String] = []

    @Option(help: "输出格式：text | json")
    var format: Format = .text

    @OptionGroup var table: TableOptions

    @OptionGroup var batch: BatchOptions

    @OptionGroup var findings: FindingsOutputOptions

    func validate() throws {
        if findings.explain { return }
        if returns.isEmpty { throw ValidationError("请给出各县区报回的文件或文件夹") }
    }

    func run() throws {
        if findings.explain { return FindingsOutputOptions.printExplanations() }
        let recognition = try Terminal.run { try table.recognition(input: batch.input) }
        let engine = try Terminal.engine()
        let listing = try Terminal.listInputs(returns)
        try findings.checkOutput(inputs: [.path(summary)] + listing.inputs)
        var request = ReconcileRequest(summary: .path(summary), returns: listing.inputs, recognition: recognition, jobs: batch.jobs)
        request.skipped = listing.skipped
        let progress = batch.progress(total: request.returnsWithoutSummary.count)
        var result = try Terminal.run { try Blocking.wait { [request] in try await engine.reconcile(request, progress: progress) } }
        result.report.hints = CommandLineHints.hints
        Terminal.present(result.report, format: format == .json ? .json : .text, text: result.summaryText)
        try findings.write(result.report, inputs: [.path(summary)] + listing.inputs)
        if result.report.exitStatus != 0 { throw ExitCode(result.report.exitStatus) }
    }
}
