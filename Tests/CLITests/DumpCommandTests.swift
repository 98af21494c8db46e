import Foundation
import TestSupport
import Testing

/// `minsheng dump`, run as a user runs it.
struct DumpCommandTests {
    let corpus = "Tests/Fixtures/calamine"

    @Test func printsJSONInTheOracleShape() throws {
        let result = try CommandRunner.run(["dump", "\(corpus)/merge_cells.xlsx", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(object["file"] as? String == "\(corpus)/merge_cells.xlsx")
        let sheets = try #require(object["sheets"] as? [[String: Any]])
        #expect(sheets.first?["name"] as? String == "Sheet1")
        #expect(sheets.first?["state"] as? String == "visible")
        #expect(sheets.first?["merged"] as? [String] == ["A1:B1", "A2:A4", "B2:D4"])
        let cells = try #require(sheets.first?["cells"] as? [String: [Any]])
        #expect(cells["A1"]?.first as? String == "s")
        #expect(cells["A1"]?.last as? String == "Row Merge")
    }

    @Test func printsDatesAsISOAndNumbersAsNumbers() throws {
        let result = try CommandRunner.run(["dump", "\(corpus)/date.xlsx", "--format", "json"])
        #expect(result.stdout.contains(#""A1": ["d", "2021-01-01"]"#))
        #expect(result.stdout.contains(#""B1": ["n", 15]"#))
    }

    @Test func printsOneSheetAsCSVWithQuoting() throws {
        let result = try CommandRunner.run(["dump", "\(corpus)/has_x000D_.xlsx", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "\"ABC\r\nDEF\"\n")
    }

    @Test func selectsASheetByName() throws {
        let result = try CommandRunner.run(["dump", "\(corpus)/any_sheets.xlsx", "--format", "json", "--sheet", "Hidden"])
        let missing = try CommandRunner.run(["dump", "\(corpus)/any_sheets.xlsx", "--sheet", "没有这个表"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""name": "Hidden""#))
        #expect(result.stdout.contains(#""state": "hidden""#))
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("没有名为“没有这个表”的工作表"))
    }

    @Test func printsAReadableTextGrid() throws {
        let result = try CommandRunner.run(["dump", "\(corpus)/merge_cells.xlsx"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("工作表 Sheet1"))
        #expect(result.stdout.contains("合并区域 A1:B1 A2:A4 B2:D4"))
        #expect(result.stdout.contains("| Row Merge"))
    }

    /// dump opens inputs as check does (InputWorkbook): a CSV file is read, not refused.
    @Test func dumpsACSVFileAsCheckReadsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("进展.csv").path
        try Data("项目,年度目标\n城镇新增就业,\"8,300\"\n".utf8).write(to: URL(fileURLWithPath: csv))
        let text = try CommandRunner.run(["dump", csv])
        let asCSV = try CommandRunner.run(["dump", csv, "--format", "csv"])
        let json = try CommandRunner.run(["dump", csv, "--format", "json"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("工作表 进展：4 个非空单元格"))
        #expect(text.stdout.contains("| 城镇新增就业 | 8,300    |"))
        #expect(asCSV.status == 0)
        #expect(asCSV.stdout == "项目,年度目标\n城镇新增就业,\"8,300\"\n")
        #expect(json.stdout.contains(#""A2": ["s", "城镇新增就业"], "B2": ["s", "8,300"]"#))
    }

    @Test func exitsTwoWithAChineseMessageOnAnUnreadableFile() throws {
        let result = try CommandRunner.run(["dump", "\(corpus)/pass_protected.xlsx"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("无法读取 \(corpus)/pass_protected.xlsx：文件已加密"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// A workbook whose package relationships are damaged is dumped as far as it can be read,
    /// with what was set aside named on stderr (stdout stays the data alone).
    @Test func namesWhatTheReaderSetAsideOnStderr() throws {
        let path = try ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>照读</t></is></c></row>"#,
            extra: ["_rels/.rels": #"<?xml version="1.0"?><Relationships><Relationship Id="rId1""#]
        ).write(named: "坏关系.xlsx")
        let result = try CommandRunner.run(["dump", path, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "照读\n")
        #expect(result.stderr.hasPrefix("注意：\(path)（_rels/.rels）：关系文件无法解析"))
        let sound = try CommandRunner.run(["dump", "\(corpus)/date.xlsx", "--format", "csv"])
        #expect(sound.stderr.isEmpty)
    }

    @Test func exitsSixtyFourOnAUsageError() throws {
        let result = try CommandRunner.run(["dump", "\(corpus)/date.xlsx", "--format", "yaml"])
        #expect(result.status == 64)
    }
}
