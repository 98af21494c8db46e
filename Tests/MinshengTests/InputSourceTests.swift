import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// A job gives the same answer for a workbook given as a path or as bytes (an upload).
struct InputSourceTests {
    @Test func checkFromBytesAndFromAPathGiveTheSameReport() async throws {
        let engine = try Engine.standard()
        let paths = try FileManager.default.contentsOfDirectory(atPath: TestPaths.samples.path)
            .filter { $0.hasSuffix(".xlsx") }.sorted().map { "Samples/" + $0 }
        let fromPaths = paths.map { InputSource.path(TestPaths.packageRoot.appendingPathComponent($0).path) }
        let fromBytes = try zip(paths, fromPaths).map { name, source in InputSource.bytes(try source.readBytes(), name: name) }
        let byPath = await engine.check(CheckRequest(inputs: fromPaths))
        let byBytes = await engine.check(CheckRequest(inputs: fromBytes))
        let root = TestPaths.packageRoot.path + "/"
        #expect(byPath.json().replacingOccurrences(of: root, with: "") == byBytes.json())
        #expect(byBytes.findings.count >= 4)
    }

    @Test func convertToMemoryGivesTheBytesOfTheFile() async throws {
        let engine = try Engine.standard()
        let sample = InputSource.path(TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx").path)
        let file = try ZipPart.temporaryPath("进度.xlsx")
        let written = try await engine.convert(ConvertRequest(inputs: [sample], output: .file(file, overwrite: false)))
        let inMemory = try await engine.convert(ConvertRequest(inputs: [sample], output: .memory))
        #expect(written.written.path == file)
        #expect(inMemory.written.bytes == Array(try Data(contentsOf: URL(fileURLWithPath: file))))
    }

    @Test func anUnreadableUploadNamesItsName() async throws {
        let report = await try Engine.standard().check(CheckRequest(inputs: [.bytes(Array("not a workbook".utf8), name: "上传.xlsx")]))
        #expect(report.files.first?.status == .unreadable)
        #expect(report.files.first?.error?.hasPrefix("无法读取 上传.xlsx：") == true)
    }

    @Test func errorsMapOnceToExitCodesAndHTTPStatuses() {
        let unreadable = MinshengError.unreadable(file: "a.xlsx", problem: .cannotOpen)
        #expect(unreadable.exitCode == 2)
        #expect(unreadable.httpStatus == 422)
        #expect(MinshengError.usage(.outputExists("x")).exitCode == 64)
        #expect(MinshengError.usage(.outputExists("x")).httpStatus == 400)
        #expect(MinshengError.configuration(file: "headers.json", problem: .cannotOpen(.headerWords)).httpStatus == 500)
        #expect(MinshengError.badLayoutFile(file: "l.json", problem: .malformed).exitCode == 64)
    }
}
