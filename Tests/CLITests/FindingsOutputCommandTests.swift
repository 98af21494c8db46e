import Foundation
import TestSupport
import Testing

/// `check … -o 核对结果.xlsx`, `reconcile … -o` and `check --explain`, run as a user runs them.
struct FindingsOutputCommandTests {
    /// A fresh folder for outputs, removed by the caller.
    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("findings-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The rows of a sheet as `minsheng dump --format csv` shows them.
    func rows(_ path: String, sheet: String) throws -> [String] {
        let dump = try CommandRunner.run(["dump", path, "--format", "csv", "--sheet", sheet])
        return dump.stdout.split(separator: "\n").map(String.init)
    }

    @Test func checkWritesEveryFindingToAWorkbook() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("核对结果.xlsx").path
        let result = try CommandRunner.run(["check", "Samples/000-镜湖区-进展情况.xlsx", "--format", "json", "-o", output])
        #expect(result.status == 1, "the exit status is the check's")
        let findings = try #require(
            (try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])?["findings"] as? [[String: Any]])
        let sheet = try rows(output, sheet: "核对结果")
        #expect(sheet.count == 2 + findings.count)
        #expect(sheet[1] == "序号,级别,类别,文件,工作表,单元格,项目,县区,说明,代码")
        #expect(sheet.contains { $0.contains("完成率算错") && $0.contains(",G13,") })
        #expect(try rows(output, sheet: "文件").contains { $0.hasPrefix("000-镜湖区-进展情况.xlsx,已读取,10月,") })
    }

    @Test func reconcileWritesItsFindingsAndAnInputIsNeverTheOutput() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("r.xlsx").path
        let result = try CommandRunner.run(["reconcile", "Samples/reconcile/汇总表.xlsx", "Samples/reconcile/县区报表", "-o", output])
        #expect(result.status == 1)
        #expect(try rows(output, sheet: "核对结果").contains { $0.contains("汇总与县区报表不符") && $0.contains(",H4,") })
        let refused = try CommandRunner.run(["check", "Samples/reconcile/汇总表.xlsx", "-o", "Samples/reconcile/汇总表.xlsx"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("已拒绝"))
    }

    @Test func explainListsEveryCodeWithItsNameAndSentence() throws {
        let result = try CommandRunner.run(["check", "--explain"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 20)
        #expect(lines.allSatisfy { $0.split(separator: "\t").count == 3 && $0.hasSuffix("。") })
        #expect(lines.contains { $0.hasPrefix("behind-schedule\t滞后于序时进度\t") })
    }
}

/// The README's table of finding kinds is what `--explain` prints.
struct ReadmeKindsTests {
    @Test func theREADMEsKindsTableIsExplainsOutput() throws {
        let result = try CommandRunner.run(["check", "--explain"])
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for line in result.stdout.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            #expect(readme.contains("| `\(fields[0])` | \(fields[1]) | \(fields[2]) |"), "\(fields[0])")
        }
    }
}
