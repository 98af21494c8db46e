import Foundation

/// Where an input workbook comes from: a file, or bytes already in memory (an upload, a fuzzer's
/// input) with the name reports should show. Every job takes these, so that a second front end
/// never has to write a temporary file to call it.
///
/// ```swift
/// let fromDisk = InputSource.path("Samples/000-镜湖区-进展情况.xlsx")
/// let uploaded = InputSource.bytes(body, name: "镜湖区.xlsx")
/// ```
public struct InputSource: Sendable, Hashable {
    /// What holds the content.
    public enum Content: Sendable, Hashable {
        /// A file on disk, read when the job needs it.
        case file(String)
        /// The whole content.
        case bytes([UInt8])
    }

    /// The name in reports and messages: the path as given, or the uploaded file's name.
    public var name: String
    /// The content.
    public var content: Content

    /// Creates one from its parts.
    public init(name: String, content: Content) {
        self.name = name
        self.content = content
    }

    /// A file; reports show the path as given.
    public static func path(_ path: String) -> InputSource {
        InputSource(name: path, content: .file(path))
    }

    /// Bytes in memory; reports show `name`.
    public static func bytes(_ bytes: [UInt8], name: String) -> InputSource {
        InputSource(name: name, content: .bytes(bytes))
    }

    /// The file's path, when the content is a file.
    public var path: String? {
        if case .file(let path) = content { return path }
        return nil
    }

    /// The last component of the name (`汇总/涡阳县.xlsx` → `涡阳县.xlsx`).
    var fileName: String { (name as NSString).lastPathComponent }

    /// The file name without its extension (`涡阳县.xlsx` → `涡阳县`).
    var stem: String { (fileName as NSString).deletingPathExtension }

    /// The extension, lowercased (`xlsx`, `csv`).
    var pathExtension: String { (name as NSString).pathExtension.lowercased() }

    /// The whole content as bytes (reading the file when it is one).
    ///
    /// - Throws: `MinshengError.unreadable` when the file cannot be opened.
    public func readBytes() throws -> [UInt8] {
        switch content {
        case .bytes(let bytes): return bytes
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw MinshengError.unreadable(file: name, problem: .cannotOpen)
            }
            return Array(data)
        }
    }

    /// These inputs without the file `other` names (a folder of returns often holds the plan or
    /// the summary too); inputs held in memory are never that file.
    static func removing(_ other: InputSource, from inputs: [InputSource]) -> [InputSource] {
        guard let path = other.path.map(OutputFile.canonicalPath) else { return inputs }
        return inputs.filter { $0.path.map(OutputFile.canonicalPath) != path }
    }

    /// The size in bytes, when it can be told without reading the content.
    var size: Int? {
        switch content {
        case .bytes(let bytes): return bytes.count
        case .file(let path): return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        }
    }
}
