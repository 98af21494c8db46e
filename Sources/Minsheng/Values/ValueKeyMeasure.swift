extension ValueKey {
    /// The key of `measure` for the same area, its main figure: `ValueKey(measure, area: area)`
    /// without digesting the area's bytes again (the rules pair every rate, target and
    /// completion of every row with the other two).
    func of(_ measure: Measure) -> ValueKey {
        // (A further figure's key is made afresh: its digest mixes in the column.)
        guard figure == nil else { return ValueKey(measure, area: area) }
        var key = self
        key.measure = measure
        return key
    }
}
