import Foundation
import TestSupport
import Testing

/// `minsheng check`, run as a user runs it.
struct CheckCommandTests {
    func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    @Test func printsTheReportInDesignsJSONShape() throws {
        let result = try CommandRunner.run(["check", "Samples/000-镜湖区-进展情况.xlsx", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix(#"{"tool": "minsheng", "version": "0.1.0", "files": [{"path": "Samples/000-镜湖区-进展情况.xlsx", "status": "ok", "sheet": "10月", "items": 17, "reading": [{"sheet": "10月", "headerRows": [3, 3], "orientation": "no-areas", "columns": [{"column": "A", "header": "序号", "role": "sequence"}"#))
        let report = try json(result)
        // How the table was read: each column's role, the item rows, what the figures said.
        let file = try #require((report["files"] as? [[String: Any]])?.first)
        let reading = try #require((file["reading"] as? [[String: Any]])?.first)
        let roles = (reading["columns"] as? [[String: Any]] ?? []).map { "\($0["column"] ?? "") \($0["role"] ?? "")" }
        #expect(roles == ["A sequence", "B project", "C indicator", "D unit", "E target", "F completed", "G rate", "H lead"])
        #expect(reading["itemRows"] as? String == "4-20")
        #expect(reading["checks"] as? [String: Int] == ["checked": 4, "agree": 3, "disagree": 1, "misfit": 0])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let keys = ["code", "severity", "file", "sheet", "cell", "row", "item", "area", "expected", "actual", "message"]
        #expect(findings.allSatisfy { Set($0.keys) == Set(keys) })
        let error = try #require(findings.first { $0["severity"] as? String == "error" })
        #expect(error["code"] as? String == "rate-mismatch")
        #expect(error["cell"] as? String == "G13")
        #expect(error["row"] as? Int == 13)
        #expect(error["area"] is NSNull)
        #expect(error["expected"] as? Double == 102.27)
        #expect(error["actual"] as? Double == 111)
        let summary = try #require(report["summary"] as? [String: Int])
        #expect(summary == ["files": 1, "unreadable": 0, "errors": 1, "warnings": 1])
    }

    @Test func exitsZeroWhenEverythingAddsUp() throws {
        let result = try CommandRunner.run(["check", "Samples/002-亳州-分解表-分列.xlsx", "Samples/002-亳州-分解表-文字.xlsx"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("✓ Samples/002-亳州-分解表-分列.xlsx（工作表 分解表，25 项）：未发现问题"))
        #expect(result.stdout.hasSuffix("共 2 个文件，0 个错误，0 个警告\n"))
    }

    @Test func keepsGoingPastAnUnreadableFileAndExitsTwo() throws {
        let result = try CommandRunner.run([
            "check", "Tests/Fixtures/calamine/pass_protected.xlsx", "Samples/003-民生实事进展情况.xlsx", "--format", "json",
        ])
        #expect(result.status == 2)
        let report = try json(result)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect(files[0]["status"] as? String == "unreadable")
        #expect((files[0]["error"] as? String)?.contains("文件已加密") == true)
        #expect(files[1]["status"] as? String == "ok")
        #expect(files[1]["items"] as? Int == 64)
        #expect((report["summary"] as? [String: Int])?["unreadable"] == 1)
    }

    @Test func readsEveryWorkbookInAFolder() throws {
        let result = try CommandRunner.run(["check", "Samples", "--format", "json"])
        let files = try #require(try json(result)["files"] as? [[String: Any]])
        // Every file of the folder is listed: the seven workbooks read, the rest skipped with why.
        #expect(files.count == 12)
        #expect(files.filter { $0["status"] as? String == "ok" }.count == 7)
        let skipped = files.filter { $0["status"] as? String == "skipped" }
        #expect(
            skipped.compactMap { $0["path"] as? String }.sorted() == [
                "Samples/expected.json", "Samples/generate", "Samples/monthly", "Samples/reconcile", "Samples/returns",
            ])
        #expect(skipped.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
    }

    @Test func aFolderOfMixedFilesListsEveryFileWithWhatWasDone() throws {
        let folder = try ZipPart.temporaryPath("混合")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let sample = TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx").path
        try FileManager.default.copyItem(atPath: sample, toPath: folder + "/镜湖区.xlsx")
        try FileManager.default.copyItem(atPath: sample, toPath: folder + "/镜湖区.ods")
        for name in ["扫描件.pdf", "附件.zip", "说明.txt", "~$镜湖区.xlsx"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let result = try CommandRunner.run(["check", folder])
        #expect(result.status == 2, "the .ods is unreadable without --convert-legacy")
        #expect(result.stdout.contains("镜湖区.ods\n    无法读取") || result.stdout.contains("OpenDocument（.ods）"))
        for name in ["扫描件.pdf", "附件.zip", "说明.txt", "~$镜湖区.xlsx"] {
            #expect(result.stdout.contains("\(name)：已跳过"), "\(name) is listed")
        }
        #expect(result.stdout.contains("共 6 个文件（1 个无法读取，4 个已跳过）"))
    }

    @Test func aFolderWithNothingToReadIsAUsageError() throws {
        let folder = try ZipPart.temporaryPath("空")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/说明.txt"))
        let result = try CommandRunner.run(["check", folder])
        #expect(result.status == 64)
        #expect(result.stderr.contains("没有找到要读取的表格文件"))
        #expect(result.stderr.contains("说明.txt"))
    }

    @Test func warnsOfItemsBehindScheduleAsOfADate() throws {
        let result = try CommandRunner.run(["check", "Samples/000-镜湖区-进展情况.xlsx", "--as-of", "2020-10-31", "--format", "json"])
        let findings = try #require(try json(result)["findings"] as? [[String: Any]])
        let behind = findings.filter { $0["code"] as? String == "behind-schedule" }.compactMap { $0["cell"] as? String }
        #expect(behind == ["F14", "F20"])
    }

    @Test func saysWhichHeadersItSawWhenNoTableIsRecognized() throws {
        let result = try CommandRunner.run(["check", "Tests/Fixtures/calamine/temperature.xlsx"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("无法识别"))
        #expect(result.stdout.contains("“label”"))
    }

    @Test func readsANamedHiddenSheetOnlyWhenAsked() throws {
        let chosen = try CommandRunner.run(["check", "Samples/002-亳州-分解表-分列.xlsx", "--format", "json"])
        #expect((try json(chosen)["files"] as? [[String: Any]])?.first?["sheet"] as? String == "分解表")
        let named = try CommandRunner.run(["check", "Samples/002-亳州-分解表-分列.xlsx", "--sheet", "草稿"])
        #expect(named.status == 2)
        #expect(named.stdout.contains("无法识别"))
    }

    @Test func followsALayoutOverride() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let layout = folder.appendingPathComponent("layout.json")
        try Data(#"{"sheet": "10月", "headerRows": [3], "columns": {"C": "indicator", "E": "target", "F": "completed", "G": "rate"}}"#.utf8)
            .write(to: layout)
        let result = try CommandRunner.run(["check", "Samples/000-镜湖区-进展情况.xlsx", "--layout", layout.path, "--format", "json"])
        let report = try json(result)
        #expect((report["files"] as? [[String: Any]])?.first?["items"] as? Int == 17)
        #expect((report["findings"] as? [[String: Any]])?.contains { $0["cell"] as? String == "G13" } == true)
        let bad = try CommandRunner.run(["check", "Samples/000-镜湖区-进展情况.xlsx", "--layout", "/nonexistent/layout.json"])
        #expect(bad.status == 64)
    }

    @Test func exitsSixtyFourOnABadDate() throws {
        let result = try CommandRunner.run(["check", "Samples", "--as-of", "2020-13-45"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("YYYY-MM-DD"))
    }

    /// The reading shown, saved, corrected by hand and given back: `--save-layout` writes a file
    /// that `--layout` reads the same way; `--explain` shows every column of the reading.
    @Test func aSavedReadingIsReadTheSameWayAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-save-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = "Tests/Fixtures/real/A01-sichuan-meishan-2019-progress.openpyxl.xlsx"
        let layout = folder.appendingPathComponent("眉山.json").path
        let first = try CommandRunner.run(["check", table, "--save-layout", layout])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("县区在行（A 列：市本级、眉山天府新区、东坡区等 8 个），合计行 全市（第7行）"), "\(first.stdout)")
        #expect(first.stderr.contains("已保存读法"))
        let saved = try String(contentsOfFile: layout, encoding: .utf8)
        #expect(saved.contains(#""areaColumn": "A""#) && saved.contains(#""groups""#) && saved.contains(#""totalRow": "全市""#), "\(saved)")
        let again = try CommandRunner.run(["check", table, "--layout", layout])
        #expect(again.status == 0)
        #expect(again.stdout.contains("按版式文件读取"))
        let strip = { (text: String) in text.split(separator: "\n").filter { !$0.contains("读法：") }.joined(separator: "\n") }
        #expect(strip(again.stdout) == strip(first.stdout))
        let explained = try CommandRunner.run(["check", table, "--explain"])
        #expect(explained.stdout.contains("A 列“地区”：县区名"), "\(explained.stdout)")
        #expect(explained.stdout.contains("合计：全市（第7行）"))
        #expect(explained.stdout.contains("每个指标一项（5 项）：城镇新增就业（B-D）"))
        // Without files, --explain lists the kinds of findings, doubtful-reading among them.
        let kinds = try CommandRunner.run(["check", "--explain"])
        #expect(kinds.stdout.contains("doubtful-reading\t读法存疑"))
    }
}
