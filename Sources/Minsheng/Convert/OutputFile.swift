import Foundation

/// Writes outputs safely: never over an input, always through a temporary file beside the target
/// that is renamed into place, so a failed run leaves no half-written workbook.
public enum OutputFile {
    /// Refuses an output path that is one of the inputs (after resolving `.`/`..` and links), and
    /// an existing output unless `overwrite` is set.
    public static func checkNotAnInput(_ output: String, inputs: [String], overwrite: Bool = true) throws {
        let target = canonical(output)
        if let clash = inputs.first(where: { canonical($0) == target }) {
            throw MinshengError.usage("输出文件 \(output) 与输入文件 \(clash) 相同，已拒绝（输入文件从不被修改）")
        }
        if !overwrite && FileManager.default.fileExists(atPath: output) {
            throw MinshengError.usage("输出文件 \(output) 已存在，未覆盖（加 --force 覆盖）")
        }
    }

    /// The path with `.`/`..` and links resolved, for comparing paths.
    public static func canonicalPath(_ path: String) -> String { canonical(path) }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Calls `write` with a temporary path beside `path`, then renames it into place.
    public static func write(to path: String, _ write: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw MinshengError.cannotWrite(path: path, reason: "文件夹 \(folder.path) 不存在")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try write(temporary.path)
        } catch {
            throw MinshengError.cannotWrite(path: path, reason: "\(error)")
        }
        if rename(temporary.path, url.path) != 0 {
            throw MinshengError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
