import Foundation
import Minsheng

/// A private temporary folder (mode 0700) for one request's uploads, removed by `remove()`.
/// Files in it are named by their order (`1.xlsx`, `2.csv` …): an upload's own file name is
/// only the label reports show, never part of a path.
public final class UploadFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Makes a new folder under `root`.
    ///
    /// - Throws: `WebFailure` (500) when it cannot be made.
    public init(root: URL) throws {
        url = root.appendingPathComponent("minsheng-web-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw WebFailure(.cannotMakeTemporaryFolder)
        }
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// One uploaded file: its bytes kept in memory while the request's uploads are small
/// (`UploadedForm.Limits.inMemoryBytes`), else written to the request's folder.
public struct UploadedFile: Sendable {
    /// The form field (`file`, `plan`, `summary` or `previous`).
    public var field: String
    /// The name reports show: the browser's file name without any folder part.
    public var label: String
    /// Where its bytes go on disk once they no longer fit in memory.
    var path: String
    /// Its bytes, while in memory (nil: they are at `path`).
    var bytes: [UInt8]? = []
    /// Its size in bytes.
    public var size: Int

    /// Whether its bytes are in memory (no file was written).
    public var inMemory: Bool { bytes != nil }

    /// The input source the workflows take: the bytes (or the file), the label as its name.
    public var source: InputSource { InputSource(name: label, content: bytes.map { .bytes($0) } ?? .file(path)) }
}

/// What a `multipart/form-data` request carried: files written to an `UploadFolder`, and the
/// short text fields.
public struct UploadedForm: Sendable {
    /// The files, in the order they came.
    public var files: [UploadedFile] = []
    /// The text fields by name (the first of each name).
    public var fields: [String: String] = [:]
    /// How many bytes the body had.
    public var bodyBytes = 0

    /// The files of one field.
    public func files(_ field: String) -> [UploadedFile] { files.filter { $0.field == field } }

    /// A text field, trimmed, nil when absent or blank.
    public func field(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Limits on one request's body.
    public struct Limits: Sendable {
        /// The whole body, in bytes.
        public var maxBytes: Int
        /// How many files.
        public var maxFiles = 2_000
        /// One text field, in bytes.
        public var maxFieldBytes = 4 * 1024
        /// How many bytes of uploads are kept in memory, all files together; past it a file is
        /// written to the request's folder.
        public var inMemoryBytes = 8 * 1024 * 1024

        /// Creates one.
        public init(maxBytes: Int, maxFiles: Int = 2_000, maxFieldBytes: Int = 4 * 1024, inMemoryBytes: Int = 8 * 1024 * 1024) {
            self.maxBytes = maxBytes
            self.maxFiles = maxFiles
            self.maxFieldBytes = maxFieldBytes
            self.inMemoryBytes = inMemoryBytes
        }
    }

    /// Reads a multipart body as it streams in: file parts are kept in memory up to
    /// `limits.inMemoryBytes` in all, the rest go straight to files in `folder`; text fields are
    /// kept (up to `limits.maxFieldBytes`); past `limits.maxBytes` it stops reading and throws 413.
    ///
    /// - Throws: `WebFailure` 400 (not multipart, malformed, too many files), 413 (too large).
    public static func receive<Body: AsyncSequence>(
        _ body: Body, contentType: String?, folder: UploadFolder, limits: Limits
    ) async throws -> UploadedForm where Body.Element: Collection<UInt8> {
        guard let contentType, let boundary = MultipartPart.boundary(ofContentType: contentType) else {
            throw WebFailure(.notMultipart)
        }
        var parser: MultipartParser
        do { parser = try MultipartParser(boundary: boundary) } catch {
            throw WebFailure(.badBoundary)
        }
        var form = UploadedForm()
        var current: Sink?
        var inMemory = 0
        defer { current?.close() }
        do {
            for try await chunk in body {
                form.bodyBytes += chunk.count
                if form.bodyBytes > limits.maxBytes { throw WebFailure(.tooLarge(maxBytes: limits.maxBytes)) }
                for event in try parser.feed(chunk) {
                    switch event {
                    case .part(let part):
                        current = try form.open(part, folder: folder, limits: limits)
                    case .body(let bytes):
                        try current?.write(bytes, limits: limits, inMemory: &inMemory)
                    case .end:
                        if let sink = current { try form.close(sink) }
                        current = nil
                    }
                }
            }
            try parser.finish()
        } catch let failure as MultipartParser.Failure {
            throw WebFailure(.malformedMultipart(sentence: failure.sentence))
        }
        return form
    }

    /// Where a part's body goes.
    private enum Sink {
        /// A file, with its handle once it is written to disk.
        case file(UploadedFile, FileHandle?)
        case field(String, [UInt8])
        case ignored

        mutating func write(_ bytes: [UInt8], limits: Limits, inMemory: inout Int) throws {
            switch self {
            case .file(var file, var handle):
                if handle == nil, let kept = file.bytes {
                    if inMemory + bytes.count <= limits.inMemoryBytes {
                        file.bytes = kept + bytes
                        inMemory += bytes.count
                    } else {
                        // Past the memory budget: what was kept, and the rest, go to the file.
                        guard FileManager.default.createFile(atPath: file.path, contents: Data(kept), attributes: [.posixPermissions: 0o600]),
                            let opened = FileHandle(forWritingAtPath: file.path)
                        else { throw WebFailure(.cannotSaveUpload(diskFull: false)) }
                        _ = try? opened.seekToEnd()
                        inMemory -= kept.count
                        file.bytes = nil
                        handle = opened
                    }
                }
                if let handle {
                    do { try handle.write(contentsOf: bytes) } catch {
                        throw WebFailure(.cannotSaveUpload(diskFull: true))
                    }
                }
                file.size += bytes.count
                self = .file(file, handle)
            case .field(let name, var value):
                value += bytes
                guard value.count <= limits.maxFieldBytes else {
                    throw WebFailure(.fieldTooLong(name: name))
                }
                self = .field(name, value)
            case .ignored:
                break
            }
        }

        func close() {
            if case .file(_, let handle?) = self { try? handle.close() }
        }
    }

    /// The parts that carry files: the inputs (`file`), a plan (`plan`), a hand-made summary
    /// (`summary`) and last period's report (`previous`); files in any other part are ignored.
    public static let fileFields: Set<String> = ["file", "plan", "summary", "previous"]

    private mutating func open(_ part: MultipartPart, folder: UploadFolder, limits: Limits) throws -> Sink {
        guard let name = part.name else { return .ignored }
        guard let filename = part.filename else { return .field(name, []) }
        guard Self.fileFields.contains(name) else { return .ignored }
        // A file input left empty sends a part with an empty file name and no content.
        if filename.isEmpty { return .ignored }
        guard files.count < limits.maxFiles else {
            throw WebFailure(.tooManyFiles(limit: limits.maxFiles))
        }
        let label = Self.label(filename, index: files.count + 1)
        let ext = (label as NSString).pathExtension.lowercased()
        let safeExt = ext.count <= 5 && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } ? ext : "upload"
        let path = folder.url.appendingPathComponent("\(files.count + 1).\(safeExt.isEmpty ? "upload" : safeExt)").path
        return .file(UploadedFile(field: name, label: label, path: path, size: 0), nil)
    }

    private mutating func close(_ sink: Sink) throws {
        sink.close()
        switch sink {
        case .file(let file, _): files.append(file)
        case .field(let name, let value):
            if fields[name] == nil { fields[name] = String(decoding: value, as: UTF8.self) }
        case .ignored: break
        }
    }

    /// The label of an uploaded file: the last component of the name the browser sent (either
    /// slash), without control characters; `文件N` when nothing is left.
    public static func label(_ filename: String, index: Int) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        if cleaned.isEmpty || cleaned == "." || cleaned == ".." { return "文件\(index)" }
        return String(cleaned.prefix(200))
    }
}

extension MultipartParser.Failure {
    /// The sentence the 400 answer gives.
    var sentence: String {
        switch self {
        case .badBoundary: return "请求格式不对：multipart 分隔符无效"
        case .malformedDelimiter: return "请求格式不对：multipart 分隔符后的内容无效"
        case .badHeaders: return "请求格式不对：某个部分的标头无效或过长"
        case .missingClosingBoundary: return "上传不完整：请求在最后的分隔符之前就结束了"
        }
    }
}
