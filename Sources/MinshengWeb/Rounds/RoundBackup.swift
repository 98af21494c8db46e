import Foundation
import Minsheng

/// `minsheng-web backup`: a consistent copy of the rounds' database (SQLite's backup, safe while
/// the server runs) and the stored files it names, as one .zip (`rounds.sqlite`, `files/<sha256>`).
/// To restore, unzip it into a folder and start `minsheng-web --data-dir` on that folder.
public enum RoundBackup {
    /// Writes the backup of `dataDirectory` to `file` (which must not exist).
    ///
    /// - Returns: how many stored files it holds.
    /// - Throws: `RoundFailure` when the target exists or the data folder has no database;
    ///   the store's and the file system's errors.
    @discardableResult
    public static func write(dataDirectory: URL, to file: URL) throws -> Int {
        let manager = FileManager.default
        guard manager.fileExists(atPath: dataDirectory.appendingPathComponent(RoundStore.databaseName).path) else {
            throw RoundFailure.noDatabase(folder: dataDirectory.path, databaseName: RoundStore.databaseName)
        }
        if manager.fileExists(atPath: file.path) { throw RoundFailure.backupExists(path: file.path) }
        let store = try RoundStore(dataDirectory: dataDirectory)
        let folder = manager.temporaryDirectory.appendingPathComponent("minsheng-backup-\(UUID().uuidString)", isDirectory: true)
        defer { try? manager.removeItem(at: folder) }
        try store.backup(to: folder)
        var entries = [ZipArchive.Entry(name: RoundStore.databaseName, bytes: Array(try Data(contentsOf: folder.appendingPathComponent(RoundStore.databaseName))))]
        let files = folder.appendingPathComponent("files", isDirectory: true)
        for name in try manager.contentsOfDirectory(atPath: files.path).sorted() {
            entries.append(ZipArchive.Entry(name: "files/" + name, bytes: Array(try Data(contentsOf: files.appendingPathComponent(name)))))
        }
        let zip = try ZipArchive.make(entries)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).tmp-\(UUID().uuidString)")
        try Data(zip).write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else {
            try? manager.removeItem(at: temporary)
            throw RoundFailure.cannotWriteBackup(path: file.path)
        }
        return entries.count - 1
    }
}
