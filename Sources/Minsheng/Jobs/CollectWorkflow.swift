/// What `collect` is asked to do.
public struct CollectRequest: Sendable {
    /// The plan the templates were split from.
    public var plan: InputSource
    /// The areas' returns (files or bytes); the plan itself, if listed among them, is left out.
    public var returns: [InputSource]
    /// Where the standardized progress workbook goes.
    public var output: OutputTarget
    /// The title above 进度汇总.
    public var title: String
    /// The date of 序时进度 and 状态, if any.
    public var asOf: AsOfDate?
    /// How returns in an area's own layout are read (sheet, layout) and how inputs are opened.
    public var recognition: RecognitionOptions
    /// Files of input folders that are not read, listed in the report as skipped.
    public var skipped: [FileResult] = []
    /// How many returns are read at once.
    public var jobs: Int

    /// Creates one from its parts.
    public init(
        plan: InputSource, returns: [InputSource], output: OutputTarget, title: String = ConvertRequest.defaultTitle,
        asOf: AsOfDate? = nil, recognition: RecognitionOptions = RecognitionOptions(), jobs: Int = Batch.defaultJobs
    ) {
        self.plan = plan
        self.returns = returns
        self.output = output
        self.title = title
        self.asOf = asOf
        self.recognition = recognition
        self.jobs = jobs
    }

    /// The returns without the plan (a folder of returns often holds the plan too).
    public var returnsWithoutPlan: [InputSource] { InputSource.removing(plan, from: returns) }
}

extension Engine {
    /// Reads the plan and the returns and writes the standardized progress workbook.
    public func collect(_ request: CollectRequest, progress: (@Sendable (Int, String) -> Void)? = nil) async throws
        -> Collector.Result
    {
        try await Collector(splitter: splitter, settings: settings).collect(
            plan: request.plan, returns: request.returnsWithoutPlan, to: request.output, title: request.title,
            asOf: request.asOf, recognition: request.recognition, skipped: request.skipped, jobs: request.jobs,
            progress: progress)
    }
}
