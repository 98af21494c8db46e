/// SplitMix64: a tiny, fixed-seed generator, so that generated test inputs are the same on every
/// run and every machine (no dependence on the standard library's `random(in:)` algorithm).
public struct SplitMix64: Sendable {
    /// The generator's state (the seed, before the first number).
    public var state: UInt64

    /// Creates one from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in `range`.
    public mutating func within(_ range: Range<Int>) -> Int { range.lowerBound + below(range.count) }
}
