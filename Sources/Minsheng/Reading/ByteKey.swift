#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A text as a dictionary key compared and hashed by its UTF-8 bytes.
///
/// `String`'s own hashing and equality follow Unicode canonical equivalence, which costs a
/// normalization pass over every non-ASCII text (most Chinese labels) on every lookup. Where a
/// dictionary is only a cache of work derived from the text, byte identity is enough: two
/// canonically equivalent spellings are merely two entries with the same value.
struct ByteKey: Hashable, Sendable {
    /// The text.
    let text: String

    init(_ text: String) {
        var text = text
        // Native strings are already contiguous; a bridged or lazy one is made so once here.
        text.makeContiguousUTF8()
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        // (Read in place: a copy to call `withUTF8` on cost a retain and a release per look-up.)
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed != nil { return }
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool { sameBytes(a.text, b.text) }

    /// Whether two texts have the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        // One string value (a small string's own bytes, or a large one's storage): the same
        // bytes, unread. (Keys made from one layout's texts share them.)
        if unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self) { return true }
        func equal(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
            guard x.count == y.count else { return false }
            guard let p = x.baseAddress, let q = y.baseAddress else { return true }
            return memcmp(p, q, x.count) == 0
        }
        // Read in place when both are contiguous (native strings are), else through copies.
        if let answer = a.utf8.withContiguousStorageIfAvailable({ x in b.utf8.withContiguousStorageIfAvailable { y in equal(x, y) } }),
            let answer
        {
            return answer
        }
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in equal(x, y) } }
    }
}
