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

    @Option(help: "只读这个工作表（隐藏的也可以）")
    var sheet: String?

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("请给出至少一个文件或文件夹") }
    }

    func run() throws {
        let files = InputFiles.expand(inputs)
        let result: Converter.Result
        let (output, title, asOf, force) = (options.output, options.title, options.asOfDate, options.force)
        let recognition = RecognitionOptions(sheetName: sheet, input: batch.input)
        let (jobs, progress) = (batch.jobs, batch.progress(total: files.count))
        do {
            result = try Blocking.wait {
                try await Converter().convert(
                    files: files, to: output, title: title, asOf: asOf, recognition: recognition, overwrite: force,
                    jobs: jobs, progress: progress)
            }
        } catch let error as MinshengError {
            throw Terminal.exit(for: error)
        }
        let report = result.report
        for file in report.files where file.status == .unreadable {
            Terminal.error(file.error ?? "无法读取 \(file.path)")
        }
        switch options.format {
        case .json: Terminal.printJSON(report)
        case .text:
            var line = "已汇总 \(report.files.count - report.unreadableCount)/\(report.files.count) 个文件，\(result.items) 个指标"
            line += "；核对发现 \(report.errorCount) 个错误，\(report.warningCount) 个警告 → \(result.output)"
            print(line)
        }
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
