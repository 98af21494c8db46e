import FuzzDriver
@testable import Minsheng
import XLSXReader

@main
enum PartsFuzzer {
    static func main() { runFuzzer(fuzzParts) }
}

/// The input is up to four XML parts separated by NUL bytes: the sheet, the shared strings, the
/// styles and the workbook part. They are stored (not deflated) in a zip with fixed
/// relationships, so that every mutation reaches the XML handlers; a missing part gets a minimal
/// one.
func fuzzParts(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    var parts = input.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map { Array($0) }
    let defaults: [[UInt8]] = [
        Array(#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#.utf8),
        Array(#"<sst><si><t>a</t></si></sst>"#.utf8),
        Array(#"<styleSheet><cellXfs><xf numFmtId="0"/></cellXfs></styleSheet>"#.utf8),
        Array(#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8),
    ]
    while parts.count < 4 { parts.append(defaults[parts.count]) }
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var zip = StoredZip()
    zip.add(
        "_rels/.rels",
        Array(#"<Relationships><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8))
    zip.add(
        "xl/_rels/workbook.xml.rels",
        Array(
            (#"<Relationships><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/>"#
                + #"<Relationship Id="rId2" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/>"#
                + #"<Relationship Id="rId3" Type="\#(relationships)/styles" Target="styles.xml"/></Relationships>"#).utf8))
    zip.add("xl/worksheets/sheet1.xml", parts[0])
    zip.add("xl/sharedStrings.xml", parts[1])
    zip.add("xl/styles.xml", parts[2])
    zip.add("xl/workbook.xml", parts[3])
    var options = ReadOptions()
    options.maxCells = 1_000_000
    guard let workbook = try? Workbook(bytes: zip.bytes(), name: "fuzz.xlsx", options: options) else { return 0 }
    var sheets: [Sheet] = []
    for info in workbook.sheets {
        guard let sheet = try? workbook.sheet(info) else { continue }
        _ = sheet.rows.count
        sheets.append(sheet)
    }
    let sink = ByteSink.memory()
    SheetExport.writeJSON(file: "fuzz.xlsx", sheets: sheets, to: sink)
    for sheet in sheets { SheetExport.writeCSV(sheet, to: sink) }
    return 0
}
