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
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        var a = a.text
        var b = b.text
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
    }
}
