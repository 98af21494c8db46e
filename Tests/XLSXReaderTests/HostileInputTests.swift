import Foundation
import TestSupport
import Testing
import XLSXReader

/// Files that must be refused with a clear error naming the file, quickly, never a crash or hang.
struct HostileInputTests {
    /// Opens and reads every sheet, returning the error (or nil if it read) and the time taken.
    func attempt(_ path: String, options: ReadOptions = ReadOptions()) -> (XLSXError?, Duration) {
        let clock = ContinuousClock()
        var failure: XLSXError?
        let elapsed = clock.measure {
            do {
                _ = try Workbook(path: path, options: options).allSheets()
            } catch let error as XLSXError {
                failure = error
            } catch {
                Issue.record("not an XLSXError: \(error)")
            }
        }
        return (failure, elapsed)
    }

    func expectRefused(_ path: String, options: ReadOptions = ReadOptions(), _ check: (XLSXError.Kind) -> Bool)
    {
        let (error, elapsed) = attempt(path, options: options)
        guard let error else {
            Issue.record("\(path) was read, expected a refusal")
            return
        }
        #expect(check(error.kind), "unexpected error: \(error)")
        #expect(error.description.contains(path), "the message names the file: \(error)")
        #expect(elapsed < HangBound.inProcess, "refused in \(elapsed)")
    }

    func temporaryFile(_ bytes: [UInt8], name: String = "x.xlsx") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func refusesAFileThatIsNotAZip() throws {
        let path = try temporaryFile(Array("序号,项目\n1,城镇新增就业\n".utf8))
        expectRefused(path) { $0 == .notAZip }
    }

    @Test func refusesALegacyXLSByItsOLESignature() throws {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        bytes += [UInt8](repeating: 0, count: 504) + Array("W\0o\0r\0k\0b\0o\0o\0k\0".utf8)
        let path = try temporaryFile(bytes, name: "旧表.xls")
        expectRefused(path) { $0 == .legacyFormat }
        let (error, _) = attempt(path)
        #expect(error?.description.contains("另存为 .xlsx") == true)
    }

    @Test func refusesAPasswordProtectedWorkbook() {
        let path = TestPaths.fixtures.appendingPathComponent("calamine/pass_protected.xlsx").path
        expectRefused(path) { $0 == .encrypted }
    }

    @Test func refusesATruncatedCopy() throws {
        let source = TestPaths.fixtures.appendingPathComponent("calamine/issue_261.xlsx")
        let bytes = [UInt8](try Data(contentsOf: source))
        for fraction in [0.25, 0.5, 0.9, 0.99] {
            let path = try temporaryFile(Array(bytes.prefix(Int(Double(bytes.count) * fraction))))
            expectRefused(path) { kind in
                if case .corruptArchive = kind { return true }
                return kind == .notAZip
            }
        }
    }

    @Test func refusesAMissingWorkbookPart() throws {
        var builder = ZipBuilder()
        builder.add("docProps/app.xml", "<Properties/>")
        expectRefused(try builder.write()) { $0 == .missingPart("xl/workbook.xml") }
    }

    @Test func refusesASharedStringIndexOutOfRange() throws {
        let path = try ZipBuilder.workbook(
            sheetData: #"<row r="4"><c r="E4" t="s"><v>7</v></c></row>"#, sharedStrings: ["a", "b"]
        ).write()
        expectRefused(path) { $0 == .sharedStringOutOfRange(index: 7, count: 2) }
        let (error, _) = attempt(path)
        #expect(error?.cell == "E4")
        #expect(error?.part == "xl/worksheets/sheet1.xml")
    }

    @Test func refusesABillionLaughsDoctype() throws {
        var entities = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let path = try ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
            extra: [
                "xl/sharedStrings.xml":
                    "<?xml version=\"1.0\"?><!DOCTYPE sst [\(entities)]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol9;</t></si></sst>"
            ]
        ).write()
        expectRefused(path) { $0 == .doctypeRefused }
    }

    @Test func refusesADecompressionBombByRatio() throws {
        // 3 GiB of spaces declared honestly, about 20 MB on disk.
        let size = 3 << 30
        var builder = ZipBuilder.workbook(sheetData: "")
        builder.addDeflated(
            "xl/sharedStrings.xml", stream: ZipBuilder.spaceBombStream(inflatedSize: size),
            uncompressedSize: UInt32(size))
        let path = try builder.write()
        expectRefused(path) { $0 == .partTooLarge(limit: 1 << 30) }
        var options = ReadOptions()
        options.maxPartSize = 4 << 30
        expectRefused(path, options: options) { $0 == .compressionRatioExceeded(limit: 100) }
    }

    @Test func refusesAPartThatInflatesPastItsDeclaredSize() throws {
        // Declares 100 bytes but inflates to 3 GiB of spaces: stopped at the first chunk.
        var builder = ZipBuilder.workbook(sheetData: "")
        builder.addDeflated(
            "xl/sharedStrings.xml", stream: ZipBuilder.spaceBombStream(inflatedSize: 3 << 30), uncompressedSize: 100)
        expectRefused(try builder.write()) { kind in
            if case .corruptArchive = kind { return true }
            return false
        }
    }

    @Test func refusesAPartPastTheSizeLimitWhileInflating() throws {
        // An honest 64 MiB part (ratio 158) against an 8 MiB limit and a ratio limit set aside.
        var builder = ZipBuilder.workbook(sheetData: "")
        builder.addDeflated(
            "xl/sharedStrings.xml", stream: ZipBuilder.spaceBombStream(inflatedSize: 64 << 20),
            uncompressedSize: UInt32(64 << 20))
        var options = ReadOptions()
        options.maxPartSize = 8 << 20
        options.maxCompressionRatio = 1000
        expectRefused(try builder.write(), options: options) { $0 == .partTooLarge(limit: 8 << 20) }
    }

    @Test func refusesMoreCellsThanTheLimit() throws {
        let row = (1...20).map { #"<c r="\#(CellReference(row: 0, column: $0 - 1).a1)"><v>\#($0)</v></c>"# }.joined()
        var options = ReadOptions()
        options.maxCells = 10
        expectRefused(try ZipBuilder.workbook(sheetData: "<row r=\"1\">\(row)</row>").write(), options: options) {
            $0 == .tooManyCells(limit: 10)
        }
    }

    @Test func refusesMalformedXMLWithItsPosition() throws {
        let path = try ZipBuilder.workbook(sheetData: #"<row r="1"><c r="A1"><v>1</v></row>"#).write()
        expectRefused(path) { kind in
            if case .malformedXML(let line, _, _) = kind { return line == 1 }
            return false
        }
    }

    @Test func refusesAFileThatDoesNotExist() {
        expectRefused("/nonexistent/民生.xlsx") { kind in
            if case .cannotOpen = kind { return true }
            return false
        }
    }
}
