import Foundation
import Hummingbird
import Minsheng

/// Logs one line per request: method, route, status, sizes and time — never a query string,
/// a header, a file name or any content.
struct RequestLog: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        let path = request.uri.path
        let method = request.method.rawValue
        let received = request.headers[.contentLength] ?? "-"
        do {
            let response = try await next(request, context)
            let sent = response.body.contentLength.map(String.init) ?? "-"
            context.logger.info("\(method) \(path) \(response.status.code) in=\(received) out=\(sent) \(Self.milliseconds(since: started))ms")
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            context.logger.info("\(method) \(path) \(status) in=\(received) \(Self.milliseconds(since: started))ms")
            throw error
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// Turns every error into `{"error": "<Chinese sentence>"}` with its status: a `WebFailure`
/// as it is, a `MinshengError` with its `httpStatus`, a stopped job 503, an unknown route 404.
struct ErrorAnswer: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let failure as WebFailure {
            return failure.response()
        } catch let error as MinshengError {
            return error.webFailure.response()
        } catch is CancellationError {
            return WebFailure(.stopped).response()
        } catch let error as any HTTPResponseError {
            switch error.status {
            case .notFound: return WebFailure(.noSuchAddress).response()
            case .methodNotAllowed: return WebFailure(.methodNotAllowed).response()
            default: return WebFailure(.other(code: error.status.code)).response()
            }
        } catch {
            return WebFailure(.internalError).response()
        }
    }
}

/// Requires the token on every request: `Authorization: Bearer T`, the `minsheng_token` cookie,
/// or `?token=T`, which also sets that cookie (HttpOnly) so the page's own calls carry it.
struct TokenCheck: RouterMiddleware {
    typealias Context = BasicRequestContext
    let token: String

    static let cookieName = "minsheng_token"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer "),
            Self.same(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces), token)
        {
            return try await next(request, context)
        }
        if let cookie = request.cookies[Self.cookieName]?.value, Self.same(cookie.removingPercentEncoding ?? cookie, token) {
            return try await next(request, context)
        }
        if let query = request.uri.queryParameters["token"], Self.same(String(query), token) {
            var response = try await next(request, context)
            let value = token.addingPercentEncoding(withAllowedCharacters: Routes.asciiAlphanumerics) ?? ""
            response.headers[.setCookie] = "\(Self.cookieName)=\(value); Path=/; Max-Age=\(Self.cookieSeconds); HttpOnly; SameSite=Strict"
            return response
        }
        if request.uri.path == "/logout" { return try await next(request, context) }
        // An area's reporting link carries its own secret, checked by its routes (and reaches only its area).
        if RoundRoutes.isAreaPath(request.uri.path) { return try await next(request, context) }
        // A person opening the page without the token gets a page in Chinese, not JSON.
        if request.method == .get, !request.uri.path.hasPrefix("/api/"),
            (request.headers[.accept] ?? "").contains("text/html") || request.uri.path == "/"
        {
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(
                status: .unauthorized, headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: Self.page(
                    title: "需要访问链接",
                    message: "这个网页只对持有访问链接的人开放。请打开财政局（民生办）发给您的完整链接（链接末尾带有 ?token=…）；打开一次后，这台电脑上的浏览器会记住 30 天。"))))
        }
        throw WebFailure(.tokenRequired)
    }

    /// How long the browser keeps the token: 30 days (ended by `/logout`).
    static let cookieSeconds = 30 * 24 * 3600

    /// A small Chinese page with a heading and a sentence (the texts are ours, not escaped).
    static func page(title: String, message: String) -> String {
        """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · 民生工程表格</title>
        <style>body{font:16px/1.6 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
        main{max-width:560px;margin:12vh auto;padding:24px;background:#fff;border:1px solid #d0d7de;border-radius:8px}
        h1{font-size:20px;margin:0 0 12px}</style></head>
        <body><main><h1>\(title)</h1><p>\(message)</p></main></body></html>
        """
    }

    /// Compares in time that does not depend on where the texts differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
