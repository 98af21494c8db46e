import Foundation
import TestSupport
import Testing
import A1Notation
import XLSXReader

/// Small files that ask for a lot of work: the reader's work must grow with distinct content
/// (one shared string, one style, one merge), never with how often it is referenced or how large
/// a range claims to be. Each file is built at run time and read in-process within two seconds,
/// even on a debug build.
@Suite(.serialized)
struct AmplificationTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let head = "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>"
    static let bound = HangBound.inProcess

    /// Opens the workbook and reads its first sheet, timing both.
    func read(_ path: String) throws -> (Workbook, Sheet, Duration) {
        let clock = ContinuousClock()
        var result: (Workbook, Sheet)?
        let elapsed = try clock.measure {
            let workbook = try Workbook(path: path)
            result = (workbook, try workbook.sheet(at: 0))
        }
        let (workbook, sheet) = try #require(result)
        return (workbook, sheet, elapsed)
    }

    /// Adds a part deflated from `prefix + unit × count + suffix`.
    func addRepeating(
        _ builder: inout ZipBuilder, _ name: String, prefix: String, unit: String, count: Int, suffix: String
    ) {
        let (stream, crc, size) = RepeatingDeflate.stream(
            prefix: Array(prefix.utf8), unit: Array(unit.utf8), count: count, suffix: Array(suffix.utf8))
        builder.addDeflated(name, stream: stream, uncompressedSize: UInt32(size), crc: crc)
    }

    @Test func oneThreeMegabyteSharedStringReferencedByTwelveThousandCells() throws {
        let unit = "民生实事项目进展情况"  // 30 bytes
        let repeats = 100_000
        var builder = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        addRepeating(
            &builder, "xl/sharedStrings.xml",
            prefix: "<?xml version=\"1.0\"?><sst xmlns=\"\(Self.main)\" count=\"12000\" uniqueCount=\"1\"><si><t>",
            unit: unit, count: repeats, suffix: "</t></si></sst>")
        addRepeating(
            &builder, "xl/worksheets/sheet1.xml", prefix: Self.head + "<row r=\"1\">",
            unit: #"<c t="s"><v>0</v></c>"#, count: 12_000, suffix: "</row></sheetData></worksheet>")
        let bytes = builder.build()
        #expect(bytes.count < 33_000, "a small file: \(bytes.count) bytes")
        let (_, sheet, elapsed) = try read(try builder.write(named: "一个长字符串.xlsx"))
        #expect(elapsed < Self.bound, "read in \(elapsed)")
        #expect(sheet.cellCount == 12_000)

        // Every cell holds the same string, stored once: the cells share its storage.
        let clock = ContinuousClock()
        var first: UnsafeRawPointer?
        var shared = 0
        let walk = clock.measure {
            sheet.forEachCell { cell in
                guard var text = cell.string, text.utf8.count == unit.utf8.count * repeats else { return }
                let base = text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
                if first == nil { first = base }
                if base == first { shared += 1 }
            }
        }
        #expect(shared == 12_000, "cells sharing the one stored string: \(shared)")
        #expect(walk < Self.bound, "every cell visited in \(walk)")
    }

    @Test func sixtyThousandCellFormats() throws {
        // 30,000 distinct number formats, each used by one cell format and one cell, and 30,000
        // more cell formats all pointing at one format with a 100 KB code.
        let count = 30_000
        var numFmts = "<numFmts count=\"\(count + 1)\">"
        var xfs = "<cellXfs count=\"\(2 * count)\">"
        var cells = ""
        for i in 0..<count {
            numFmts += "<numFmt numFmtId=\"\(165 + i)\" formatCode=\"0.00&quot;第\(i)项&quot;\"/>"
            xfs += "<xf numFmtId=\"\(165 + i)\"/>"
            cells += "<c r=\"\(A1.column(i % 100))\(i / 100 + 1)\" s=\"\(i)\"><v>\(i)</v></c>"
        }
        numFmts += "<numFmt numFmtId=\"164\" formatCode=\"" + String(repeating: "0.0%;", count: 20_000) + "\"/></numFmts>"
        xfs += String(repeating: "<xf numFmtId=\"164\"/>", count: count) + "</cellXfs>"
        cells += "<c r=\"A301\" s=\"\(2 * count - 1)\"><v>0.5</v></c>"
        let builder = ZipBuilder.workbook(sheetData: "<row>\(cells)</row>", styles: numFmts + xfs)
        let (_, sheet, elapsed) = try read(try builder.write(named: "六万样式.xlsx"))
        #expect(elapsed < Self.bound, "read in \(elapsed)")
        #expect(sheet.cellCount == count + 1)
        #expect(sheet.cell("A301")?.format.kind == .percent(decimals: 1))
        #expect(sheet.cell("B1")?.format.code == "0.00\"第1项\"")
    }

    @Test func twentyThousandMergesAndOneOverTheWholeGrid() throws {
        var merges = "<mergeCells count=\"20001\"><mergeCell ref=\"A1:XFD1048576\"/>"
        for i in 0..<20_000 {
            let column = A1.column(i % 16_000)
            merges += "<mergeCell ref=\"\(column)\(i + 2):XFD\(1_048_576 - i)\"/>"
        }
        merges += "</mergeCells>"
        let builder = ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>全表合并</t></is></c></row>"#, sheetExtra: merges)
        let (_, sheet, elapsed) = try read(try builder.write(named: "两万合并.xlsx"))
        #expect(elapsed < Self.bound, "read in \(elapsed)")
        #expect(sheet.mergedRanges.count == 20_001)
        #expect(sheet.cellCount == 1)
        #expect(sheet.size.rows == 1 && sheet.size.columns == 1, "merges do not make the sheet larger")
        #expect(sheet.mergedRange(containing: CellReference(row: 1_048_575, column: 16_383))?.description == "A1:XFD1048576")
    }

    @Test func aMillionEmptyCells() throws {
        var builder = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        addRepeating(
            &builder, "xl/worksheets/sheet1.xml", prefix: Self.head + "<row r=\"1\">", unit: "<c/>",
            count: 1_000_000, suffix: "</row><row><c r=\"B2\"><v>1</v></c></row></sheetData></worksheet>")
        let (_, sheet, elapsed) = try read(try builder.write(named: "一百万空单元格.xlsx"))
        #expect(elapsed < Self.bound, "read in \(elapsed)")
        #expect(sheet.cellCount == 1)
        #expect(sheet.cell("B2")?.number == 1)
    }

    @Test func threeHundredThousandEmptyRows() throws {
        // Three events each: a million took 0.65 s alone on a debug build, 2.9 s beside the
        // other suites on a loaded machine.
        var builder = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        addRepeating(
            &builder, "xl/worksheets/sheet1.xml", prefix: Self.head, unit: "<row><c/></row>",
            count: 300_000, suffix: "<row r=\"7\"><c r=\"C7\"><v>1</v></c></row></sheetData></worksheet>")
        let (_, sheet, elapsed) = try read(try builder.write(named: "三十万空行.xlsx"))
        #expect(elapsed < Self.bound, "read in \(elapsed)")
        #expect(sheet.cellCount == 1)
        #expect(sheet.cell("C7")?.number == 1)
    }
}

