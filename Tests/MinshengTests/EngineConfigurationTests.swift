import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// Every data file is read and checked when the engine is made: a broken one stops there, naming
/// the file, not after a whole batch was read.
struct EngineConfigurationTests {
    /// A folder holding `name` with `text`, which overrides the package's copy of that file only.
    static func folder(with name: String, _ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return folder
    }

    @Test(arguments: [
        ("headers.json", DataFileKind.headerWords), ("quantities.json", .quantityWords),
        ("district.json", .districtTemplate), ("workbook.json", .workbookSettings),
    ])
    func aBrokenDataFileStopsTheEngineBeingMade(name: String, kind: DataFileKind) throws {
        let folder = try Self.folder(with: name, "{ not json")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try Engine.standard(folder: folder)
            Issue.record("an engine was made with a broken \(name)")
        } catch let error as MinshengError {
            guard case .configuration(let file, .malformed(let found, _)) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(file.hasSuffix(name))
            #expect(found == kind)
            #expect(error.description.hasPrefix("无法读取 \(file)："))
            #expect(error.exitCode == 2 && error.httpStatus == 500)
        }
    }

    @Test func workbookSettingsOfTheWrongShapeStopTheEngineBeingMade() throws {
        var settings = try #require(
            try JSONSerialization.jsonObject(with: TemplateFiles.data(named: "workbook.json")) as? [String: Any])
        var overview = try #require(settings["overview"] as? [String: Any])
        overview["columnWidths"] = [10]
        settings["overview"] = overview
        let text = String(decoding: try JSONSerialization.data(withJSONObject: settings), as: UTF8.self)
        let folder = try Self.folder(with: "workbook.json", text)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: MinshengError.configuration(file: folder.appendingPathComponent("workbook.json").path, problem: .workbookSettingsOutOfShape)) {
            _ = try Engine.standard(folder: folder)
        }
    }

    @Test func theStandardEngineHoldsEveryDataFile() throws {
        let engine = try Engine.standard()
        #expect(engine.settings != nil)
        #expect(engine.quantityWords.notApplicable.contains("——") == true)
    }

    /// The engine's quantity words are the ones values are read with: a not-applicable word
    /// added in an override folder reaches the reading (no global copy of the package's words).
    @Test func theEnginesQuantityWordsReachTheReading() async throws {
        var words = try #require(
            try JSONSerialization.jsonObject(with: TemplateFiles.data(named: "quantities.json")) as? [String: Any])
        words["notApplicable"] = ((words["notApplicable"] as? [String]) ?? []) + ["待定"]
        let folder = try Self.folder(with: "quantities.json", String(decoding: try JSONSerialization.data(withJSONObject: words), as: UTF8.self))
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [["项目", "指标", "目标", "完成"], ["甲", "新增就业", "待定", "10"], ["乙", "培训", "100", "50"]]
        let standard = try await Engine.standard().check(CheckRequest(inputs: [TableFixture.source(rows)]))
        #expect(standard.findings.contains { $0.code == .unparsedValue })
        let extended = try await Engine.standard(folder: folder).check(CheckRequest(inputs: [TableFixture.source(rows)]))
        #expect(!extended.findings.contains { $0.code == .unparsedValue }, "\(extended.findings.map(\.message))")
    }
}
