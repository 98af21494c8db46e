import ArgumentParser
import Minsheng

/// The options that choose which table of a workbook is read (check, convert, collect).
struct TableOptions: ParsableArguments {
    @Option(help: "只读这个工作表（隐藏的也可以）")
    var sheet: String?

    @Option(help: "手工指定版式的 JSON 文件（见 README）")
    var layout: String?

    @Option(help: "上期报表（如 1-8月），逐项对比累计完成数、年度目标和项目是否减少")
    var previous: String?

    /// The recognition options, with the layout file loaded.
    ///
    /// - Throws: `MinshengError.badLayoutFile` for a layout file that cannot be used.
    func recognition(input: InputOptions) throws -> RecognitionOptions {
        var recognition = RecognitionOptions(sheetName: sheet, input: input)
        if let layout { recognition.layoutOverride = try LayoutOverride.load(path: layout) }
        return recognition
    }

    /// Last period's report, read once (exit 2 with the reason when it cannot be read).
    func previousReport(_ engine: Engine, recognition: RecognitionOptions) throws -> PreviousReport? {
        guard let previous else { return nil }
        return try Terminal.run { try engine.readPrevious(.path(previous), recognition: recognition) }
    }
}

extension Terminal {
    /// Prints a command's stopping error (with the option that solves it, when one does) and
    /// gives its exit code (64 for usage, 2 otherwise).
    static func exit(for error: MinshengError) -> ExitCode {
        Terminal.error(CommandLineHints.hints.text(of: error))
        return ExitCode(error.exitCode)
    }

    /// Runs `body`, turning a stopping `MinshengError` into its message and exit code.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as MinshengError { throw exit(for: error) }
    }

    /// The inputs of FILE|DIR arguments; none at all is a usage error (exit 64).
    static func listInputs(_ arguments: [String]) throws -> InputFiles.Listing {
        let listing = InputFiles.list(arguments)
        guard !listing.isEmpty else {
            for file in listing.skipped { Terminal.error("已跳过 \(file.path)：\(file.error ?? "")") }
            throw exit(for: listing.nothingToRead(arguments))
        }
        return listing
    }

    /// The engine with the data files of `Templates/` (exit 2 with the message when broken).
    static func engine() throws -> Engine {
        try run { try Engine.standard() }
    }
}
