import ArgumentParser
import Minsheng

/// The options of the commands that write the standardized progress workbook (convert, collect).
struct ProgressOutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .shortAndLong, help: "输出的标准进度表 .xlsx")
    var output: String

    @Option(help: "表格标题")
    var title: String = ConvertRequest.defaultTitle

    @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD，用于序时进度和状态")
    var asOf: String?

    @Option(help: "终端输出：text（摘要）| json（核对报告）")
    var format: Format = .text

    @Flag(help: "覆盖已存在的输出文件")
    var force = false

    /// The parsed `--as-of` date.
    var asOfDate: AsOfDate? { asOf.flatMap(AsOfDate.init) }

    func validate() throws {
        if let asOf, AsOfDate(asOf) == nil { throw ValidationError("--as-of 应为 YYYY-MM-DD，例如 2020-10-31") }
        if !output.lowercased().hasSuffix(".xlsx") { throw ValidationError("输出文件应以 .xlsx 结尾：\(output)") }
    }
}

extension Terminal {
    /// Prints a job's outcome: unreadable inputs on standard error, then the JSON report or the
    /// text summary; exits with the report's status.
    static func present(_ report: CheckReport, format: ProgressOutputOptions.Format, text: String) {
        for file in report.files where file.status == .unreadable {
            Terminal.error(file.problem?.text(hints: report.hints) ?? "无法读取 \(file.path)")
        }
        switch format {
        case .json: Terminal.printJSON(report)
        case .text: print(text, terminator: "")
        }
    }
}
