/// What `convert` is asked to do.
public struct ConvertRequest: Sendable {
    /// The submitted workbooks (files or bytes).
    public var inputs: [InputSource]
    /// Where the standardized progress workbook goes.
    public var output: OutputTarget
    /// The title above 进度汇总.
    public var title: String
    /// The date of 序时进度 and 状态, if any.
    public var asOf: AsOfDate?
    /// Which sheet or layout to read.
    public var recognition: RecognitionOptions
    /// Last period's report (`--previous`): 上期累计 and 本期新增 columns, and its findings.
    public var previous: PreviousReport?
    /// Files of input folders that are not read, listed in the report as skipped.
    public var skipped: [FileResult] = []
    /// How many inputs are read at once.
    public var jobs: Int
    /// Whether the report's readings keep their tables' first rows (`CheckRequest.previews`).
    public var previews = true

    /// The title when none is given.
    public static let defaultTitle = "民生实事进展情况"

    /// Creates one from its parts.
    public init(
        inputs: [InputSource], output: OutputTarget, title: String = ConvertRequest.defaultTitle, asOf: AsOfDate? = nil,
        recognition: RecognitionOptions = RecognitionOptions(), jobs: Int = Batch.defaultJobs
    ) {
        self.inputs = inputs
        self.output = output
        self.title = title
        self.asOf = asOf
        self.recognition = recognition
        self.jobs = jobs
    }
}

extension Engine {
    /// Reads, checks and merges every input into the standardized progress workbook.
    public func convert(_ request: ConvertRequest, progress: (@Sendable (Int, String) -> Void)? = nil) async throws
        -> Converter.Result
    {
        var checker = checker
        checker.previews = request.previews
        return try await Converter(checker: checker, settings: settings).convert(
            sources: request.inputs, to: request.output, title: request.title, asOf: request.asOf,
            recognition: request.recognition, skipped: request.skipped, previous: request.previous, jobs: request.jobs,
            progress: progress)
    }
}
