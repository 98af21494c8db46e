/// What `reconcile` is asked to do.
public struct ReconcileRequest: Sendable {
    /// The hand-made summary with area columns.
    public var summary: InputSource
    /// Each area's own return (files or bytes); the summary itself, if listed among them, is left out.
    public var returns: [InputSource]
    /// How returns are read (sheet, layout) and inputs opened.
    public var recognition: RecognitionOptions
    /// Files of input folders that are not read, listed in the report as skipped.
    public var skipped: [FileResult] = []
    /// How many returns are read at once.
    public var jobs: Int

    /// Creates one from its parts.
    public init(
        summary: InputSource, returns: [InputSource], recognition: RecognitionOptions = RecognitionOptions(),
        jobs: Int = Batch.defaultJobs
    ) {
        self.summary = summary
        self.returns = returns
        self.recognition = recognition
        self.jobs = jobs
    }

    /// The returns without the summary.
    public var returnsWithoutSummary: [InputSource] { InputSource.removing(summary, from: returns) }
}

extension Engine {
    /// Compares a summary's area figures with each area's own return.
    public func reconcile(_ request: ReconcileRequest, progress: (@Sendable (Int, String) -> Void)? = nil) async throws
        -> Reconciler.Result
    {
        try await Reconciler(splitter: splitter).reconcile(
            summary: request.summary, returns: request.returnsWithoutSummary, recognition: request.recognition,
            skipped: request.skipped, jobs: request.jobs, progress: progress)
    }
}
