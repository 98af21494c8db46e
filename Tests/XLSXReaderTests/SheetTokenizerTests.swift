import Foundation
import TestSupport
import Testing
@_spi(Testing) import XLSXReader

/// The sheet tokenizer against expat: the same cells, formulas, merged ranges and errors on every
/// workbook we have and on hand-made XML, whatever the chunk size; and expat takes over, from the
/// part's start, on anything outside the tokenizer's grammar.
struct SheetTokenizerTests {
    static let chunkSizes = [1, 2, 3, 5, 7, 64, 1 << 20]

    /// Every .xlsx under Tests/Fixtures and Samples.
    static var workbooks: [URL] {
        [TestPaths.fixtures, TestPaths.samples].flatMap { root -> [URL] in
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "xlsx" }
        }.sorted { $0.path < $1.path }
    }

    /// Each sheet's cells (with formulas), merged ranges and state, or the error, as text.
    static func read(_ url: URL, tokenizer: Bool) -> [String] {
        var options = ReadOptions()
        options.keepFormulas = true
        options.tokenizer = tokenizer
        do {
            let workbook = try Workbook(path: url.path, options: options)
            var lines: [String] = []
            for info in workbook.sheets {
                do {
                    let sheet = try workbook.sheet(info)
                    lines.append("sheet \(sheet.name) \(sheet.state) \(sheet.mergedRanges)")
                    sheet.forEachCell { lines.append("\($0)") }
                } catch {
                    lines.append("sheet \(info.name): \(error)")
                }
            }
            return lines
        } catch {
            return ["\(error)"]
        }
    }

    @Test func everyWorkbookReadsTheSameWithEitherParser() {
        let files = Self.workbooks
        #expect(files.count > 60)
        for url in files {
            let expat = Self.read(url, tokenizer: false)
            let ours = Self.read(url, tokenizer: true)
            #expect(ours == expat, "\(url.lastPathComponent)")
        }
    }

    /// The output of `unzip` with these arguments, as bytes.
    static func unzip(_ arguments: [String]) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    /// Every worksheet part of every workbook, fed in chunks that end everywhere: the same
    /// outcome as expat's, and almost all of them read by the tokenizer without falling back.
    @Test func everyWorksheetPartGivesExpatsCellsAtEveryChunkSize() {
        var parts = 0
        var tokenized = 0
        for url in Self.workbooks {
            let names = String(decoding: Self.unzip(["-Z1", url.path]), as: UTF8.self).split(separator: "\n")
            for name in names where name.hasPrefix("xl/worksheets/") && name.hasSuffix(".xml") && !name.dropFirst(14).contains("/") {
                let xml = Self.unzip(["-p", url.path, String(name)])
                parts += 1
                var all = true
                for size in [7, 4096, Int.max] {
                    let chunk = min(size, max(xml.count, 1))
                    let expat = SheetProbe.read(xml, chunkSize: chunk, tokenizer: false, sharedStringCount: Int.max)
                    let ours = SheetProbe.read(xml, chunkSize: chunk, tokenizer: true, sharedStringCount: Int.max)
                    #expect(ours.sameResult(as: expat), "\(url.lastPathComponent) \(name) chunk \(chunk)")
                    all = all && ours.tokenized
                }
                if all { tokenized += 1 }
            }
        }
        #expect(parts > 100)
        #expect(tokenized * 100 >= parts * 95, "tokenized \(tokenized) of \(parts) parts")
    }

    /// Expat's and the tokenizer's outcome for `xml` at every chunk size; returns whether the
    /// tokenizer read it without falling back (the same at every size but the degenerate ones).
    @discardableResult
    func compare(_ xml: String, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        compare(Array(xml.utf8), comment, sourceLocation: sourceLocation)
    }

    @discardableResult
    func compare(_ bytes: [UInt8], _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        var tokenized: Set<Bool> = []
        for size in Self.chunkSizes {
            // Expat fed the same chunks: where it reports an error can depend on them.
            let expat = SheetProbe.read(bytes, chunkSize: size, tokenizer: false)
            let ours = SheetProbe.read(bytes, chunkSize: size, tokenizer: true)
            #expect(ours.sameResult(as: expat), "chunk \(size): \(comment?.description ?? "")\nours:\n\(ours)\nexpat:\n\(expat)", sourceLocation: sourceLocation)
            tokenized.insert(ours.tokenized)
        }
        #expect(tokenized.count == 1, "tokenized at some chunk sizes only", sourceLocation: sourceLocation)
        return tokenized.first ?? false
    }

    static let main = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#

    func sheet(_ body: String, declaration: String = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#) -> String {
        declaration + "\n<worksheet \(Self.main)><sheetData>" + body + "</sheetData></worksheet>"
    }

    @Test func ordinaryCellsAreTokenized() {
        #expect(compare(sheet(#"<row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c><c r="C1" t="b"><v>1</v></c></row>"#)))
        #expect(compare(sheet(#"<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> 民生 </t></is></c><c r="B2"><f>SUM(A1:A2)</f><v>3</v></c><c r="C2" t="e"><v>#DIV/0!</v></c></row>"#)))
        #expect(compare(sheet(#"<row><c><v>1</v></c><c/><c t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>"#)))
        #expect(compare(#"<worksheet/>"#))
        #expect(compare("\u{FEFF}" + sheet(#"<row r="1"><c r="A1"><v>7</v></c></row>"#, declaration: "")))
        #expect(compare(sheet("<row r='1'><c r='A1' t='d'><v>2021-01-01T00:00:00</v></c></row>", declaration: "<?xml version='1.0' encoding='utf-8'?>")))
        // A shared string out of range: the handler fails, and expat reads again to report it.
        #expect(!compare(sheet(#"<row r="1"><c r="A1" t="s"><v>9</v></c></row>"#)))
        #expect(compare(#"<worksheet><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref = 'C3:D4' /></mergeCells></worksheet>"#))
    }

    @Test func prefixesEntitiesAndReferencesAreTokenized() {
        #expect(compare(#"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a&lt;b&gt;c&amp;d&quot;e&apos;f</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"#))
        #expect(compare(sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>&#20013;&#x6587;&#x1F600;&#9;&#10;&#13;&#0000065;</t></is></c></row>"#)))
        #expect(compare(sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><r><rPr/><t>b</t></r><rPh sb="0" eb="1"><t>ミン</t></rPh></is></c></row>"#)))
        #expect(compare(#"<worksheet><mergeCells><mergeCell ref="&#65;1:&#x42;2"/></mergeCells></worksheet>"#))
    }

    @Test func lineEndsAndAttributeWhitespaceAreNormalizedAsExpatDoes() {
        #expect(compare(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb\rc\nd\r\r\ne</t></is></c></row>")))
        #expect(compare("<worksheet\r\n>\r\n<sheetData\r><row r=\"1\"><c r=\"A1\" t=\"str\"><f>1\r\n+2</f><v>x\r</v></c></row></sheetData></worksheet>\r\n"))
        #expect(compare("<worksheet><mergeCells><mergeCell ref=\"\tA1:\r\nB2 \"/><mergeCell ref=\"A1:&#10;C3\"/></mergeCells><sheetData><row r=\"\r1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>"))
        #expect(compare(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\r\n  a  \r\n</t><t>  b\r\n</t></is></c></row>")))
        #expect(compare(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>]] ]>]]]</t></is></c></row>")))
    }

    @Test func anythingUnusualFallsBackToExpat() {
        let fallbacks = [
            #"<!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet/>"#,
            sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<a>]]></t></is></c></row>"#),
            sheet(#"<!-- note --><row r="1"><c r="A1"><v>1</v></c></row>"#),
            sheet(#"<?pi x?><row r="1"><c r="A1"><v>1</v></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#, declaration: #"<?xml version="1.0" encoding="GB2312"?>"#),
            sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#, declaration: #"<?xml version="1.0" encoding="ISO-8859-1"?>"#),
            sheet(#"<row r="1"><行 r="A1"/></row>"#),
            sheet(#"<row r="1"><c r="A1" r="B1"><v>1</v></c></row>"#),
            sheet(#"<row r="1"><c r="A<1"><v>1</v></c></row>"#),
            sheet(#"<row r="1"><c r="A&1"><v>1</v></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>1</x></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>&nbsp;</v></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>&#0;</v></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>&#xD800;</v></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>&#xFFFE;</v></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>&#x110000;</v></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>&#X41;</v></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>a]]>b</v></c></row>"#),
            sheet("<row r=\"1\"><c r=\"A1\"><v>\u{1}</v></c></row>"),
            sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#) + "<again/>",
            sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#) + "tail",
            "text<worksheet/>",
            sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#, declaration: #" <?xml version="1.0"?>"#),
            sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#, declaration: #"<?xml version="1.1"?>"#),
            sheet(#"<row r="1"><c r="A1"s="1"><v>1</v></c></row>"#),
            sheet(#"<row r="1"><c r=A1><v>1</v></c></row>"#),
            sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#, declaration: "<?xml?>"),
            #"<worksheet><sheetData>"#,
            "",
            "   ",
        ]
        for (index, xml) in fallbacks.enumerated() {
            #expect(!compare(xml, "case \(index)"), "case \(index) was tokenized: \(xml)")
        }
        // The DOCTYPE is still refused, by expat.
        let doctype = SheetProbe.read(Array(fallbacks[0].utf8), chunkSize: 3, tokenizer: true)
        #expect(doctype.error?.kind == .doctypeRefused)
        // Malformed XML is reported with expat's position and reason.
        let mismatched = SheetProbe.read(Array(fallbacks[10].utf8), chunkSize: 1 << 20, tokenizer: true)
        guard case .malformedXML(let line, _, _)? = mismatched.error?.kind else {
            Issue.record("expected malformedXML, got \(mismatched)")
            return
        }
        #expect(line == 2)
    }

    @Test func invalidUTF8FallsBackAndValidUTF8IsTokenized() {
        let head = Array(#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"#.utf8)
        let tail = Array("</t></is></c></row></sheetData></worksheet>".utf8)
        let invalid: [[UInt8]] = [
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE4, 0xB8], [0xFF],
        ]
        for sequence in invalid {
            #expect(!compare(head + sequence + tail, "\(sequence)"))
        }
        let valid: [[UInt8]] = [
            [0xC2, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBD],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xE4, 0xB8, 0xAD],
        ]
        for sequence in valid {
            #expect(compare(head + sequence + tail, "\(sequence)"))
        }
    }

    @Test func handlerFailuresAreReportedAsExpatReportsThem() {
        // Too many cells: the tokenizer's pass stops at the limit; expat reads again and says so.
        let cells = (1...5).map { #"<c r="A\#($0)"><v>\#($0)</v></c>"# }.joined()
        let xml = Array(sheet("<row>" + cells + "</row>").utf8)
        let expat = SheetProbe.read(xml, chunkSize: 1 << 20, tokenizer: false, maxCells: 3)
        let ours = SheetProbe.read(xml, chunkSize: 5, tokenizer: true, maxCells: 3)
        #expect(ours == expat)
        #expect(expat.error?.kind == .tooManyCells(limit: 3))
    }

    /// Fuzz finding (Fuzz/regressions/sheet-expat-chunked-error-position): junk after the root
    /// with a NUL in it. Expat fed 7 bytes at a time reports it at another place than expat fed
    /// the whole part; the tokenizer's fallback, fed alike, reports what expat does.
    @Test func junkAfterTheRootFallsBackWithExpatsErrorForTheSameChunks() {
        let bytes = Array("<worksheet/>x:rowetDa\u{1}\0\0\0\0\0\0\u{1}ta>".utf8)
        #expect(!compare(bytes))
        let ours = SheetProbe.read(bytes, chunkSize: 7, tokenizer: true)
        let expat = SheetProbe.read(bytes, chunkSize: 7, tokenizer: false)
        #expect(ours == expat)
        guard case .malformedXML? = ours.error?.kind else {
            Issue.record("expected malformedXML, got \(ours)")
            return
        }
    }
}
