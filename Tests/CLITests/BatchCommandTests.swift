import Foundation
import TestSupport
import Testing

/// `--jobs`, `--quiet` and many files at once, run as a user runs them.
struct BatchCommandTests {
    /// A folder of `count` workbooks: the samples and returns in turn (copies, so inputs stay put).
    func folder(count: Int) throws -> URL {
        let manager = FileManager.default
        let url = manager.temporaryDirectory.appendingPathComponent("minsheng-batch-\(UUID().uuidString)")
        try manager.createDirectory(at: url, withIntermediateDirectories: true)
        let sources = try manager.contentsOfDirectory(atPath: TestPaths.samples.path).filter { $0.hasSuffix(".xlsx") }.sorted()
        #expect(sources.count == 7)
        for index in 0..<count {
            let name = sources[index % sources.count]
            try manager.copyItem(
                atPath: TestPaths.samples.appendingPathComponent(name).path,
                toPath: url.appendingPathComponent(String(format: "%03d-", index) + name).path)
        }
        return url
    }

    @Test func checkPrintsTheSameBytesWithOneJobOrFour() throws {
        let dir = try folder(count: 60)
        let one = try CommandRunner.run(["check", dir.path, "--format", "json", "--jobs", "1"])
        let four = try CommandRunner.run(["check", dir.path, "--format", "json", "--jobs", "4"])
        #expect(one.status == 1)
        #expect(four.status == 1)
        #expect(one.stdoutData == four.stdoutData)
        let report = try #require(try JSONSerialization.jsonObject(with: one.stdoutData) as? [String: Any])
        #expect((report["summary"] as? [String: Int])?["files"] == 60)
        // Progress goes to a terminal only: with stderr a pipe, nothing is printed.
        #expect(one.stderr.isEmpty)
    }

    @Test func convertWritesTheSameWorkbookWithOneJobOrThree() throws {
        let dir = try folder(count: 21)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-batch-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let first = out.appendingPathComponent("1.xlsx").path
        let second = out.appendingPathComponent("3.xlsx").path
        let one = try CommandRunner.run(["convert", dir.path, "-o", first, "--jobs", "1", "--quiet"])
        let three = try CommandRunner.run(["convert", dir.path, "-o", second, "--jobs", "3", "--quiet"])
        #expect(one.status == 1)
        #expect(three.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func refusesZeroJobsAsAUsageError() throws {
        let result = try CommandRunner.run(["check", "Samples", "--jobs", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--jobs 应为正整数"))
    }

    @Test func namesALegacyFileAndWhatToDoAndGoesOn() throws {
        let dir = try folder(count: 2)
        let xls = dir.appendingPathComponent("旧表.xls")
        // An OLE compound-file header is all it takes to be recognized as legacy.
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: xls)
        let result = try CommandRunner.run(["check", dir.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("无法读取 \(xls.path)：这是旧版 Excel 97-2003（.xls）或 WPS（.et）格式的文件，请用 Excel/WPS 另存为 .xlsx 后重试"))
        #expect(result.stdout.contains("共 3 个文件（1 个无法读取）"))
    }
}
