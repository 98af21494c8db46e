import Foundation

/// Builds zip archives byte by byte for tests: stored entries from text, or entries whose
/// deflate stream the test supplies (to make decompression bombs without inflating anything).
public struct ZipBuilder {
    private struct Entry {
        var name: String
        var data: [UInt8]
        var method: UInt16
        var crc: UInt32
        var uncompressedSize: UInt32
    }

    private var entries: [Entry] = []

    public init() {}

    /// Adds a stored (uncompressed) entry.
    public mutating func add(_ name: String, _ text: String) {
        add(name, bytes: Array(text.utf8))
    }

    /// Adds a stored entry of raw bytes.
    public mutating func add(_ name: String, bytes: [UInt8]) {
        entries.append(
            Entry(name: name, data: bytes, method: 0, crc: ZipBuilder.crc32(bytes), uncompressedSize: UInt32(bytes.count)))
    }

    /// Adds an entry holding a raw deflate stream, declaring the given size and CRC.
    public mutating func addDeflated(_ name: String, stream: [UInt8], uncompressedSize: UInt32, crc: UInt32 = 0) {
        entries.append(Entry(name: name, data: stream, method: 8, crc: crc, uncompressedSize: uncompressedSize))
    }

    /// The archive's bytes.
    public func build() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(out.count)
            let name = Array(entry.name.utf8)
            out += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(entry.method) + le16(0) + le16(0x21)
            out += le32(entry.crc) + le32(UInt32(entry.data.count)) + le32(entry.uncompressedSize)
            out += le16(UInt16(name.count)) + le16(0) + name + entry.data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(entry.method) + le16(0) + le16(0x21)
            central += le32(entry.crc) + le32(UInt32(entry.data.count)) + le32(entry.uncompressedSize)
            central += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return out
    }

    /// Writes the archive to a new file in a temporary folder and returns its path.
    public func write(named name: String = "test.xlsx") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(build()).write(to: url)
        return url.path
    }

    private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    /// CRC-32 (IEEE), as zip uses.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    /// A raw deflate stream (fixed Huffman codes) that inflates to at least `size` spaces (white
    /// space an XML parser reads on and on) while taking about 1/158 of that: one literal, then
    /// back-references of 258 bytes at distance 1.
    public static func spaceBombStream(inflatedSize size: Int) -> [UInt8] {
        func copy(_ bits: inout BitWriter) {
            bits.writeHuffman(0b1100_0101, count: 8)  // length code 285 = 258 bytes
            bits.writeHuffman(0, count: 5)  // distance code 0 = distance 1
        }
        var head = BitWriter()
        head.write(1, count: 1)  // BFINAL
        head.write(1, count: 2)  // BTYPE = fixed Huffman (01, LSB first)
        head.writeHuffman(0b0101_0000, count: 8)  // literal 0x20
        copy(&head)  // 3 + 8 + 13 = 24 bits: byte aligned from here
        var period = BitWriter()
        for _ in 0..<8 { copy(&period) }  // 104 bits = 13 bytes = 2064 inflated bytes
        var out = head.finished
        let periods = max(0, (size - 259) / 2064 + 1)
        out.reserveCapacity(out.count + periods * 13 + 1)
        let pattern = period.finished
        for _ in 0..<periods { out += pattern }
        var tail = BitWriter()
        tail.writeHuffman(0, count: 7)  // end of block (256)
        return out + tail.finished
    }
}

private struct BitWriter {
    var bytes: [UInt8] = []
    var current: UInt32 = 0
    var used = 0

    /// Writes `count` bits of `value`, least significant first (deflate's header fields).
    mutating func write(_ value: UInt32, count: Int) {
        for i in 0..<count { push((value >> i) & 1) }
    }

    /// Writes a Huffman code, most significant bit first.
    mutating func writeHuffman(_ code: UInt32, count: Int) {
        for i in stride(from: count - 1, through: 0, by: -1) { push((code >> i) & 1) }
    }

    private mutating func push(_ bit: UInt32) {
        current |= bit << used
        used += 1
        if used == 8 {
            bytes.append(UInt8(current))
            current = 0
            used = 0
        }
    }

