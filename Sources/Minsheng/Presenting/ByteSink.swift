#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered writer of bytes to a file descriptor (standard output by default) or into memory.
public final class ByteSink {
    // Written for every cell of a dump: no dynamic exclusivity checks on the buffer (one owner,
    // never accessed overlapping; a sink is not Sendable).
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let descriptor: Int32?
    private let flushThreshold = 1 << 16
    /// What was written, when the sink collects into memory.
    @exclusivity(unchecked) private(set) var collected: [UInt8] = []

    /// A sink writing to standard output.
    public static func standardOutput() -> ByteSink { ByteSink(descriptor: 1) }

    /// A sink collecting bytes in memory (see `collected`, after `flush()`).
    static func memory() -> ByteSink { ByteSink(descriptor: nil) }

    private init(descriptor: Int32?) {
        self.descriptor = descriptor
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    deinit { flush() }

    /// Appends UTF-8 text.
    @inline(__always)
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= flushThreshold { flush() }
    }

    /// Appends raw bytes.
    @inline(__always)
    func write(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { flush() }
    }

    /// Appends raw bytes.
    @inline(__always)
    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { flush() }
    }

    /// Appends one byte.
    @inline(__always)
    func write(byte: UInt8) {
        buffer.append(byte)
    }

    /// Writes out what is buffered.
    public func flush() {
        guard !buffer.isEmpty else { return }
        if let descriptor {
            buffer.withUnsafeBufferPointer { bytes in
                var offset = 0
                while offset < bytes.count, let base = bytes.baseAddress {
                    let written = systemWrite(descriptor, base + offset, bytes.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    if written <= 0 { break }  // a closed pipe: nothing more to do
                    offset += written
                }
            }
        } else {
            collected.append(contentsOf: buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

@inline(__always)
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(descriptor, bytes, count)
    #else
        return Darwin.write(descriptor, bytes, count)
    #endif
}
