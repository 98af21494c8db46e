import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// The data files of `Templates/` come from the package's resources, an override folder taking
/// precedence file by file.
struct TemplateFilesTests {
    @Test func readsTheBundledFilesWhereverTheProcessRuns() throws {
        for name in ["headers.json", "district.json", "quantities.json", "workbook.json"] {
            let data = try TemplateFiles.data(named: name)
            #expect(try JSONSerialization.jsonObject(with: data) is [String: Any], "\(name)")
        }
        #expect(throws: MinshengError.self) { try TemplateFiles.data(named: "没有这个文件.json") }
    }

    /// A binary away from its build folder and its installed copy says which file is missing and
    /// where it looked, in Chinese, instead of `Bundle.module`'s fatalError.
    @Test func aMissingFileIsNamedWithTheFoldersLookedIn() throws {
        let folder = URL(fileURLWithPath: "/nonexistent-minsheng-templates")
        do {
            _ = try TemplateFiles.url(named: "没有这个文件.json", folder: folder)
            Issue.record("found a file that does not exist")
        } catch let error as MinshengError {
            #expect(error.exitCode == 2)
            #expect(error.description.contains("没有这个文件.json"))
            #expect(error.description.contains("找不到"))
            #expect(error.description.contains(folder.path))
            #expect(error.description.contains("/usr/share/minsheng"))
        }
        let folders = TemplateFiles.folders(override: folder).map(\.path)
        #expect(folders.first == folder.path)
        #expect(folders.contains(TemplateFiles.installedFolder.path))
    }

    @Test func anOverrideFolderTakesPrecedenceFileByFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var headers = try #require(try JSONSerialization.jsonObject(with: TemplateFiles.data(named: "headers.json")) as? [String: Any])
        var roles = try #require(headers["roles"] as? [String: [String]])
        roles["target", default: []].append("下达数")
        headers["roles"] = roles
        try JSONSerialization.data(withJSONObject: headers).write(to: folder.appendingPathComponent("headers.json"))

        #expect(try TemplateFiles.url(named: "headers.json", folder: folder).path == folder.appendingPathComponent("headers.json").path)
        #expect(try TemplateFiles.url(named: "district.json", folder: folder).path != folder.appendingPathComponent("district.json").path)
        #expect(try HeaderVocabulary.load(folder: folder).role(of: "下达数") == .target)
        #expect(try HeaderVocabulary.load().role(of: "下达数") == nil)
        _ = try DistrictTemplate.load(folder: folder)  // not in the folder: the package's copy
    }

    @Test func oneListOfAreaEndingsTellsCountiesApart() throws {
        let endings = try AreaEndings.load()
        #expect(endings == (try HeaderVocabulary.load().areaEndings))
        #expect(endings.isCounty("涡阳县") && endings.isCounty("谯城区"))
        #expect(!endings.isCounty("亳州高新区") && !endings.isCounty("市本级") && !endings.isCounty("亳州市"))
        #expect(endings.endsProseArea("市本级") && endings.endsProseArea("亳州高新区") && !endings.endsProseArea("亳州市"))
        #expect(TestWords.parser.leadingAreaName("市本级建立4家") == "市本级")
    }

    @Test func quantityWordsAreData() throws {
        let words = try QuantityWords.load()
        #expect(words == TestWords.value.quantities)
        #expect(words.atLeastSuffixes.first == "及以上")
        #expect(TestWords.value.quantities.notApplicable.contains("——"))
    }
}

extension TemplateFilesTests {
    /// 总览's words and the print settings are data too: an override folder changes them.
    @Test func workbookSettingsComeFromWorkbookJSON() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try WorkbookSettings.load().print.minimumFontSize == 9)
        var json = try #require(try JSONSerialization.jsonObject(with: TemplateFiles.data(named: "workbook.json")) as? [String: Any])
        var overview = try #require(json["overview"] as? [String: Any])
        overview["sheetName"] = "一览"
        json["overview"] = overview
        try JSONSerialization.data(withJSONObject: json).write(to: folder.appendingPathComponent("workbook.json"))
        #expect(try WorkbookSettings.load(folder: folder).overview.sheetName == "一览")
        // A body size below the minimum is refused, naming the file.
        var print = try #require(json["print"] as? [String: Any])
        print["bodyFontSize"] = 8
        json["print"] = print
        try JSONSerialization.data(withJSONObject: json).write(to: folder.appendingPathComponent("workbook.json"))
        #expect(throws: MinshengError.self) { try WorkbookSettings.load(folder: folder) }
    }
}