    var finished: [UInt8] { used > 0 ? bytes + [UInt8(current)] : bytes }
}

extension ZipBuilder {
    /// A minimal workbook: one sheet with the given `<sheetData>` content, optional shared strings
    /// and styles; `extra` parts override or add to the defaults.
    public static func workbook(
        sheetData: String, sharedStrings: [String]? = nil, styles: String? = nil,
        sheetExtra: String = "", workbookExtra: String = "", extra: [String: String] = [:]
    ) -> ZipBuilder {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [String: String] = [
            "[Content_Types].xml": "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels": """
                <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """,
            "xl/workbook.xml": """
                <?xml version="1.0"?><workbook xmlns="\(main)" xmlns:r="\(rel)">\(workbookExtra)<sheets>\
                <sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """,
            "xl/_rels/workbook.xml.rels": """
                <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(rel)/sharedStrings" Target="sharedStrings.xml"/>\
                <Relationship Id="rId3" Type="\(rel)/styles" Target="styles.xml"/></Relationships>
                """,
            "xl/worksheets/sheet1.xml": """
                <?xml version="1.0"?><worksheet xmlns="\(main)"><sheetData>\(sheetData)</sheetData>\(sheetExtra)</worksheet>
                """,
        ]
        if let sharedStrings {
            parts["xl/sharedStrings.xml"] =
                "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">"
                + sharedStrings.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\($0)</t></si>" }.joined() + "</sst>"
        }
        if let styles { parts["xl/styles.xml"] = "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>" }
        for (name, text) in extra { parts[name] = text }
        var builder = ZipBuilder()
        for name in parts.keys.sorted() {
            if let text = parts[name], !text.isEmpty { builder.add(name, text) }
        }
        return builder
    }
}

extension ZipBuilder {
    /// A raw deflate stream that inflates to `prefix`, then at least `size` spaces, then `suffix`:
    /// a stored block, the same fixed-Huffman run of back-references as `spaceBombStream`, and a
    /// final stored block. Wrapping the spaces in real markup (`<worksheet><sheetData>` …) keeps
    /// the XML well-formed for as long as it inflates, so only the size limits can stop it.
    /// Returns the stream and the exact inflated size.
    public static func spaceBombStream(
        inflatedSize size: Int, prefix: [UInt8], suffix: [UInt8]
    ) -> (stream: [UInt8], inflatedSize: Int) {
        precondition(prefix.count <= 0xFFFF && suffix.count <= 0xFFFF)
        func storedHeader(_ count: Int) -> [UInt8] {
            let length = UInt16(count)
            return [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        }
        func copy(_ bits: inout BitWriter) {
            bits.writeHuffman(0b1100_0101, count: 8)  // length code 285 = 258 bytes
            bits.writeHuffman(0, count: 5)  // distance code 0 = distance 1
        }
        // Stored block, not final: 3 header bits (000), padded to a byte.
        var out: [UInt8] = [0x00] + storedHeader(prefix.count) + prefix
        var head = BitWriter()
        head.write(0, count: 1)  // BFINAL = 0
        head.write(1, count: 2)  // BTYPE = fixed Huffman
        head.writeHuffman(0b0101_0000, count: 8)  // literal 0x20
        copy(&head)  // 24 bits: byte aligned
        out += head.finished
        var period = BitWriter()
        for _ in 0..<8 { copy(&period) }  // 13 bytes = 2064 inflated bytes
        let periods = max(0, (size - 259) / 2064 + 1)
        out.reserveCapacity(out.count + periods * 13 + suffix.count + 8)
        let pattern = period.finished
        for _ in 0..<periods { out += pattern }
        var tail = BitWriter()
        tail.writeHuffman(0, count: 7)  // end of block (256)
        tail.write(1, count: 1)  // BFINAL = 1
        tail.write(0, count: 2)  // BTYPE = stored; the rest of the byte is padding
        out += tail.finished + storedHeader(suffix.count) + suffix
        return (out, prefix.count + 259 + periods * 2064 + suffix.count)
    }
}
