import Testing

@testable import XLSXReader

/// `CellRange(_:)` reads a range's text from its bytes: the same ranges, and the same refusals,
/// as splitting it at `:` and reading each part.
@Suite struct CellRangeTextTests {
    private func bySplitting(_ text: String) -> CellRange? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
            let a = CellReference(String(parts[0])),
            let b = CellReference(String(parts[parts.count - 1]))
        else { return nil }
        return CellRange(a, b)
    }

    @Test func readsAsSplittingDid() {
        let texts = [
            "A1:C2", "A1", "C2:A1", "$A$1:$R$3", "a1:b2", "A1:", ":A1", "A1:B2:C3", "", ":", "XFD1048576:A1", "XFE1:A1",
            "A0:B1", "AB12:AC13", "A1 :B2", "涡阳:B2", "A12345678:B1",
        ]
        for text in texts {
            #expect(CellRange(text) == bySplitting(text), "\(text)")
        }
    }
}
