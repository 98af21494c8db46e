import Foundation
import TestSupport
import Testing
import XLSXReader

/// Real bug-report workbooks, rebuilt at run time from the XML that made them fail: each is read
/// the way other readers read it, or refused for a reason that names the file.
struct BugReportTests {
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let packageRel = "http://schemas.openxmlformats.org/package/2006/relationships"

    // MARK: Dates with escaped separators

    @Test func escapedSeparatorDateFormatsAreDatesWithoutATime() throws {
        // `mm\/dd\/yy` and `yyyy\-mm\-dd` as Excel and LibreOffice write them; 31601 is 1986-07-08.
        let styles = #"""
            <numFmts count="4"><numFmt numFmtId="164" formatCode="mm\/dd\/yy"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd"/>\
            <numFmt numFmtId="166" formatCode="yyyy\-mm\-dd\ hh:mm"/><numFmt numFmtId="167" formatCode="[$-409]m\/d\/yy\ h:mm\ AM/PM;@"/></numFmts>\
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/></cellXfs>
            """#
        let data = #"""
            <row r="1"><c r="A1" s="1"><v>31601</v></c><c r="B1" s="2"><v>31601</v></c>\
            <c r="C1" s="3"><v>31601.5</v></c><c r="D1" s="4"><v>31601.25</v></c></row>
            """#
        let sheet = try Workbook(path: try ZipBuilder.workbook(sheetData: data, styles: styles).write()).sheet(at: 0)
        #expect(sheet.cell("A1")?.value == .date(iso: "1986-07-08", serial: 31601))
        #expect(sheet.cell("B1")?.value == .date(iso: "1986-07-08", serial: 31601))
        #expect(sheet.cell("C1")?.value == .date(iso: "1986-07-08T12:00:00", serial: 31601.5))
        #expect(sheet.cell("D1")?.value == .date(iso: "1986-07-08T06:00:00", serial: 31601.25))
    }

    @Test(arguments: [
        (#"mm\/dd\/yy"#, true), (#"yyyy\-mm\-dd"#, true), ("yyyy-mm-dd", true), ("mm-dd-yy", true),
        (#"yyyy"年"m"月"d"日""#, true), ("d-mmm", true), ("[$-F800]dddd, mmmm dd, yyyy", true),
        ("m/d/yy h:mm", false), (#"yyyy\-mm\-dd\ hh:mm:ss"#, false), ("h:mm AM/PM", false),
        ("mm:ss", false), ("[h]:mm:ss", false), ("0.00%", false), ("General", false), (#"0.0\d"#, false),
    ])
    func dateOnlyFormats(_ code: String, _ dateOnly: Bool) {
        #expect(NumberFormat(code: code).isDateOnly == dateOnly, "\(code)")
    }

    // MARK: Broken package structure

    @Test func malformedPackageRelationshipsFallBackToTheConventionalWorkbook() throws {
        let path = try ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>照读</t></is></c></row>"#,
            extra: ["_rels/.rels": #"<?xml version="1.0"?><Relationships xmlns="\#(Self.packageRel)"><Relationship Id="rId1""#]
        ).write(named: "坏关系.xlsx")
        let workbook = try Workbook(path: path)
        #expect(try workbook.sheet(at: 0).cell("A1")?.string == "照读")
        #expect(workbook.problems.count == 1)
        let problem = try #require(workbook.problems.first)
        #expect(problem.part == "_rels/.rels")
        guard case .unreadableRelationships(.malformedXML) = problem.kind else {
            Issue.record("unexpected problem: \(problem)")
            return
        }
        #expect(problem.description.contains(path))
        #expect(problem.description.contains("关系文件无法解析"))
    }

    @Test func missingPackageRelationshipsFallBackSilently() throws {
        let path = try ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1"><v>7</v></c></row>"#, extra: ["_rels/.rels": ""]
        ).write()
        let workbook = try Workbook(path: path)
        #expect(try workbook.sheet(at: 0).cell("A1")?.number == 7)
        #expect(workbook.problems.isEmpty)
    }

    @Test func aWorkbookTargetThatIsMissingFallsBackToTheConventionalPart() throws {
        let path = try ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1"><v>8</v></c></row>"#,
            extra: [
                "_rels/.rels": """
                    <?xml version="1.0"?><Relationships xmlns="\(Self.packageRel)">\
                    <Relationship Id="rId1" Type="\(Self.rel)/officeDocument" Target="xl/book.xml"/></Relationships>
                    """
            ]
        ).write()
        let workbook = try Workbook(path: path)
        #expect(try workbook.sheet(at: 0).cell("A1")?.number == 8)
        #expect(workbook.problems.map(\.kind) == [.workbookPartNotFound(target: "xl/book.xml", used: "xl/workbook.xml")])
    }

    @Test func malformedWorkbookRelationshipsStillFindSheetsByTheirConventionalNames() throws {
        let path = try ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1"><v>9</v></c></row>"#, sharedStrings: ["共享"],
            extra: ["xl/_rels/workbook.xml.rels": "<Relationships><Relationship"]
        ).write()
        let workbook = try Workbook(path: path)
        #expect(try workbook.sheet(at: 0).cell("A1")?.number == 9)
        #expect(workbook.problems.map(\.part) == ["xl/_rels/workbook.xml.rels"])
    }

    @Test func aListedSheetWhosePartIsMissingIsSkippedAndNamed() throws {
        let path = try ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1"><v>1</v></c></row>"#,
            extra: [
                "xl/workbook.xml": """
                    <?xml version="1.0"?><workbook xmlns="\(Self.main)" xmlns:r="\(Self.rel)"><sheets>\
                    <sheet name="汇总" sheetId="1" r:id="rId1"/><sheet name="附表" sheetId="7" r:id="rId9"/></sheets></workbook>
                    """,
                "xl/_rels/workbook.xml.rels": """
                    <?xml version="1.0"?><Relationships xmlns="\(Self.packageRel)">\
                    <Relationship Id="rId1" Type="\(Self.rel)/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId9" Type="\(Self.rel)/worksheet" Target="worksheets/sheet9.xml"/></Relationships>
                    """,
            ]
        ).write(named: "缺表.xlsx")
        let workbook = try Workbook(path: path)
        #expect(workbook.sheets.map(\.name) == ["汇总", "附表"])
        #expect(workbook.sheets.map(\.part) == ["xl/worksheets/sheet1.xml", nil])
        #expect(try workbook.allSheets().map(\.name) == ["汇总"])
        #expect(
            workbook.problems.map(\.kind) == [.missingSheet(name: "附表", expected: "xl/worksheets/sheet9.xml")])
        #expect(workbook.problems.first?.description.contains("附表") == true)
        do {
            _ = try workbook.sheet(named: "附表")
            Issue.record("a missing sheet was read")
        } catch {
            #expect(error.kind == .missingPart("工作表“附表”"))
            #expect(error.description.contains(path))
        }
    }

    // MARK: Two entries of one name

    @Test(arguments: ["xl/worksheets/sheet1.xml", "XL/Worksheets/Sheet1.xml", #"xl\worksheets\sheet1.xml"#])
    func twoEntriesOfTheSameNameAreRefused(_ second: String) throws {
        var builder = ZipBuilder.workbook(sheetData: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        builder.add(second, #"<?xml version="1.0"?><worksheet xmlns="\#(Self.main)"><sheetData><row r="1"><c r="A1"><v>666</v></c></row></sheetData></worksheet>"#)
        let path = try builder.write(named: "同名条目.xlsx")
        for attempt in 0..<2 {
            do {
                if attempt == 0 {
                    _ = try Workbook(path: path)
                } else {
                    _ = try Workbook(bytes: builder.build(), name: path)
                }
                Issue.record("a zip with two \(second) entries was read")
            } catch {
                #expect(error.kind == .duplicateEntry(second))
                #expect(error.description.contains(path))
                #expect(error.description.contains("同名条目"))
            }
        }
    }
}
