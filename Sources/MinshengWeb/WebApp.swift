import Foundation
import Hummingbird
import Minsheng

/// How the web server runs: address, limits, token.
public struct WebOptions: Sendable {
    /// The address to bind (`127.0.0.1` by default; anything else needs `token`).
    public var host = "127.0.0.1"
    /// The port (0: any free port).
    public var port = 8080
    /// The largest request body, in MiB (all files of one request together).
    public var maxUploadMB = 50
    /// How many requests work at once.
    public var jobs = max(1, min(Batch.defaultJobs, 4))
    /// How many more requests may wait for a free job; beyond that, 503.
    public var queue = 64
    /// How long one request may work (waiting included), in seconds; then 503 and its work stopped.
    public var timeLimitSeconds = 300
    /// The access token; every request must carry it when set.
    public var token: String?
    /// Where the per-request temporary folders are made.
    public var temporaryRoot = FileManager.default.temporaryDirectory
    /// Where the reporting rounds are kept (database and uploaded files).
    public var dataDirectory = URL(fileURLWithPath: "minsheng-data", isDirectory: true)

    /// The defaults.
    public init() {}

    /// The largest request body in bytes.
    public var maxUploadBytes: Int { maxUploadMB * 1024 * 1024 }

    /// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Refuses options that cannot run safely.
    ///
    /// - Throws: `WebOptionProblem` for a non-loopback host without a token, or a limit below 1.
    public func validate() throws {
        if !Self.isLoopback(host), (token ?? "").isEmpty { throw WebOptionProblem.tokenRequired(host: host) }
        if maxUploadMB < 1 { throw WebOptionProblem.tooSmall(.maxUploadMB, minimum: 1) }
        if jobs < 1 { throw WebOptionProblem.tooSmall(.jobs, minimum: 1) }
        if timeLimitSeconds < 1 { throw WebOptionProblem.tooSmall(.timeLimitSeconds, minimum: 1) }
        if port < 0 || port > 65535 { throw WebOptionProblem.portOutOfRange(port) }
    }

    /// The address people open (with the token, when there is one).
    public func url(port actualPort: Int) -> String { url(host: host, port: actualPort) }

    /// Whether `host` means every address of the machine (`0.0.0.0`, `::`), which no browser opens.
    public static func isWildcard(_ host: String) -> Bool {
        ["0.0.0.0", "::", "[::]", "*", ""].contains(host.trimmingCharacters(in: .whitespaces))
    }

    /// The addresses people can open: for a wildcard host, one per address of the machine's
    /// network interfaces (IPv4 first, loopback last); else the host's own.
    public func urls(port actualPort: Int, addresses: [String] = WebOptions.interfaceAddresses()) -> [String] {
        guard Self.isWildcard(host) else { return [url(port: actualPort)] }
        let ipv6 = host.contains(":")
        let usable = addresses.filter { ipv6 || !$0.contains(":") }
        let ordered = usable.filter { !Self.isLoopback($0) } + usable.filter { Self.isLoopback($0) }
        return ordered.isEmpty ? [url(host: "127.0.0.1", port: actualPort)] : ordered.map { url(host: $0, port: actualPort) }
    }

    /// The IP addresses of the machine's interfaces that are up (link-local IPv6 left out).
    public static func interfaceAddresses() -> [String] {
        var result: [String] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, (entry.pointee.ifa_flags & UInt32(IFF_UP)) != 0 else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            guard getnameinfo(address, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.lowercased().hasPrefix("fe80") || result.contains(text) { continue }
            result.append(text)
        }
        return result
    }

    func url(host: String, port actualPort: Int) -> String {
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        var url = "http://\(shown):\(actualPort)/"
        if let token, !token.isEmpty {
            url += "?token=" + (token.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? token)
        }
        return url
    }
}

