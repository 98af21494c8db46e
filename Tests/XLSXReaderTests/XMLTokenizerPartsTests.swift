import Foundation
import TestSupport
import Testing
@_spi(Testing) import XLSXReader

/// The tokenizer against expat on the other parts of a workbook (relationships, the workbook,
/// shared strings, styles, content types, document properties): every event a handler receives —
/// start tags with their attributes as listed, end tags, text — and every error the same,
/// whatever the chunk size; and the tokenizer reads almost all of them without falling back.
struct XMLTokenizerPartsTests {
    /// The parts compared: every XML part that is not a worksheet.
    static func isCompared(_ name: Substring) -> Bool {
        (name.hasSuffix(".xml") || name.hasSuffix(".rels")) && !name.hasPrefix("xl/worksheets/")
    }

    /// Relationships, the workbook, shared strings and styles: what the reader parses.
    static func isRead(_ name: Substring) -> Bool {
        name.hasSuffix(".rels") || name.hasSuffix("workbook.xml") || name.hasSuffix("sharedStrings.xml")
            || name.hasSuffix("styles.xml")
    }

    @Test func everyPartOfEveryWorkbookGivesExpatsEventsAtEveryChunkSize() {
        var parts = 0
        var readParts = 0
        var tokenized = 0
        for url in SheetTokenizerTests.workbooks {
            let names = String(decoding: SheetTokenizerTests.unzip(["-Z1", url.path]), as: UTF8.self).split(separator: "\n")
            for name in names where Self.isCompared(name) {
                let xml = SheetTokenizerTests.unzip(["-p", url.path, String(name)])
                parts += 1
                var all = true
                // One byte at a time only where it stays quick: an incomplete token is rescanned.
                let sizes = xml.count < 1 << 16 ? [1, 7, 4096, Int.max] : [7, 4096, Int.max]
                for size in sizes {
                    let chunk = min(size, max(xml.count, 1))
                    let expat = XMLProbe.read(xml, chunkSize: chunk, tokenizer: false, part: String(name))
                    let ours = XMLProbe.read(xml, chunkSize: chunk, tokenizer: true, part: String(name))
                    #expect(ours.sameResult(as: expat), "\(url.lastPathComponent) \(name) chunk \(chunk)")
                    all = all && ours.tokenized
                }
                if Self.isRead(name) {
                    readParts += 1
                    if all { tokenized += 1 }
                }
            }
        }
        #expect(parts > 300)
        #expect(tokenized * 100 >= readParts * 95, "tokenized \(tokenized) of \(readParts) parts")
    }

