import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Minsheng
import TestSupport
import Testing

@testable import MinshengWeb

/// Every route of `minsheng-web` through HummingbirdTesting: answers, errors, limits, and the
/// temporary folder.
/// Its tests run one at a time, and not beside another suite's route tests (`OneAtATime`).
@Suite(.oneAtATime)
final class RouteTests: Sendable {
    /// One multipart part.
    struct Part {
        var name: String
        var filename: String?
        var bytes: [UInt8]
    }

    static let boundary = "----minshengTestBoundary7MA4YWxkTrZu0gW"

    static func multipart(_ parts: [Part]) -> ByteBuffer {
        var body: [UInt8] = []
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { head += "; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream" }
            body += Array((head + "\r\n\r\n").utf8) + part.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: body)
    }

    static var multipartHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return headers
    }

    static func sample(_ name: String) throws -> Part {
        let url = TestPaths.samples.appendingPathComponent(name)
        return Part(name: "file", filename: url.lastPathComponent, bytes: [UInt8](try Data(contentsOf: url)))
    }

    private let temporaryRoot = FileManager.default.temporaryDirectory.appendingPathComponent("web-tests-\(UUID().uuidString)")
    /// Where `temporaryRootWithSamples()` copies samples for the CLI; apart from `temporaryRoot`,
    /// which must end empty.
    private let scratchRoot = FileManager.default.temporaryDirectory.appendingPathComponent("web-cli-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: temporaryRoot)
        try? FileManager.default.removeItem(at: scratchRoot)
    }

    /// What is left in the temporary root (the per-request folders must all be gone).
    private func leftovers() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: temporaryRoot.path)) ?? []
    }

    private func options(_ change: (inout WebOptions) -> Void = { _ in }) -> WebOptions {
        var options = WebOptions()
        options.temporaryRoot = temporaryRoot
        options.jobs = 2
        change(&options)
        return options
    }

    private func app(_ options: WebOptions, gate: JobGate? = nil) throws -> some ApplicationProtocol {
        Application(router: WebServer.router(options: options, engine: try Engine.standard(), page: try WebPage.html(), gate: gate))
    }

    private static func errorMessage(_ response: TestResponse) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] else { return nil }
        return object["error"] as? String
    }

    // MARK: GET

    @Test func pageAndHealth() async throws {
        try await app(options()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                for word in ["核对", "汇总", "拆分模板", "收集汇总", "核对县区汇总", "上期对比", "截至日期", "填报期"] { #expect(page.contains(word), "\(word)") }
                #expect(page.contains("data-max-upload-mb=\"50\""))
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok")
            }
            try await client.execute(uri: "/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.errorMessage(response) == "没有这个地址")
            }
        }
    }

    // MARK: check

    @Test func checkAnswersExactlyTheCLIsJSONWithUploadNamesAsPaths() async throws {
        let cli = try CommandRunner.run(["check", "000-镜湖区-进展情况.xlsx", "涡阳县.xlsx", "--format", "json"], in: temporaryRootWithSamples())
        #expect(cli.status == 1, "\(cli.stderr)")
        try await app(options()).test(.router) { client in
            let body = Self.multipart([
                try Self.sample("000-镜湖区-进展情况.xlsx"), try Self.sample("returns/涡阳县.xlsx"),
            ])
            try await client.execute(uri: "/api/check", method: .post, headers: Self.multipartHeaders, body: body) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(String(buffer: response.body) == cli.stdout)
                #expect(cli.stdout.contains("\"code\": \"rate-mismatch\""))
            }
        }
        #expect(leftovers() == [], "the request's folder is removed after success")
    }

    /// A scratch folder holding copies of two samples, for running the CLI on bare file names.
    private func temporaryRootWithSamples() throws -> URL {
        let folder = scratchRoot
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx"),
            to: folder.appendingPathComponent("000-镜湖区-进展情况.xlsx"))
        try FileManager.default.copyItem(
            at: TestPaths.samples.appendingPathComponent("returns/涡阳县.xlsx"), to: folder.appendingPathComponent("涡阳县.xlsx"))
        return folder
    }

    @Test func anUnreadableWorkbookIsListedNotAnHTTPError() async throws {
        try await app(options()).test(.router) { client in
            let body = Self.multipart([
                Part(name: "file", filename: "坏的.xlsx", bytes: Array("not a zip at all".utf8)),
                try Self.sample("returns/涡阳县.xlsx"),
            ])
            try await client.execute(uri: "/api/check", method: .post, headers: Self.multipartHeaders, body: body) { response in
                #expect(response.status == .ok)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let files = try #require(object["files"] as? [[String: Any]])
                #expect((files.map { $0["path"] as? String }) == ["坏的.xlsx", "涡阳县.xlsx"])
                #expect((files.map { $0["status"] as? String }) == ["unreadable", "ok"])
                #expect((files[0]["error"] as? String) != nil)
            }
        }
        #expect(leftovers() == [])
    }

    @Test func hostileWorkbooksAreListedAndTheServerStaysUp() async throws {
        var entities = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let laughs = ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
            extra: [
                "xl/sharedStrings.xml":
                    "<?xml version=\"1.0\"?><!DOCTYPE sst [\(entities)]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol9;</t></si></sst>"
            ]
        ).build()
        // 3 GiB of spaces in about 20 MB.
        var bomb = ZipBuilder.workbook(sheetData: "")
        bomb.addDeflated("xl/sharedStrings.xml", stream: ZipBuilder.spaceBombStream(inflatedSize: 3 << 30), uncompressedSize: UInt32(3 << 30))
        let sample = try Self.sample("returns/涡阳县.xlsx")
        let hostile: [Part] = [
            Part(name: "file", filename: "laughs.xlsx", bytes: laughs),
            Part(name: "file", filename: "bomb.xlsx", bytes: bomb.build()),
            Part(name: "file", filename: "truncated.xlsx", bytes: Array(sample.bytes.prefix(sample.bytes.count / 2))),
            Part(name: "file", filename: "legacy.xls", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)),
            sample,
        ]
        try await app(options()).test(.router) { client in
            for route in ["/api/check", "/api/convert"] {
                try await client.execute(uri: route, method: .post, headers: Self.multipartHeaders, body: Self.multipart(hostile)) { response in
                    #expect(response.status == .ok, "\(route)")
                }
                try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/api/check", method: .post, headers: Self.multipartHeaders, body: Self.multipart(hostile)) { response in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let files = try #require(object["files"] as? [[String: Any]])
                #expect((files.map { $0["status"] as? String }) == ["unreadable", "unreadable", "unreadable", "unreadable", "ok"])
            }
        }
        #expect(leftovers() == [])
    }

    @Test func aDotDotFileNameIsOnlyALabel() async throws {
        let outside = temporaryRoot.deletingLastPathComponent().appendingPathComponent("escape-\(UUID().uuidString).xlsx")
        let sample = try Self.sample("returns/涡阳县.xlsx")
        try await app(options()).test(.router) { client in
            let body = Self.multipart([Part(name: "file", filename: "../../\(outside.lastPathComponent)", bytes: sample.bytes)])
            try await client.execute(uri: "/api/check", method: .post, headers: Self.multipartHeaders, body: body) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"path\": \"\(outside.lastPathComponent)\""))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: outside.path))
        #expect(!(FileManager.default.fileExists(atPath: "/\(outside.lastPathComponent)")))
        #expect(leftovers() == [])
    }

    // MARK: 400

    @Test func badRequestsAre400WithAChineseSentence() async throws {
        try await app(options()).test(.router) { client in
            // No files.
            try await client.execute(
                uri: "/api/check", method: .post, headers: Self.multipartHeaders,
                body: Self.multipart([Part(name: "as_of", bytes: Array("2023-10-31".utf8))])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response) == "没有收到文件：请至少选择一个 .xlsx 文件再提交")
            }
            // A bad date, after the upload was written (its folder must go too).
            try await client.execute(
                uri: "/api/convert", method: .post, headers: Self.multipartHeaders,
                body: Self.multipart([try Self.sample("returns/涡阳县.xlsx"), Part(name: "as_of", bytes: Array("2023-02-30".utf8))])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response)?.hasPrefix("截至日期应为 YYYY-MM-DD") ?? false)
            }
            // Not multipart.
            var json = HTTPFields()
            json[.contentType] = "application/json"
            try await client.execute(uri: "/api/check", method: .post, headers: json, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response) == "请求格式不对：应以 multipart/form-data 上传文件")
            }
            // A body cut before its closing boundary.
            var cut = Self.multipart([try Self.sample("returns/涡阳县.xlsx")])
            cut.moveWriterIndex(to: cut.writerIndex - 30)
            try await client.execute(uri: "/api/check", method: .post, headers: Self.multipartHeaders, body: cut) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response) == "上传不完整：请求在最后的分隔符之前就结束了")
            }
            // collect without a plan.
            try await client.execute(
                uri: "/api/collect", method: .post, headers: Self.multipartHeaders,
                body: Self.multipart([try Self.sample("returns/涡阳县.xlsx")])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response) != nil)
            }
        }
        #expect(leftovers() == [], "the request's folder is removed after a failure")
    }

    @Test func aJobsMinshengErrorKeepsItsHTTPStatus() async throws {
        // A progress table is no plan: split refuses it with MinshengError (422).
        try await app(options()).test(.router) { client in
            let body = Self.multipart([try Self.sample("000-镜湖区-进展情况.xlsx")])
            try await client.execute(uri: "/api/split", method: .post, headers: Self.multipartHeaders, body: body) { response in
                #expect(response.status.code == 422)
                #expect(Self.errorMessage(response)?.contains("000-镜湖区-进展情况.xlsx") ?? false)
            }
        }
        #expect(leftovers() == [])
    }

    // MARK: 413

    @Test func overTheUploadLimitIs413() async throws {
        try await app(options { $0.maxUploadMB = 1 }).test(.router) { client in
            let body = Self.multipart([Part(name: "file", filename: "big.xlsx", bytes: [UInt8](repeating: 7, count: 1_100_000))])
            try await client.execute(uri: "/api/check", method: .post, headers: Self.multipartHeaders, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(Self.errorMessage(response) == "上传的文件总共超过 1 MB，请分批上传")
            }
        }
        #expect(leftovers() == [])
    }

    /// Without a Content-Length (chunked), the body is counted as it streams and reading stops at
    /// the limit.
    @Test func aStreamWithoutLengthStopsAtTheLimit() async throws {
        let root = temporaryRoot
        let folder = try UploadFolder(root: root)
        defer { folder.remove() }
        let head = Array("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\n".utf8)
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        continuation.yield(head)
        for _ in 0..<100 { continuation.yield([UInt8](repeating: 1, count: 64 * 1024)) }
        continuation.finish()
        do {
            _ = try await UploadedForm.receive(
                stream, contentType: "multipart/form-data; boundary=B", folder: folder, limits: .init(maxBytes: 1 << 20))
            Issue.record("no 413")
        } catch let failure as WebFailure {
            #expect(failure.status == .contentTooLarge)
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        let size = try written.map { try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent($0).path)[.size] as? Int ?? 0 }.reduce(0, +)
        #expect(size <= (1 << 20), "nothing past the limit was written")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.url.path)
        #expect(((attributes[.posixPermissions] as? Int).map { $0 & 0o777 }) == 0o700)
    }

    /// Small uploads are passed on as bytes, no file written; past the memory budget a file is
    /// written to the request's folder with every byte, the ones kept so far included.
    @Test func smallUploadsStayInMemoryAndALargeOneGoesToAFile() async throws {
        let folder = try UploadFolder(root: temporaryRoot)
        defer { folder.remove() }
        func part(_ name: String, _ body: [UInt8]) -> [UInt8] {
            Array("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n\r\n".utf8) + body + Array("\r\n".utf8)
        }
        let small = [UInt8](repeating: 7, count: 1000)
        let large = (0..<300_000).map { UInt8($0 % 251) }
        let body = part("a.xlsx", small) + part("b.xlsx", large) + Array("--B--\r\n".utf8)
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        // In chunks, as a body streams in.
        stride(from: 0, to: body.count, by: 65_536).forEach { continuation.yield(Array(body[$0..<min($0 + 65_536, body.count)])) }
        continuation.finish()
        let form = try await UploadedForm.receive(
            stream, contentType: "multipart/form-data; boundary=B", folder: folder,
            limits: .init(maxBytes: 1 << 20, inMemoryBytes: 100_000))
        #expect(form.files.map(\.inMemory) == [true, false])
        #expect(try form.files[0].source.readBytes() == small)
        #expect(try form.files[1].source.readBytes() == large)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["2.xlsx"])
    }

    // MARK: 401

    @Test func aTokenIsRequiredWhenSet() async throws {
        try await app(options { $0.token = "s3cret" }).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(Self.errorMessage(response) != nil)
            }
            var bearer = HTTPFields()
            bearer[.authorization] = "Bearer wrong"
            try await client.execute(uri: "/healthz", method: .get, headers: bearer) { #expect($0.status == .unauthorized) }
            bearer[.authorization] = "Bearer s3cret"
            try await client.execute(uri: "/healthz", method: .get, headers: bearer) { #expect($0.status == .ok) }
            try await client.execute(uri: "/?token=s3cret", method: .get) { response in
                #expect(response.status == .ok)
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("minsheng_token=s3cret;"))
                #expect(cookie.contains("HttpOnly"))
            }
            var cookie = HTTPFields()
            cookie[.cookie] = "minsheng_token=s3cret"
            try await client.execute(uri: "/healthz", method: .get, headers: cookie) { #expect($0.status == .ok) }
            var headers = Self.multipartHeaders
            headers[.cookie] = "minsheng_token=nope"
            try await client.execute(
                uri: "/api/check", method: .post, headers: headers, body: Self.multipart([try Self.sample("returns/涡阳县.xlsx")])
            ) { #expect($0.status == .unauthorized) }
        }
        #expect(leftovers() == [])
    }

    @Test func aNonLoopbackHostNeedsAToken() {
        var options = WebOptions()
        options.host = "0.0.0.0"
        #expect(throws: (any Error).self) { try options.validate() }
        options.token = "t"
        #expect(throws: Never.self) { try options.validate() }
        #expect(WebOptions.isLoopback("127.0.0.1"))
        #expect(WebOptions.isLoopback("::1"))
        #expect(WebOptions.isLoopback("localhost"))
        #expect(!WebOptions.isLoopback("192.168.1.10"))
        #expect(!WebOptions.isLoopback("127.0.0.1.example.com"))
    }

    // MARK: 503

    @Test func aFullQueueIs503() async throws {
        let gate = JobGate(jobs: 1, queue: 0)
        let held = try await gate.admit()
        try await gate.start(held)
        try await app(options { $0.jobs = 1; $0.queue = 0 }, gate: gate).test(.router) { client in
            let body = Self.multipart([try Self.sample("returns/涡阳县.xlsx")])
            try await client.execute(uri: "/api/check", method: .post, headers: Self.multipartHeaders, body: body) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(Self.errorMessage(response) == "服务器正忙，排队的请求已满，请稍后再试")
            }
        }
        await gate.leave(held)
        #expect(leftovers() == [])
    }

    @Test func pastTheTimeLimitIs503AndTheFolderIsGone() async throws {
        let gate = JobGate(jobs: 1, queue: 4)
        let held = try await gate.admit()
        try await gate.start(held)
        try await app(options { $0.jobs = 1; $0.timeLimitSeconds = 1 }, gate: gate).test(.router) { client in
            let body = Self.multipart([try Self.sample("returns/涡阳县.xlsx")])
            try await client.execute(uri: "/api/check", method: .post, headers: Self.multipartHeaders, body: body) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(Self.errorMessage(response) == "处理超过 1 秒仍未完成，已停止；请减少文件后再试")
            }
            // The answer came without waiting for the work: the held request still has the only
            // slot, so the work never started. (This replaces a wall-clock bound of 5 s: in the
            // parallel test run, tests that block their threads starve the timer for over a
            // minute, which says nothing about the server.)
            let load = await gate.load
            #expect(load.working == 1, "only the held request works")
        }
        await gate.leave(held)
        // The timed-out request winds down after its answer: await its leaving, not a while.
        try await HangBound.await { await gate.until { $0.admitted == 0 } }
        let load = await gate.load
        #expect(load.working == 0, "the timed-out request left its place")
        #expect(load.admitted == 0)
        #expect(leftovers() == [])
    }

    // MARK: convert, split, collect

    @Test func convertDownloadsTheWorkbookWithAUTF8Name() async throws {
        try await app(options()).test(.router) { client in
            let body = Self.multipart([
                try Self.sample("000-镜湖区-进展情况.xlsx"), Part(name: "title", bytes: Array("镜湖区民生实事".utf8)),
                Part(name: "as_of", bytes: Array("2023-10-31".utf8)),
            ])
            try await client.execute(uri: "/api/convert", method: .post, headers: Self.multipartHeaders, body: body) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"minsheng-progress.xlsx\"; filename*=UTF-8''%E9%95%9C%E6%B9%96%E5%8C%BA%E6%B0%91%E7%94%9F%E5%AE%9E%E4%BA%8B-2023-10-31.xlsx")
                #expect(Array(Data(buffer: response.body).prefix(2)) == [0x50, 0x4B])
                let header = try #require(response.headers[.init("X-Minsheng-Report")!]?.removingPercentEncoding)
                #expect(header.contains("\"path\": \"000-镜湖区-进展情况.xlsx\""), "\(header)")
            }
        }
        #expect(leftovers() == [])
    }

    @Test func splitThenCollect() async throws {
        let plan = try Self.sample("002-亳州-分解表-分列.xlsx")
        let zip: [UInt8] = try await app(options()).test(.router) { client in
            let body = Self.multipart([
                Part(name: "plan", filename: plan.filename, bytes: plan.bytes), Part(name: "period", bytes: Array("1-9月".utf8)),
            ])
            return try await client.execute(uri: "/api/split", method: .post, headers: Self.multipartHeaders, body: body) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/zip")
                #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''") ?? false)
                return [UInt8](Data(buffer: response.body))
            }
        }
        #expect(Array(zip.prefix(2)) == [0x50, 0x4B])
        let returns = try FileManager.default.contentsOfDirectory(atPath: TestPaths.samples.appendingPathComponent("returns").path)
            .filter { $0.hasSuffix(".xlsx") }.sorted()
        try await app(options()).test(.router) { client in
            var parts = [Part(name: "plan", filename: plan.filename, bytes: plan.bytes)]
            for name in returns { parts.append(try Self.sample("returns/\(name)")) }
            parts.append(Part(name: "as_of", bytes: Array("2023-10-31".utf8)))
            try await client.execute(uri: "/api/collect", method: .post, headers: Self.multipartHeaders, body: Self.multipart(parts)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''") ?? false)
                #expect(Array(Data(buffer: response.body).prefix(2)) == [0x50, 0x4B])
                let header = try #require(response.headers[.init("X-Minsheng-Report")!]?.removingPercentEncoding)
                #expect(header.contains("涡阳县.xlsx"), "\(header)")
            }
        }
        #expect(leftovers() == [])
    }
}
