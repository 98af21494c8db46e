import Foundation

/// Runs LibreOffice headless, the real spreadsheet application our output is checked in, with a
/// private profile set to recalculate every formula when a file is loaded.
public enum LibreOffice {
    /// The soffice executable, if installed.
    public static var executable: String? {
        ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Whether tests that need LibreOffice can run here.
    public static var isInstalled: Bool { executable != nil }

    /// Converts `file` to `format` (`pdf`, `xlsx`) into `folder`; returns the output path.
    public static func convert(_ file: String, to format: String, in folder: URL) throws -> String {
        try convert(file, to: format, filter: nil, in: folder)
    }

    /// Converts several files to `format` in one run of LibreOffice (one start-up for all);
    /// returns the output paths in the order given.
    public static func convert(_ files: [String], to format: String, in folder: URL) throws -> [String] {
        guard let first = files.first else { return [] }
        _ = try convert(first, to: format, filter: nil, in: folder, more: Array(files.dropFirst()))
        let out = folder.appendingPathComponent("lo-out")
        return files.map { out.appendingPathComponent(URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent + "." + format).path }
    }

    /// Converts with an export filter (`csv` with `Text - txt - csv (StarCalc):44,34,76`, say).
    public static func convert(_ file: String, to format: String, filter: String?, in folder: URL) throws -> String {
        try convert(file, to: format, filter: filter, in: folder, more: [])
    }

    static func convert(_ file: String, to format: String, filter: String?, in folder: URL, more: [String]) throws -> String {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let profile = folder.appendingPathComponent("lo-profile")
        let user = profile.appendingPathComponent("user")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        let settings = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """
        try Data(settings.utf8).write(to: user.appendingPathComponent("registrymodifications.xcu"))
        let out = folder.appendingPathComponent("lo-out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", filter.map { "\(format):\($0)" } ?? format, "--outdir", out.path, file,
        ] + more
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let name = (URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent) + "." + format
        return out.appendingPathComponent(name).path
    }

    /// The page count of a PDF, read from its `/Type /Page` objects.
    public static func pageCount(ofPDF path: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: data, as: UTF8.self)
        return text.components(separatedBy: "/Type/Page").count - 1 - (text.components(separatedBy: "/Type/Pages").count - 1)
    }
}
