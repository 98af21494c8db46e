import Foundation

/// Where a job writes a workbook: a file (through a temporary file renamed into place, never
/// over an input) or memory (the bytes come back in the result).
public enum OutputTarget: Sendable, Hashable {
    /// A file; an existing one is kept unless `overwrite`.
    case file(String, overwrite: Bool)
    /// The bytes, returned in the result.
    case memory
}

/// A workbook a job wrote: its path, or its bytes when it was written to memory.
public struct WrittenOutput: Sendable, Hashable {
    /// The file written, for `.file`.
    public var path: String?
    /// The content, for `.memory`.
    public var bytes: [UInt8]?

    /// Creates one from its parts.
    init(path: String? = nil, bytes: [UInt8]? = nil) {
        self.path = path
        self.bytes = bytes
    }

    /// What reports show: the path, or `内存` for bytes.
    var label: String { path ?? "（内存）" }
}

extension OutputFile {
    /// Refuses a file target that is one of the file inputs, or that exists without overwrite.
    static func check(_ target: OutputTarget, inputs: [InputSource]) throws {
        guard case .file(let path, let overwrite) = target else { return }
        try checkNotAnInput(path, inputs: inputs.compactMap(\.path), overwrite: overwrite)
    }

    /// Writes through `write` (given a path) to the target: a file renamed into place, or a
    /// private temporary file whose bytes are returned and which is then removed.
    static func produce(_ target: OutputTarget, name: String, _ write: (String) throws -> Void) throws -> WrittenOutput {
        switch target {
        case .file(let path, _):
            try OutputFile.write(to: path, write)
            return WrittenOutput(path: path)
        case .memory:
            let manager = FileManager.default
            let folder = manager.temporaryDirectory.appendingPathComponent("minsheng-out-\(UUID().uuidString)")
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw MinshengError.cannotWrite(path: name, problem: .cannotMakeTemporaryFolder(detail: error.localizedDescription))
            }
            defer { try? manager.removeItem(at: folder) }
            let file = folder.appendingPathComponent("output.xlsx").path
            do { try write(file) } catch let error as MinshengError { throw error } catch {
                throw MinshengError.cannotWrite(path: name, problem: .failed(detail: "\(error)"))
            }
            guard let data = manager.contents(atPath: file) else {
                throw MinshengError.cannotWrite(path: name, problem: .cannotReadBack)
            }
            return WrittenOutput(bytes: Array(data))
        }
    }
}
