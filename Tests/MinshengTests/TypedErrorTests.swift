import Foundation
@testable import Minsheng
import TestSupport
import Testing
import XLSXReader

/// Errors are data (which file, what went wrong); the exit code and the HTTP status are each
/// derived once from them, and no library message names a command-line option.
struct TypedErrorTests {
    /// One of every case of `MinshengError` and of each problem inside it.
    static let everyError: [MinshengError] = {
        var errors: [MinshengError] = [
            .noTableRecognized(file: "a.xlsx", seenHeaders: ["项目"]), .noTableRecognized(file: "a.xlsx", seenHeaders: []),
        ]
        let inputs: [InputProblem] = [
            .reader(XLSXError(file: "a.xlsx", part: nil, kind: .notAZip)), .cannotOpen, .csvTooLarge(megabytes: 50), .notText,
            .noSuchSheet("表", available: []), .noSuchSheet("表", available: ["Sheet1"]), .noSheets,
            .unreadableAfterConversion(XLSXError(file: "a.xlsx", part: nil, kind: .notAZip)), .noAreaTargets, .openDocument,
            .templateFormMissing(sheet: "填报"), .foreign(.emptyFile), .foreign(.truncated),
            .conversionFailed(.noLibreOffice), .conversionFailed(.cannotMakeTemporaryFolder(detail: "x")),
            .conversionFailed(.cannotMakeTemporary(detail: "x")), .conversionFailed(.cannotCopy(detail: "x")),
            .conversionFailed(.cannotLaunch(program: "soffice", detail: "x")), .conversionFailed(.timedOut(seconds: 60)),
            .conversionFailed(.refused),
        ]
        errors += inputs.map { .unreadable(file: "a.xlsx", problem: $0) }
        let configurations: [ConfigurationProblem] = [
            .notFound(lookedIn: ["/a", "/b"]), .cannotOpen(.dataFile), .cannotOpen(.headerWords), .malformed(.quantityWords, detail: "x"),
            .malformed(.districtTemplate, detail: "x"), .malformed(.workbookSettings, detail: "x"), .unknownHeaderRole("x"),
            .invalidSectionPattern("("), .missingTemplateColumn("target"), .workbookSettingsOutOfShape,
            .cannotOpenDataFolder(detail: "x"), .webPageMissing,
        ]
        errors += configurations.map { .configuration(file: "headers.json", problem: $0) }
        let layouts: [LayoutFileProblem] = [
            .cannotOpen, .malformed, .badHeaderRows, .notAColumn("1"), .badMeasure(indicator: "就业", column: "C", meaning: "x"),
            .groupsWithoutAreaColumn, .badAreaColumn("1"), .unknownMeaning(column: "C", meaning: "x"),
        ]
        errors += layouts.map { .badLayoutFile(file: "layout.json", problem: $0) }
        let usages: [UsageProblem] = [
            .outputIsInput(output: "a.xlsx", input: "a.xlsx"), .outputExists("b.xlsx"), .outputsExist(["c.xlsx", "d.xlsx"]),
            .nothingToRead(given: ["文件夹"], skipped: 2), .unknownAreas(["黄山区"], available: ["涡阳县"]),
        ]
        errors += usages.map(MinshengError.usage)
        let writes: [WriteProblem] = [
            .folderMissing("/x"), .cannotMakeFolder(detail: "x"), .cannotMakeTemporaryFolder(detail: "x"), .cannotMakeTemporaryFile,
            .failed(detail: "x"), .cannotReadBack, .cannotZip(detail: "x"), .notInMemory,
        ]
        errors += writes.map { .cannotWrite(path: "out.xlsx", problem: $0) }
        return errors
    }()

    @Test func everyErrorMapsToOneExitCodeAndOneHTTPStatusByItsKind() {
        for error in Self.everyError {
            switch error {
            case .usage, .badLayoutFile:
                #expect(error.kind == .request && error.exitCode == 64 && error.httpStatus == 400, "\(error)")
            case .unreadable, .noTableRecognized:
                #expect(error.kind == .input && error.exitCode == 2 && error.httpStatus == 422, "\(error)")
            case .configuration, .cannotWrite:
                #expect(error.kind == .tool && error.exitCode == 2 && error.httpStatus == 500, "\(error)")
            }
        }
    }

