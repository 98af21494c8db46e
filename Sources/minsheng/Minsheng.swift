import ArgumentParser
import Minsheng

@main
struct MinshengCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minsheng",
        abstract: "民生工程/民生实事表格工具：读取、核对、汇总 (livelihood-project spreadsheets).",
        version: MinshengInfo.version,
        subcommands: [ConvertCommand.self, SplitCommand.self, CollectCommand.self, CheckCommand.self, ReconcileCommand.self, DumpCommand.self])
}
