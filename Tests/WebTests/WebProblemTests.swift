import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Minsheng
import MinshengWeb
import TestSupport
import Testing

/// The server's failures are data with one status each; the page's words name no command-line
/// option (a clerk on the page has none to pass).
struct WebProblemTests {
    static let everyProblem: [WebProblem] = [
        .asOfFormat(given: "x"), .asOfYear(given: "1999-01-01"), .noFiles, .oneFileOnly(what: "分解表", count: 2), .noPlanToSplit,
        .noPlanToCollect, .noReturns, .noSummary, .noAreaReturns, .notMultipart, .badBoundary, .malformedMultipart(sentence: "x"),
        .fieldTooLong(name: "title"), .tooManyFiles(limit: 200), .noteRequired, .noRoundPlan, .periodRequired,
        .deadlineFormat(given: "x"), .noReturnFile, .oneReturnOnly(count: 2), .tokenRequired, .noSuchRound, .noSuchArea,
        .invalidLink, .noSuchAddress, .methodNotAllowed, .round(.noSuchRound), .round(.nothingSent(area: "涡阳县", accepting: true)), .tooLarge(maxBytes: 50 << 20),
        .input(.unreadable(file: "a.ods", problem: .openDocument)), .input(.usage(.outputExists("a.xlsx"))),
        .unusableFile(what: "分解表", label: "a.pdf", kind: .pdf), .unusableReturn(label: "a.pdf", kind: .pdf),
        .nothingRead(job: "汇总", count: 4, names: ["a", "b", "c", "d"]), .wrongField(file: "a", what: "分解表", instead: "x"),
        .planWithoutAreas(label: "a"), .noWorkbook, .noTemplate(area: "涡阳县"), .cannotMakeTemporaryFolder,
        .cannotSaveUpload(diskFull: true), .round(.notSaved(.decision)), .database(detail: "x"), .internalError, .busy,
        .timedOut(seconds: 300), .stopped, .other(code: 418),
    ]

    @Test func eachProblemHasOneStatus() {
        #expect(WebProblem.noFiles.status == 400)
        #expect(WebProblem.tokenRequired.status == 401)
        #expect(WebProblem.invalidLink.status == 404)
        #expect(WebProblem.round(.backupExists(path: "x")).status == 409)
        #expect(WebProblem.round(.noSuchArea("x")).status == 404 && WebProblem.round(.cannotRenameUpload).status == 500)
        #expect(WebProblem.tooLarge(maxBytes: 1).status == 413)
        #expect(WebProblem.unusableFile(what: "分解表", label: "a", kind: .pdf).status == 422)
        #expect(WebProblem.noWorkbook.status == 500)
        #expect(WebProblem.busy.status == 503 && WebProblem.timedOut(seconds: 1).status == 503)
        for error in [MinshengError.usage(.outputExists("a")), .unreadable(file: "a", problem: .cannotOpen),
                      .configuration(file: "headers.json", problem: .cannotOpen(.headerWords))] {
            #expect(WebProblem.input(error).status == error.httpStatus)
            #expect(WebFailure(.input(error)).status.code == error.httpStatus)
        }
    }

    @Test func thePageNamesNoCommandLineOption() {
        for problem in Self.everyProblem {
            #expect(!problem.description.contains("--"), "\(problem)")
            #expect(!problem.description.isEmpty)
        }
    }

    @Test func badServerOptionsAreDataTheExecutableWordsWithItsFlags() {
        var options = WebOptions()
        options.jobs = 0
        #expect(throws: WebOptionProblem.tooSmall(.jobs, minimum: 1)) { try options.validate() }
        options = WebOptions()
        options.host = "0.0.0.0"
        #expect(throws: WebOptionProblem.tokenRequired(host: "0.0.0.0")) { try options.validate() }
        #expect(WebOptionProblem.portOutOfRange(70000).exitCode == 64)
    }

    /// The same .ods the CLI tells to pass `--convert-legacy`: the page says what is wrong, and
    /// no flag.
    @Test func anOpenDocumentUploadIsRefusedWithoutAFlag() async throws {
        var options = WebOptions()
        options.temporaryRoot = FileManager.default.temporaryDirectory.appendingPathComponent("web-problem-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: options.temporaryRoot) }
        let app = Application(router: WebServer.router(options: options, engine: try Engine.standard(), page: try WebPage.html()))
        let sample = TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx")
        let boundary = "----minshengWebProblemTests"
        let body =
            Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"镜湖区.ods\"\r\n\r\n".utf8)
            + [UInt8](try Data(contentsOf: sample)) + Array("\r\n--\(boundary)--\r\n".utf8)
        var fields = HTTPFields()
        fields[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let headers = fields
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let files = try #require(object["files"] as? [[String: Any]])
                let error = try #require(files.first?["error"] as? String)
                #expect(error.contains("OpenDocument（.ods）"))
                #expect(!error.contains("--"))
            }
        }
    }
}
