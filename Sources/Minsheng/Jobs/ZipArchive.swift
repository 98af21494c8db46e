import CLibZip
import Foundation

/// Writes a zip archive in memory with libzip: named entries in, the archive's bytes out.
/// Entry names are stored as UTF-8 (with the zip's UTF-8 flag, so Windows Explorer and WPS show
/// 涡阳县.xlsx rather than mojibake), deflated, in the order given.
///
/// ```swift
/// let zip = try ZipArchive.make([.init(name: "涡阳县.xlsx", bytes: template)])
/// ```
public enum ZipArchive {
    /// One file in the archive.
    public struct Entry: Sendable, Hashable {
        /// The name inside the archive (a plain file name; no folders are made).
        public var name: String
        /// The content.
        public var bytes: [UInt8]

        /// Creates one from its parts.
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// The archive holding `entries`.
    ///
    /// - Throws: `MinshengError.cannotWrite` naming the entry when libzip refuses it (two
    ///   entries with one name, say) or the archive cannot be finished.
    public static func make(_ entries: [Entry]) throws -> [UInt8] {
        func failure(_ name: String, _ what: String) -> MinshengError {
            .cannotWrite(path: name, problem: .cannotZip(detail: what))
        }
        // libzip writes nothing for an archive without entries: give the bare end record.
        if entries.isEmpty { return [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18) }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw failure("zip", String(cString: zip_error_strerror(&error)))
        }
        // Kept past zip_close, which writes the archive into it.
        zip_source_keep(source)
        defer { zip_source_free(source) }
        guard let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            throw failure("zip", String(cString: zip_error_strerror(&error)))
        }
        for entry in entries {
            // libzip reads the data at zip_close: hand it a copy that it frees itself.
            let count = entry.bytes.count
            guard let copy = malloc(max(count, 1)) else {
                zip_discard(archive)
                throw failure(entry.name, "内存不足")
            }
            entry.bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress { copy.copyMemory(from: base, byteCount: count) }
            }
            guard let data = zip_source_buffer(archive, copy, zip_uint64_t(count), 1) else {
                free(copy)
                let reason = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw failure(entry.name, reason)
            }
            if zip_file_add(archive, entry.name, data, zip_flags_t(ZIP_FL_ENC_UTF_8)) < 0 {
                zip_source_free(data)
                let reason = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw failure(entry.name, reason)
            }
        }
        if zip_close(archive) != 0 {
            let reason = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw failure("zip", reason)
        }
        guard zip_source_open(source) == 0 else { throw failure("zip", "无法读回压缩包") }
        defer { zip_source_close(source) }
        _ = zip_source_seek(source, 0, SEEK_END)
        let size = zip_source_tell(source)
        _ = zip_source_seek(source, 0, SEEK_SET)
        guard size >= 0 else { throw failure("zip", "无法读回压缩包") }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var filled = 0
        while filled < bytes.count {
            let read = bytes.withUnsafeMutableBytes { raw in
                zip_source_read(source, raw.baseAddress.map { $0 + filled }, zip_uint64_t(raw.count - filled))
            }
            guard read > 0 else { throw failure("zip", "无法读回压缩包") }
            filled += Int(read)
        }
        return bytes
    }
}

extension SplitResult {
    /// The templates written to memory as one zip of `<area>.xlsx` files (for a download).
    ///
    /// - Throws: `MinshengError.cannotWrite` when a template was written to a file, not memory,
    ///   or the archive cannot be made.
    public func zip() throws -> [UInt8] {
        try ZipArchive.make(
            templates.map { template in
                guard let bytes = template.output.bytes else {
                    throw MinshengError.cannotWrite(path: template.fileName, problem: .notInMemory)
                }
                return ZipArchive.Entry(name: template.fileName, bytes: bytes)
            })
    }
}
