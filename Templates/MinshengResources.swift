import Foundation

/// The bundle holding this folder's data files (`headers.json`, `district.json`), copied in as
/// SwiftPM resources so that they are found wherever the binary or a dependent package runs.
/// Minsheng reads them through `TemplateFiles`, which lets an override folder take precedence.
public enum MinshengResources {
    /// The resource bundle.
    public static var bundle: Bundle { Bundle.module }
}
