/// The tool's name and version, as printed in JSON reports.
public enum MinshengInfo {
    /// The tool name in reports.
    static let tool = "minsheng"
    /// The version in reports.
    public static let version = "0.1.0"
}
