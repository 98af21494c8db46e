import Foundation
@testable import Minsheng
import Testing

/// Small tables written in the test as rows of text (as a CSV file holds them), read and checked
/// in memory through the same engine as a file: no fixture file, no temporary file.
///
/// ```swift
/// let (_, findings) = try TableFixture.check([
///     ["项目", "全市", "涡阳县", "蒙城县"],
///     ["城镇新增就业", "33000", "8300", ""],
/// ])
/// assertFindings(findings, ["total-mismatch error B2"])
/// ```
public enum TableFixture {
    /// The rows as CSV bytes.
    public static func csv(_ rows: [[String]]) -> [UInt8] {
        let text = rows.map { row in
            row.map { field in
                field.contains(",") || field.contains("\"") || field.contains("\n")
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\n")
        return Array(text.utf8)
    }

    /// The rows as a one-sheet .xlsx with merged ranges (`A1:C1`): plain numbers become number
    /// cells, other fields inline strings, empty fields no cells.
    public static func xlsx(_ rows: [[String]], merges: [String]) -> [UInt8] {
        var data = ""
        for (r, row) in rows.enumerated() {
            data += "<row r=\"\(r + 1)\">"
            for (c, field) in row.enumerated() where !field.isEmpty {
                let ref = "\(columnName(c))\(r + 1)"
                if Double(field) != nil, field.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
                    data += "<c r=\"\(ref)\"><v>\(field)</v></c>"
                } else {
                    let escaped = field.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    data += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped)</t></is></c>"
                }
            }
            data += "</row>"
        }
        let mergeXML =
            merges.isEmpty ? "" : "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        return ZipBuilder.workbook(sheetData: data, sheetExtra: mergeXML).build()
    }

    static func columnName(_ column: Int) -> String {
        var n = column + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The table's input source: CSV, or .xlsx when it has merged ranges.
    public static func source(_ rows: [[String]], merges: [String] = [], name: String = "表") -> InputSource {
        merges.isEmpty ? .bytes(csv(rows), name: name + ".csv") : .bytes(xlsx(rows, merges: merges), name: name + ".xlsx")
    }

    /// Checks the table: its file result and findings.
    public static func check(
        _ rows: [[String]], merges: [String] = [], asOf: AsOfDate? = nil, name: String = "表"
    ) throws -> (FileResult, [Finding]) {
        try Checker().check(source: source(rows, merges: merges, name: name), asOf: asOf)
    }

    /// Reads the table without checking it.
    public static func table(_ rows: [[String]], merges: [String] = [], name: String = "表") throws -> RecognizedTable {
        try TableFinder(vocabulary: try HeaderVocabulary.load()).find(in: source(rows, merges: merges, name: name))
    }
}

/// Expects exactly these findings, each written `code severity cell` (`total-mismatch error B2`),
/// in any order; names what is missing and what is extra.
public func assertFindings(
    _ findings: [Finding], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
    let got = findings.map { "\($0.code.rawValue) \($0.severity.rawValue) \($0.cell ?? "")" }
    let missing = expected.filter { !got.contains($0) }
    let extra = got.filter { !expected.contains($0) }
    if !missing.isEmpty || !extra.isEmpty || got.count != expected.count {
        let messages = findings.map { "\($0.code.rawValue) \($0.cell ?? ""): \($0.message)" }
        Issue.record(
            "findings differ — missing \(missing), extra \(extra); all: \(messages)", sourceLocation: sourceLocation)
    }
}
