import Foundation

/// Expands the FILE|DIR arguments of a command: every file of a folder is either an input or
/// listed as skipped with the reason, so that nothing in a folder is passed over in silence.
public enum InputFiles {
    /// The extensions taken from a folder as inputs: workbooks, CSV, the legacy .xls and WPS .et /
    /// .ett, and OpenDocument .ods (the last three are refused with what to do, or converted
    /// with `--convert-legacy`).
    static let extensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm", "csv", "xls", "et", "ett", "ods"]

    /// The inputs, and the files of folders that are not read (with why).
    public struct Listing: Sendable {
        /// Files to read, in argument order (a folder's sorted by name).
        public var inputs: [InputSource]
        /// Files of the folders that are not read, as skipped results.
        public var skipped: [FileResult]

        /// Whether there is nothing to read.
        public var isEmpty: Bool { inputs.isEmpty }

        /// The usage error for no input at all, naming what was given and what was skipped.
        public func nothingToRead(_ arguments: [String]) -> MinshengError {
            .usage(.nothingToRead(given: arguments, skipped: skipped.count))
        }
    }

    /// Files as given (whatever their extension: a wrong one gets a clear error later); for a
    /// folder, the files directly in it (not in its subfolders), sorted: spreadsheets are inputs,
    /// anything else — Office lock files (`~$…`), PDFs, archives, documents, subfolders — is
    /// listed as skipped. Hidden files are ignored. A path that does not exist is kept, so that
    /// it is reported as unreadable.
    public static func list(_ arguments: [String]) -> Listing {
        var listing = Listing(inputs: [], skipped: [])
        let manager = FileManager.default
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue else {
                listing.inputs.append(.path(argument))
                continue
            }
            let base = URL(fileURLWithPath: argument)
            let names = ((try? manager.contentsOfDirectory(atPath: base.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for name in names {
                let path = argument.hasSuffix("/") ? argument + name : argument + "/" + name
                var isSubfolder: ObjCBool = false
                _ = manager.fileExists(atPath: path, isDirectory: &isSubfolder)
                if let reason = skipReason(name: name, isFolder: isSubfolder.boolValue) {
                    listing.skipped.append(FileResult(path: path, skipped: reason))
                } else {
                    listing.inputs.append(.path(path))
                }
            }
        }
        return listing
    }

    /// The paths `list` would read (folders expanded).
    static func expand(_ arguments: [String]) -> [String] {
        list(arguments).inputs.compactMap(\.path)
    }

    /// Why a file found in a folder is not read; nil to read it.
    static func skipReason(name: String, isFolder: Bool) -> SkipReason? {
        if isFolder { return .subfolder }
        if name.hasPrefix("~$") { return .officeLockFile }
        let ext = (name as NSString).pathExtension.lowercased()
        return extensions.contains(ext) ? nil : .notASpreadsheet(extension: ext)
    }
}
