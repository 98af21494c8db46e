import Foundation
import MinshengResources

/// The editable data files of `Templates/` (`headers.json`, `district.json`, …), shipped as
/// package resources. Each file is taken from the first place that has it:
///
/// 1. the folder passed to a loader (`HeaderVocabulary.load(folder:)`, `TemplateFiles.data(named:folder:)`);
/// 2. the folder named by the `MINSHENG_TEMPLATES` environment variable;
/// 3. the copy built into the package (`Bundle.module` of the `MinshengResources` target).
///
/// An override folder need only hold the files it changes: the others still come from the package.
///
/// ```swift
/// let data = try TemplateFiles.data(named: "headers.json")
/// ```
public enum TemplateFiles {
    /// The environment variable naming an override folder.
    public static let environmentVariable = "MINSHENG_TEMPLATES"

    /// Where the file `name` is read from: `folder`, else `$MINSHENG_TEMPLATES`, else the
    /// package's resources.
    ///
    /// - Throws: `MinshengError.configuration` when no place has the file.
    public static func url(named name: String, folder: URL? = nil) throws -> URL {
        let manager = FileManager.default
        for override in overrideFolders(folder) {
            let candidate = override.appendingPathComponent(name)
            if manager.fileExists(atPath: candidate.path) { return candidate }
        }
        if let bundled = MinshengResources.bundle.url(forResource: name, withExtension: nil),
            manager.fileExists(atPath: bundled.path)
        {
            return bundled
        }
        throw MinshengError.configuration(file: name, reason: "找不到数据文件（程序的资源包不完整？也可以设置 \(environmentVariable) 指向含有它的文件夹）")
    }

    /// The bytes of the file `name`, from the first place that has it (see `url(named:folder:)`).
    ///
    /// - Throws: `MinshengError.configuration` naming the file when it is missing or unreadable.
    public static func data(named name: String, folder: URL? = nil) throws -> Data {
        let url = try url(named: name, folder: folder)
        do { return try Data(contentsOf: url) } catch {
            throw MinshengError.configuration(file: url.path, reason: "无法打开数据文件")
        }
    }

    /// The override folders, most specific first.
    private static func overrideFolders(_ folder: URL?) -> [URL] {
        var folders: [URL] = []
        if let folder { folders.append(folder) }
        if let given = ProcessInfo.processInfo.environment[environmentVariable], !given.isEmpty {
            folders.append(URL(fileURLWithPath: given))
        }
        return folders
    }
}
