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
    var inputs: [String] = []

    @Option(help: "输出格式：text | json")
    var format: Format = .text

    @OptionGroup var table: TableOptions

    @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD，用于序时进度")
    var asOf: String?

    @OptionGroup var batch: BatchOptions

    @OptionGroup var findings: FindingsOutputOptions

    @Option(name: .customLong("save-layout"), help: "把第一个表格的读法存为版式 JSON 文件，改好后用 --layout 重复使用")
    var saveLayout: String?

    func validate() throws {
        if findings.explain && inputs.isEmpty { return }
        if inputs.isEmpty { throw ValidationError("请给出至少一个文件或文件夹") }
        if let asOf, AsOfDate(asOf) == nil { throw ValidationError("--as-of 应为 YYYY-MM-DD，例如 2020-10-31") }
    }

    func run() throws {
        if findings.explain && inputs.isEmpty { return FindingsOutputOptions.printExplanations() }
        let recognition = try Terminal.run { try table.recognition(input: batch.input) }
        let engine = try Terminal.engine()
        let listing = try Terminal.listInputs(inputs)
        try findings.checkOutput(inputs: listing.inputs)
        var request = CheckRequest(
            inputs: listing.inputs, recognition: recognition, asOf: asOf.flatMap(AsOfDate.init), jobs: batch.jobs)
        request.skipped = listing.skipped
        // (The command prints no table's first rows: only a page shows them.)
        request.previews = false
        request.previous = try table.previousReport(engine, recognition: recognition)
        let progress = batch.progress(total: listing.inputs.count)
        let form: CheckReportWriter.Format = format == .json ? .json : .text
        // Written file by file as the batch goes: memory does not grow with the findings.
        // With -o the findings are also kept, for the workbook.
        let keep = findings.output != nil
        if let saveLayout {
            try Terminal.run { try OutputFile.checkNotAnInput(saveLayout, inputs: listing.inputs.compactMap(\.path), overwrite: true) }
        }
        let explain = findings.explain
        let (status, report, reading) = try Blocking.wait { [request] in
            let writer = try CheckReportWriter(format: form, to: .standardOutput())
            writer.explainReadings = explain
            writer.hints = CommandLineHints.hints
            var report = CheckReport()
            var reading: TableReading?
            await engine.check(request, progress: progress) { file, found in
                writer.add(file, found)
                if reading == nil { reading = file.readings.first }
                if keep {
                    report.files.append(file)
                    report.findings += found
                }
            }
            try writer.finish()
            return (writer.exitStatus, report, reading)
        }
        try findings.write(report, inputs: listing.inputs)
        if let saveLayout { try Self.save(reading, to: saveLayout) }
        if status != 0 { throw ExitCode(status) }
    }

    /// Writes the reading as a layout file (a temporary file beside it, renamed into place).
    static func save(_ reading: TableReading?, to path: String) throws {
        guard let reading else {
            Terminal.error("没有读到任何表格，未保存版式文件 \(path)")
            throw ExitCode(2)
        }
        let text = ReadingText.layoutFile(reading).serialized() + "\n"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Terminal.error("无法写入版式文件 \(path)：\(error.localizedDescription)")
            throw ExitCode(2)
        }
        Terminal.error("已保存读法 → \(path)（工作表 \(reading.sheet)；改好后用 --layout \(path) 读取）")
    }
}
