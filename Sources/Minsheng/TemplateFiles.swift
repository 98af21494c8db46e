import Foundation

/// Finds the editable data files of `Templates/`: `$MINSHENG_TEMPLATES`, then `Templates/` beside
/// the executable or in one of its parent folders (the package checkout), then the working folder.
public enum TemplateFiles {
    /// The URL of a template file, or the first candidate if none exists (its error names it).
    public static func url(for name: String) -> URL {
        var candidates: [URL] = []
        if let folder = ProcessInfo.processInfo.environment["MINSHENG_TEMPLATES"], !folder.isEmpty {
            candidates.append(URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent("Templates").appendingPathComponent(name))
            folder.deleteLastPathComponent()
        }
        var source = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { source.deleteLastPathComponent() }
        candidates.append(source.appendingPathComponent("Templates").appendingPathComponent(name))
        candidates.append(
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Templates")
                .appendingPathComponent(name))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }
}
