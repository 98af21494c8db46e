import Foundation
import TestSupport
import Testing

/// The library says what is wrong; the command line adds which of its options would help.
struct CommandLineHintTests {
    /// A folder holding one sample workbook renamed `.ods`.
    static func openDocumentFolder() throws -> String {
        let folder = try ZipPart.temporaryPath("ods")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let sample = TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx").path
        try FileManager.default.copyItem(atPath: sample, toPath: folder + "/镜湖区.ods")
        return folder
    }

    @Test func anOpenDocumentFileIsToldToUseTheConvertLegacyOption() throws {
        let folder = try Self.openDocumentFolder()
        let text = try CommandRunner.run(["check", folder])
        #expect(text.status == 2)
        #expect(text.stdout.contains("这是 OpenDocument（.ods）格式的表格，请用 Excel/WPS 另存为 .xlsx 后重试（或加 --convert-legacy 由 LibreOffice 转换）"))
        let json = try CommandRunner.run(["check", folder, "--format", "json"])
        #expect(json.status == 2)
        #expect(json.stdout.contains("（或加 --convert-legacy 由 LibreOffice 转换）"))
    }

    @Test func anExistingOutputIsToldToUseTheForceOption() throws {
        let output = try ZipPart.temporaryPath("汇总.xlsx")
        try Data("x".utf8).write(to: URL(fileURLWithPath: output))
        let sample = TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx").path
        let result = try CommandRunner.run(["convert", sample, "-o", output])
        #expect(result.status == 64)
        #expect(result.stderr.contains("输出文件 \(output) 已存在，未覆盖（加 --force 覆盖）"))
    }
}
