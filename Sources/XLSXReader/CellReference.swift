import A1Notation

/// A cell position, zero-based, convertible to and from A1 notation.
///
/// ```swift
/// let ref = CellReference("E7")   // row 6, column 4
/// ref?.a1                         // "E7"
/// ```
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Zero-based row (row 1 in Excel is 0).
    public var row: Int
    /// Zero-based column (column A is 0).
    public var column: Int

    /// The largest sheet Excel allows: 1,048,576 rows by 16,384 columns.
    public static let maxRows = 1_048_576
    /// The largest column count Excel allows.
    public static let maxColumns = 16_384

    /// Creates a reference from zero-based row and column.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `E7`, `$E$7` or `e7`; nil when the text is no cell reference.
    public init?(_ text: String) {
        var text = text
        let parsed = text.withUTF8 { buffer -> CellReference? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                CellReference.parse($0, count: buffer.count)
            }
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses A1 text from bytes without allocating; stops at `count` or a NUL byte.
    static func parse(_ bytes: UnsafePointer<CChar>, count: Int) -> CellReference? {
        var i = 0
        var count = count
        if i < count && bytes[i] == 0x24 { i += 1 }
        var column = 0
        var letters = 0
        while i < count && bytes[i] != 0 {
            var c = UInt8(bitPattern: bytes[i])
            if c >= 0x61 && c <= 0x7A { c -= 0x20 }
            guard c >= 0x41 && c <= 0x5A else { break }
            column = column * 26 + Int(c - 0x40)
            letters += 1
            i += 1
            if letters > 3 { return nil }
        }
        if i < count && bytes[i] == 0x24 { i += 1 }
        var row = 0
        var digits = 0
        while i < count {
            let c = UInt8(bitPattern: bytes[i])
            if c == 0 {
                count = i
                break
            }
            guard c >= 0x30 && c <= 0x39 else { return nil }
            row = row * 10 + Int(c - 0x30)
            digits += 1
            i += 1
            if digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1, row <= maxRows, column <= maxColumns else { return nil }
        return CellReference(row: row - 1, column: column - 1)
    }

    /// A1 notation (`E7`).
    public var a1: String { A1.cell(row, column) }

    /// A1 notation.
    public var description: String { a1 }

    /// Row-major order.
    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        lhs.row != rhs.row ? lhs.row < rhs.row : lhs.column < rhs.column
    }
}

/// A rectangle of cells, such as a merged range (`A1:C2`).
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// The top-left cell.
    public var first: CellReference
    /// The bottom-right cell.
    public var last: CellReference

    /// Creates a range from two corners, in any order.
    public init(_ a: CellReference, _ b: CellReference) {
        first = CellReference(row: min(a.row, b.row), column: min(a.column, b.column))
        last = CellReference(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    /// Parses `A1:C2` (or a single cell `A1`).
    public init?(_ text: String) {
        // Read from the bytes in place, split at the one colon (no parts made as strings).
        var text = text
        let corners = text.withUTF8 { buffer -> (CellReference, CellReference)? in
            guard let base = buffer.baseAddress else { return nil }
            var colon = -1
            for index in 0..<buffer.count where buffer[index] == UInt8(ascii: ":") {
                guard colon < 0 else { return nil }
                colon = index
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { bytes -> (CellReference, CellReference)? in
                guard let a = CellReference.parse(bytes, count: colon < 0 ? buffer.count : colon) else { return nil }
                guard colon >= 0 else { return (a, a) }
                guard let b = CellReference.parse(bytes + colon + 1, count: buffer.count - colon - 1) else { return nil }
                return (a, b)
            }
        }
        guard let (a, b) = corners else { return nil }
        self.init(a, b)
    }

    /// Whether the range covers `cell`.
    public func contains(_ cell: CellReference) -> Bool {
        cell.row >= first.row && cell.row <= last.row && cell.column >= first.column
            && cell.column <= last.column
    }

    /// A1 notation (`A1:C2`, or `A1` for a single cell).
    public var description: String { first == last ? first.a1 : "\(first.a1):\(last.a1)" }
}
