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

    /// A table no reading makes consistent: the library says to check the reading; the command
    /// line adds how to give one by hand.
    @Test func aDoubtfulReadingIsToldToUseTheLayoutOption() throws {
        let path = try ZipPart.temporaryPath("读法存疑.csv")
        let rows = [
            ["项目", "目标", "完成", "完成率"], ["甲", "100", "50", "81%"], ["乙", "200", "90", "17%"], ["丙", "300", "120", "66%"],
            ["丁", "400", "100", "93%"], ["戊", "500", "400", "31%"], ["己", "600", "300", "12%"],
        ]
        try Data(TableFixture.csv(rows)).write(to: URL(fileURLWithPath: path))
        let result = try CommandRunner.run(["check", path, "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("doubtful-reading"))
        #expect(result.stdout.contains("请核对读法，必要时用 --layout 指定（可先用 --save-layout 保存读法再修改）"))
    }
}
