import Foundation
import TestSupport
import Testing

/// `minsheng convert`, run as a user runs it.
struct ConvertCommandTests {
    @Test func writesTheWorkbookAndSaysSo() throws {
        let output = try ZipPart.temporaryPath("进度.xlsx")
        let result = try CommandRunner.run(["convert", "Samples", "-o", output, "--as-of", "2023-10-31"])
        #expect(result.status == 1, "the samples hold two rate errors")
        // Samples/ also holds expected.json and the generate/, monthly/, reconcile/ and returns/
        // folders: listed, not read.
        #expect(result.stdout.hasPrefix("已汇总 7/12 个文件（跳过 5 个），"))
        #expect(result.stdout.contains("核对发现 2 个错误"))
        #expect(result.stdout.contains("→ \(output)"))
        #expect(FileManager.default.fileExists(atPath: output))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (output as NSString).deletingLastPathComponent)
        #expect(leftovers == ["进度.xlsx"], "no temporary file is left behind")
    }

    @Test func printsTheCheckReportAsJSON() throws {
        let output = try ZipPart.temporaryPath("out.xlsx")
        let result = try CommandRunner.run(["convert", "Samples/000-镜湖区-进展情况.xlsx", "-o", output, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect((report["summary"] as? [String: Int])?["errors"] == 1)
    }

    @Test func convertsTheRestWhenAnInputIsUnreadable() throws {
        let output = try ZipPart.temporaryPath("out.xlsx")
        let result = try CommandRunner.run([
            "convert", "Tests/Fixtures/calamine/pass_protected.xlsx", "Samples/002-亳州-分解表-分列.xlsx", "-o", output,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("无法读取 Tests/Fixtures/calamine/pass_protected.xlsx"))
        #expect(result.stdout.hasPrefix("已汇总 1/2 个文件，25 个指标"))
        #expect(FileManager.default.fileExists(atPath: output))
    }

    @Test func refusesAnOutputThatIsAnInput() throws {
        let result = try CommandRunner.run(["convert", "Samples/000-镜湖区-进展情况.xlsx", "-o", "Samples/000-镜湖区-进展情况.xlsx"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("与输入文件"))
    }

    @Test func keepsAnExistingOutputUnlessForced() throws {
        let output = try ZipPart.temporaryPath("已有.xlsx")
        try Data("先前的汇总".utf8).write(to: URL(fileURLWithPath: output))
        let refused = try CommandRunner.run(["convert", "Samples/000-镜湖区-进展情况.xlsx", "-o", output])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("已存在，未覆盖"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "先前的汇总")
        let forced = try CommandRunner.run(["convert", "Samples/000-镜湖区-进展情况.xlsx", "-o", output, "--force"])
        #expect(forced.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)).prefix(2) == Data("PK".utf8))
    }

    @Test func refusesAnOutputInAMissingFolder() throws {
        let result = try CommandRunner.run(["convert", "Samples/000-镜湖区-进展情况.xlsx", "-o", "/nonexistent/进度.xlsx"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("无法写入 /nonexistent/进度.xlsx"))
    }
}
