import ArgumentParser
import Foundation
import Minsheng

/// `minsheng convert`: many submitted workbooks in, one standardized progress workbook out.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "汇总：把各种版式的报送表转换成一张标准进度表 (write the standardized progress workbook).",
        discussion: "退出状态：0 无错误；1 有错误（工作簿照常写出）；2 有文件无法读取（其余照常汇总）；64 用法错误。")

    @Argument(help: "报送的 .xlsx（或 .xlsm、.csv）文件或文件夹")
    var inputs: [String]

    @OptionGroup var options: ProgressOutputOptions

    @OptionGroup var table: TableOptions

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("请给出至少一个文件或文件夹") }
    }

    func run() throws {
        let recognition = try Terminal.run { try table.recognition(input: batch.input) }
        let engine = try Terminal.engine()
        let listing = try Terminal.listInputs(inputs)
        var request = ConvertRequest(
            inputs: listing.inputs, output: .file(options.output, overwrite: options.force),
            title: options.title, asOf: options.asOfDate, recognition: recognition, jobs: batch.jobs)
        request.skipped = listing.skipped
        // (The command prints no table's first rows: only a page shows them.)
        request.previews = false
        request.previous = try table.previousReport(engine, recognition: recognition)
        let progress = batch.progress(total: listing.inputs.count)
        var result = try Terminal.run { try Blocking.wait { [request] in try await engine.convert(request, progress: progress) } }
        result.report.hints = CommandLineHints.hints
        Terminal.present(result.report, format: options.format, text: result.summaryText)
        if result.report.exitStatus != 0 { throw ExitCode(result.report.exitStatus) }
    }
}
