import Foundation
import TestSupport
import Testing

/// `minsheng split` and `minsheng collect`, run as a user runs them.
struct SplitCollectCommandTests {
    static let plan = "Samples/002-亳州-分解表-分列.xlsx"

    @Test func splitWritesOneTemplatePerAreaAndRefusesToOverwrite() throws {
        let folder = try ZipPart.temporaryPath("模板")
        let result = try CommandRunner.run(["split", Self.plan, "-o", folder, "--period", "1-9月"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("涡阳县：24 项 → \(folder)/涡阳县.xlsx"))
        #expect(result.stdout.hasSuffix("共生成 6 个县区模板\n"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["亳州高新区.xlsx", "利辛县.xlsx", "市本级.xlsx", "涡阳县.xlsx", "蒙城县.xlsx", "谯城区.xlsx"])
        let again = try CommandRunner.run(["split", Self.plan, "-o", folder])
        #expect(again.status == 64)
        #expect(again.stderr.contains("已存在，未覆盖（加 --force 覆盖）"))
    }

    @Test func splitTakesTheAreasAsPeopleTypeThem() throws {
        let folder = try ZipPart.temporaryPath("模板")
        let result = try CommandRunner.run(["split", Self.plan, "-o", folder, "--areas", "涡阳县，蒙城县"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["涡阳县.xlsx", "蒙城县.xlsx"])
        let unknown = try CommandRunner.run(["split", Self.plan, "-o", folder, "--areas", "黄山区", "--force"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("分解表中没有县区 黄山区"))
    }

    @Test func collectMergesTheReturnsAndSaysWhichWasUsed() throws {
        let output = try ZipPart.temporaryPath("汇总.xlsx")
        let result = try CommandRunner.run(["collect", "--plan", Self.plan, "Samples/returns", "-o", output])
        #expect(result.status == 1, "a returned target was typed over: an error")
        #expect(result.stdout.contains("涡阳县：采用 Samples/returns/涡阳县.xlsx"))
        #expect(result.stdout.contains("target-changed"))
        #expect(result.stdout.contains("已汇总 5 个县区的报表，25 个指标 → \(output)"))
        #expect(FileManager.default.fileExists(atPath: output))
        let again = try CommandRunner.run(["collect", "--plan", Self.plan, "Samples/returns", "-o", output])
        #expect(again.status == 64, "an existing output is kept without --force")
    }

    @Test func collectReadsAnOwnLayoutReturnWithTheSheetOption() throws {
        let output = try ZipPart.temporaryPath("汇总.xlsx")
        let result = try CommandRunner.run([
            "collect", "--plan", Self.plan, "Tests/Fixtures/assurance/returns/涡阳县-自制表.xlsxwriter.xlsx", "--sheet", "Sheet1",
            "-o", output, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let files = report?["files"] as? [[String: Any]] ?? []
        #expect(files.count == 2)
        #expect(files.last?["items"] as? Int == 24)
        let missingSheet = try CommandRunner.run([
            "collect", "--plan", Self.plan, "Tests/Fixtures/assurance/returns/涡阳县-自制表.xlsxwriter.xlsx", "--sheet", "没有这张表",
            "-o", output, "--force",
        ])
        #expect(missingSheet.status == 2)
        #expect(missingSheet.stdout.contains("没有名为“没有这张表”的工作表"))
    }

    @Test func collectWithoutAnyReturnIsAUsageError() throws {
        let folder = try ZipPart.temporaryPath("空")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try CommandRunner.run(["collect", "--plan", Self.plan, folder, "-o", folder + "/汇总.xlsx"])
        #expect(result.status == 64)
    }
}

/// `minsheng reconcile` and `check --previous`, run as a user runs them on the bundled samples.
struct ReconcileAndPreviousCommandTests {
    @Test func reconcileNamesTheSummaryCellAndTheReturnsCell() throws {
        let result = try CommandRunner.run(["reconcile", "Samples/reconcile/汇总表.xlsx", "Samples/reconcile/县区报表", "--format", "json"])
        #expect(result.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        let mismatch = try #require(findings.first { $0["code"] as? String == "area-mismatch" })
        #expect(mismatch["file"] as? String == "Samples/reconcile/汇总表.xlsx")
        #expect(mismatch["cell"] as? String == "H4")
        #expect((mismatch["message"] as? String)?.contains("涡阳县.xlsx!E3") == true)
        #expect(findings.contains { $0["code"] as? String == "missing-submission" && $0["area"] as? String == "谯城区" })
    }

    @Test func checkWithPreviousFindsAFallingCumulativeFigure() throws {
        let result = try CommandRunner.run([
            "check", "Samples/monthly/亳州-1-9月.xlsx", "--previous", "Samples/monthly/亳州-1-8月.xlsx",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains("completed-decreased"))
        #expect(result.stdout.contains("亳州-1-8月.xlsx!E3"))
        let unreadable = try CommandRunner.run(["check", "Samples/monthly/亳州-1-9月.xlsx", "--previous", "没有这个文件.xlsx"])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("没有这个文件.xlsx"))
    }
}
