/// Reads `xl/sharedStrings.xml`: plain and rich-text strings, skipping phonetic `<rPh>` runs
/// (WPS stores pinyin there), decoding `_xHHHH_` escapes, and trimming the white space around
/// a run whose `<t>` does not say `xml:space="preserve"`.
final class SharedStringsHandler: XMLHandler {
    // Called back by expat once per event from one thread, as SheetHandler: no checks needed.
    @exclusivity(unchecked) private(set) var strings: [String] = []
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    @exclusivity(unchecked) private var inItem = false
    @exclusivity(unchecked) private var inText = false
    @exclusivity(unchecked) private var phoneticDepth = 0
    @exclusivity(unchecked) private var runStart = 0
    @exclusivity(unchecked) private var preserveSpace = false

    override func start(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        let local = localName(name)
        if nameIs(local, "t") {
            inText = inItem && phoneticDepth == 0
            runStart = buffer.count
            preserveSpace = preservesSpace(attributes)
        } else if nameIs(local, "si") {
            inItem = true
            buffer.removeAll(keepingCapacity: true)
        } else if nameIs(local, "rPh") {
            phoneticDepth += 1
        } else if nameIs(local, "sst") {
            if let count = attribute(attributes, "uniqueCount").flatMap(Int.init), count > 0 {
                strings.reserveCapacity(Swift.min(count, 1 << 20))
            }
        }
    }

    override func end(_ name: UnsafePointer<CChar>) {
        let local = localName(name)
        if nameIs(local, "t") {
            if inText && !preserveSpace { trimXMLSpace(&buffer, from: runStart) }
            inText = false
        } else if nameIs(local, "si") {
            strings.append(buffer.decodedOOXMLString())
            inItem = false
        } else if nameIs(local, "rPh") {
            phoneticDepth -= 1
        }
    }

    override func text(_ bytes: UnsafePointer<CChar>, _ count: Int) {
        guard inText else { return }
        bytes.withMemoryRebound(to: UInt8.self, capacity: count) {
            buffer.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
        }
    }
}

/// Whether an element says `xml:space="preserve"`.
func preservesSpace(_ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) -> Bool {
    var preserve = false
    forEachAttribute(attributes) { name, value in
        if nameIs(name, "space") && nameIs(value, "preserve") { preserve = true }
    }
    return preserve
}

/// Removes XML white space (space, tab, CR, LF) from both ends of `buffer[start...]`.
func trimXMLSpace(_ buffer: inout [UInt8], from start: Int) {
    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    while buffer.count > start, let last = buffer.last, isSpace(last) { buffer.removeLast() }
    var lead = start
    while lead < buffer.count && isSpace(buffer[lead]) { lead += 1 }
    if lead > start { buffer.removeSubrange(start..<lead) }
}
