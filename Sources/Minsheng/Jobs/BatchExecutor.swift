import Dispatch

/// The threads a batch's per-file work runs on, outside the concurrency runtime's cooperative
/// pool. That work is synchronous and may block for long (reading a large file, or waiting up
/// to `LegacyConversion.timeout` for LibreOffice): on these threads it never holds one of the
/// runtime's few threads, which a server's requests and the batch's own ordering loop need.
/// `Batch` never has more than `jobs` items running, so the threads in use stay as many.
final class BatchExecutor: TaskExecutor {
    /// The one executor of every batch.
    static let shared = BatchExecutor()

    private let queue = DispatchQueue(label: "minsheng.batch", attributes: .concurrent)

    private init() {}

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
