import Foundation
@testable import Minsheng
import Testing
import TestSupport
import XLSXReader

/// Legacy and foreign formats: .xls / WPS .et / HTML tables refused with what to do, or converted
/// through LibreOffice when asked; .xlsm, .xltx and CSV read like .xlsx. Every foreign file here is
/// written at test time by LibreOffice (or by hand, for HTML), never by our writer.
struct ForeignFormatTests {
    static let sentence = "请用 Excel/WPS 另存为 .xlsx 后重试"
    static let sample = TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx").path

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-foreign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The findings of a file as (code, cell) pairs, and its item count.
    func facts(_ path: String, convertLegacy: Bool = false) throws -> (Int, [String]) {
        let (result, findings) = try Checker().check(
            file: path, recognition: RecognitionOptions(input: InputOptions(convertLegacy: convertLegacy)))
        return (result.items, findings.map { "\($0.code.rawValue)@\($0.cell ?? "-")" })
    }

    @Test(.enabled(if: LibreOffice.isInstalled))
    func refusesLegacyXLSAndETWithTheSentenceThenConvertsThemOnRequest() throws {
        let dir = try folder()
        let xls = try LibreOffice.convert(Self.sample, to: "xls", in: dir)
        let et = dir.appendingPathComponent("镜湖区.et").path
        try FileManager.default.copyItem(atPath: xls, toPath: et)
        #expect(FileSignature.of(path: xls) == .ole)
        let before = try Data(contentsOf: URL(fileURLWithPath: xls))
        let expected = try facts(Self.sample)
        #expect(expected.0 == 17)
        for path in [xls, et] {
            let (result, _) = try Checker().check(file: path)
            #expect(result.status == .unreadable)
            #expect(result.error?.contains(Self.sentence) == true)
            #expect(result.error?.contains(path) == true)
            let converted = try facts(path, convertLegacy: true)
            #expect(converted.0 == expected.0)
            #expect(converted.1 == expected.1)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: xls)) == before)
    }

    @Test(.enabled(if: LibreOffice.isInstalled))
    func readsAnHTMLTableNamedXLSOnlyWhenAskedToConvert() throws {
        let dir = try folder()
        let html = dir.appendingPathComponent("进展情况.xls").path
        let table = """
            <html><head><meta charset="utf-8"></head><body><table>
            <tr><td>序号</td><td>项目名称</td><td>年度目标</td><td>完成情况</td><td>完成率</td></tr>
            <tr><td>1</td><td>农村改厕</td><td>800</td><td>400</td><td>50%</td></tr>
            <tr><td>2</td><td>城镇老旧小区改造</td><td>20</td><td>15</td><td>75%</td></tr>
            <tr><td>3</td><td>新增城镇就业</td><td>5000</td><td>4000</td><td>90%</td></tr>
            </table></body></html>
            """
        try Data(table.utf8).write(to: URL(fileURLWithPath: html))
        let (refused, _) = try Checker().check(file: html)
        #expect(refused.error?.contains("网页（HTML）") == true)
        #expect(refused.error?.contains(Self.sentence) == true)
        let (items, findings) = try facts(html, convertLegacy: true)
        #expect(items == 3)
        #expect(findings == ["rate-mismatch@E4"])
    }

    @Test(.enabled(if: LibreOffice.isInstalled), arguments: ["xlsm", "xltx"])
    func readsMacroAndTemplateWorkbooksLikeXLSX(format: String) throws {
        let dir = try folder()
        let path = try LibreOffice.convert(Self.sample, to: format, in: dir)
        #expect(FileManager.default.fileExists(atPath: path))
        let got = try facts(path)
        let expected = try facts(Self.sample)
        #expect(got.0 == expected.0)
        #expect(got.1 == expected.1)
        #expect(InputFiles.expand([(path as NSString).deletingLastPathComponent]) == [path])
    }

    @Test(.enabled(if: LibreOffice.isInstalled))
    func readsCSVInUTF8AndGBK() throws {
        let dir = try folder()
        for name in ["000-镜湖区-进展情况", "003-民生实事进展情况"] {
            let source = TestPaths.samples.appendingPathComponent("\(name).xlsx").path
            let csv = try LibreOffice.convert(source, to: "csv", filter: "Text - txt - csv (StarCalc):44,34,76", in: dir)
            let utf8 = try Data(contentsOf: URL(fileURLWithPath: csv))
            let text = try #require(String(data: utf8, encoding: .utf8))
            // GBK as "CSV (逗号分隔)" on Chinese Windows writes it: converted by iconv, not by us.
            let gbk = dir.appendingPathComponent("\(name)-gbk.csv").path
            let iconv = Process()
            iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
            iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", "-o", gbk, csv]
            try iconv.run()
            iconv.waitUntilExit()
            #expect(iconv.terminationStatus == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: gbk)) != utf8)
            let expected = try facts(source)
            for path in [csv, gbk] {
                let got = try facts(path)
                #expect(got.0 == expected.0, "\(path)")
                #expect(got.1 == expected.1, "\(path)")
            }
            #expect(text.contains("项目"))
        }
    }

    @Test func parsesQuotedCSVFieldsAndLineEnds() {
        let rows = CSVText.parse("项目,目标\r\n\"改厕,户\",\"说 \"\"一\"\" 句\"\n\"两\n行\",3\n")
        #expect(rows == [["项目", "目标"], ["改厕,户", "说 \"一\" 句"], ["两\n行", "3"]])
        #expect(CSVText.decode([0xD6, 0xD0, 0xCE, 0xC4]) == "中文")
        #expect(CSVText.decode([0x50, 0x00, 0x4B]) == nil)
    }

    @Test func refusesAFileThatIsNeitherWorkbookNorCSVNamingIt() throws {
        let dir = try folder()
        let path = dir.appendingPathComponent("报表.xlsx").path
        try Data("这不是表格".utf8).write(to: URL(fileURLWithPath: path))
        let (result, _) = try Checker().check(file: path)
        #expect(result.status == .unreadable)
        #expect(result.error == "无法读取 \(path)：不是 .xlsx 文件（不是 zip 压缩包），\(Self.sentence)")
    }
}
