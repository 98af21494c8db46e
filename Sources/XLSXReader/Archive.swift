import CLibZip

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A zip archive opened with libzip: the only user of libzip in the reader.
///
/// Part names are matched after normalization: backslashes become slashes, a leading slash is
/// dropped, `.` and `..` segments are resolved, and case is ignored.
final class Archive {
    let path: String
    let options: ReadOptions
    private let handle: OpaquePointer
    /// The bytes of an archive opened from memory (libzip reads them in place).
    private let storage: UnsafeMutableRawBufferPointer?
    /// Normalized (lower-cased) part name → entry index.
    private var entries: [String: UInt64] = [:]
    /// Normalized part name → the name as stored.
    private(set) var partNames: [String] = []

    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    init(path: String, options: ReadOptions) throws(XLSXError) {
        self.path = path
        self.options = options
        try Archive.refuseNonZip(path: path)
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY, &code) else {
            throw XLSXError(file: path, kind: Archive.openErrorKind(code))
        }
        self.handle = handle
        self.storage = nil
        try listEntries()
    }

    /// Opens an archive held in memory; `name` stands for the file in messages.
    init(bytes: [UInt8], name: String, options: ReadOptions) throws(XLSXError) {
        self.path = name
        self.options = options
        if bytes.starts(with: Archive.oleSignature) {
            let encrypted = ByteSearch.contains(bytes, Archive.encryptedPackageName)
            throw XLSXError(file: name, kind: encrypted ? .encrypted : .legacyFormat)
        }
        if bytes.count < 4 || bytes[0] != 0x50 || bytes[1] != 0x4B {
            let kind = FileSignature.textSpreadsheet(Array(bytes.prefix(1024)))
            throw XLSXError(file: name, kind: kind.map { .textSpreadsheet(kind: $0) } ?? .notAZip)
        }
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        storage.copyBytes(from: bytes)
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(storage.baseAddress, UInt64(bytes.count), 0, &error) else {
            storage.deallocate()
            throw XLSXError(file: name, kind: Archive.openErrorKind(zip_error_code_zip(&error)))
        }
        guard let handle = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            storage.deallocate()
            throw XLSXError(file: name, kind: Archive.openErrorKind(zip_error_code_zip(&error)))
        }
        self.handle = handle
        self.storage = storage
        try listEntries()
    }

    /// Indexes the entries by normalized name, refusing two entries that name the same part:
    /// libzip opens such an archive and finds the first, other readers take the last, so the
    /// same file would read differently in different programs (a reader differential).
    private func listEntries() throws(XLSXError) {
        let count = zip_get_num_entries(handle, 0)
        guard count > 0 else { return }
        for index in 0..<UInt64(count) {
            guard let cName = zip_get_name(handle, index, ZIP_FL_ENC_GUESS) else { continue }
            let name = String(cString: cName)
            let normalized = Archive.normalize(name)
            let key = normalized.lowercased()
            if entries[key] != nil {
                throw XLSXError(file: path, part: normalized, kind: .duplicateEntry(name))
            }
            entries[key] = index
            partNames.append(normalized)
        }
    }

    deinit {
        zip_discard(handle)
        storage?.deallocate()
    }

    /// Looks at the first bytes: OLE containers and non-zips get their own messages.
    private static func refuseNonZip(path: String) throws(XLSXError) {
        guard let file = fopen(path, "rb") else {
            throw XLSXError(file: path, kind: .cannotOpen(reason: String(cString: strerror(errno))))
        }
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: 8)
        let read = fread(&head, 1, 8, file)
        if read == 8 && head == oleSignature {
            throw XLSXError(file: path, kind: oleContainerIsEncrypted(file) ? .encrypted : .legacyFormat)
        }
        if read < 4 || head[0] != 0x50 || head[1] != 0x4B {
            fseek(file, 0, SEEK_SET)
            var start = [UInt8](repeating: 0, count: 1024)
            let got = fread(&start, 1, start.count, file)
            let kind = FileSignature.textSpreadsheet(Array(start.prefix(got)))
            throw XLSXError(file: path, kind: kind.map { .textSpreadsheet(kind: $0) } ?? .notAZip)
        }
    }

    /// An encrypted .xlsx is a CFB file holding a stream named `EncryptedPackage`; a legacy
    /// workbook holds `Workbook` or `Book`. Directory entry names are UTF-16LE.
    /// `EncryptedPackage` in UTF-16LE, as a CFB directory entry names it.
    static let encryptedPackageName: [UInt8] = Array("EncryptedPackage".utf8).flatMap { [$0, 0] }

    private static func oleContainerIsEncrypted(_ file: UnsafeMutablePointer<FILE>) -> Bool {
        let needle = encryptedPackageName
        fseek(file, 0, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var carry: [UInt8] = []
        var total = 0
        while total < (64 << 20) {
            let got = fread(&buffer, 1, buffer.count, file)
            if got <= 0 { break }
            total += got
            let window = carry + buffer[0..<got]
            if ByteSearch.contains(window, needle) { return true }
            carry = Array(window.suffix(needle.count - 1))
        }
        return false
    }

    private static func openErrorKind(_ code: Int32) -> XLSXError.Kind {
        switch code {
        case ZIP_ER_NOZIP: return .notAZip
        case ZIP_ER_NOENT: return .cannotOpen(reason: "文件不存在")
        case ZIP_ER_OPEN, ZIP_ER_READ: return .cannotOpen(reason: zipErrorString(code))
        default: return .corruptArchive(reason: zipErrorString(code))
        }
    }

    static func zipErrorString(_ code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error))
    }

    /// Normalizes a part name or relationship target: `\` → `/`, no leading `/`, `.`/`..` resolved.
    static func normalize(_ name: String) -> String {
        if isNormalized(name) { return name }
        // An absolute target (`/xl/worksheets/sheet1.xml`, as many writers give): the name
        // without its slash, when that is normalized (no segments split and joined again).
        if name.utf8.first == UInt8(ascii: "/") {
            let rest = String(name.utf8.dropFirst())
            if let rest, isNormalized(rest) { return rest }
        }
        var segments: [Substring] = []
        for segment in name.replacingBackslashes().split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { _ = segments.popLast(); continue }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }

    /// Whether `normalize` would return the name unchanged (almost every name): no `\`, no empty,
    /// `.` or `..` segment, no leading or trailing `/`. One pass over the bytes, no allocation.
    static func isNormalized(_ name: String) -> Bool {
        var segmentStart = true
        var dots = 0
        var empty = true
        for byte in name.utf8 {
            empty = false
            switch byte {
            case UInt8(ascii: "\\"):
                return false
            case UInt8(ascii: "/"):
                // An empty segment, or one that was `.` or `..`.
                if segmentStart || dots > 0 { return false }
                segmentStart = true
            case UInt8(ascii: "."):
                if segmentStart || dots > 0 { dots += 1 }
                segmentStart = false
            default:
                segmentStart = false
                dots = 0
            }
        }
        return !empty && !segmentStart && !(dots > 0 && dots <= 2)
    }

    /// Whether the archive holds a part of that name.
    func contains(part: String) -> Bool {
        entries[Archive.normalize(part).lowercased()] != nil
    }

    /// Reads a whole part into memory (for the small workbook-level parts), with the limits.
    func read(part: String) throws(XLSXError) -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(part: part) { chunk in bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// Streams a part in chunks, enforcing the size and ratio limits as it inflates. A part that
    /// declares at least `ReadOptions.inflateAheadThreshold` bytes is inflated on a second
    /// thread, up to sixteen chunks (4 MiB) ahead of `body`.
    func stream(
        part: String, chunkSize: Int = 1 << 18,
        _ body: (UnsafeBufferPointer<UInt8>) throws(XLSXError) -> Void
    ) throws(XLSXError) {
        try stream(part: part, chunkSize: chunkSize) { (chunk: UnsafeBufferPointer<UInt8>) throws(XLSXError) -> Bool in
            try body(chunk)
            return true
        }
    }

    /// Streams a part as `stream(part:chunkSize:_:)` does, until `body` returns false.
    func stream(
        part: String, chunkSize: Int = 1 << 18,
        until body: (UnsafeBufferPointer<UInt8>) throws(XLSXError) -> Bool
    ) throws(XLSXError) {
        guard let index = entries[Archive.normalize(part).lowercased()] else {
            throw XLSXError(file: path, part: part, kind: .missingPart(part))
        }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(handle, index, 0, &stat) == 0 else {
            throw XLSXError(file: path, part: part, kind: .corruptArchive(reason: archiveError()))
        }
        let compressed = max(Int(clamping: stat.comp_size), 1)
        let declared = Int(clamping: stat.size)
        if declared > options.maxPartSize {
            throw XLSXError(file: path, part: part, kind: .partTooLarge(limit: options.maxPartSize))
        }
        if declared > options.ratioCheckThreshold && declared / compressed > options.maxCompressionRatio {
            throw XLSXError(
                file: path, part: part, kind: .compressionRatioExceeded(limit: options.maxCompressionRatio))
        }
        guard let file = zip_fopen_index(handle, index, 0) else {
            throw XLSXError(file: path, part: part, kind: .corruptArchive(reason: archiveError()))
        }
        defer { zip_fclose(file) }
        var total = 0
        /// The limits, checked on every chunk before it is handed on.
        func check(_ count: Int) throws(XLSXError) {
            total += count
            if total > declared {
                throw XLSXError(
                    file: path, part: part, kind: .corruptArchive(reason: "解压后的大小超过声明的 \(declared) 字节"))
            }
            if total > options.maxPartSize {
                throw XLSXError(file: path, part: part, kind: .partTooLarge(limit: options.maxPartSize))
            }
            if total > options.ratioCheckThreshold && total / compressed > options.maxCompressionRatio {
                throw XLSXError(
                    file: path, part: part,
                    kind: .compressionRatioExceeded(limit: options.maxCompressionRatio))
            }
        }

        if declared >= options.inflateAheadThreshold,
            let ring = InflateAhead.start(file, chunkSize: chunkSize, slots: 16)
        {
            defer { ring.stop() }
            while true {
                switch ring.next() {
                case .chunk(let chunk):
                    try check(chunk.count)
                    guard try body(chunk) else { return }
                    ring.release()
                case .end:
                    return
                case .failed(let reason):
                    throw XLSXError(file: path, part: part, kind: .corruptArchive(reason: reason))
                }
            }
        }

        // A small part needs no more than its declared size (one byte more shows a part that
        // inflates beyond it): no quarter-megabyte buffer for a 1 KB part.
        let size = min(chunkSize, declared + 1)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        while true {
            let got = zip_fread(file, buffer.baseAddress, UInt64(size))
            if got < 0 {
                let reason = String(cString: zip_file_strerror(file))
                throw XLSXError(file: path, part: part, kind: .corruptArchive(reason: reason))
            }
            if got == 0 { break }
            try check(Int(got))
            guard try body(UnsafeBufferPointer(rebasing: buffer[0..<Int(got)])) else { return }
        }
    }

    private func archiveError() -> String {
        String(cString: zip_strerror(handle))
    }
}

extension String {
    func replacingBackslashes() -> String {
        guard utf8.contains(UInt8(ascii: "\\")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}