/// The web page's server: the page, `/healthz`, and one POST route per workflow. It holds no
/// job logic: each route reads the upload, builds the workflow's request and presents its result.
///
/// ```swift
/// let app = try WebServer.application(options: options)
/// try await app.runService()
/// ```
public enum WebServer {
    /// The routes and middleware over `engine`.
    /// The reporting rounds' routes are there when `store` is given.
    public static func router(
        options: WebOptions, engine: Engine, page: [UInt8], gate: JobGate? = nil,
        store: RoundStore? = nil, throttle: LinkThrottle = LinkThrottle()
    ) -> Router<BasicRequestContext> {
        let gate = gate ?? JobGate(jobs: options.jobs, queue: options.queue)
        let routes = Routes(options: options, engine: engine, gate: gate)
        // The page tells the browser the upload limit, so that it can refuse before sending.
        // …and the finding kinds' Chinese names and explanations, for the findings table.
        let page = Array(
            String(decoding: page, as: UTF8.self).replacingOccurrences(of: "__MAX_UPLOAD_MB__", with: String(options.maxUploadMB))
                .replacingOccurrences(of: "\"__FINDING_KINDS__\"", with: FindingKind.jsonValue().serialized().replacingOccurrences(of: "</", with: "<\\/")).utf8)
        let tokenMode = !(options.token ?? "").isEmpty
        let served = Array(String(decoding: page, as: UTF8.self).replacingOccurrences(of: "__TOKEN_MODE__", with: tokenMode ? "on" : "off").utf8)
        let router = Router()
        router.add(middleware: RequestLog())
        router.add(middleware: ErrorAnswer())
        if let token = options.token, !token.isEmpty { router.add(middleware: TokenCheck(token: token)) }
        router.get("/") { _, _ in pageResponse(served) }
        // Ends this browser's access: the token cookie is dropped (no token needed to leave).
        router.get("/logout") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.cacheControl] = "no-store"
            headers[.setCookie] = "\(TokenCheck.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: TokenCheck.page(
                title: "已退出", message: "这台电脑上的浏览器已不再记住访问令牌。要再使用，请重新打开财政局（民生办）发来的带 token 的链接。"))))
        }
        router.get("/healthz") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok")))
        }
        router.post("/api/check") { request, context in try await routes.run(request, job: routes.check) }
        router.post("/api/convert") { request, context in try await routes.run(request, job: routes.convert) }
        router.post("/api/split") { request, context in try await routes.run(request, job: routes.split) }
        router.post("/api/collect") { request, context in try await routes.run(request, job: routes.collect) }
        router.post("/api/reconcile") { request, context in try await routes.run(request, job: routes.reconcile) }
        if let store { RoundRoutes(routes: routes, store: store, throttle: throttle, page: served).add(to: router) }
        return router
    }

    /// The page with its headers (no caching, no referrer: an area's link stays out of other sites' logs).
    static func pageResponse(_ served: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.init("Content-Security-Policy")!] =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: served)))
    }

    /// The application: the router on `options.host:options.port`, printing the URL once it
    /// listens; `runService()` stops it cleanly on SIGINT and SIGTERM (requests in flight finish).
    ///
    /// - Throws: `WebOptionProblem` for bad options, `MinshengError` for a missing data file or a
    ///   missing page.
    public static func application(
        options: WebOptions, onRunning: @escaping @Sendable (String) -> Void = { print($0) }
    ) throws -> some ApplicationProtocol {
        try options.validate()
        let engine = try Engine.standard()
        let page = try WebPage.html()
        let store: RoundStore
        do { store = try RoundStore(dataDirectory: options.dataDirectory) } catch {
            throw MinshengError.configuration(file: options.dataDirectory.path, problem: .cannotOpenDataFolder(detail: "\(error)"))
        }
        let router = router(options: options, engine: engine, page: page, store: store)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let urls = options.urls(port: port)
                if urls.count == 1 {
                    onRunning("minsheng-web 已启动：\(urls[0])（按 Ctrl+C 停止）")
                } else {
                    onRunning("minsheng-web 已启动，在这台机器的以下地址上（把其他电脑能打开的那个发给大家；按 Ctrl+C 停止）：\n" + urls.map { "  " + $0 }.joined(separator: "\n"))
                }
            }
        )
    }
}

/// The page: `index.html` from the target's resource folder beside the executable, or from the
/// source tree when run from a checkout.
public enum WebPage {
    /// The page's bytes.
    ///
    /// - Throws: `MinshengError.configuration` when it cannot be found.
    public static func html() throws -> [UInt8] {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        var candidates = [
            executable.appendingPathComponent("minsheng_MinshengWeb.resources/index.html"),
            Bundle.main.bundleURL.appendingPathComponent("minsheng_MinshengWeb.resources/index.html"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("minsheng_MinshengWeb.resources/index.html"),
        ]
        // Installed: /usr/share/minsheng/index.html (the Debian package), or share/minsheng beside bin/.
        candidates += TemplateFiles.installedFolders(resourceFolder: "minsheng_MinshengWeb.resources").map { $0.appendingPathComponent("index.html") }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Page/index.html"))
        for candidate in candidates {
            if let data = FileManager.default.contents(atPath: candidate.path) { return Array(data) }
        }
        throw MinshengError.configuration(file: "index.html", problem: .webPageMissing)
    }
}
