import ArgumentParser
import Minsheng

/// `minsheng dump`: what the reader sees in a workbook.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "显示读取器看到的内容 (show what the reader sees in a workbook).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, text
    }

    @Argument(help: "要读取的 .xlsx（或 .xlsm、.csv）文件")
    var file: String

    @Option(help: "只显示这个工作表 (sheet name)")
    var sheet: String?

    @Option(help: "输出格式：json | csv | text")
    var format: Format = .text

    func run() throws {
        let form: DumpRequest.Format
        switch format {
        case .json: form = .json
        case .csv: form = .csv
        case .text: form = .text
        }
        let request = DumpRequest(source: .path(file), sheet: sheet, format: form)
        let result = try Terminal.run { try DumpWorkflow.run(request, to: .standardOutput()) }
        // What the reader set aside goes beside the dump, not into it (stdout stays the data).
        for problem in result.problems { Terminal.error("注意：\(problem)") }
    }
}
