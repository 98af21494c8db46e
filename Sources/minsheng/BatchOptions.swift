import ArgumentParser
import Minsheng

/// The options of the commands that read many files (check, convert, collect).
struct BatchOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "同时处理的文件数（默认为 CPU 核数）；结果与 N 无关")
    var jobs: Int = Batch.defaultJobs

    @Flag(name: .shortAndLong, help: "不显示进度行")
    var quiet = false

    @Flag(name: .customLong("convert-legacy"), help: "用 LibreOffice 把 .xls、WPS .et 和网页格式的表格转换后读取（不改动原文件）")
    var convertLegacy = false

    /// How to open the inputs.
    var input: InputOptions { InputOptions(convertLegacy: convertLegacy) }

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs 应为正整数") }
    }

    /// The progress callback for a batch of `total` files.
    func progress(total: Int) -> (@Sendable (Int, String) -> Void)? {
        Progress.reporter(total: total, quiet: quiet)
    }
}
