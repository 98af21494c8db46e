/// Decodes the `_xHHHH_` escapes of OOXML strings (`_x000D_` is a carriage return,
/// `_x005F_` an underscore). Text without `_x` comes back unchanged.
func decodeOOXMLEscapes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard containsEscape(bytes) else { return String(decoding: bytes, as: UTF8.self) }
    var units: [UInt16] = []
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    func flushUnits() {
        guard !units.isEmpty else { return }
        let text = String(decoding: units, as: UTF16.self)
        out.append(contentsOf: text.utf8)
        units.removeAll(keepingCapacity: true)
    }
    var i = 0
    while i < bytes.count {
        if let unit = escapedUnit(bytes, at: i) {
            units.append(unit)
            i += 7
            continue
        }
        flushUnits()
        out.append(bytes[i])
        i += 1
    }
    flushUnits()
    return String(decoding: out, as: UTF8.self)
}

private func containsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 7 else { return false }
    for i in 0...(bytes.count - 7) where bytes[i] == 0x5F && bytes[i + 1] == 0x78 {
        if escapedUnit(bytes, at: i) != nil { return true }
    }
    return false
}

/// The UTF-16 unit of an `_xHHHH_` escape starting at `i`, if one starts there.
private func escapedUnit(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt16? {
    guard i + 7 <= bytes.count, bytes[i] == 0x5F, bytes[i + 1] == 0x78, bytes[i + 6] == 0x5F else {
        return nil
    }
    var value: UInt16 = 0
    for j in 2..<6 {
        let c = bytes[i + j]
        let digit: UInt8
        switch c {
        case 0x30...0x39: digit = c - 0x30
        case 0x41...0x46: digit = c - 0x41 + 10
        case 0x61...0x66: digit = c - 0x61 + 10
        default: return nil
        }
        value = value << 4 | UInt16(digit)
    }
    return value
}

extension Array where Element == UInt8 {
    /// The bytes as a String with OOXML escapes decoded.
    func decodedOOXMLString() -> String {
        withUnsafeBufferPointer { decodeOOXMLEscapes($0) }
    }
}
