import ArgumentParser
import Foundation
import Minsheng

/// `minsheng check`: reconcile totals and completion rates, report every discrepancy.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "核对：市级合计与各县区之和、报送完成率与完成数÷目标 (reconcile totals and rates).",
        discussion: "退出状态：0 无错误；1 有错误；2 有文件无法读取；64 用法错误。")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "要核对的 .xlsx（或 .xlsm、.csv）文件或文件夹")
    var inputs: [String]

    @Option(help: "输出格式：text | json")
    var format: Format = .text

    @Option(help: "只读这个工作表（隐藏的也可以）")
    var sheet: String?

    @Option(help: "手工指定版式的 JSON 文件（见 README）")
    var layout: String?

    @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD，用于序时进度")
    var asOf: String?

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("请给出至少一个文件或文件夹") }
        if let asOf, AsOfDate(asOf) == nil { throw ValidationError("--as-of 应为 YYYY-MM-DD，例如 2020-10-31") }
    }

    func run() throws {
        var recognition = RecognitionOptions(sheetName: sheet, input: batch.input)
        if let layout {
            do { recognition.layoutOverride = try LayoutOverride.load(path: layout) } catch {
                Terminal.error("\(error)")
                throw ExitCode(64)
            }
        }
        let checker: Checker
        do { checker = try Checker() } catch {
            Terminal.error("\(error)")
            throw ExitCode(2)
        }
        let files = InputFiles.expand(inputs)
        let (asOf, jobs, progress) = (asOf.flatMap(AsOfDate.init), batch.jobs, batch.progress(total: files.count))
        let form: CheckReportWriter.Format = format == .json ? .json : .text
        // Written file by file as the batch goes: memory does not grow with the findings.
        let status = try Blocking.wait { [recognition] in
            let writer = try CheckReportWriter(format: form, to: .standardOutput())
            await checker.check(files: files, recognition: recognition, asOf: asOf, jobs: jobs, progress: progress) {
                writer.add($0, $1)
            }
            try writer.finish()
            return writer.exitStatus
        }
        if status != 0 { throw ExitCode(status) }
    }
}
