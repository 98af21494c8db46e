import Foundation
import XLSXReader

/// A returned district template, read through its metadata.
struct TemplateReturn: Sendable {
    /// One form row.
    struct Line: Sendable {
        /// The hidden item key (nil on a row staff inserted).
        var key: String?
        /// 项目.
        var project: String?
        /// 指标.
        var indicator: String?
        /// The target.
        var target: Cell?
        /// The completed figure.
        var completed: Cell?
        /// Zero-based row.
        var row: Int
    }

    /// The file.
    var path: String
    /// The plan id written by `split`.
    var planID: String
    /// The area (county, district, 高新区, 市本级).
    var area: String
    /// The template version.
    var version: String
    /// The sheet name.
    var sheetName: String
    /// The form rows, in sheet order.
    var lines: [Line]
    /// The period `split` was given (`1-9月`), if any.
    var period: String? = nil
}

/// Reads returns: templates by their metadata (hidden sheet and hidden key column), whatever
/// rows staff inserted or however they sorted.
enum ReturnReader {
    /// The return's metadata and rows, or nil when the workbook is no minsheng template.
    static func readTemplate(_ path: String, options: InputOptions = InputOptions()) throws -> TemplateReturn? {
        try readTemplate(.path(path), options: options)
    }

    /// The return's metadata and rows from a file or bytes, or nil when it is no minsheng template.
    static func readTemplate(
        _ source: InputSource, options: InputOptions = InputOptions(), signatureMarker: String = TemplateForm.signatureMarker
    ) throws -> TemplateReturn? {
        try readTemplate(InputWorkbook.open(source, options: options), signatureMarker: signatureMarker)
    }

    /// The return's metadata and rows from an opened workbook, or nil when it is no minsheng
    /// template.
    static func readTemplate(_ workbook: InputWorkbook, signatureMarker: String = TemplateForm.signatureMarker) throws -> TemplateReturn? {
        let path = workbook.path
        guard workbook.sheets.contains(where: { $0.name == TemplateMetadata.sheetName }) else { return nil }
        let meta = try workbook.sheet(named: TemplateMetadata.sheetName)
        var values: [String: String] = [:]
        for row in meta.rows.prefix(12) {
            guard let key = row.cells.first(where: { $0.reference.column == 0 })?.string else { continue }
            let value = row.cells.first { $0.reference.column == 1 }.flatMap { TableReader.text($0) } ?? ""
            values[key] = value
        }
        guard let version = values[TemplateMetadata.marker], let plan = values["plan"], let area = values["area"] else {
            return nil
        }
        let sheetName = values["sheet"] ?? "填报表"
        let form: Sheet
        do { form = try workbook.sheet(named: sheetName) } catch {
            throw MinshengError.unreadable(file: path, problem: .templateFormMissing(sheet: sheetName))
        }
        // Positions from the spec the writer used; the labels may have been edited since.
        let columns = TemplateForm.layout
        let at = (
            key: columns.index(.key), project: columns.index(.project), indicator: columns.index(.indicator),
            target: columns.index(.target), completed: columns.index(.completed)
        )
        var lines: [TemplateReturn.Line] = []
        for row in form.rows where row.index > TemplateForm.headerRow {
            let cells = Dictionary(row.cells.map { ($0.reference.column, $0) }, uniquingKeysWith: { a, _ in a })
            // The 填报人 / 填报日期 block below the form, wherever inserted rows or sorting moved it.
            if cells[at.key]?.string == signatureMarker { continue }
            let key = cells[at.key]?.string.flatMap { $0.hasPrefix("k") ? $0 : nil }
            let project = cells[at.project].flatMap(TableReader.text)
            let indicator = cells[at.indicator].flatMap(TableReader.text)
            let completed = cells[at.completed]
            guard key != nil || project != nil || indicator != nil || completed != nil else { continue }
            lines.append(
                TemplateReturn.Line(
                    key: key, project: project, indicator: indicator, target: cells[at.target], completed: completed, row: row.index))
        }
        var read = TemplateReturn(path: path, planID: plan, area: area, version: version, sheetName: sheetName, lines: lines)
        read.period = values["period"]
        return read
    }
}
