#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one worksheet part: the only hot path of the reader.
///
/// Element names are matched as bytes, numbers and indexes parsed from bytes, shared strings
/// kept as indexes, and one text buffer reused for every cell. `<dimension>` is ignored.
final class SheetHandler: XMLHandler {
    // expat calls back into this object millions of times per sheet, from one thread, and no
    // method of it hands out access to its state while another runs: dynamic exclusivity checks
    // on these properties cost about a tenth of the read time and could never fire.
    private let sharedStringCount: Int
    private let keepFormulas: Bool
    private let maxCells: Int

    @exclusivity(unchecked) private(set) var stored: [StoredCell] = []
    @exclusivity(unchecked) private(set) var texts: [String] = []
    @exclusivity(unchecked) private(set) var formulas: [Int: String] = [:]
    @exclusivity(unchecked) private(set) var mergedRanges: [CellRange] = []
    @exclusivity(unchecked) private(set) var outOfOrder = false

    // Position.
    @exclusivity(unchecked) private var row = -1
    @exclusivity(unchecked) private var nextColumn = 0
    @exclusivity(unchecked) private var lastKey: UInt64 = 0

    // The cell being read.
    private enum CellType { case number, shared, string, inline, bool, error, isoDate }
    @exclusivity(unchecked) private var inCell = false
    @exclusivity(unchecked) private var cellRow = 0
    @exclusivity(unchecked) private var cellColumn = 0
    @exclusivity(unchecked) private var cellType = CellType.number
    @exclusivity(unchecked) private var cellStyle: UInt32 = 0
    @exclusivity(unchecked) private var hasFormula = false
    @exclusivity(unchecked) private var hasValue = false
    @exclusivity(unchecked) private var hasInline = false
    @exclusivity(unchecked) private var capture = Capture.none
    @exclusivity(unchecked) private var phoneticDepth = 0
    @exclusivity(unchecked) private var inInline = false
    @exclusivity(unchecked) private var runStart = 0
    @exclusivity(unchecked) private var preserveSpace = false
    @exclusivity(unchecked) private var value: [UInt8] = []
    @exclusivity(unchecked) private var inline: [UInt8] = []
    @exclusivity(unchecked) private var formula: [UInt8] = []

    private enum Capture { case none, value, formula, inlineText }

    /// Rows from this zero-based index on are not read: the parse stops at the first of them.
    private let rowLimit: Int

    /// A formula's cached 0 is a placeholder (the workbook asks to be recalculated on opening).
    private let placeholderZeros: Bool

    init(sharedStringCount: Int, options: ReadOptions, rowLimit: Int = Int.max, placeholderZeros: Bool = false) {
        self.rowLimit = rowLimit
        self.placeholderZeros = placeholderZeros
        self.sharedStringCount = sharedStringCount
        self.keepFormulas = options.keepFormulas
        self.maxCells = options.maxCells
        value.reserveCapacity(64)
    }

    override func start(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        let local = localName(name)
        switch UInt8(bitPattern: local[0]) {
        case UInt8(ascii: "c") where local[1] == 0:
            startCell(attributes)
        case UInt8(ascii: "v") where local[1] == 0:
            if inCell {
                capture = .value
                hasValue = true
                value.removeAll(keepingCapacity: true)
            }
        case UInt8(ascii: "f") where local[1] == 0:
            if inCell {
                hasFormula = true
                // Kept always until the cell ends: a formula without a cached value keeps its text
                // (what it would compute is all there is to know of it).
                capture = .formula
                formula.removeAll(keepingCapacity: true)
            }
        case UInt8(ascii: "t") where local[1] == 0:
            if inInline && phoneticDepth == 0 {
                capture = .inlineText
                runStart = inline.count
                preserveSpace = preservesSpace(attributes)
            }
        case UInt8(ascii: "r"):
            if local[1] == 0x6F && nameIs(local, "row") {
                startRow(attributes)
            } else if nameIs(local, "rPh") {
                phoneticDepth += 1
            }
        case UInt8(ascii: "i") where nameIs(local, "is"):
            if inCell {
                inInline = true
                hasInline = true
                inline.removeAll(keepingCapacity: true)
            }
        case UInt8(ascii: "m") where nameIs(local, "mergeCell"):
            if let text = attribute(attributes, "ref"), let range = CellRange(text) {
                mergedRanges.append(range)
            }
        default:
            break
        }
    }

