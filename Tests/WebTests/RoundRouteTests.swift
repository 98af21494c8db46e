import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Minsheng
import MinshengWeb
import TestSupport
import Testing

/// The reporting rounds' routes through HummingbirdTesting: opening a round, the area links
/// (template, upload with its check, versions), the office's decisions and workbook, and that an
/// area link reaches only its own area and none of the office's routes.
/// Its tests run one at a time, and not beside another suite's route tests (`OneAtATime`).
@Suite(.oneAtATime)
final class RoundRouteTests: Sendable {
    typealias Part = RouteTests.Part
    static let token = "office-t0ken"

    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rounds-web-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    private func app(token: String? = RoundRouteTests.token, throttle: LinkThrottle = LinkThrottle(step: .milliseconds(1), maxDelay: .milliseconds(5)))
        throws -> (some ApplicationProtocol, RoundStore)
    {
        var options = WebOptions()
        options.temporaryRoot = folder.appendingPathComponent("tmp")
        options.jobs = 2
        options.token = token
        let store = try RoundStore(dataDirectory: folder.appendingPathComponent("data"))
        let router = WebServer.router(
            options: options, engine: try Engine.standard(), page: try WebPage.html(), store: store, throttle: throttle)
        return (Application(router: router), store)
    }

    static var admin: HTTPFields {
        var headers = RouteTests.multipartHeaders
        headers[.authorization] = "Bearer \(token)"
        return headers
    }