    @Test func noLibraryMessageNamesACommandLineOption() {
        for error in Self.everyError {
            #expect(!error.description.contains("--"), "\(error)")
            #expect(FrontEndHints.none.text(of: error) == error.description)
        }
        let skips: [SkipReason] = [
            .subfolder, .officeLockFile, .notASpreadsheet(extension: "pdf"), .notASpreadsheet(extension: ""),
            .foreign(.pdf), .ownOutput(kind: "标准进度表"), .sameAsChosen(what: "分解表"),
        ]
        for reason in skips { #expect(!reason.description.contains("--"), "\(reason)") }
    }

    @Test func aDoubtfulReadingFindingNamesNoOption() throws {
        let (_, findings) = try TableFixture.check([
            ["项目", "目标", "完成", "完成率"], ["甲", "100", "50", "81%"], ["乙", "200", "90", "17%"], ["丙", "300", "120", "66%"],
            ["丁", "400", "100", "93%"], ["戊", "500", "400", "31%"], ["己", "600", "300", "12%"],
        ])
        let doubtful = try #require(findings.first { $0.code == .doubtfulReading })
        #expect(doubtful.message.hasSuffix("这些差异不逐条列出。请核对读法"))
        #expect(!doubtful.message.contains("--"))
        let hints = FrontEndHints(finding: { $0.code == .doubtfulReading ? "（提示）" : nil })
        #expect(hints.message(of: doubtful) == doubtful.message + "（提示）")
        var report = CheckReport(files: [FileResult(path: doubtful.file, sheet: doubtful.sheet, items: 6)], findings: [doubtful])
        report.hints = hints
        #expect(report.json().contains("请核对读法（提示）"))
        #expect(TextReport.render(report).contains("请核对读法（提示）"))
    }

    @Test func messagesStillNameTheFileAndTheProblem() {
        #expect(
            MinshengError.badLayoutFile(file: "layout.json", problem: .cannotOpen).description == "无法读取 layout.json：无法打开版式文件")
        #expect(
            MinshengError.configuration(file: "/t/workbook.json", problem: .malformed(.workbookSettings, detail: "坏"))
                .description == "无法读取 /t/workbook.json：设置文件格式不正确：坏")
        #expect(MinshengError.usage(.outputExists("汇总.xlsx")).description == "输出文件 汇总.xlsx 已存在，未覆盖")
        #expect(
            MinshengError.unreadable(file: "a.ods", problem: .openDocument).description
                == "无法读取 a.ods：这是 OpenDocument（.ods）格式的表格，请用 Excel/WPS 另存为 .xlsx 后重试")
    }

    @Test func aFrontEndAddsItsOwnHint() {
        let hints = FrontEndHints(error: { error in
            guard case .usage(.outputExists) = error else { return nil }
            return error.description + "（加 --force 覆盖）"
        })
        #expect(hints.text(of: .usage(.outputExists("a.xlsx"))) == "输出文件 a.xlsx 已存在，未覆盖（加 --force 覆盖）")
        #expect(hints.text(of: .usage(.outputsExist(["a.xlsx"]))) == "这些文件已存在，未覆盖：a.xlsx")
    }

    @Test func aFileThatWasNotReadKeepsWhyAsData() {
        let error = MinshengError.unreadable(file: "a.xlsx", problem: .cannotOpen)
        let unreadable = FileResult(path: "a.xlsx", failure: error)
        #expect(unreadable.status == .unreadable)
        #expect(unreadable.problem == .unreadable(error))
        #expect(unreadable.error == "无法读取 a.xlsx：无法打开文件")
        let skipped = FileResult(path: "b.pdf", skipped: .notASpreadsheet(extension: "pdf"))
        #expect(skipped.status == .skipped)
        #expect(skipped.error == "PDF 文件，无法读取其中的表格，请报送 Excel/WPS 表格")
        #expect(FileResult(path: "c", failure: CocoaError(.fileNoSuchFile)).problem.map { if case .unexpected = $0 { true } else { false } } == true)
    }

    @Test func theExitStatusOfABatchIsDerivedOnce() {
        #expect(BatchOutcome(unreadable: 0, errors: 0) == .clean)
        #expect(BatchOutcome(unreadable: 0, errors: 2) == .errorFindings)
        #expect(BatchOutcome(unreadable: 1, errors: 2) == .unreadableInput)
        #expect([BatchOutcome.clean, .errorFindings, .unreadableInput].map(\.exitCode) == [0, 1, 2])
        let report = CheckReport(files: [FileResult(path: "a", failure: MinshengError.unreadable(file: "a", problem: .cannotOpen))])
        #expect(report.outcome == .unreadableInput && report.exitStatus == 2)
    }
}