    override func end(_ name: UnsafePointer<CChar>) {
        let local = localName(name)
        switch UInt8(bitPattern: local[0]) {
        case UInt8(ascii: "c") where local[1] == 0:
            if inCell { finishCell() }
        case UInt8(ascii: "t") where local[1] == 0:
            if capture == .inlineText && !preserveSpace { trimXMLSpace(&inline, from: runStart) }
            capture = .none
        case UInt8(ascii: "v") where local[1] == 0, UInt8(ascii: "f") where local[1] == 0:
            capture = .none
        case UInt8(ascii: "r") where nameIs(local, "rPh"):
            phoneticDepth -= 1
        case UInt8(ascii: "i") where nameIs(local, "is"):
            inInline = false
        default:
            break
        }
    }

    override func text(_ bytes: UnsafePointer<CChar>, _ count: Int) {
        switch capture {
        case .none: return
        case .value: append(bytes, count, to: &value)
        case .formula: append(bytes, count, to: &formula)
        case .inlineText: append(bytes, count, to: &inline)
        }
    }

    @inline(__always)
    private func append(_ bytes: UnsafePointer<CChar>, _ count: Int, to buffer: inout [UInt8]) {
        bytes.withMemoryRebound(to: UInt8.self, capacity: count) {
            buffer.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
        }
    }

    private func startRow(_ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        var explicit: Int?
        forEachAttribute(attributes) { name, value in
            if name[0] == 0x72 && name[1] == 0, let n = parseDigits(value), n >= 1 { explicit = n - 1 }
        }
        row = explicit ?? row + 1
        nextColumn = 0
        if row >= rowLimit { finishEarly() }
    }

    private func startCell(_ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        inCell = true
        cellType = .number
        cellStyle = 0
        hasFormula = false
        hasValue = false
        hasInline = false
        phoneticDepth = 0
        var reference: CellReference?
        var i = 0
        while let name = attributes[i], let attr = attributes[i + 1] {
            i += 2
            let local = localName(name)
            guard local[1] == 0 else { continue }
            switch UInt8(bitPattern: local[0]) {
            case UInt8(ascii: "r"): reference = CellReference.parse(attr, count: Int.max)
            case UInt8(ascii: "s"): cellStyle = UInt32(clamping: parseDigits(attr) ?? 0)
            case UInt8(ascii: "t"): cellType = SheetHandler.cellType(attr)
            default: break
            }
        }
        if let reference {
            cellRow = reference.row
            cellColumn = reference.column
            if row < 0 { row = reference.row }
        } else {
            cellRow = max(row, 0)
            cellColumn = nextColumn
        }
        nextColumn = cellColumn + 1
        if cellRow >= rowLimit {
            inCell = false
            finishEarly()
        }
    }

    private static func cellType(_ t: UnsafePointer<CChar>) -> CellType {
        switch (UInt8(bitPattern: t[0]), UInt8(bitPattern: t[1])) {
        case (UInt8(ascii: "s"), 0): return .shared
        case (UInt8(ascii: "s"), UInt8(ascii: "t")): return .string
        case (UInt8(ascii: "i"), _): return .inline
        case (UInt8(ascii: "b"), _): return .bool
        case (UInt8(ascii: "e"), _): return .error
        case (UInt8(ascii: "d"), _): return .isoDate
        default: return .number
        }
    }

