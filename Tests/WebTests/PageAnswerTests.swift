import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Minsheng
import MinshengWeb
import TestSupport
import Testing
import XLSXReader

/// What the page relies on (issue 23): its JSON answer with the findings workbook, an error
/// rather than a workbook when nothing could be read, the words for files that are not
/// spreadsheets or are in the wrong field, decoded upload names, download names with the date,
/// and the token's page, cookie and end.
/// Its tests run one at a time, and not beside another suite's route tests (`OneAtATime`).
@Suite(.oneAtATime)
final class PageAnswerTests: Sendable {
    typealias Part = RouteTests.Part

    private let temporaryRoot = FileManager.default.temporaryDirectory.appendingPathComponent("web-page-tests-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: temporaryRoot)
    }

    private func app(_ change: (inout WebOptions) -> Void = { _ in }) throws -> some ApplicationProtocol {
        var options = WebOptions()
        options.temporaryRoot = temporaryRoot
        options.jobs = 2
        change(&options)
        return Application(router: WebServer.router(options: options, engine: try Engine.standard(), page: try WebPage.html()))
    }

    private static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    private static func post(
        _ client: some TestClientProtocol, _ route: String, _ parts: [Part], _ check: @escaping @Sendable (TestResponse) throws -> Void
    ) async throws {
        try await client.execute(uri: route, method: .post, headers: RouteTests.multipartHeaders, body: RouteTests.multipart(parts)) {
            try check($0)
        }
    }

    static let page = Part(name: "answer", bytes: Array("page".utf8))

    /// Files that are plainly not spreadsheets, each with the words that say what it is.
    static let foreign: [(Part, String)] = [
        (Part(name: "file", filename: "通知.pdf", bytes: Array("%PDF-1.7\n1 0 obj".utf8)), "PDF"),
        (Part(name: "file", filename: "照片.jpg", bytes: [0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 1, count: 64)), "图片"),
        (Part(name: "file", filename: "空的.xlsx", bytes: []), "空文件"),
        (Part(name: "file", filename: "~$涡阳县.xlsx", bytes: [UInt8](repeating: 0x20, count: 165)), "临时锁定文件"),
        (
            Part(name: "file", filename: "说明.docx", bytes: {
                var zip = ZipBuilder()
                zip.add("[Content_Types].xml", "<Types/>")
                zip.add("word/document.xml", "<w:document/>")
                return zip.build()
            }()),
            "Word 文档"
        ),
    ]

    @Test func thePagesAnswerHasTheReportAndTheFindingsWorkbook() async throws {
        try await app().test(.router) { client in
            try await Self.post(client, "/api/check", [try RouteTests.sample("000-镜湖区-进展情况.xlsx"), Self.page]) { response in
                #expect(response.status == .ok)
                let answer = try Self.object(response)
                let report = try #require(answer["report"] as? [String: Any])
                let findings = try #require(report["findings"] as? [[String: Any]])
                #expect(findings.contains { $0["code"] as? String == "rate-mismatch" })
                let workbook = try #require(answer["findings"] as? [String: Any])
                #expect((workbook["name"] as? String)?.hasPrefix("核对结果-") ?? false)
                let base64 = try #require(workbook["base64"] as? String)
                let bytes = try #require(Data(base64Encoded: base64))
                // Written by our writer, read back by our reader: one row per finding.
                let book = try Workbook(bytes: [UInt8](bytes), name: "核对结果.xlsx")
                #expect(book.sheets.map(\.name) == ["核对结果", "文件"])
                let rows = try book.sheet(named: "核对结果").rows.map { $0.cells.map { $0.string ?? $0.number.map { String($0) } ?? "" } }
                #expect(rows.count == (2 + findings.count))
                #expect(Array(rows[1].prefix(3)) == ["序号", "级别", "类别"])
                #expect(rows.contains { $0.contains("完成率算错") && $0.contains("rate-mismatch") })
            }
        }
    }