    static var adminGet: HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        return headers
    }

    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:]
    }

    static func field(_ name: String, _ value: String) -> Part { Part(name: name, bytes: Array(value.utf8)) }

    static func file(_ field: String, _ sample: String) throws -> Part {
        var part = try RouteTests.sample(sample)
        part.name = field
        return part
    }

    /// Opens a round over the sample plan; returns its id and each area's link path.
    static func openRound(_ client: some TestClientProtocol) async throws -> (Int, [String: String]) {
        let body = RouteTests.multipart([
            try file("plan", "002-亳州-分解表-分列.xlsx"), field("period", "1-9月"), field("deadline", "2026-10-10"),
            field("title", "2026年民生实事"),
        ])
        return try await client.execute(uri: "/api/rounds", method: .post, headers: admin, body: body) { response in
            #expect(response.status == .created, "\(String(buffer: response.body))")
            let answer = json(response)
            let areas = answer["areas"] as? [[String: String]] ?? []
            var links: [String: String] = [:]
            for area in areas { links[area["area"] ?? ""] = area["link"] }
            return ((answer["id"] as? Int) ?? -1, links)
        }
    }

    @Test func aRoundFromOpeningToTheWorkbook() async throws {
        let (app, _) = try app()
        try await app.test(.router) { client in
            let (id, links) = try await Self.openRound(client)
            #expect(Set(links.keys).isSuperset(of: ["涡阳县", "谯城区", "蒙城县"]) == true, "\(links.keys)")
            let wo = try #require(links["涡阳县"])
            let qc = try #require(links["谯城区"])
            #expect(wo.hasPrefix("/r/") && wo.count >= 3 + 43)

            // The area's page, its template and its (empty) versions, without the token.
            try await client.execute(uri: wo, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
            try await client.execute(uri: wo + "/template", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView.prefix(2)) == Array("PK".utf8))
                #expect((response.headers[.contentDisposition] ?? "").contains("filename*=UTF-8''"))
            }
            try await client.execute(uri: wo + "/returns", method: .get) { response in
                #expect(response.status == .ok)
                let answer = Self.json(response)
                #expect((answer["area"] as? String) == "涡阳县")
                #expect((answer["period"] as? String) == "1-9月")
                #expect((answer["deadline"] as? String) == "2026-10-10")
                #expect((answer["status"] as? String) == "pending")
                #expect((answer["versions"] as? [Any])?.count == 0)
            }

            // Two uploads: one clean, one with a changed target (an error in its check).
            try await client.execute(
                uri: wo + "/returns", method: .post, headers: RouteTests.multipartHeaders,
                body: RouteTests.multipart([try Self.file("file", "returns/涡阳县.xlsx")])
            ) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let answer = Self.json(response)
                #expect(((answer["version"] as? [String: Any])?["version"] as? Int) == 1)
                #expect(((answer["version"] as? [String: Any])?["errors"] as? Int) == 0)
                let report = answer["report"] as? [String: Any]
                let findings = report?["findings"] as? [[String: Any]] ?? []
                #expect(!(findings.contains { $0["code"] as? String == "missing-submission" }), "other areas' absence is not this area's finding")
                #expect((answer["findings"] as? [String: Any])?["base64"] != nil)
            }
            try await client.execute(
                uri: qc + "/returns", method: .post, headers: RouteTests.multipartHeaders,
                body: RouteTests.multipart([try Self.file("file", "returns/谯城区.xlsx")])
            ) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let findings = (Self.json(response)["report"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []
                #expect(findings.contains { $0["code"] as? String == "target-changed" }, "\(findings)")
            }

            // The office: statuses, accept one, return the other with a note.
            try await client.execute(uri: "/api/rounds/\(id)", method: .get, headers: Self.adminGet) { response in
                #expect(response.status == .ok)
                let areas = Self.json(response)["areas"] as? [[String: Any]] ?? []
                let wo = areas.first { $0["area"] as? String == "涡阳县" }
                let qc = areas.first { $0["area"] as? String == "谯城区" }
                #expect((wo?["status"] as? String) == "submitted")
                #expect((wo?["versions"] as? Int) == 1)
                #expect((qc?["status"] as? String) == "submitted")
                #expect((qc?["errors"] as? Int ?? 0) > 0)
                #expect((areas.first { $0["area"] as? String == "蒙城县" }?["status"] as? String) == "pending")
                let notSent = Self.json(response)["notSent"] as? [String] ?? []
                #expect(notSent.contains("蒙城县") && !notSent.contains("涡阳县"))
            }
            try await client.execute(uri: "/api/rounds/\(id)/areas/涡阳县/accept", method: .post, headers: Self.adminGet) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
            }
            try await client.execute(
                uri: "/api/rounds/\(id)/areas/%E8%B0%AF%E5%9F%8E%E5%8C%BA/return", method: .post, headers: Self.admin,
                body: RouteTests.multipart([Self.field("note", "年度目标不能改，请按下发的目标重填")])
            ) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let areas = Self.json(response)["areas"] as? [[String: Any]] ?? []
                #expect((areas.first { $0["area"] as? String == "涡阳县" }?["status"] as? String) == "accepted")
                #expect((areas.first { $0["area"] as? String == "谯城区" }?["status"] as? String) == "returned")
            }
            try await client.execute(uri: qc + "/returns", method: .get) { response in
                let answer = Self.json(response)
                #expect((answer["status"] as? String) == "returned")
                #expect((answer["note"] as? String) == "年度目标不能改，请按下发的目标重填")
            }
            try await client.execute(uri: "/api/rounds/\(id)/workbook", method: .get, headers: Self.adminGet) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(Array(response.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            }
            try await client.execute(uri: "/api/rounds/\(id)/check", method: .get, headers: Self.adminGet) { response in
                #expect(response.status == .ok)
                let report = Self.json(response)["report"] as? [String: Any]
                #expect(report?["findings"] != nil)
            }
            try await client.execute(uri: "/api/rounds", method: .get, headers: Self.adminGet) { response in
                let rounds = Self.json(response)["rounds"] as? [[String: Any]] ?? []
                #expect(rounds.count == 1)
                #expect((rounds.first?["sent"] as? Int) == 2)
                #expect((rounds.first?["accepted"] as? Int) == 1)
            }
            try await client.execute(uri: "/api/rounds/\(id)", method: .get, headers: Self.adminGet) { response in
                let history = Self.json(response)["history"] as? [[String: Any]] ?? []
                let kinds = history.compactMap { $0["kind"] as? String }
                #expect((kinds.filter { $0 == "upload" }.count) == 2)
                #expect(kinds.contains("accept") && kinds.contains("return"))
                let upload = history.first { $0["kind"] as? String == "upload" }
                #expect((upload?["sha256"] as? String)?.count == 64)
                #expect((upload?["size"] as? Int) != nil)
            }
        }
    }

    @Test func openingARoundChecksItsForm() async throws {
        let (app, _) = try app()
        try await app.test(.router) { client in
            let missingDeadline = RouteTests.multipart([try Self.file("plan", "002-亳州-分解表-分列.xlsx"), Self.field("period", "1-9月")])
            try await client.execute(uri: "/api/rounds", method: .post, headers: Self.admin, body: missingDeadline) { response in
                #expect(response.status == .badRequest)
            }
            let noPlan = RouteTests.multipart([Self.field("period", "1-9月"), Self.field("deadline", "2026-10-10")])
            try await client.execute(uri: "/api/rounds", method: .post, headers: Self.admin, body: noPlan) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/rounds/999", method: .get, headers: Self.adminGet) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func anAreaLinkReachesOnlyItsOwnArea() async throws {
        let (app, _) = try app()
        try await app.test(.router) { client in
            let (id, links) = try await Self.openRound(client)
            let wo = try #require(links["涡阳县"])
            let mc = try #require(links["蒙城县"])
            let secret = String(wo.dropFirst(3))
            try await client.execute(
                uri: wo + "/returns", method: .post, headers: RouteTests.multipartHeaders,
                body: RouteTests.multipart([try Self.file("file", "returns/涡阳县.xlsx")])
            ) { #expect($0.status == .ok) }
            // Another area's link sees none of it.
            try await client.execute(uri: mc + "/returns", method: .get) { response in
                let answer = Self.json(response)
                #expect((answer["area"] as? String) == "蒙城县")
                #expect((answer["versions"] as? [Any])?.count == 0)
                #expect(!(String(buffer: response.body).contains("涡阳县")))
            }
            // The link's secret is no office token: every office route stays closed to it.
            var asToken = HTTPFields()
            asToken[.authorization] = "Bearer \(secret)"
            for (uri, method) in [
                ("/api/rounds", HTTPRequest.Method.get), ("/api/rounds/\(id)", .get), ("/api/rounds/\(id)/workbook", .get),
                ("/api/rounds/\(id)/areas/%E6%B6%A1%E9%98%B3%E5%8E%BF/accept", .post), ("/api/rounds/\(id)/areas/%E8%92%99%E5%9F%8E%E5%8E%BF/link", .post),
                ("/api/check", .post), ("/", .get),
            ] {
                try await client.execute(uri: uri, method: method, headers: asToken) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                }
                try await client.execute(uri: uri + "?secret=\(secret)", method: method) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                }
            }
            // Paths that try to step from one link to another area or round are no routes.
            for uri in [wo + "/../" + mc.dropFirst(3) + "/returns", wo + "/areas/蒙城县", wo + "/rounds/\(id)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status != .ok, "\(uri)")
                }
            }
            // A wrong or ended secret opens nothing; a person gets a Chinese page.
            try await client.execute(uri: "/r/" + String(repeating: "B", count: 43), method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("报送链接无效"))
            }
            try await client.execute(uri: "/r/" + String(repeating: "A", count: 43) + "/returns", method: .get) { response in
                #expect(response.status == .notFound)
            }
            var fresh = ""
            try await client.execute(uri: "/api/rounds/\(id)/areas/%E6%B6%A1%E9%98%B3%E5%8E%BF/link", method: .post, headers: Self.adminGet) { response in
                #expect(response.status == .ok)
                fresh = Self.json(response)["link"] as? String ?? ""
            }
            try await client.execute(uri: wo + "/returns", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: fresh + "/returns", method: .get) { response in
                #expect(response.status == .ok)
                #expect((Self.json(response)["versions"] as? [Any])?.count == 1, "the versions stay with the area")
            }
            // Archived: every link stops, the round stays for the office.
            try await client.execute(uri: "/api/rounds/\(id)/archive", method: .post, headers: Self.adminGet) { #expect($0.status == .ok) }
            try await client.execute(uri: fresh + "/returns", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/rounds/\(id)", method: .get, headers: Self.adminGet) { response in
                #expect((Self.json(response)["archived"] as? Bool) == true)
            }
        }
    }

    @Test func wrongSecretsAreSlowed() async throws {
        // A window far longer than the test may take on a loaded machine (it once took 229 s).
        let throttle = LinkThrottle(step: .milliseconds(40), maxDelay: .milliseconds(400), window: .seconds(3600))
        let (app, _) = try app(throttle: throttle)
        try await app.test(.router) { client in
            // The first wrong secret waits nothing, the seventh 6 × 40 ms. The waits are the
            // throttle's own (a wall-clock comparison of the first request with the seventh
            // depends on the machine's load, now that the suites run in parallel); the seventh
            // is timed too, to show the route really waits.
            #expect(await throttle.currentDelay == .zero, "the first wrong secret is not slowed")
            try await client.execute(uri: "/r/wrong-1/returns", method: .get) { #expect($0.status == .notFound) }
            for index in 2...6 {
                try await client.execute(uri: "/r/wrong-\(index)/returns", method: .get) { #expect($0.status == .notFound) }
            }
            #expect(await throttle.currentDelay == .milliseconds(240))
            let later = try await ContinuousClock().measure {
                try await client.execute(uri: "/r/wrong-7/returns", method: .get) { #expect($0.status == .notFound) }
            }
            #expect(later >= .milliseconds(240))
        }
        let delay = await throttle.currentDelay
        #expect(delay == .milliseconds(280))
    }

    @Test func anAreaUploadIsBoundedAsEveryUpload() async throws {
        var options = WebOptions()
        options.temporaryRoot = folder.appendingPathComponent("tmp")
        options.maxUploadMB = 1
        let store = try RoundStore(dataDirectory: folder.appendingPathComponent("data"))
        let app = Application(router: WebServer.router(options: options, engine: try Engine.standard(), page: try WebPage.html(), store: store))
        try await app.test(.router) { client in
            let (_, links) = try await Self.openRound(client)
            let wo = try #require(links["涡阳县"])
            let big = RouteTests.multipart([Part(name: "file", filename: "big.xlsx", bytes: [UInt8](repeating: 0x50, count: 2 * 1024 * 1024))])
            try await client.execute(uri: wo + "/returns", method: .post, headers: RouteTests.multipartHeaders, body: big) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: wo + "/returns", method: .get) { response in
                #expect((Self.json(response)["versions"] as? [Any])?.count == 0, "a refused upload is no version")
            }
            // Not a spreadsheet: refused, and no version either.
            let pdf = RouteTests.multipart([Part(name: "file", filename: "a.pdf", bytes: Array("%PDF-1.4 hello".utf8))])
            try await client.execute(uri: wo + "/returns", method: .post, headers: RouteTests.multipartHeaders, body: pdf) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }
}
