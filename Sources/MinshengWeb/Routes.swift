import Foundation
import Hummingbird
import Minsheng

/// The POST routes: each reads its upload into a private folder, checks the form, waits for a
/// job slot and runs one workflow within the time limit.
struct Routes: Sendable {
    /// Work to run once a slot is free, made from a checked form.
    typealias Work = @Sendable () async throws -> Response
    /// Turns a form into work, or throws 400 for what the form got wrong.
    typealias Job = @Sendable (UploadedForm) throws -> Work

    let options: WebOptions
    let engine: Engine
    let gate: JobGate

    /// Batch jobs within one request: the cores shared among the requests working at once.
    var jobsPerRequest: Int { max(1, Batch.defaultJobs / max(1, options.jobs)) }

    /// Receives the upload, then runs the job's work under the gate and the time limit; the
    /// folder is removed when the request ends, whatever happens.
    func run(_ request: Request, job: Job) async throws -> Response {
        let limit = options.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw WebFailure.tooLarge(limit)
        }
        let ticket = try await gate.admit()
        var handedOver = false
        defer {
            if !handedOver { Task { [gate] in await gate.leave(ticket) } }
        }
        let folder = try UploadFolder(root: options.temporaryRoot)
        defer { folder.remove() }
        let form = try await UploadedForm.receive(
            request.body.map { $0.readableBytesView }, contentType: request.headers[.contentType], folder: folder,
            limits: .init(maxBytes: limit))
        let work = try job(form)
        handedOver = true
        return try await withTimeLimit(seconds: options.timeLimitSeconds) { [gate] in
            do { try await gate.start(ticket) } catch {
                await gate.leave(ticket)
                throw error
            }
            let result: Result<Response, any Error>
            do {
                try Task.checkCancellation()
                result = .success(try await work())
            } catch { result = .failure(error) }
            await gate.leave(ticket)
            return try result.get()
        }
    }

    // MARK: Form fields

    static func asOf(_ form: UploadedForm) throws -> AsOfDate? {
        guard let text = form.field("as_of") else { return nil }
        guard let date = AsOfDate(text) else {
            throw WebFailure(.badRequest, "截至日期应为 YYYY-MM-DD 格式，例如 2023-10-31（收到的是“\(text.prefix(40))”）")
        }
        return date
    }

    static func inputs(_ form: UploadedForm, field: String = "file") throws -> [InputSource] {
        let files = form.files(field)
        guard !files.isEmpty else { throw WebFailure(.badRequest, "没有收到文件：请至少选择一个 .xlsx 文件再提交") }
        return files.map(\.source)
    }

    /// At most one file in `field`; nil when there is none.
    static func single(_ form: UploadedForm, field: String, what: String) throws -> InputSource? {
        let files = form.files(field)
        guard files.count <= 1 else { throw WebFailure(.badRequest, "\(what)只能选一个文件（收到了 \(files.count) 个）") }
        return files.first?.source
    }

    /// Last period's report (`previous`), read when the work runs: an unreadable one answers with
    /// its `MinshengError`'s status and message.
    static func previous(_ form: UploadedForm) throws -> InputSource? {
        try single(form, field: "previous", what: "上期报表")
    }

    static func title(_ form: UploadedForm, default fallback: String) -> String {
        guard let title = form.field("title") else { return fallback }
        return String(title.prefix(200))
    }

    // MARK: Jobs

    var check: Job {
        { [engine, jobsPerRequest] form in
            let request = CheckRequest(inputs: try Self.inputs(form), asOf: try Self.asOf(form), jobs: jobsPerRequest)
            let previous = try Self.previous(form)
            return {
                var withPrevious = request
                if let previous { withPrevious.previous = try engine.readPrevious(previous) }
                let report = await engine.check(withPrevious)
                try Task.checkCancellation()
                return WebFailure.jsonResponse(status: .ok, report.jsonValue())
            }
        }
    }

    var convert: Job {
        { [engine, jobsPerRequest] form in
            let title = Self.title(form, default: ConvertRequest.defaultTitle)
            let request = ConvertRequest(
                inputs: try Self.inputs(form), output: .memory, title: title, asOf: try Self.asOf(form), jobs: jobsPerRequest)
            let previous = try Self.previous(form)
            return {
                var withPrevious = request
                if let previous { withPrevious.previous = try engine.readPrevious(previous) }
                let result = try await engine.convert(withPrevious)
                try Task.checkCancellation()
                return try Self.download(
                    result.written.bytes, name: title + ".xlsx", fallback: "minsheng-progress.xlsx", report: result.report)
            }
        }
    }

    var split: Job {
        { [engine] form in
            guard let plan = (form.files("plan") + form.files("file")).first else {
                throw WebFailure(.badRequest, "没有收到分解表：请选择一个目标任务分解表（.xlsx）再提交")
            }
            let period = form.field("period").map { String($0.prefix(40)) }
            let request = SplitRequest(plan: plan.source, output: .memory, period: period)
            return {
                let result = try await engine.split(request)
                try Task.checkCancellation()
                let zip = try result.zip()
                var response = Self.attachment(zip, type: "application/zip", name: "县区模板.zip", fallback: "minsheng-templates.zip")
                response.headers[.init("X-Minsheng-Templates")!] = Self.templatesHeader(result)
                return response
            }
        }
    }

    var collect: Job {
        { [engine, jobsPerRequest] form in
            guard let plan = form.files("plan").first else {
                throw WebFailure(.badRequest, "没有收到分解表：请在“分解表”中选择拆分模板时用的目标任务分解表")
            }
            let returns = form.files("file")
            guard !returns.isEmpty else {
                throw WebFailure(.badRequest, "没有收到报回的表格：请选择各县区报回的 .xlsx 文件")
            }
            let title = Self.title(form, default: ConvertRequest.defaultTitle)
            let request = CollectRequest(
                plan: plan.source, returns: returns.map(\.source), output: .memory, title: title,
                asOf: try Self.asOf(form), jobs: jobsPerRequest)
            return {
                let result = try await engine.collect(request)
                try Task.checkCancellation()
                return try Self.download(
                    result.written.bytes, name: "县区汇总.xlsx", fallback: "minsheng-collected.xlsx", report: result.report)
            }
        }
    }

    var reconcile: Job {
        { [engine, jobsPerRequest] form in
            guard let summary = try Self.single(form, field: "summary", what: "汇总表") else {
                throw WebFailure(.badRequest, "没有收到汇总表：请在“汇总表”中选择手工汇总的、有各县区列的表格")
            }
            let returns = form.files("file")
            guard !returns.isEmpty else {
                throw WebFailure(.badRequest, "没有收到各县区的报表：请选择各县区自己报送的 .xlsx 文件")
            }
            let request = ReconcileRequest(summary: summary, returns: returns.map(\.source), jobs: jobsPerRequest)
            return {
                let result = try await engine.reconcile(request)
                try Task.checkCancellation()
                return WebFailure.jsonResponse(status: .ok, result.report.jsonValue())
            }
        }
    }

    // MARK: Answers

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// A workbook download, with the report's files and counts in `X-Minsheng-Report`.
    static func download(_ bytes: [UInt8]?, name: String, fallback: String, report: CheckReport) throws -> Response {
        guard let bytes else { throw WebFailure(.internalServerError, "服务器没有生成工作簿") }
        var response = attachment(bytes, type: xlsxType, name: name, fallback: fallback)
        response.headers[.init("X-Minsheng-Report")!] = reportHeader(report)
        return response
    }

    /// `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 5987).
    static func attachment(_ bytes: [UInt8], type: String, name: String, fallback: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = contentDisposition(name: name, fallback: fallback)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func contentDisposition(name: String, fallback: String) -> String {
        let clean = String(String.UnicodeScalarView(name.unicodeScalars.filter { $0.value >= 0x20 && $0 != "/" && $0 != "\\" && $0 != "\"" }))
        var allowed = asciiAlphanumerics
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = clean.addingPercentEncoding(withAllowedCharacters: allowed) ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    /// The report's per-file status and counts as percent-encoded JSON (the page shows them next
    /// to the download); only the counts when the file list would make the header too long.
    static func reportHeader(_ report: CheckReport) -> String {
        let summary = JSONValue.object([
            ("files", .number(Double(report.files.count))), ("unreadable", .number(Double(report.unreadableCount))),
            ("errors", .number(Double(report.errorCount))), ("warnings", .number(Double(report.warningCount))),
        ])
        let files = JSONValue.array(
            report.files.map { file in
                .object([
                    ("path", .string(file.path)), ("status", .string(file.status.rawValue)),
                    ("items", .number(Double(file.items))), ("error", .optional(file.error)),
                ])
            })
        let full = JSONValue.object([("files", files), ("summary", summary)]).serialized()
        let text = full.utf8.count <= 16 * 1024 ? full : JSONValue.object([("summary", summary)]).serialized()
        return text.addingPercentEncoding(withAllowedCharacters: asciiAlphanumerics) ?? ""
    }

    /// The templates (area, file, items) as percent-encoded JSON, for the page's list.
    static func templatesHeader(_ result: SplitResult) -> String {
        let list = JSONValue.array(
            result.templates.map {
                .object([("area", .string($0.area)), ("file", .string($0.fileName)), ("items", .number(Double($0.items)))])
            })
        return list.serialized().addingPercentEncoding(withAllowedCharacters: asciiAlphanumerics) ?? ""
    }

    /// A–Z, a–z, 0–9 (`CharacterSet.alphanumerics` also holds every Chinese character).
    static let asciiAlphanumerics = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
}
