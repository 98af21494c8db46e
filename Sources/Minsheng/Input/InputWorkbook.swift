import Foundation
import XLSXReader

/// How submitted files are opened.
public struct InputOptions: Sendable, Hashable {
    /// Convert .xls, WPS .et and HTML/XML tables through LibreOffice instead of refusing them.
    public var convertLegacy: Bool

    /// Creates one from its parts.
    public init(convertLegacy: Bool = false) {
        self.convertLegacy = convertLegacy
    }
}

/// A submitted file opened for reading, whatever arrived: .xlsx (and .xlsm, .xltx, .xltm, told by
/// content, not by name), CSV, or a legacy workbook converted by LibreOffice when asked to.
/// Every error names the input as the user gave it.
///
/// ```swift
/// let input = try InputWorkbook.open(.path("各县区.xls"), options: InputOptions(convertLegacy: true))
/// let sheet = try input.sheet(input.sheets[0])
/// ```
final class InputWorkbook {
    /// The input's name as given (a path, or an upload's file name).
    let path: String
    /// Its sheets (one for a CSV file).
    let sheets: [SheetInfo]

    private enum Content {
        case workbook(Workbook)
        case csv(Sheet)
    }

    private let content: Content
    private let temporaryFolder: URL?

    private init(path: String, content: Content, temporaryFolder: URL? = nil) {
        self.path = path
        self.content = content
        self.temporaryFolder = temporaryFolder
        switch content {
        case .workbook(let workbook): sheets = workbook.sheets
        case .csv(let sheet): sheets = [SheetInfo(name: sheet.name, index: 0)]
        }
    }

    deinit {
        if let temporaryFolder { try? FileManager.default.removeItem(at: temporaryFolder) }
    }

    /// Opens an input: a file or bytes.
    ///
    /// - Throws: `MinshengError.unreadable` with the reason; a legacy file without
    ///   `convertLegacy` gets "请用 Excel/WPS 另存为 .xlsx 后重试".
    static func open(_ source: InputSource, options: InputOptions = InputOptions()) throws -> InputWorkbook {
        let name = source.name
        openedInputs?.add(name)
        // (The file's first bytes are read only for a .csv, the one input they decide.)
        var signature: FileSignature? {
            switch source.content {
            case .file(let path): return FileSignature.of(path: path)
            case .bytes(let bytes): return FileSignature.of(Array(bytes.prefix(1024)))
            }
        }
        // (Asked once: Foundation's path parsing is dear beside a small workbook's reading.)
        let pathExtension = source.pathExtension
        if ["ods", "fods"].contains(pathExtension) {
            guard options.convertLegacy else { throw MinshengError.unreadable(file: name, problem: .openDocument) }
            return try openConverted(source, html: false)
        }
        if pathExtension == "csv", signature == .other {
            return InputWorkbook(path: name, content: .csv(Sheet(name: source.stem, textRows: try CSVText.rows(of: source))))
        }
        do {
            switch source.content {
            case .file(let path): return InputWorkbook(path: name, content: .workbook(try Workbook(path: path)))
            case .bytes(let bytes): return InputWorkbook(path: name, content: .workbook(try Workbook(bytes: bytes, name: name)))
            }
        } catch let error {
            let html: Bool
            switch error.kind {
            case .legacyFormat: html = false
            case .textSpreadsheet(let kind): html = kind.contains("HTML")
            default: throw MinshengError.unreadable(file: name, problem: .reader(error))
            }
            guard options.convertLegacy else { throw MinshengError.unreadable(file: name, problem: .reader(error)) }
            return try openConverted(source, html: html)
        }
    }

    /// Converts a legacy or OpenDocument input with LibreOffice and opens the result (its
    /// temporary folder goes with the workbook).
    private static func openConverted(_ source: InputSource, html: Bool) throws -> InputWorkbook {
        let converted = try convertLegacy(source, html: html)
        do {
            return InputWorkbook(
                path: source.name, content: .workbook(try Workbook(path: converted.xlsx)), temporaryFolder: converted.folder)
        } catch {
            try? FileManager.default.removeItem(at: converted.folder)
            throw MinshengError.unreadable(file: source.name, problem: .unreadableAfterConversion(error))
        }
    }

    /// LibreOffice converts files only: bytes are written to a private temporary file first.
    private static func convertLegacy(_ source: InputSource, html: Bool) throws -> LegacyConversion.Converted {
        switch source.content {
        case .file(let path): return try LegacyConversion.convert(path, html: html, name: source.name)
        case .bytes(let bytes):
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-upload-\(UUID().uuidString)")
            let file = folder.appendingPathComponent(html ? "input.html" : "input.xls")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try Data(bytes).write(to: file)
            } catch {
                try? FileManager.default.removeItem(at: folder)
                throw MinshengError.unreadable(file: source.name, problem: .conversionFailed(.cannotMakeTemporary(detail: error.localizedDescription)))
            }
            defer { try? FileManager.default.removeItem(at: folder) }
            return try LegacyConversion.convert(file.path, html: html, name: source.name)
        }
    }

    /// The sheets listed in the workbook whose content is missing from the file (the rest of
    /// the workbook is read; a ✓ must not hide them).
    var missingSheets: [String] {
        guard case .workbook(let workbook) = content else { return [] }
        return workbook.problems.compactMap { problem in
            if case .missingSheet(let name, _) = problem.kind { return name }
            return nil
        }
    }

    /// What the reader set aside to read this workbook at all (damaged relationships, a
    /// workbook part found by its conventional name, sheets without content), each with the file
    /// and part; empty for CSV and for sound workbooks.
    var problems: [XLSXProblem] {
        guard case .workbook(let workbook) = content else { return [] }
        return workbook.problems
    }

    /// Whether a cell may hold `text` (see `Workbook.mayHoldText`); always true for CSV.
    func mayHoldText(_ text: String) -> Bool {
        guard case .workbook(let workbook) = content else { return true }
        return workbook.mayHoldText(text)
    }

    /// Reads a sheet's cells.
    func sheet(_ info: SheetInfo) throws -> Sheet {
        switch content {
        case .csv(let sheet): return sheet
        case .workbook(let workbook):
            do { return try workbook.sheet(info) } catch { throw MinshengError.unreadable(file: path, problem: .reader(error)) }
        }
    }

    /// Reads the first `rows` rows of the sheet with this name, and no further.
    func sheet(named name: String, rows: Int) throws -> Sheet {
        guard let info = sheets.first(where: { $0.name == name }) else {
            throw MinshengError.unreadable(file: path, problem: .noSuchSheet(name, available: []))
        }
        switch content {
        case .csv(let sheet): return sheet
        case .workbook(let workbook):
            do { return try workbook.sheet(info, rows: rows) } catch {
                throw MinshengError.unreadable(file: path, problem: .reader(error))
            }
        }
    }

    /// Reads the sheet with this name.
    func sheet(named name: String) throws -> Sheet {
        guard let info = sheets.first(where: { $0.name == name }) else {
            throw MinshengError.unreadable(file: path, problem: .noSuchSheet(name, available: []))
        }
        return try sheet(info)
    }
}