    private func finishCell() {
        inCell = false
        capture = .none
        guard cellColumn < CellReference.maxColumns, cellRow < CellReference.maxRows else { return }
        var kind = StoredCell.Kind.number
        var payload: UInt64 = 0
        var placeholder = false
        switch cellType {
        case .number:
            guard hasValue, let number = parseNumber(value) else {
                if hasValue && !value.isEmpty {
                    kind = .string
                    payload = addText(value.decodedOOXMLString())
                } else if hasFormula {
                    kind = .formulaWithoutValue
                } else {
                    return
                }
                break
            }
            payload = number.bitPattern
            placeholder = placeholderZeros && hasFormula && number == 0
        case .shared:
            guard hasValue, value.contains(where: { $0 > 0x20 }) else {
                if !hasFormula { return }
                kind = .formulaWithoutValue
                break
            }
            guard let index = parseDigits(value), index < sharedStringCount else {
                let text = String(decoding: value, as: UTF8.self)
                fail(
                    .sharedStringOutOfRange(index: Int(text.trimmingSpaces()) ?? -1, count: sharedStringCount),
                    cell: CellReference(row: cellRow, column: cellColumn).a1)
                return
            }
            kind = .sharedString
            payload = UInt64(index)
        case .string, .inline:
            let source = cellType == .inline && hasInline ? inline : value
            if !hasValue && !hasInline {
                if !hasFormula { return }
                kind = .formulaWithoutValue
                break
            }
            kind = .string
            payload = addText(source.decodedOOXMLString())
        case .bool:
            guard hasValue else {
                if !hasFormula { return }
                kind = .formulaWithoutValue
                break
            }
            kind = .bool
            payload = value.first == UInt8(ascii: "1") || value.first == UInt8(ascii: "t") ? 1 : 0
        case .error:
            guard hasValue else { return }
            kind = .error
            payload = addText(String(decoding: value, as: UTF8.self))
        case .isoDate:
            guard hasValue else { return }
            kind = .isoDate
            payload = addText(ExcelDate.normalizeISO(String(decoding: value, as: UTF8.self)))
        }
        if stored.count >= maxCells {
            fail(.tooManyCells(limit: maxCells), cell: CellReference(row: cellRow, column: cellColumn).a1)
            return
        }
        let cell = StoredCell(
            payload: payload, row: UInt32(cellRow), style: cellStyle, column: UInt16(cellColumn), kind: kind,
            hasFormula: hasFormula, placeholderResult: placeholder)
        let key = cell.sortKey
        if !stored.isEmpty && key <= lastKey { outOfOrder = true }
        lastKey = key
        if hasFormula && !formula.isEmpty && (keepFormulas || kind == .formulaWithoutValue || placeholder) {
            formulas[stored.count] = String(decoding: formula, as: UTF8.self)
        }
        stored.append(cell)
    }

    private func addText(_ text: String) -> UInt64 {
        texts.append(text)
        return UInt64(texts.count - 1)
    }

    /// Sorts row-major and keeps the last of any duplicated reference, when the file was out of order.
    func finish() -> (stored: [StoredCell], formulas: [Int: String]) {
        guard outOfOrder else { return (stored, formulas) }
        let order = stored.indices.sorted {
            let a = stored[$0].sortKey
            let b = stored[$1].sortKey
            return a != b ? a < b : $0 < $1
        }
        var result: [StoredCell] = []
        var newFormulas: [Int: String] = [:]
        result.reserveCapacity(order.count)
        for (position, index) in order.enumerated() {
            let cell = stored[index]
            if let next = position + 1 < order.count ? order[position + 1] : nil,
                stored[next].sortKey == cell.sortKey
            {
                continue
            }
            if let text = formulas[index] { newFormulas[result.count] = text }
            result.append(cell)
        }
        return (result, newFormulas)
    }
}

