import ArgumentParser
import Foundation
import Minsheng

/// `-o 核对结果.xlsx` of `check` and `reconcile`: the findings as a workbook of their own, and
/// `--explain`, what each kind of finding means.
struct FindingsOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "把发现的问题另存为工作簿 .xlsx（例如 核对结果.xlsx）")
    var output: String?

    @Flag(help: "覆盖已存在的输出文件")
    var force = false

    @Flag(help: "给出文件时：列出每个表格的完整读法（每一列、县区、项目行、数字核对情况）；不给文件时：列出每类问题的代码、名称和说明（该怎么办）后退出")
    var explain = false

    func validate() throws {
        if let output, !output.lowercased().hasSuffix(".xlsx") { throw ValidationError("输出文件应以 .xlsx 结尾：\(output)") }
    }

    /// Refuses an output that is an input or exists without `--force`, before any work.
    func checkOutput(inputs: [InputSource]) throws {
        guard let output else { return }
        try Terminal.run { try OutputFile.checkNotAnInput(output, inputs: inputs.compactMap(\.path), overwrite: force) }
    }

    /// Writes the findings workbook when `-o` was given.
    func write(_ report: CheckReport, inputs: [InputSource]) throws {
        guard let output else { return }
        let title = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
        _ = try Terminal.run { try FindingsWorkbook.write(report, title: title, to: .file(output, overwrite: force), inputs: inputs) }
        Terminal.error("已写入 \(output)（\(report.findings.count) 个问题）")
    }

    /// `--explain`: one line per kind, `code  名称  说明`.
    static func printExplanations() {
        let lines = FindingKind.all.map { "\($0.code.rawValue)\t\($0.name)\t\($0.explanation)" }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
