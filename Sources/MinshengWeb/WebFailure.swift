import Hummingbird
import Minsheng

/// A request the server answers with an error status and `{"error": "<Chinese sentence>"}`.
public struct WebFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The sentence for people.
    public var message: String
    /// What became of each file, when the failure is about the files (nothing could be read):
    /// the report's JSON object, answered as `report` beside `error`.
    public var report: JSONValue?

    /// Creates one.
    public init(_ status: HTTPResponse.Status, _ message: String, report: JSONValue? = nil) {
        self.status = status
        self.message = message
        self.report = report
    }

    /// Text for people.
    public var description: String { message }

    /// 413: the body is over the limit.
    static func tooLarge(_ maxBytes: Int) -> WebFailure {
        WebFailure(.contentTooLarge, "上传的文件总共超过 \(maxBytes / (1024 * 1024)) MB，请分批上传")
    }

    /// 503: too many requests are waiting.
    static let busy = WebFailure(.serviceUnavailable, "服务器正忙，排队的请求已满，请稍后再试")

    /// 503: the work ran past the time limit.
    static func timedOut(_ seconds: Int) -> WebFailure {
        WebFailure(.serviceUnavailable, "处理超过 \(seconds) 秒仍未完成，已停止；请减少文件后再试")
    }

    /// The JSON answer.
    func response() -> Response {
        var pairs: [(String, JSONValue)] = [("error", .string(message))]
        if let report { pairs.append(("report", report)) }
        return Self.jsonResponse(status: status, .object(pairs))
    }

    /// A JSON answer with the given status.
    static func jsonResponse(status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: value.serialized() + "\n")))
    }
}

extension MinshengError {
    /// The failure a route answers with: `httpStatus` and `description`.
    var webFailure: WebFailure {
        WebFailure(HTTPResponse.Status(code: httpStatus), description)
    }
}