extension AmplificationTests {
    @Test func fiveThousandSheetsListedOverOnePart() throws {
        // One sheet part of 2,000 cells, listed as 5,000 sheets through one relationship (and
        // 5,000 relationships more, all to it): read once, not 5,000 times.
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let packageRel = "http://schemas.openxmlformats.org/package/2006/relationships"
        let count = 5_000
        var list = ""
        var rels = ""
        for i in 0..<count {
            list += "<sheet name=\"表\(i)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i % 2 == 0 ? 1 : 100 + i)\"/>"
            rels += "<Relationship Id=\"rId\(100 + i)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        }
        var cells = ""
        for r in 1...200 {
            cells += "<row r=\"\(r)\">" + (0..<10).map { "<c r=\"\(A1.column($0))\(r)\"><v>\($0)</v></c>" }.joined() + "</row>"
        }
        let path = try ZipBuilder.workbook(
            sheetData: cells,
            extra: [
                "xl/workbook.xml":
                    "<?xml version=\"1.0\"?><workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(rel)\"><sheets>\(list)</sheets></workbook>",
                "xl/_rels/workbook.xml.rels": """
                    <?xml version="1.0"?><Relationships xmlns="\(packageRel)">\
                    <Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/>\(rels)</Relationships>
                    """,
            ]
        ).write(named: "五千个表.xlsx")
        let clock = ContinuousClock()
        var sheets: [Sheet] = []
        let elapsed = try clock.measure { sheets = try Workbook(path: path).allSheets() }
        #expect(elapsed < Self.bound, "read in \(elapsed)")
        #expect(sheets.count == count)
        #expect(sheets.last?.name == "表4999")
        #expect(sheets.allSatisfy { $0.cellCount == 2_000 })
    }
}
