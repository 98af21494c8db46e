import Foundation
import MinshengResources

/// The editable data files of `Templates/` (`headers.json`, `district.json`, …). Each file is
/// taken from the first place that has it:
///
/// 1. the folder passed to a loader (`HeaderVocabulary.load(folder:)`, `TemplateFiles.data(named:folder:)`);
/// 2. the folder named by the `MINSHENG_TEMPLATES` environment variable;
/// 3. beside the executable, as SwiftPM builds it (`minsheng_MinshengResources.resources/`);
/// 4. the installed copy: `share/minsheng/` beside the executable's `bin/` (`/usr/share/minsheng`
///    for the Debian package, `/usr/local/share/minsheng`, `/opt/minsheng/share/minsheng`), then
///    `/usr/share/minsheng` itself;
/// 5. in a debug build, the checkout it was built from (`Templates/`).
///
/// An override folder need only hold the files it changes: the others still come from the later
/// places. When none has the file, the error names it and every place looked — never a crash.
///
/// ```swift
/// let data = try TemplateFiles.data(named: "headers.json")
/// ```
public enum TemplateFiles {
    /// The environment variable naming an override folder.
    static let environmentVariable = "MINSHENG_TEMPLATES"

    /// The folder the Debian package installs the data files (and the web page) into.
    static let installedFolder = URL(fileURLWithPath: "/usr/share/minsheng")

    /// Where the file `name` is read from: the first of `folders(override:)` that has it.
    ///
    /// - Throws: `MinshengError.configuration` naming the file and the folders looked in when
    ///   none has it.
    static func url(named name: String, folder: URL? = nil) throws -> URL {
        let candidates = folders(override: folder)
        if let found = firstFile(named: name, in: candidates) { return found }
        throw MinshengError.configuration(file: name, problem: .notFound(lookedIn: candidates.map(\.path)))
    }

    /// The bytes of the file `name`, from the first place that has it (see `url(named:folder:)`).
    ///
    /// - Throws: `MinshengError.configuration` naming the file when it is missing or unreadable.
    static func data(named name: String, folder: URL? = nil) throws -> Data {
        let url = try url(named: name, folder: folder)
        do { return try Data(contentsOf: url) } catch {
            throw MinshengError.configuration(file: url.path, problem: .cannotOpen(.dataFile))
        }
    }

    /// The folders looked in for a data file, in order: `override`, `$MINSHENG_TEMPLATES`, then
    /// `installedFolders(resourceFolder:)` for this target's files, then (debug builds) the
    /// checkout's `Templates/`.
    static func folders(override folder: URL? = nil) -> [URL] {
        var folders: [URL] = []
        if let folder { folders.append(folder) }
        if let given = ProcessInfo.processInfo.environment[environmentVariable], !given.isEmpty {
            folders.append(URL(fileURLWithPath: given))
        }
        folders += installedFolders(resourceFolder: MinshengResources.bundleFolderName)
        #if DEBUG
            // Only a debug build looks in its checkout: a release binary on a server never names
            // the build machine's folders.
            folders.append(MinshengResources.sourceFolder)
        #endif
        return folders
    }

    /// Where a built or installed binary keeps its resources: `resourceFolder` beside the
    /// executable (SwiftPM's layout), `../share/minsheng` from the executable's folder, and
    /// `/usr/share/minsheng`. The web page's `index.html` is looked for in the same places.
    public static func installedFolders(resourceFolder: String) -> [URL] {
        var folders: [URL] = []
        if let bin = executableFolder() {
            folders.append(bin.appendingPathComponent(resourceFolder))
            folders.append(bin.deletingLastPathComponent().appendingPathComponent("share/minsheng"))
        }
        if !folders.contains(where: { $0.standardizedFileURL.path == installedFolder.path }) {
            folders.append(installedFolder)
        }
        return folders
    }

    /// The first `folder/name` that is a file.
    static func firstFile(named name: String, in folders: [URL]) -> URL? {
        let manager = FileManager.default
        for folder in folders {
            let candidate = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
                return candidate
            }
        }
        return nil
    }

    /// The folder of the running executable, symbolic links resolved (`/proc/self/exe` on Linux),
    /// so that `/usr/bin/minsheng` linked from elsewhere still finds its own files.
    private static func executableFolder() -> URL? {
        let manager = FileManager.default
        if let path = try? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
        }
        if let url = Bundle.main.executableURL {
            return url.resolvingSymlinksInPath().deletingLastPathComponent().standardizedFileURL
        }
        return nil
    }
}
