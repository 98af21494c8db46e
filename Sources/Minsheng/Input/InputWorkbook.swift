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
/// Every error names the file as the user gave it.
///
/// ```swift
/// let input = try InputWorkbook.open("各县区.xls", options: InputOptions(convertLegacy: true))
/// let sheet = try input.sheet(input.sheets[0])
/// ```
public final class InputWorkbook {
    /// The file as given.
    public let path: String
    /// Its sheets (one for a CSV file).
    public let sheets: [SheetInfo]

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

    /// Opens the file at `path`.
    ///
    /// - Throws: `MinshengError.cannotRead` with the reason in Chinese; a legacy file without
    ///   `convertLegacy` gets "请用 Excel/WPS 另存为 .xlsx 后重试".
    public static func open(_ path: String, options: InputOptions = InputOptions()) throws -> InputWorkbook {
        let signature = FileSignature.of(path: path)
        if signature == .other, (path as NSString).pathExtension.lowercased() == "csv" {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return InputWorkbook(path: path, content: .csv(Sheet(name: name, textRows: try CSVText.rows(ofFile: path))))
        }
        do {
            return InputWorkbook(path: path, content: .workbook(try Workbook(path: path)))
        } catch let error {
            let html: Bool
            switch error.kind {
            case .legacyFormat: html = false
            case .textSpreadsheet(let kind): html = kind.contains("HTML")
            default: throw MinshengError.cannotRead(path: path, reason: error.reasonWithPlace)
            }
            guard options.convertLegacy else { throw MinshengError.cannotRead(path: path, reason: error.reasonWithPlace) }
            let converted = try LegacyConversion.convert(path, html: html)
            do {
                return InputWorkbook(path: path, content: .workbook(try Workbook(path: converted.xlsx)), temporaryFolder: converted.folder)
            } catch {
                try? FileManager.default.removeItem(at: converted.folder)
                throw MinshengError.cannotRead(path: path, reason: "LibreOffice 转换后仍无法读取：\(error.reasonWithPlace)")
            }
        }
    }

    /// Reads a sheet's cells.
    public func sheet(_ info: SheetInfo) throws -> Sheet {
        switch content {
        case .csv(let sheet): return sheet
        case .workbook(let workbook):
            do { return try workbook.sheet(info) } catch { throw MinshengError.cannotRead(path: path, reason: error.reasonWithPlace) }
        }
    }

    /// Reads the sheet with this name.
    public func sheet(named name: String) throws -> Sheet {
        guard let info = sheets.first(where: { $0.name == name }) else {
            throw MinshengError.cannotRead(path: path, reason: "没有名为“\(name)”的工作表")
        }
        return try sheet(info)
    }
}
