import Hummingbird
import Minsheng

/// A request the server answers with an error status and `{"error": "<Chinese sentence>"}`:
/// a `WebProblem`, whose status and words are each decided in one place, and — when the failure
/// is about the files — what became of each.
public struct WebFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var problem: WebProblem
    /// What became of each file, when the failure is about the files (nothing could be read):
    /// the report's JSON object, answered as `report` beside `error`.
    public var report: JSONValue?

    /// Creates one.
    public init(_ problem: WebProblem, report: JSONValue? = nil) {
        self.problem = problem
        self.report = report
    }

    /// The HTTP status (`WebProblem.status`).
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: problem.status) }
    /// The sentence for people.
    public var message: String { problem.description }
    /// Text for people.
    public var description: String { message }

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
    /// The failure a route answers with: `httpStatus` and the page's words.
    var webFailure: WebFailure { WebFailure(.input(self)) }
}
