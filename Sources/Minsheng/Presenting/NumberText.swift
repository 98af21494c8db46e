/// Numbers as short, exact text: integers without `.0`, others in Swift's shortest round-trip form.
enum NumberText {
    /// `8300`, `0.95`, `1.3943`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description  // what "\(value)" gives, without the interpolation
    }

    /// Appends the text of `value` to `sink` without an intermediate String for integers.
    @inline(__always)
    static func write(_ value: Double, to sink: ByteSink) {
        if value == value.rounded(), abs(value) < 1e15 {
            var n = Int64(value)
            if n == 0 {
                sink.write(byte: UInt8(ascii: "0"))
                return
            }
            if n < 0 {
                sink.write(byte: UInt8(ascii: "-"))
                n = -n
            }
            var digits: (UInt64, UInt64) = (0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { raw in
                while n > 0 {
                    raw[15 - count] = UInt8(0x30 + n % 10)
                    n /= 10
                    count += 1
                }
                sink.write(bytes: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[(16 - count)...]))
            }
            return
        }
        sink.write(value.description)
    }
}
