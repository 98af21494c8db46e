import Foundation
import TestSupport
import Testing
import XLSXReader

/// Inflating on a second thread changes nothing but the time: the same cells, the same errors,
/// for every corpus file and sample and for damaged and oversized parts.
struct InflateAheadTests {
    /// Options that inflate every part on a second thread, or none.
    static func options(ahead: Bool) -> ReadOptions {
        var options = ReadOptions()
        options.inflateAheadThreshold = ahead ? 0 : Int.max
        return options
    }

    /// Every sheet's cells and merges, or the error.
    static func outcome(_ path: String, ahead: Bool) -> Result<[[Cell]], XLSXError> {
        do {
            let sheets = try Workbook(path: path, options: options(ahead: ahead)).allSheets()
            return .success(sheets.map(\.cells))
        } catch {
            return .failure(error)
        }
    }

    static var files: [String] {
        var paths: [String] = []
        for folder in [
            TestPaths.fixtures.appendingPathComponent("calamine"), TestPaths.samples,
            TestPaths.samples.appendingPathComponent("returns"),
        ] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            paths += names.filter { $0.hasSuffix(".xlsx") }.sorted().map { folder.appendingPathComponent($0).path }
        }
        return paths
    }

    @Test func everyCorpusFileAndSampleReadsTheSameOnTwoThreads() {
        #expect(Self.files.count >= 80, "files found: \(Self.files.count)")
        for path in Self.files {
            let one = Self.outcome(path, ahead: false)
            let two = Self.outcome(path, ahead: true)
            switch (one, two) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "\(path)")
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "\(path)")
            default:
                Issue.record("\(path): one thread \(one), two threads \(two)")
            }
        }
    }

    @Test func aLargeSheetReadsTheSameOnTwoThreads() throws {
        // 10 MB of sheet XML: 40 chunks of 256 KiB through a ring of 16, which fills and wraps.
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let (stream, crc, size) = RepeatingDeflate.stream(
            prefix: Array("<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>".utf8),
            unit: Array(#"<row><c><v>1.5</v></c><c t="inlineStr"><is><t>第一行</t></is></c></row>"#.utf8),
            count: 150_000, suffix: Array("</sheetData></worksheet>".utf8))
        #expect(size > 10 << 20)
        var builder = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        builder.addDeflated("xl/worksheets/sheet1.xml", stream: stream, uncompressedSize: UInt32(size), crc: crc)
        let path = try builder.write()
        let one = try Workbook(path: path, options: Self.options(ahead: false)).sheet(at: 0)
        let two = try Workbook(path: path, options: Self.options(ahead: true)).sheet(at: 0)
        #expect(one.cellCount == 300_000)
        #expect(two.cell("B150000")?.string == "第一行")
        #expect(one.cells == two.cells)
    }

    @Test func limitsAndDamageAreRefusedTheSameOnTwoThreads() throws {
        var honest = ZipBuilder.workbook(sheetData: "")
        honest.addDeflated(
            "xl/sharedStrings.xml", stream: ZipBuilder.spaceBombStream(inflatedSize: 64 << 20),
            uncompressedSize: UInt32(64 << 20))
        var lying = ZipBuilder.workbook(sheetData: "")
        lying.addDeflated(
            "xl/sharedStrings.xml", stream: ZipBuilder.spaceBombStream(inflatedSize: 64 << 20), uncompressedSize: 100)
        var broken = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        var stream = ZipBuilder.spaceBombStream(inflatedSize: 8 << 20)
        stream[stream.count / 2] ^= 0xFF
        broken.addDeflated("xl/worksheets/sheet1.xml", stream: stream, uncompressedSize: UInt32(8 << 20))
        for (label, builder) in [("honest 64 MiB", honest), ("lying 64 MiB", lying), ("broken deflate", broken)] {
            let path = try builder.write()
            var errors: [XLSXError?] = []
            for ahead in [false, true] {
                var options = Self.options(ahead: ahead)
                options.maxPartSize = 8 << 20
                let clock = ContinuousClock()
                var error: XLSXError?
                let elapsed = clock.measure {
                    do { _ = try Workbook(path: path, options: options).allSheets() } catch let e as XLSXError { error = e } catch { Issue.record("\(error)") }
                }
                #expect(error?.description.contains(path) == true, "\(label), ahead \(ahead): \(String(describing: error))")
                #expect(elapsed < HangBound.inProcess, "\(label), ahead \(ahead): \(elapsed)")
                errors.append(error)
            }
            #expect(errors[0] == errors[1], "\(label): \(errors)")
        }
    }
}