    @Test func convertWithNothingReadableIsAnErrorNotAWorkbook() async throws {
        try await app().test(.router) { client in
            let parts = Self.foreign.map(\.0) + [Part(name: "file", filename: "坏的.xlsx", bytes: Array("not a zip".utf8))]
            for route in ["/api/convert", "/api/collect"] {
                var body = parts
                if route == "/api/collect" {
                    let plan = try RouteTests.sample("002-亳州-分解表-分列.xlsx")
                    body.append(Part(name: "plan", filename: plan.filename, bytes: plan.bytes))
                }
                for extra in [[], [Self.page]] {
                    try await Self.post(client, route, body + extra) { response in
                        #expect(response.status == .unprocessableContent, "\(route)")
                        #expect(response.headers[.contentDisposition] == nil, "no download")
                        let answer = try Self.object(response)
                        #expect((answer["error"] as? String)?.hasPrefix("没有可") ?? false, "\(answer)")
                        let files = try #require((answer["report"] as? [String: Any])?["files"] as? [[String: Any]])
                        // Only the plan (collect) was read; no table to merge.
                        #expect(!(files.contains { $0["status"] as? String == "ok" && $0["path"] as? String != "002-亳州-分解表-分列.xlsx" }), "\(route)")
                    }
                }
            }
        }
    }

    @Test func filesThatAreNotSpreadsheetsAreToldWhatTheyAre() async throws {
        try await app().test(.router) { client in
            try await Self.post(client, "/api/check", Self.foreign.map(\.0) + [Self.page]) { response in
                #expect(response.status == .ok)
                let report = try #require(try Self.object(response)["report"] as? [String: Any])
                let files = try #require(report["files"] as? [[String: Any]])
                #expect(files.count == Self.foreign.count)
                for (part, word) in Self.foreign {
                    let file = try #require(files.first { $0["path"] as? String == part.filename }, "\(word)")
                    // An empty workbook is a broken spreadsheet (unreadable); the rest are no spreadsheets (skipped).
                    let broken = part.filename == "空的.xlsx"
                    #expect((file["status"] as? String) == (broken ? "unreadable" : "skipped"))
                    let reason = try #require(file[broken ? "error" : "reason"] as? String)
                    #expect(reason.contains(word), "\(word): \(reason)")
                    #expect(!reason.contains("zip"), "\(reason)")
                }
            }
        }
    }

    @Test func thePlainAPIStaysTheCLIsAndThePageKeepsTheUploadOrder() async throws {
        let parts = [Self.foreign[0].0, try RouteTests.sample("000-镜湖区-进展情况.xlsx")]
        try await app().test(.router) { client in
            try await Self.post(client, "/api/check", parts) { response in
                let files = try #require(try Self.object(response)["files"] as? [[String: Any]])
                #expect((files.map { $0["status"] as? String }) == ["unreadable", "ok"], "the reader's verdict, as the CLI's")
            }
            try await Self.post(client, "/api/check", parts + [Self.page]) { response in
                let report = try #require(try Self.object(response)["report"] as? [String: Any])
                let files = try #require(report["files"] as? [[String: Any]])
                #expect((files.map { $0["path"] as? String }) == ["通知.pdf", "000-镜湖区-进展情况.xlsx"])
                #expect((files.map { $0["status"] as? String }) == ["skipped", "ok"])
            }
        }
    }

    @Test func aReturnInTheSummaryFieldIsNamedAsSuch() async throws {
        try await app().test(.router) { client in
            let area = try RouteTests.sample("reconcile/县区报表/涡阳县.xlsx")
            let parts = [Part(name: "summary", filename: area.filename, bytes: area.bytes), area, Self.page]
            try await Self.post(client, "/api/reconcile", parts) { response in
                #expect(response.status == .unprocessableContent)
                let message = try #require(try Self.object(response)["error"] as? String)
                #expect(message.contains("不是手工汇总表"), "\(message)")
                #expect(!message.contains("分解表中没有找到县区目标"), "\(message)")
            }
        }
    }

    @Test func thePlanAgainAmongTheReturnsIsSkippedAsThePlan() async throws {
        try await app().test(.router) { client in
            let plan = try RouteTests.sample("002-亳州-分解表-分列.xlsx")
            let parts = [
                Part(name: "plan", filename: plan.filename, bytes: plan.bytes), plan, try RouteTests.sample("returns/涡阳县.xlsx"), Self.page,
            ]
            try await Self.post(client, "/api/collect", parts) { response in
                #expect(response.status == .ok)
                let report = try #require(try Self.object(response)["report"] as? [String: Any])
                let files = try #require(report["files"] as? [[String: Any]])
                let again = try #require(files.first { $0["status"] as? String == "skipped" })
                #expect((again["reason"] as? String)?.contains("这就是上面选的分解表") ?? false, "\(again)")
                let findings = try #require(report["findings"] as? [[String: Any]])
                #expect(!(findings.contains { $0["code"] as? String == "target-changed" }), "no 24 false target changes")
            }
        }
    }

