import Foundation

/// Turns a legacy workbook (.xls, WPS .et, an HTML or Excel 2003 XML table) into .xlsx with
/// LibreOffice, in a temporary folder of its own; the input itself is only copied, never touched.
enum LegacyConversion {
    /// How long one conversion may take before LibreOffice is stopped.
    static let timeout: TimeInterval = 120

    /// The LibreOffice program: `MINSHENG_SOFFICE`, else `soffice` or `libreoffice` on the
    /// PATH, else the usual install places; nil when none is there.
    static var soffice: String? {
        let manager = FileManager.default
        if let given = ProcessInfo.processInfo.environment["MINSHENG_SOFFICE"], !given.isEmpty {
            return manager.isExecutableFile(atPath: given) ? given : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let onPath = path.split(separator: ":").flatMap { folder in
            ["soffice", "libreoffice"].map { "\(folder)/\($0)" }
        }
        let usual = [
            "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
            "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        ]
        return (onPath + usual).first { manager.isExecutableFile(atPath: $0) }
    }

    /// A converted copy: the .xlsx path and the folder to remove when done with it.
    struct Converted: Sendable {
        /// The .xlsx LibreOffice wrote.
        var xlsx: String
        /// The temporary folder holding it (and LibreOffice's private profile).
        var folder: URL
    }

    /// Converts `path` (whose content is `format`) to .xlsx.
    ///
    /// - Parameter html: whether the file is an HTML table (LibreOffice needs to be told).
    /// - Throws: `MinshengError.unreadable` naming the file: no LibreOffice, a failed or
    ///   timed-out conversion.
    static func convert(_ path: String, html: Bool, name: String? = nil) throws -> Converted {
        let label = name ?? path
        guard let soffice else {
            throw MinshengError.unreadable(file: label, problem: .conversionFailed(.noLibreOffice))
        }
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("minsheng-legacy-\(UUID().uuidString)")
        let input = folder.appendingPathComponent("in")
        let output = folder.appendingPathComponent("out")
        do {
            try manager.createDirectory(at: input, withIntermediateDirectories: true)
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw MinshengError.unreadable(file: label, problem: .conversionFailed(.cannotMakeTemporaryFolder(detail: error.localizedDescription)))
        }
        let copy = input.appendingPathComponent(html ? "input.html" : "input.xls")
        do { try manager.copyItem(atPath: path, toPath: copy.path) } catch {
            try? manager.removeItem(at: folder)
            throw MinshengError.unreadable(file: label, problem: .conversionFailed(.cannotCopy(detail: error.localizedDescription)))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments =
            ["-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)", "--headless", "--norestore"]
            + (html ? ["--infilter=HTML (StarCalc)"] : [])
            + ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", output.path, copy.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        // Waited for through the termination handler, not by polling: the waiting thread sleeps
        // until LibreOffice exits or the time is up (batch work runs outside the cooperative pool,
        // on `BatchExecutor`'s threads, so a long conversion holds none of the runtime's threads).
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch {
            try? manager.removeItem(at: folder)
            throw MinshengError.unreadable(file: label, problem: .conversionFailed(.cannotLaunch(program: soffice, detail: error.localizedDescription)))
        }
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            exited.wait()
            try? manager.removeItem(at: folder)
            throw MinshengError.unreadable(file: label, problem: .conversionFailed(.timedOut(seconds: Int(timeout))))
        }
        let xlsx = output.appendingPathComponent(html ? "input.xlsx" : "input.xlsx").path
        guard process.terminationStatus == 0, manager.fileExists(atPath: xlsx) else {
            try? manager.removeItem(at: folder)
            throw MinshengError.unreadable(file: label, problem: .conversionFailed(.refused))
        }
        return Converted(xlsx: xlsx, folder: folder)
    }
}
