import A1Notation
import Testing

/// `A1.column` and `A1.cell` name columns and cells as Excel does (bijective base-26 letters,
/// then the one-based row), whatever buffer they write them through.
struct A1ColumnTests {
    /// The letters the plain way: least significant first, then reversed.
    static func reference(_ column: Int) -> String {
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            letters.append(Character(Unicode.Scalar(UInt8(0x41 + (n - 1) % 26))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    @Test func namesEveryColumnAsTheLettersDo() {
        for column in Array(-3..<20_000) + [16_383, 16_384, 475_253, 475_254, 1 << 40, Int.max - 1] {
            #expect(A1.column(column) == Self.reference(column), "\(column)")
        }
        #expect(A1.column(0) == "A" && A1.column(25) == "Z" && A1.column(26) == "AA" && A1.column(16_383) == "XFD")
        #expect(A1.cell(6, 4) == "E7")
    }

    @Test func namesEveryCellAsLettersThenTheRowNumber() {
        for row in [-2, -1, 0, 1, 8, 9, 98, 99, 1_048_575, Int.max - 1] {
            for column in [-2, -1, 0, 25, 26, 701, 702, 16_383, Int.max - 1] {
                #expect(A1.cell(row, column) == A1.column(column) + String(row + 1), "\(row) \(column)")
            }
        }
        #expect(A1.cell(0, 0) == "A1" && A1.cell(1_048_575, 16_383) == "XFD1048576")
    }
}
