import Foundation

/// Expands the FILE|DIR arguments of a command: every file of a folder is either an input or
/// listed as skipped with the reason, so that nothing in a folder is passed over in silence.
public enum InputFiles {
    /// The extensions taken from a folder as inputs: workbooks, CSV, the legacy .xls and WPS .et /
    /// .ett, and OpenDocument .ods (the last three are refused with what to do, or converted
    /// with `--convert-legacy`).
    public static let extensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm", "csv", "xls", "et", "ett", "ods"]

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
            let given = arguments.joined(separator: "、")
            let skippedNote = skipped.isEmpty ? "" : "（\(skipped.count) 个文件不是表格，已跳过）"
            return .usage("没有找到要读取的表格文件：\(given) 中没有 .xlsx / .xlsm / .csv 文件\(skippedNote)")
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
                    listing.skipped.append(FileResult(path: path, status: .skipped, error: reason))
                } else {
                    listing.inputs.append(.path(path))
                }
            }
        }
        return listing
    }

    /// The paths `list` would read (folders expanded).
    public static func expand(_ arguments: [String]) -> [String] {
        list(arguments).inputs.compactMap(\.path)
    }

    /// Why a file found in a folder is not read, in words a clerk understands; nil to read it.
    static func skipReason(name: String, isFolder: Bool) -> String? {
        if isFolder { return "子文件夹，其中的文件不读取；需要时请单独列出这个文件夹" }
        if name.hasPrefix("~$") { return "Office 正在编辑时留下的临时文件，不是表格" }
        let ext = (name as NSString).pathExtension.lowercased()
        if extensions.contains(ext) { return nil }
        switch ext {
        case "pdf": return "PDF 文件，无法读取其中的表格，请报送 Excel/WPS 表格"
        case "zip", "rar", "7z", "gz", "tar": return "压缩包，请先解压，把其中的表格放进文件夹"
        case "doc", "docx", "wps": return "Word/WPS 文字文档，不是表格"
        case "txt", "md": return "文本文件，不是表格"
        case "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "heic": return "图片，不是表格"
        case "": return "没有扩展名，无法判断是否为表格"
        default: return ".\(ext) 文件，不是表格"
        }
    }
}
