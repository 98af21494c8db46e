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

    @Argument(help: "要读取的 .xlsx 文件")
    var file: String

    @Option(help: "只显示这个工作表 (sheet name)")
    var sheet: String?

    @Option(help: "输出格式：json | csv | text")
    var format: Format = .text

    func run() throws {
        let sink = ByteSink.standardOutput()
        do {
            let workbook = try Workbook(path: file)
            let sheets: [Sheet]
            if let sheet {
                sheets = [try workbook.sheet(named: sheet)]
            } else if format == .csv {
                guard let first = workbook.sheets.first(where: { $0.state == .visible }) ?? workbook.sheets.first
                else {
                    throw XLSXError(file: file, kind: .noSuchSheet("（工作簿中没有工作表）"))
                }
                sheets = [try workbook.sheet(first)]
            } else {
                sheets = try workbook.allSheets()
            }
            switch format {
            case .json: SheetExport.writeJSON(file: file, sheets: sheets, to: sink)
            case .csv: sheets.forEach { SheetExport.writeCSV($0, to: sink) }
            case .text:
                for sheet in sheets { SheetExport.writeText(sheet, file: file, to: sink) }
            }
            sink.flush()
        } catch let error as XLSXError {
            sink.flush()
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }
}
