import Foundation

/// One entry of an existing zip archive, as stored: its raw (still compressed) bytes and where
/// they sit in the file. Read from the central directory, without inflating anything.
public struct RawZipEntry: Sendable {
    public var name: String
    /// 0 = stored, 8 = deflate.
    public var method: UInt16
    public var crc: UInt32
    public var uncompressedSize: UInt32
    /// The compressed bytes (the raw deflate stream for method 8).
    public var data: [UInt8]
    /// Where `data` starts in the archive file.
    public var dataOffset: Int
}

/// Lists the entries of a (non-zip64) archive held in memory, for tests that rebuild a real
/// workbook with entries dropped, swapped or replaced.
public enum ZipEntries {
    public enum Failure: Error { case noEndOfCentralDirectory, badCentralDirectory, badLocalHeader }

    public static func read(_ bytes: [UInt8]) throws -> [RawZipEntry] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22 else { throw Failure.noEndOfCentralDirectory }
        var eocd = bytes.count - 22
        while eocd >= 0 && u32(eocd) != 0x0605_4B50 { eocd -= 1 }
        guard eocd >= 0 else { throw Failure.noEndOfCentralDirectory }
        let count = u16(eocd + 10)
        var at = u32(eocd + 16)
        var entries: [RawZipEntry] = []
        for _ in 0..<count {
            guard at + 46 <= bytes.count, u32(at) == 0x0201_4B50 else { throw Failure.badCentralDirectory }
            let method = UInt16(u16(at + 10))
            let crc = UInt32(u32(at + 16))
            let compressed = u32(at + 20)
            let uncompressed = UInt32(u32(at + 24))
            let nameLength = u16(at + 28)
            let extraLength = u16(at + 30)
            let commentLength = u16(at + 32)
            let local = u32(at + 42)
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else { throw Failure.badLocalHeader }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            guard start + compressed <= bytes.count else { throw Failure.badLocalHeader }
            entries.append(
                RawZipEntry(
                    name: name, method: method, crc: crc, uncompressedSize: uncompressed,
                    data: Array(bytes[start..<(start + compressed)]), dataOffset: start))
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }
}

extension ZipBuilder {
    /// Adds an entry exactly as another archive stored it (raw bytes, method, CRC, size).
    public mutating func add(raw entry: RawZipEntry, as name: String? = nil) {
        if entry.method == 8 {
            addDeflated(name ?? entry.name, stream: entry.data, uncompressedSize: entry.uncompressedSize, crc: entry.crc)
        } else {
            add(name ?? entry.name, bytes: entry.data)
        }
    }
}
