import Foundation
import XLSXReader

/// Files that are plainly not spreadsheets, told apart by their name and first bytes: what the
/// file is (`Kind`), so that a presenter can say what it is and what to do — rather than the
/// reader's "不是 zip 压缩包" for a PDF, a photo, a Word file, an empty file or an Office lock
/// file (`~$…`).
///
/// ```swift
/// ForeignFile.verdict(of: .path("报告.pdf"))    // .notASpreadsheet(.pdf): 这是 PDF 文件……
/// ForeignFile.verdict(of: .path("涡阳县.xlsx")) // nil: read it
/// ```
public enum ForeignFile {
    /// What a file that will not be read is.
    public enum Verdict: Sendable, Hashable {
        /// Not a spreadsheet at all (a PDF, a photo, a Word file, a lock file): skipped.
        case notASpreadsheet(Kind)
        /// A spreadsheet that cannot be read (empty, cut off): unreadable.
        case broken(Kind)

        /// What the file is.
        public var kind: Kind {
            switch self {
            case .notASpreadsheet(let kind), .broken(let kind): return kind
            }
        }

    }

    /// What a file plainly is, told by its name and first bytes.
    public enum Kind: Sendable, Hashable {
        /// An Office/WPS lock file (`~$…`).
        case lockFile
        /// An empty file (0 bytes).
        case emptyFile
        /// A zip cut off before its end record.
        case truncated
        /// A PDF.
        case pdf
        /// A photo or screenshot.
        case image
        /// A .rar or .7z archive.
        case archive
        /// A .zip archive that holds no workbook.
        case zipArchive
        /// A Word document (.docx).
        case wordDocument
        /// A PowerPoint presentation (.pptx).
        case powerPoint
        /// A legacy Word/WPS text document.
        case legacyTextDocument
        /// A legacy presentation (.ppt, .dps).
        case legacyPresentation
        /// A text document by its name (.docx, .doc, .wps) that is no zip or OLE file.
        case textDocument
    }

    /// What the input is when it will not be read; nil when it may be a spreadsheet.
    public static func verdict(of source: InputSource) -> Verdict? {
        let name = source.fileName
        if name.hasPrefix("~$") {
            return .notASpreadsheet(.lockFile)
        }
        guard let size = source.size else { return nil }
        if size == 0 {
            return .broken(.emptyFile)
        }
        let head = self.head(of: source, count: 4096)
        guard let kind = kind(head: head, whole: { Self.contains(source, anyOf: ["xl/workbook", "word/", "ppt/", Self.endOfArchive]) }, extension: source.pathExtension)
        else { return nil }
        return kind == .truncated ? .broken(kind) : .notASpreadsheet(kind)
    }

    /// The signature of a zip's end-of-central-directory record (a cut-off file has none).
    static let endOfArchive = "PK\u{05}\u{06}"

    /// What a file that starts with `head` is; `whole` names which of the Office parts the file
    /// holds (`xl/workbook`, `word/`, `ppt/`), asked only for a zip. Nil: it may be a spreadsheet.
    static func kind(head: [UInt8], whole: () -> Set<String>, extension ext: String) -> Kind? {
        if head.starts(with: Array("%PDF".utf8)) {
            return .pdf
        }
        if isImage(head) {
            return .image
        }
        if head.starts(with: Array("Rar!".utf8)) || head.starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) {
            return .archive
        }
        switch FileSignature.of(head) {
        case .zip:
            let parts = whole()
            if !parts.contains(endOfArchive) { return .truncated }
            if parts.contains("xl/workbook") { return nil }
            if parts.contains("word/") {
                return .wordDocument
            }
            if parts.contains("ppt/") { return .powerPoint }
            if ext == "zip" { return .zipArchive }
            return nil
        case .ole:
            if ["doc", "wps", "dot"].contains(ext) || head.containsSequence(utf16("WordDocument")) {
                return .legacyTextDocument
            }
            if ["ppt", "dps"].contains(ext) { return .legacyPresentation }
            return nil
        case .textSpreadsheet, .other:
            if ["docx", "doc", "wps"].contains(ext) { return .textDocument }
            return nil
        }
    }

    static func isImage(_ head: [UInt8]) -> Bool {
        head.starts(with: [0x89, 0x50, 0x4E, 0x47]) || head.starts(with: [0xFF, 0xD8, 0xFF])
            || head.starts(with: Array("GIF8".utf8)) || head.starts(with: Array("BM".utf8)) && head.count > 14 && head[6...9].allSatisfy { $0 == 0 }
            || (head.starts(with: Array("RIFF".utf8)) && head.count >= 12 && Array(head[8..<12]) == Array("WEBP".utf8))
            || (head.count >= 12 && Array(head[4..<8]) == Array("ftyp".utf8) && ["heic", "heix", "mif1", "avif"].contains(String(decoding: head[8..<12], as: UTF8.self)))
            || head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
    }

    static func utf16(_ text: String) -> [UInt8] { text.utf8.flatMap { [$0, 0] } }

    static func head(of source: InputSource, count: Int) -> [UInt8] {
        switch source.content {
        case .bytes(let bytes): return Array(bytes.prefix(count))
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
            defer { try? handle.close() }
            return Array((try? handle.read(upToCount: count)) ?? Data())
        }
    }

    /// Which of `names` occur in the file's bytes (a zip's entry names are stored in the clear).
    static func contains(_ source: InputSource, anyOf names: [String]) -> Set<String> {
        guard let bytes = try? source.readBytes() else { return [] }
        return Set(names.filter { bytes.containsSequence(Array($0.utf8)) })
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the bytes.
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        var index = 0
        let last = count - needle.count
        while index <= last {
            if self[index] == first && self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