    @Test func aQuotedUploadNameComesBackAsTheBrowserMeantIt() throws {
        // HTML's form encoding sends `"` as %22 in a quoted filename (RFC 7578 §4.2).
        let head = "Content-Disposition: form-data; name=\"file\"; filename=\"涡阳 县 %22最终版%22 '改'.xlsx\"\r\n"
        var parser = try MultipartParser(boundary: "b")
        let body = Array(("--b\r\n" + head + "\r\nx\r\n--b--\r\n").utf8)
        let events = try parser.feed(body)
        let names = events.compactMap { event -> String? in
            if case .part(let part) = event { return part.filename }
            return nil
        }
        #expect(names == ["涡阳 县 \"最终版\" '改'.xlsx"])
    }

    @Test func downloadNamesCarryTheTitleOrPeriodAndTheDate() async throws {
        try await app().test(.router) { client in
            let parts = [
                try RouteTests.sample("000-镜湖区-进展情况.xlsx"), Part(name: "title", bytes: Array("镜湖区民生实事".utf8)),
                Part(name: "as_of", bytes: Array("2023-10-31".utf8)),
            ]
            try await Self.post(client, "/api/convert", parts + [Self.page]) { response in
                #expect(response.status == .ok)
                let answer = try Self.object(response)
                #expect(((answer["download"] as? [String: Any])?["name"] as? String) == "镜湖区民生实事-2023-10-31.xlsx")
                #expect(((answer["findings"] as? [String: Any])?["name"] as? String) == "汇总核对结果-2023-10-31.xlsx")
            }
            let plan = try RouteTests.sample("002-亳州-分解表-分列.xlsx")
            let split = [Part(name: "plan", filename: plan.filename, bytes: plan.bytes), Part(name: "period", bytes: Array("1-9月".utf8))]
            try await Self.post(client, "/api/split", split) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.hasSuffix("UTF-8''%E5%8E%BF%E5%8C%BA%E6%A8%A1%E6%9D%BF-1-9%E6%9C%88.zip") ?? false)
            }
        }
    }

    @Test func anImpossibleDateIsRefused() async throws {
        try await app().test(.router) { client in
            let parts = [try RouteTests.sample("000-镜湖区-进展情况.xlsx"), Part(name: "as_of", bytes: Array("0005-02-02".utf8))]
            try await Self.post(client, "/api/check", parts) { response in
                #expect(response.status == .badRequest)
                let message = try Self.object(response)["error"] as? String
                #expect(message?.contains("年份") ?? false)
            }
        }
    }

    @Test func withoutTheTokenAPersonGetsAChinesePageAndTheCookieLastsAndEnds() async throws {
        try await app { $0.token = "s3cret" }.test(.router) { client in
            var html = HTTPFields()
            html[.accept] = "text/html,application/xhtml+xml"
            try await client.execute(uri: "/", method: .get, headers: html) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.contains("lang=\"zh-CN\""))
                #expect(page.contains("请打开财政局（民生办）发给您的完整链接"), "\(page)")
            }
            try await client.execute(uri: "/?token=s3cret", method: .get) { response in
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("Max-Age=2592000"), "\(cookie)")
                #expect(String(buffer: response.body).contains("data-token=\"on\""))
            }
            try await client.execute(uri: "/logout", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") ?? false)
            }
        }
    }

    @Test func aWildcardHostPrintsTheMachinesAddresses() {
        var options = WebOptions()
        options.host = "0.0.0.0"
        options.token = "t"
        #expect(options.urls(port: 8080, addresses: ["127.0.0.1", "192.168.1.20", "fd00::1"]) == ["http://192.168.1.20:8080/?token=t", "http://127.0.0.1:8080/?token=t"])
        options.host = "127.0.0.1"
        #expect(options.urls(port: 8080, addresses: ["192.168.1.20"]) == ["http://127.0.0.1:8080/?token=t"])
        #expect(!(WebOptions.interfaceAddresses().isEmpty))
    }

    @Test func everyFindingCodeHasANameAndAnExplanation() {
        for kind in FindingKind.all {
            #expect(!kind.name.isEmpty, "\(kind.code.rawValue)")
            #expect(kind.explanation.hasSuffix("。"), "\(kind.code.rawValue)")
        }
        #expect(Set(FindingKind.all.map(\.name)).count == FindingCode.allCases.count, "names tell kinds apart")
    }
}
