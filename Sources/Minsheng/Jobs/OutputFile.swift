import Foundation

/// Writes outputs safely: never over an input, always through a temporary file beside the target
/// that is renamed into place, so a failed run leaves no half-written workbook.
public enum OutputFile {
    /// Refuses an output path that is one of the inputs (after resolving `.`/`..` and links), and
    /// an existing output unless `overwrite` is set.
    public static func checkNotAnInput(_ output: String, inputs: [String], overwrite: Bool = true) throws {
        let target = canonical(output)
        if let clash = inputs.first(where: { canonical($0) == target }) {
            throw MinshengError.usage(.outputIsInput(output: output, input: clash))
        }
        if !overwrite && FileManager.default.fileExists(atPath: output) {
            throw MinshengError.usage(.outputExists(output))
        }
    }

    /// The path with `.`/`..` and links resolved, for comparing paths.
    static func canonicalPath(_ path: String) -> String { canonical(path) }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Calls `write` with a temporary path beside `path`, then renames it into place.
    static func write(to path: String, _ write: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw MinshengError.cannotWrite(path: path, problem: .folderMissing(folder.path))
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try write(temporary.path)
        } catch {
            throw MinshengError.cannotWrite(path: path, problem: .failed(detail: "\(error)"))
        }
        if rename(temporary.path, url.path) != 0 {
            throw MinshengError.cannotWrite(path: path, problem: .failed(detail: String(cString: strerror(errno))))
        }
    }
}
