import Foundation

/// Where this folder's data files (`headers.json`, `district.json`, …) are, without
/// `Bundle.module`: its generated accessor stops the process with `fatalError` when the binary has
/// been copied away from its build folder. SwiftPM still copies the files beside the built binary
/// (`minsheng_MinshengResources.resources`); Minsheng finds them through `TemplateFiles`.
public enum MinshengResources {
    /// The folder SwiftPM copies the files into, beside the built executable.
    public static let bundleFolderName = "minsheng_MinshengResources.resources"

    /// The source folder the files were built from (`Templates/` of the checkout), which holds the
    /// same bytes as the copies (`.copy` resources): the last place looked, as `Bundle.module`'s
    /// build-folder fallback was.
    public static var sourceFolder: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent() }
}
