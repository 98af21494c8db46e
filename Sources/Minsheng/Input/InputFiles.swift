import Foundation

/// Expands the FILE|DIR arguments of a command into workbook paths.
public enum InputFiles {
    /// The extensions taken from a folder: workbooks, CSV, and the legacy .xls and WPS .et /
    /// .ett (so that each is reported, with what to do, rather than skipped in silence).
    public static let extensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm", "csv", "xls", "et", "ett"]

    /// Files as given (whatever their extension: a wrong one gets a clear error later); for a
    /// folder, the workbooks directly in it (not in its subfolders), sorted, skipping Office lock
    /// files (`~$…`) and hidden files. A path that does not exist is kept, so that it is
    /// reported as unreadable.
    public static func expand(_ arguments: [String]) -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue else {
                result.append(argument)
                continue
            }
            let base = URL(fileURLWithPath: argument)
            var found: [String] = []
            if let listing = try? manager.contentsOfDirectory(at: base, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) {
                for url in listing {
                    let name = url.lastPathComponent
                    guard !name.hasPrefix("~$"), extensions.contains(url.pathExtension.lowercased()) else { continue }
                    found.append(argument.hasSuffix("/") ? argument + relative(url, to: base) : argument + "/" + relative(url, to: base))
                }
            }
            result += found.sorted()
        }
        return result
    }

    private static func relative(_ url: URL, to base: URL) -> String {
        let full = url.standardizedFileURL.path
        let prefix = base.standardizedFileURL.path
        return full.hasPrefix(prefix + "/") ? String(full.dropFirst(prefix.count + 1)) : url.lastPathComponent
    }
}
