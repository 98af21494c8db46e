/// What `check` is asked to do.
public struct CheckRequest: Sendable {
    /// The workbooks (files or bytes), in report order.
    public var inputs: [InputSource]
    /// Which sheet or layout to read.
    public var recognition: RecognitionOptions
    /// The date for 序时进度 (`behind-schedule`), if any.
    public var asOf: AsOfDate?
    /// Last period's report: each input is also compared with it (`--previous`).
    public var previous: PreviousReport?
    /// Files of input folders that are not read, listed in the report as skipped.
    public var skipped: [FileResult] = []
    /// How many inputs are read at once.
    public var jobs: Int
    /// Whether each reading keeps its table's first rows (`TableReading.preview`, for a page
    /// that shows them); a report that never prints them need not make them.
    public var previews = true

    /// Creates one from its parts.
    public init(
        inputs: [InputSource], recognition: RecognitionOptions = RecognitionOptions(), asOf: AsOfDate? = nil,
        jobs: Int = Batch.defaultJobs
    ) {
        self.inputs = inputs
        self.recognition = recognition
        self.asOf = asOf
        self.jobs = jobs
    }
}

extension Engine {
    /// Reads last period's report for `--previous`.
    ///
    /// - Throws: `MinshengError` naming the file when it cannot be read or holds no table.
    public func readPrevious(_ source: InputSource, recognition: RecognitionOptions = RecognitionOptions()) throws
        -> PreviousReport
    {
        try PreviousReport.read(source, finder: finder, recognition: RecognitionOptions(input: recognition.input))
    }

    /// Checks every input; the report lists them in input order.
    public func check(_ request: CheckRequest, progress: (@Sendable (Int, String) -> Void)? = nil) async -> CheckReport {
        var checker = checker
        checker.previews = request.previews
        var report = await checker.check(
            sources: request.inputs, recognition: request.recognition, asOf: request.asOf, previous: request.previous,
            jobs: request.jobs, progress: progress)
        report.files += request.skipped
        return report
    }

    /// Checks every input and hands each one's result to `each` in input order as the batch goes,
    /// keeping nothing (for reports written as they are made: `CheckReportWriter`).
    public func check(
        _ request: CheckRequest, progress: (@Sendable (Int, String) -> Void)? = nil,
        each: (FileResult, [Finding]) -> Void
    ) async {
        var checker = checker
        checker.previews = request.previews
        await checker.check(
            sources: request.inputs, recognition: request.recognition, asOf: request.asOf, previous: request.previous,
            jobs: request.jobs, progress: progress, each: each)
        for file in request.skipped { each(file, []) }
    }
}
