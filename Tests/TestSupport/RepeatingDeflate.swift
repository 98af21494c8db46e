/// Raw deflate streams for text that repeats one unit many times (`<c/>` a million times, a
/// 3 MB shared string): the first unit stored, every repetition a back-reference, so that a
/// test can build a small file that inflates to a lot without inflating anything itself.
public enum RepeatingDeflate {
    /// A raw deflate stream inflating to `prefix + unit × count + suffix`, with the CRC-32 and
    /// the size of that text. `unit` must be 1...32,768 bytes and, for count > 1, the repeated
    /// part (`unit.count × (count − 1)` bytes) at least 3 bytes.
    public static func stream(prefix: [UInt8], unit: [UInt8], count: Int, suffix: [UInt8])
        -> (stream: [UInt8], crc: UInt32, inflatedSize: Int)
    {
        precondition(!unit.isEmpty && unit.count <= 32_768 && count >= 1)
        precondition(prefix.count + unit.count <= 0xFFFF && suffix.count <= 0xFFFF)
        var bits = Bits()
        bits.stored(prefix + unit, final: false)
        var remaining = unit.count * (count - 1)
        precondition(remaining == 0 || remaining >= 3)
        if remaining > 0 {
            bits.write(0, count: 1)  // BFINAL = 0
            bits.write(1, count: 2)  // BTYPE = fixed Huffman
            while remaining > 0 {
                var length = min(258, remaining)
                if remaining - length == 1 || remaining - length == 2 { length = remaining - 3 }
                bits.copy(length: length, distance: unit.count)
                remaining -= length
            }
            bits.writeHuffman(0, count: 7)  // end of block (256)
        }
        bits.stored(suffix, final: true)
        // The CRC over the inflated text, one unit at a time.
        var crc = CRC32()
        crc.update(prefix)
        for _ in 0..<count { crc.update(unit) }
        crc.update(suffix)
        return (bits.bytes, crc.value, prefix.count + unit.count * count + suffix.count)
    }

    private static let lengthBases = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBases = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    private struct Bits {
        var bytes: [UInt8] = []
        var current: UInt32 = 0
        var used = 0

        /// `count` bits of `value`, least significant first (header fields, extra bits).
        mutating func write(_ value: Int, count: Int) {
            for i in 0..<count { push(UInt32((value >> i) & 1)) }
        }

        /// A Huffman code, most significant bit first.
        mutating func writeHuffman(_ code: Int, count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { push(UInt32((code >> i) & 1)) }
        }

        /// A stored block: 3 header bits, padding to the byte, LEN, NLEN, the bytes.
        mutating func stored(_ data: [UInt8], final: Bool) {
            write(final ? 1 : 0, count: 1)
            write(0, count: 2)
            if used > 0 {
                bytes.append(UInt8(current))
                current = 0
                used = 0
            }
            let length = UInt16(data.count)
            bytes += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)] + data
        }

        /// A back-reference with the fixed Huffman codes.
        mutating func copy(length: Int, distance: Int) {
            let l = (RepeatingDeflate.lengthBases.lastIndex { $0 <= length }) ?? 0
            let symbol = 257 + l
            if symbol <= 279 {
                writeHuffman(symbol - 256, count: 7)
            } else {
                writeHuffman(0b1100_0000 + symbol - 280, count: 8)
            }
            write(length - RepeatingDeflate.lengthBases[l], count: RepeatingDeflate.lengthExtra[l])
            let d = (RepeatingDeflate.distanceBases.lastIndex { $0 <= distance }) ?? 0
            writeHuffman(d, count: 5)
            write(distance - RepeatingDeflate.distanceBases[d], count: RepeatingDeflate.distanceExtra[d])
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
    }

    /// CRC-32 (IEEE) with a table, fed piece by piece.
    private struct CRC32 {
        static let table: [UInt32] = (0..<256).map { n in
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            return c
        }
        var state: UInt32 = 0xFFFF_FFFF
        var value: UInt32 { ~state }

        mutating func update(_ bytes: [UInt8]) {
            for b in bytes { state = CRC32.table[Int((state ^ UInt32(b)) & 0xFF)] ^ (state >> 8) }
        }
    }
}
