import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Minsheng
import MinshengWeb
import TestSupport
import Testing

/// `POST /api/reconcile` and the `previous` part of check and convert: the answers equal the
/// CLI's for the same files, the 400s, an unreadable summary or previous report, and the
/// temporary folder.
/// Its tests run one at a time, and not beside another suite's route tests (`OneAtATime`).
@Suite(.oneAtATime)
final class ReconcileAndPreviousRouteTests: Sendable {
    typealias Part = RouteTests.Part

    private let temporaryRoot = FileManager.default.temporaryDirectory.appendingPathComponent("web-tests-\(UUID().uuidString)")
    /// Where `scratch(_:)` copies samples for the CLI; apart from `temporaryRoot`, which must end empty.
    private let scratchRoot = FileManager.default.temporaryDirectory.appendingPathComponent("web-cli-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: temporaryRoot)
        try? FileManager.default.removeItem(at: scratchRoot)
    }

    private func leftovers() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: temporaryRoot.path)) ?? []
    }

    private func app() throws -> some ApplicationProtocol {
        var options = WebOptions()
        options.temporaryRoot = temporaryRoot
        options.jobs = 2
        return Application(router: WebServer.router(options: options, engine: try Engine.standard(), page: try WebPage.html()))
    }

    private static func errorMessage(_ response: TestResponse) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] else { return nil }
        return object["error"] as? String
    }

    /// A sample as a part named `field`.
    private static func sample(_ path: String, as field: String = "file") throws -> Part {
        var part = try RouteTests.sample(path)
        part.name = field
        return part
    }

    static let returns = ["利辛县.xlsx", "涡阳县.xlsx", "蒙城县进展.xlsx"]

    /// A scratch folder holding copies of samples under their bare names, for running the CLI
    /// on the names the uploads carry.
    private func scratch(_ samples: [String]) throws -> URL {
        let folder = scratchRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for sample in samples {
            let source = TestPaths.samples.appendingPathComponent(sample)
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(source.lastPathComponent))
        }
        return folder
    }

    private static func post(
        _ client: some TestClientProtocol, _ route: String, _ parts: [Part], _ check: @escaping @Sendable (TestResponse) throws -> Void
    ) async throws {
        try await client.execute(uri: route, method: .post, headers: RouteTests.multipartHeaders, body: RouteTests.multipart(parts)) {
            try check($0)
        }
    }

    // MARK: reconcile

    @Test func reconcileAnswersExactlyTheCLIsJSON() async throws {
        let folder = try scratch(["reconcile/汇总表.xlsx"] + Self.returns.map { "reconcile/县区报表/\($0)" })
        let cli = try CommandRunner.run(["reconcile", "汇总表.xlsx"] + Self.returns + ["--format", "json"], in: folder)
        #expect(cli.status == 1, "\(cli.stderr)")
        #expect(cli.stdout.contains("\"code\": \"area-mismatch\""), "\(cli.stdout)")
        #expect(cli.stdout.contains("\"cell\": \"H4\""), "\(cli.stdout)")
        let parts = [try Self.sample("reconcile/汇总表.xlsx", as: "summary")]
            + (try Self.returns.map { try Self.sample("reconcile/县区报表/\($0)") })
        try await app().test(.router) { client in
            try await Self.post(client, "/api/reconcile", parts) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(String(buffer: response.body) == cli.stdout)
            }
        }
        #expect(leftovers() == [], "the request's folder is removed after success")
    }

    @Test func reconcileWithoutSummaryOrReturnsIs400() async throws {
        try await app().test(.router) { client in
            // Returns only.
            try await Self.post(client, "/api/reconcile", [try Self.sample("reconcile/县区报表/涡阳县.xlsx")]) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response) == "没有收到汇总表：请在“汇总表”中选择手工汇总的、有各县区列的表格")
            }
            // The summary only.
            try await Self.post(client, "/api/reconcile", [try Self.sample("reconcile/汇总表.xlsx", as: "summary")]) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response) == "没有收到各县区的报表：请选择各县区自己报送的 .xlsx 文件")
            }
            // Two summaries.
            let two = [
                try Self.sample("reconcile/汇总表.xlsx", as: "summary"), try Self.sample("reconcile/汇总表.xlsx", as: "summary"),
                try Self.sample("reconcile/县区报表/涡阳县.xlsx"),
            ]
            try await Self.post(client, "/api/reconcile", two) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response) == "汇总表只能选一个文件（收到了 2 个）")
            }
        }
        #expect(leftovers() == [], "the request's folder is removed after a failure")
    }

    @Test func anUnreadableSummaryAnswersWithItsStatusAndMessage() async throws {
        try await app().test(.router) { client in
            let parts = [
                Part(name: "summary", filename: "坏的汇总表.xlsx", bytes: Array("not a zip at all".utf8)),
                try Self.sample("reconcile/县区报表/涡阳县.xlsx"),
            ]
            try await Self.post(client, "/api/reconcile", parts) { response in
                #expect(response.status.code == 422)
                let message = Self.errorMessage(response) ?? ""
                #expect(message.hasPrefix("无法读取 坏的汇总表.xlsx"), "\(message)")
            }
            // A progress table of one area is no summary with area columns either.
            let noAreas = [try Self.sample("monthly/亳州-1-9月.xlsx", as: "summary"), try Self.sample("reconcile/县区报表/涡阳县.xlsx")]
            try await Self.post(client, "/api/reconcile", noAreas) { response in
                #expect(response.status.code == 422, "\(String(buffer: response.body))")
                #expect(Self.errorMessage(response)?.contains("亳州-1-9月.xlsx") ?? false)
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
        #expect(leftovers() == [])
    }

    // MARK: previous

    @Test func checkWithPreviousAnswersExactlyTheCLIsJSON() async throws {
        let folder = try scratch(["monthly/亳州-1-9月.xlsx", "monthly/亳州-1-8月.xlsx"])
        let cli = try CommandRunner.run(["check", "亳州-1-9月.xlsx", "--previous", "亳州-1-8月.xlsx", "--format", "json"], in: folder)
        #expect(cli.status == 1, "\(cli.stderr)")
        #expect(cli.stdout.contains("\"code\": \"completed-decreased\""), "\(cli.stdout)")
        #expect(cli.stdout.contains("\"cell\": \"E3\""), "\(cli.stdout)")
        try await app().test(.router) { client in
            let parts = [try Self.sample("monthly/亳州-1-9月.xlsx"), try Self.sample("monthly/亳州-1-8月.xlsx", as: "previous")]
            try await Self.post(client, "/api/check", parts) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == cli.stdout)
            }
            // Without the previous part, no month-over-month finding.
            try await Self.post(client, "/api/check", [try Self.sample("monthly/亳州-1-9月.xlsx")]) { response in
                #expect(response.status == .ok)
                #expect(!(String(buffer: response.body).contains("completed-decreased")))
            }
        }
        #expect(leftovers() == [])
    }

    @Test func convertWithPreviousHasTheTwoColumnsAsTheCLIs() async throws {
        let folder = try scratch(["monthly/亳州-1-9月.xlsx", "monthly/亳州-1-8月.xlsx"])
        let cli = try CommandRunner.run(
            ["convert", "亳州-1-9月.xlsx", "--previous", "亳州-1-8月.xlsx", "-o", "cli.xlsx"], in: folder)
        #expect([0, 1].contains(cli.status), "\(cli.stderr)")
        let expected = try CommandRunner.run(["dump", "cli.xlsx", "--sheet", "进度汇总"], in: folder)
        #expect(expected.status == 0, "\(expected.stderr)")
        #expect(expected.stdout.contains("上期累计") && expected.stdout.contains("本期新增"), "\(expected.stdout)")
        let bytes: [UInt8] = try await app().test(.router) { client in
            let parts = [try Self.sample("monthly/亳州-1-9月.xlsx"), try Self.sample("monthly/亳州-1-8月.xlsx", as: "previous")]
            return try await client.execute(
                uri: "/api/convert", method: .post, headers: RouteTests.multipartHeaders, body: RouteTests.multipart(parts)
            ) { response in
                #expect(response.status == .ok)
                return [UInt8](Data(buffer: response.body))
            }
        }
        try Data(bytes).write(to: folder.appendingPathComponent("web.xlsx"))
        let web = try CommandRunner.run(["dump", "web.xlsx", "--sheet", "进度汇总"], in: folder)
        #expect(web.status == 0, "\(web.stderr)")
        #expect(web.stdout.replacingOccurrences(of: "web.xlsx", with: "cli.xlsx") == expected.stdout, "the web workbook's 进度汇总 is the CLI's, 上期累计 and 本期新增 included")
        #expect(leftovers() == [])
    }

    @Test func anUnreadablePreviousReportAnswersWithItsStatusAndMessage() async throws {
        try await app().test(.router) { client in
            for route in ["/api/check", "/api/convert"] {
                let parts = [
                    try Self.sample("monthly/亳州-1-9月.xlsx"),
                    Part(name: "previous", filename: "上期.xlsx", bytes: Array("not a zip at all".utf8)),
                ]
                try await Self.post(client, route, parts) { response in
                    #expect(response.status.code == 422, "\(route)")
                    let message = Self.errorMessage(response) ?? ""
                    #expect(message.hasPrefix("无法读取 上期.xlsx"), "\(route): \(message)")
                }
            }
            // Two previous reports: which one is meant?
            let two = [
                try Self.sample("monthly/亳州-1-9月.xlsx"), try Self.sample("monthly/亳州-1-8月.xlsx", as: "previous"),
                try Self.sample("monthly/亳州-1-8月.xlsx", as: "previous"),
            ]
            try await Self.post(client, "/api/check", two) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorMessage(response) == "上期报表只能选一个文件（收到了 2 个）")
            }
            // A previous report alone is no request to check.
            try await Self.post(client, "/api/check", [try Self.sample("monthly/亳州-1-8月.xlsx", as: "previous")]) { response in
                #expect(response.status == .badRequest)
            }
        }
        #expect(leftovers() == [], "the request's folder is removed after a failure")
    }
}