/// Parses an unsigned decimal integer from a C string, nil if it is not one.
@inline(__always)
func parseDigits(_ text: UnsafePointer<CChar>) -> Int? {
    var n = 0
    var i = 0
    while text[i] != 0 {
        let c = UInt8(bitPattern: text[i])
        guard c >= 0x30 && c <= 0x39, i < 18 else { return nil }
        n = n * 10 + Int(c - 0x30)
        i += 1
    }
    return i > 0 ? n : nil
}

/// Parses an unsigned decimal integer from bytes, ignoring surrounding spaces.
@inline(__always)
func parseDigits(_ bytes: [UInt8]) -> Int? {
    var n = 0
    var digits = 0
    var seenEnd = false
    for c in bytes {
        if c >= 0x30 && c <= 0x39 && !seenEnd {
            guard digits < 18 else { return nil }
            n = n * 10 + Int(c - 0x30)
            digits += 1
        } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
            if digits > 0 { seenEnd = true }
        } else {
            return nil
        }
    }
    return digits > 0 ? n : nil
}

/// Parses a number as written in `<v>`: integers directly, anything else with `strtod` on a
/// NUL-terminated copy in temporary (stack) memory.
@inline(__always)
func parseNumber(_ bytes: [UInt8]) -> Double? {
    if let n = parseSmallInteger(bytes) { return Double(n) }
    if let n = parsePlainDecimal(bytes) { return n }
    // strtod accepts hex, inf and nan; sheet numbers are decimal.
    for c in bytes where c == UInt8(ascii: "x") || c == UInt8(ascii: "X") || c == UInt8(ascii: "n") || c == UInt8(ascii: "N") {
        return nil
    }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { c -> Double? in
        guard let base = c.baseAddress else { return nil }
        for i in 0..<bytes.count { c[i] = CChar(bitPattern: bytes[i]) }
        c[bytes.count] = 0
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(base, &end)
        guard let end, end != base else { return nil }
        var p = end
        while p.pointee == 0x20 || p.pointee == 0x09 || p.pointee == 0x0A || p.pointee == 0x0D { p += 1 }
        guard p.pointee == 0, value.isFinite else { return nil }
        return value
    }
}

/// A plain decimal (`0.853`, `-12.5`: an optional minus, at most 15 digits, one point) as
/// `strtod` reads it: its digits as an integer below 2^53 and a power of ten up to 10^22 are both
/// exact doubles, so their quotient, rounded once by the division, is the correctly rounded value
/// `strtod` gives (Clinger's fast path). Nil for anything else, for `strtod` to read.
@inline(__always)
private func parsePlainDecimal(_ bytes: [UInt8]) -> Double? {
    guard !bytes.isEmpty, bytes.count <= 17 else { return nil }
    var i = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") {
        negative = true
        i = 1
    }
    var mantissa: Int64 = 0
    var digits = 0
    var fraction = 0
    var point = false
    while i < bytes.count {
        let c = bytes[i]
        if c >= 0x30 && c <= 0x39 {
            mantissa = mantissa * 10 + Int64(c - 0x30)
            digits += 1
            if point { fraction += 1 }
        } else if c == UInt8(ascii: "."), !point {
            point = true
        } else {
            return nil
        }
        i += 1
    }
    guard digits > 0, digits <= 15 else { return nil }
    // (10^fraction by whole multiplications: exact, as every power of ten up to 10^22 is.)
    var power = 1.0
    for _ in 0..<fraction { power *= 10 }
    let value = Double(mantissa) / power
    return negative ? -value : value
}

@inline(__always)
private func parseSmallInteger(_ bytes: [UInt8]) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
    var i = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") {
        negative = true
        i = 1
        guard bytes.count > 1 else { return nil }
    }
    var n = 0
    while i < bytes.count {
        let c = bytes[i]
        guard c >= 0x30 && c <= 0x39 else { return nil }
        n = n * 10 + Int(c - 0x30)
        i += 1
    }
    return negative ? -n : n
}
