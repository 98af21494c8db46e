import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// The in-memory zip writer under the web page's template download.
struct ZipArchiveTests {
    /// Lists and extracts with Info-ZIP's `unzip`, a reader that is not ours.
    private func unzip(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "unzip \(arguments)")
        return data
    }

    @Test func entriesComeBackWithTheirUTF8NamesAndBytes() throws {
        let big = [UInt8]((0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        let zip = try ZipArchive.make([
            .init(name: "涡阳县.xlsx", bytes: Array("甲".utf8)), .init(name: "empty.txt", bytes: []),
            .init(name: "big.bin", bytes: big),
        ])
        #expect(Array(zip.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zip-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.zip")
        try Data(zip).write(to: file)
        let names = String(decoding: try unzip(["-Z1", file.path]), as: UTF8.self).split(separator: "\n")
        #expect(names == ["涡阳县.xlsx", "empty.txt", "big.bin"])
        #expect(try String(decoding: unzip(["-p", file.path, "涡阳县.xlsx"]), as: UTF8.self) == "甲")
        #expect(try [UInt8](unzip(["-p", file.path, "big.bin"])) == big)
    }

    @Test func anEmptyArchiveIsStillAZip() throws {
        let zip = try ZipArchive.make([])
        #expect(Array(zip.prefix(4)) == [0x50, 0x4B, 0x05, 0x06])
    }

    @Test func twoEntriesWithOneNameAreRefusedByName() {
        let error = #expect(throws: MinshengError.self) {
            try ZipArchive.make([.init(name: "a.xlsx", bytes: [1]), .init(name: "a.xlsx", bytes: [2])])
        }
        guard case .cannotWrite(let path, _) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(path == "a.xlsx")
    }

    @Test func splitTemplatesZipAsAreaFiles() async throws {
        let engine = try Engine.standard()
        let plan = TestPaths.samples.appendingPathComponent("002-亳州-分解表-分列.xlsx").path
        let result = try await engine.split(SplitRequest(plan: .path(plan), output: .memory, period: "1-9月"))
        let zip = try result.zip()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zip-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.zip")
        try Data(zip).write(to: file)
        let names = String(decoding: try unzip(["-Z1", file.path]), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(names == result.templates.map(\.fileName))
        #expect(names.contains("涡阳县.xlsx"))
    }
}
