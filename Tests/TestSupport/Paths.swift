import Foundation

/// Locations the tests share: the package root, fixtures, the built binary.
public enum TestPaths {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `Tests/Fixtures` under the package root.
    public static var fixtures: URL { packageRoot.appendingPathComponent("Tests/Fixtures") }

    /// `Samples` under the package root.
    public static var samples: URL { packageRoot.appendingPathComponent("Samples") }
}