    /// Expat's and the tokenizer's events for `xml` at several chunk sizes; returns whether the
    /// tokenizer read it without falling back.
    @discardableResult
    func compare(_ xml: String, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let bytes = Array(xml.utf8)
        var tokenized: Set<Bool> = []
        for size in SheetTokenizerTests.chunkSizes {
            let expat = XMLProbe.read(bytes, chunkSize: size, tokenizer: false)
            let ours = XMLProbe.read(bytes, chunkSize: size, tokenizer: true)
            #expect(
                ours.sameResult(as: expat), "chunk \(size): \(comment?.description ?? "")\nours:\n\(ours)\nexpat:\n\(expat)",
                sourceLocation: sourceLocation)
            tokenized.insert(ours.tokenized)
        }
        #expect(tokenized.count == 1, "tokenized at some chunk sizes only", sourceLocation: sourceLocation)
        return tokenized.first ?? false
    }

    @Test func theUsualPartsAreTokenized() {
        #expect(compare(
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n"
                + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#))
        #expect(compare(
            #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="进展 &amp; 目标" sheetId="1" state="hidden" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'进展'!$A$1:$G$9</definedName></definedNames></workbook>"#))
        #expect(compare(
            #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t xml:space="preserve"> 3.3万人以上 </t></si><si><r><rPr><b/><sz val="11"/></rPr><t>民生</t></r><r><t>&#10;工程</t></r><rPh sb="0" eb="2"><t>ミンセイ</t></rPh></si><si><t/></si></sst>"#))
        #expect(compare(
            #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="mm\/dd\/yy"/><numFmt numFmtId="165" formatCode="0.00%;[Red]\-0.00%;&quot;——&quot;"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#))
    }

    @Test func unusualPartsFallBackToExpatWithTheSameEventsAndErrors() {
        let fallbacks = [
            // LibreOffice-style comments and processing instructions: expat's to read.
            #"<Relationships><!-- made by hand --><Relationship Id="rId1" Target="a.xml"/></Relationships>"#,
            #"<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><workbook><sheets/></workbook>"#,
            #"<sst><si><t><![CDATA[<b>民生</b>]]></t></si></sst>"#,
            #"<!DOCTYPE sst [<!ENTITY e "expanded">]><sst><si><t>&e;</t></si></sst>"#,
            #"<?xml version="1.0" encoding="GBK"?><sst/>"#,
            #"<Relationships><Relationship Id="rId1" Id="rId2"/></Relationships>"#,
            #"<workbook><sheets><sheet name="a"></sheets></workbook>"#,
            #"<styleSheet>"#,
        ]
        for (index, xml) in fallbacks.enumerated() {
            #expect(!compare(xml, "case \(index)"), "case \(index) was tokenized: \(xml)")
        }
        let doctype = XMLProbe.read(Array(fallbacks[3].utf8), chunkSize: 5, tokenizer: true)
        #expect(doctype.error?.kind == .doctypeRefused)
        let unclosed = XMLProbe.read(Array(fallbacks[6].utf8), chunkSize: 1 << 20, tokenizer: true)
        guard case .malformedXML? = unclosed.error?.kind else {
            Issue.record("expected malformedXML, got \(unclosed)")
            return
        }
    }

    /// Fuzz finding (Fuzz/regressions/xml-long-tag-small-chunks): a 60 KB start tag fed 7 bytes
    /// at a time was rescanned from its start on every chunk, quadratic time. A scan now waits
    /// for as many new bytes as the incomplete token holds. An 800 KB tag would take minutes so.
    @Test func aLongTagInSmallChunksIsScannedInLinearTime() throws {
        let regression = try [UInt8](Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Fuzz/regressions/xml-long-tag-small-chunks")))
        let found = Array(regression.dropFirst())  // the first byte chose the chunk size (7)
        #expect(XMLProbe.read(found, chunkSize: 7, tokenizer: true).sameResult(as: XMLProbe.read(found, chunkSize: 7, tokenizer: false)))

        let long = Array(("<Relationships><Relationship Id=\"rId1\" Target=\"" + String(repeating: "a", count: 800_000) + "\"/></Relationships>").utf8)
        let clock = ContinuousClock()
        var outcome: XMLProbe.Outcome?
        let elapsed = clock.measure { outcome = XMLProbe.read(long, chunkSize: 7, tokenizer: true) }
        let ours = try #require(outcome)
        #expect(elapsed < HangBound.inProcess, "took \(elapsed)")
        #expect(ours.tokenized)
        // Expat in one piece (expat 2.5 itself rescans a long token on every small chunk).
        #expect(ours.sameResult(as: XMLProbe.read(long, chunkSize: Int.max, tokenizer: false)))
    }

    /// UTF-16 parts (allowed by XML, met in hand-edited relationships) are expat's.
    @Test func utf16PartsAreReadByExpat() {
        let text = #"<?xml version="1.0" encoding="UTF-16"?><Relationships><Relationship Id="rId1" Target="xl/工作簿.xml"/></Relationships>"#
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for size in [1, 3, 1 << 20] {
            let expat = XMLProbe.read(bytes, chunkSize: size, tokenizer: false)
            let ours = XMLProbe.read(bytes, chunkSize: size, tokenizer: true)
            #expect(ours == expat)
            #expect(!ours.tokenized)
            #expect(ours.events.contains(#"<Relationship Id="rId1" Target="xl/工作簿.xml""#))
        }
    }
}
