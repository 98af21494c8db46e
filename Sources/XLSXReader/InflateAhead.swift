import CLibZip

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inflates one zip entry on a second thread, a bounded ring of chunks ahead of the thread that
/// parses them, so that a large sheet costs about max(inflate, parse) instead of their sum.
///
/// The producer thread is the only one that touches the `zip_file_t` until it has stopped; the
/// consumer only reads filled chunks. At most `slots` chunks are inflated ahead (memory stays at
/// `slots × chunkSize`), and the consumer's size and ratio checks run on every chunk as before.
final class InflateAhead: @unchecked Sendable {
    private let file: OpaquePointer
    private let chunkSize: Int
    private let slots: Int
    private let buffers: [UnsafeMutableBufferPointer<UInt8>]
    private var lengths: [Int]

    // Guarded by `mutex`.
    private var head = 0
    private var filled = 0
    private var finished = false
    private var cancelled = false
    private var failure: String?

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let notEmpty: UnsafeMutablePointer<pthread_cond_t>
    private let notFull: UnsafeMutablePointer<pthread_cond_t>
    private var thread: pthread_t?

    /// Starts inflating `file` (opened with `zip_fopen_index`); nil when no thread can be started,
    /// and the caller then reads in turn on its own thread.
    static func start(_ file: OpaquePointer, chunkSize: Int, slots: Int) -> InflateAhead? {
        let ring = InflateAhead(file: file, chunkSize: chunkSize, slots: slots)
        let context = Unmanaged.passRetained(ring).toOpaque()
        #if canImport(Glibc)
            var thread = pthread_t()
        #else
            var thread: pthread_t?
        #endif
        let status = pthread_create(
            &thread, nil,
            { context in
                #if canImport(Glibc)
                    guard let context else { return nil }
                #endif
                let ring = Unmanaged<InflateAhead>.fromOpaque(context).takeRetainedValue()
                ring.produce()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<InflateAhead>.fromOpaque(context).release()
            return nil
        }
        ring.thread = thread
        return ring
    }

    private init(file: OpaquePointer, chunkSize: Int, slots: Int) {
        self.file = file
        self.chunkSize = chunkSize
        self.slots = slots
        self.buffers = (0..<slots).map { _ in UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize) }
        self.lengths = [Int](repeating: 0, count: slots)
        mutex = .allocate(capacity: 1)
        notEmpty = .allocate(capacity: 1)
        notFull = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(notEmpty, nil)
        pthread_cond_init(notFull, nil)
    }

    deinit {
        pthread_cond_destroy(notFull)
        pthread_cond_destroy(notEmpty)
        pthread_mutex_destroy(mutex)
        notFull.deallocate()
        notEmpty.deallocate()
        mutex.deallocate()
        for buffer in buffers { buffer.deallocate() }
    }

    /// The producer thread: inflates into free slots until the entry ends, fails or is cancelled.
    private func produce() {
        pthread_mutex_lock(mutex)
        while true {
            if filled == slots && !cancelled {
                while filled > slots / 2 && !cancelled { pthread_cond_wait(notFull, mutex) }
            }
            if cancelled { break }
            let slot = (head + filled) % slots
            pthread_mutex_unlock(mutex)
            // The slot is outside the filled range: the consumer does not look at it.
            let got = zip_fread(file, buffers[slot].baseAddress, UInt64(chunkSize))
            let reason = got < 0 ? String(cString: zip_file_strerror(file)) : nil
            pthread_mutex_lock(mutex)
            if let reason {
                failure = reason
                finished = true
            } else if got == 0 {
                finished = true
            } else {
                lengths[slot] = Int(got)
                filled += 1
            }
            // The consumer waits only on an empty ring.
            if filled <= 1 || finished { pthread_cond_signal(notEmpty) }
            if finished { break }
        }
        pthread_mutex_unlock(mutex)
    }

    /// What the consumer gets next.
    enum Next {
        case chunk(UnsafeBufferPointer<UInt8>)
        case end
        case failed(reason: String)
    }

    /// Waits for the next inflated chunk; the chunk stays valid until `release()`.
    func next() -> Next {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while filled == 0 && !finished { pthread_cond_wait(notEmpty, mutex) }
        if filled > 0 {
            return .chunk(UnsafeBufferPointer(rebasing: buffers[head][0..<lengths[head]]))
        }
        if let failure { return .failed(reason: failure) }
        return .end
    }

    /// Hands the chunk returned by `next()` back to the producer, which waits only on a full
    /// ring and is woken when half of it is free: it then inflates in a burst, and a busy
    /// machine's scheduling delays fall on the slack, not on the parser.
    func release() {
        pthread_mutex_lock(mutex)
        head = (head + 1) % slots
        filled -= 1
        if filled == slots / 2 { pthread_cond_signal(notFull) }
        pthread_mutex_unlock(mutex)
    }

    /// Stops the producer and waits for it: after this the `zip_file_t` may be closed.
    func stop() {
        pthread_mutex_lock(mutex)
        cancelled = true
        pthread_cond_signal(notFull)
        pthread_mutex_unlock(mutex)
        if let thread {
            #if canImport(Glibc)
                pthread_join(thread, nil)
            #else
                pthread_join(thread, nil)
            #endif
            self.thread = nil
        }
    }
}
