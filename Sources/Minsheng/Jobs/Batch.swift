import Foundation

/// Runs one job per input file on up to `jobs` concurrent tasks, and hands the results back in
/// input order, so that what a batch reports and writes does not depend on `jobs`.
///
/// ```swift
/// var report = CheckReport()
/// await Batch.run(files, jobs: 2) { file in checker.check(file: file) } consume: { result, findings in
///     report.files.append(result)
/// }
/// ```
///
/// At most `jobs` files are read at once, and at most `4 × jobs` finished results wait for a slower
/// file before them: memory stays flat however many files there are.
public enum Batch {
    /// The number of jobs when none is given: the machine's active processor count.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `work` on every input concurrently and `consume` on each result in input order.
    ///
    /// - Parameters:
    ///   - progress: called after each file finishes (in completion order) with the count done.
    ///   - work: the per-file job; it must not throw: a file's failure is part of its result.
    ///   - consume: receives `(index, result)` in input order, on the calling task.
    static func run<Result: Sendable>(
        _ inputs: [String], jobs: Int, progress: (@Sendable (Int, String) -> Void)? = nil,
        work: @escaping @Sendable (String) -> Result,
        consume: (Int, Result) -> Void
    ) async {
        await run(inputs, label: { $0 }, jobs: jobs, progress: progress, work: work, consume: consume)
    }

    /// Calls `work` on every input source concurrently and `consume` on each result in input
    /// order; progress names each source.
    static func run<Result: Sendable>(
        _ inputs: [InputSource], jobs: Int, progress: (@Sendable (Int, String) -> Void)? = nil,
        work: @escaping @Sendable (InputSource) -> Result,
        consume: (Int, Result) -> Void
    ) async {
        await run(inputs, label: \.name, jobs: jobs, progress: progress, work: work, consume: consume)
    }

    /// The general form: any inputs, `label` names one for the progress callback.
    static func run<Input: Sendable, Result: Sendable>(
        _ inputs: [Input], label: @escaping @Sendable (Input) -> String, jobs: Int,
        progress: (@Sendable (Int, String) -> Void)? = nil,
        work: @escaping @Sendable (Input) -> Result,
        consume: (Int, Result) -> Void
    ) async {
        guard !inputs.isEmpty else { return }
        let width = max(1, min(jobs, inputs.count))
        let window = width * 4
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            var delivered = 0
            var done = 0
            var waiting: [Int: Result] = [:]
            func canLaunch() -> Bool { next < inputs.count && next - delivered < window }
            while next < width {
                let index = next
                group.addTask(executorPreference: BatchExecutor.shared) { (index, work(inputs[index])) }
                next += 1
            }
            while let (index, result) = await group.next() {
                done += 1
                progress?(done, label(inputs[index]))
                waiting[index] = result
                while let ready = waiting.removeValue(forKey: delivered) {
                    consume(delivered, ready)
                    delivered += 1
                }
                // Keep `width` tasks running while the window of undelivered results allows.
                while canLaunch() && (next - done) < width {
                    let index = next
                    group.addTask(executorPreference: BatchExecutor.shared) { (index, work(inputs[index])) }
                    next += 1
                }
            }
        }
    }

    /// The results of `work` over every input, in input order.
    static func map<Result: Sendable>(
        _ inputs: [String], jobs: Int, progress: (@Sendable (Int, String) -> Void)? = nil,
        work: @escaping @Sendable (String) -> Result
    ) async -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(inputs.count)
        await run(inputs, jobs: jobs, progress: progress, work: work) { _, result in results.append(result) }
        return results
    }
}
