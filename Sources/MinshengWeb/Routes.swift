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
            throw WebFailure(.tooLarge(maxBytes: limit))
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
            throw WebFailure(.asOfFormat(given: String(text.prefix(40))))
        }
        guard (2000...2100).contains(date.year) else {
            throw WebFailure(.asOfYear(given: String(text.prefix(40))))
        }
        return date
    }

    /// The files of `field` the workflows read, and — for the page (`words`) — those plainly not
    /// spreadsheets (a PDF, a photo, a Word file, a lock file: skipped) or broken (empty, cut off:
    /// unreadable) as results that say what they are and what to do. The plain API leaves them to
    /// the reader, so that its answer stays exactly the CLI's.
    /// `besides` is the plan or summary of the same form: the same file again among the returns
    /// (a whole folder chosen) is skipped, named as what it is.
    static func sorted(
        _ form: UploadedForm, field: String = "file", besides: (source: InputSource, what: String)? = nil
    ) -> (inputs: [InputSource], skipped: [FileResult]) {
        let words = forPage(form)
        var inputs: [InputSource] = []
        var skipped: [FileResult] = []
        let other = besides.flatMap { try? $0.source.readBytes() }
        for file in form.files(field) {
            if let besides, let other, file.size == other.count, (try? file.source.readBytes()) == other {
                skipped.append(FileResult(path: file.label, skipped: .sameAsChosen(what: besides.what)))
            } else if words, let verdict = ForeignFile.verdict(of: file.source) {
                switch verdict {
                case .notASpreadsheet(let kind): skipped.append(FileResult(path: file.label, skipped: .foreign(kind)))
                case .broken(let kind):
                    skipped.append(FileResult(path: file.label, failure: MinshengError.unreadable(file: file.label, problem: .foreign(kind))))
                }
            } else {
                inputs.append(file.source)
            }
        }
        return (inputs, skipped)
    }

    static func inputs(_ form: UploadedForm, field: String = "file") throws -> (inputs: [InputSource], skipped: [FileResult]) {
        guard !form.files(field).isEmpty else { throw WebFailure(.noFiles) }
        return sorted(form, field: field)
    }

    /// At most one file in `field`; nil when there is none. One that is plainly not a
    /// spreadsheet is refused (422) with what it is.
    static func single(_ form: UploadedForm, field: String, what: String) throws -> InputSource? {
        let files = form.files(field)
        guard files.count <= 1 else { throw WebFailure(.oneFileOnly(what: what, count: files.count)) }
        guard let file = files.first else { return nil }
        if let verdict = ForeignFile.verdict(of: file.source) {
            throw WebFailure(.unusableFile(what: what, label: file.label, kind: verdict.kind))
        }
        return file.source
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

    /// Whether the page asked for its answer (`answer=page`): JSON with the report, the
    /// workbook and the findings workbook, rather than the workbook alone.
    static func forPage(_ form: UploadedForm) -> Bool { form.field("answer") == "page" }

    /// 422 when no input could be read: nothing to merge, so no workbook to offer.
    static func requireSomethingRead(_ report: CheckReport, skipping: Set<String> = [], job: String) throws {
        let inputs = report.files.filter { !skipping.contains($0.path) }
        guard !inputs.contains(where: { $0.status == .ok }) else { return }
        throw WebFailure(.nothingRead(job: job, count: inputs.count, names: inputs.map(\.path)), report: report.pageJSON())
    }

    /// The words for a plan or summary that has no area figures: most often a return or a
    /// progress table put in the wrong field.
    static func wrongField(_ error: any Error, file: String, what: String, instead: String) -> any Error {
        guard let error = error as? MinshengError, case .unreadable(let name, .noAreaTargets) = error, name == file else { return error }
        return WebFailure(.wrongField(file: file, what: what, instead: instead))
    }

    // MARK: Jobs

    var check: Job {
        { [engine, jobsPerRequest] form in
            let (inputs, skipped) = try Self.inputs(form)
            var request = CheckRequest(inputs: inputs, asOf: try Self.asOf(form), jobs: jobsPerRequest)
            request.skipped = skipped
            let previous = try Self.previous(form)
            let page = Self.forPage(form)
            let stamp = Self.stamp(request.asOf)
            return { [request] in
                var withPrevious = request
                if let previous { withPrevious.previous = try engine.readPrevious(previous) }
                let report = await engine.check(withPrevious)
                try Task.checkCancellation()
                guard page else { return WebFailure.jsonResponse(status: .ok, report.pageJSON()) }
                let name = (previous == nil ? "核对结果" : "上期对比结果") + "-\(stamp)"
                return try Self.pageAnswer(report, form: form, findingsName: name)
            }
        }
    }

    var convert: Job {
        { [engine, jobsPerRequest] form in
            let title = Self.title(form, default: ConvertRequest.defaultTitle)
            let (inputs, skipped) = try Self.inputs(form)
            var request = ConvertRequest(inputs: inputs, output: .memory, title: title, asOf: try Self.asOf(form), jobs: jobsPerRequest)
            request.skipped = skipped
            let previous = try Self.previous(form)
            let page = Self.forPage(form)
            let stamp = Self.stamp(request.asOf)
            return { [request] in
                var withPrevious = request
                if inputs.isEmpty {
                    try Self.requireSomethingRead(CheckReport(files: skipped), job: "汇总")
                }
                if let previous { withPrevious.previous = try engine.readPrevious(previous) }
                let result = try await engine.convert(withPrevious)
                try Task.checkCancellation()
                try Self.requireSomethingRead(result.report, job: "汇总")
                let name = "\(title)-\(stamp).xlsx"
                guard page else {
                    return try Self.download(result.written.bytes, name: name, fallback: "minsheng-progress.xlsx", report: result.report)
                }
                return try Self.pageAnswer(
                    result.report, form: form, findingsName: "汇总核对结果-\(stamp)", download: (name, Self.xlsxType, result.written.bytes))
            }
        }
    }

    var split: Job {
        { [engine] form in
            guard let plan = (form.files("plan") + form.files("file")).first else {
                throw WebFailure(.noPlanToSplit)
            }
            if let verdict = ForeignFile.verdict(of: plan.source) {
                throw WebFailure(.unusableFile(what: "分解表", label: plan.label, kind: verdict.kind))
            }
            let period = form.field("period").map { String($0.prefix(40)) }
            let request = SplitRequest(plan: plan.source, output: .memory, period: period)
            let name = "县区模板-\(period ?? Self.stamp(nil)).zip"
            return {
                let result: SplitResult
                do { result = try await engine.split(request) } catch {
                    throw Self.wrongField(
                        error, file: plan.label, what: "目标任务分解表",
                        instead: "请选择市里下达的、有各县区目标的目标任务分解表")
                }
                try Task.checkCancellation()
                let zip = try result.zip()
                var response = Self.attachment(zip, type: "application/zip", name: name, fallback: "minsheng-templates.zip")
                response.headers[.init("X-Minsheng-Templates")!] = Self.templatesHeader(result)
                return response
            }
        }
    }

    var collect: Job {
        { [engine, jobsPerRequest] form in
            guard let plan = try Self.single(form, field: "plan", what: "分解表") else {
                throw WebFailure(.noPlanToCollect)
            }
            guard !form.files("file").isEmpty else {
                throw WebFailure(.noReturns)
            }
            let (returns, skipped) = Self.sorted(form, besides: (plan, "分解表"))
            let title = Self.title(form, default: ConvertRequest.defaultTitle)
            var request = CollectRequest(
                plan: plan, returns: returns, output: .memory, title: title, asOf: try Self.asOf(form), jobs: jobsPerRequest)
            request.skipped = skipped
            let page = Self.forPage(form)
            let stamp = Self.stamp(request.asOf)
            return { [request] in
                if returns.isEmpty { try Self.requireSomethingRead(CheckReport(files: skipped), job: "收集") }
                let result: Collector.Result
                do { result = try await engine.collect(request) } catch {
                    throw Self.wrongField(
                        error, file: plan.name, what: "目标任务分解表",
                        instead: "请在“分解表”中放拆分模板时用的那张分解表，把县区报回的表格放到下面")
                }
                try Task.checkCancellation()
                try Self.requireSomethingRead(result.report, skipping: [plan.name], job: "收集")
                let name = "县区汇总-\(title == ConvertRequest.defaultTitle ? "" : title + "-")\(stamp).xlsx"
                guard page else {
                    return try Self.download(result.written.bytes, name: name, fallback: "minsheng-collected.xlsx", report: result.report)
                }
                return try Self.pageAnswer(
                    result.report, form: form, findingsName: "收集汇总核对结果-\(stamp)", download: (name, Self.xlsxType, result.written.bytes))
            }
        }
    }

    var reconcile: Job {
        { [engine, jobsPerRequest] form in
            guard let summary = try Self.single(form, field: "summary", what: "汇总表") else {
                throw WebFailure(.noSummary)
            }
            guard !form.files("file").isEmpty else {
                throw WebFailure(.noAreaReturns)
            }
            let (returns, skipped) = Self.sorted(form, besides: (summary, "汇总表"))
            var request = ReconcileRequest(summary: summary, returns: returns, jobs: jobsPerRequest)
            request.skipped = skipped
            let page = Self.forPage(form)
            return { [request] in
                let result: Reconciler.Result
                do { result = try await engine.reconcile(request) } catch {
                    throw Self.wrongField(
                        error, file: summary.name, what: "手工汇总表",
                        instead: "请在“手工汇总表”中放有各县区列的那张汇总表，把这个文件放到下面“各县区自己报送的表格”中")
                }
                try Task.checkCancellation()
                guard page else { return WebFailure.jsonResponse(status: .ok, result.report.pageJSON()) }
                return try Self.pageAnswer(result.report, form: form, findingsName: "核对县区汇总结果-\(Self.stamp(nil))")
            }
        }
    }

    /// The date a download's name carries: the as-of date, else today's.
    static func stamp(_ asOf: AsOfDate?) -> String {
        if let asOf { return String(format: "%04d-%02d-%02d", asOf.year, asOf.month, asOf.day) }
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
    }

    /// The page's answer: `{"report": <the CLI's JSON>, "download": {name, type, size, base64} | null,
    /// "findings": {name, type, size, base64}}` — the findings workbook written by our writer.
    static func pageAnswer(
        _ report: CheckReport, form: UploadedForm, findingsName: String, download: (name: String, type: String, bytes: [UInt8]?)? = nil
    ) throws -> Response {
        // The files in the order they were chosen (skipped ones come last from the workflows).
        var report = report
        var position: [String: Int] = [:]
        for (index, file) in form.files.enumerated() where position[file.label] == nil { position[file.label] = index }
        report.files = report.files.enumerated().sorted { a, b in
            let (x, y) = (position[a.element.path] ?? Int.max, position[b.element.path] ?? Int.max)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let findings = try FindingsWorkbook.write(report, title: findingsName, to: .memory)
        func file(_ name: String, _ type: String, _ bytes: [UInt8]) -> JSONValue {
            .object([
                ("name", .string(name)), ("type", .string(type)), ("size", .number(Double(bytes.count))),
                ("base64", .string(Data(bytes).base64EncodedString())),
            ])
        }
        var downloadValue = JSONValue.null
        if let download {
            guard let bytes = download.bytes else { throw WebFailure(.noWorkbook) }
            downloadValue = file(download.name, download.type, bytes)
        }
        return WebFailure.jsonResponse(
            status: .ok,
            .object([
                ("report", report.pageJSON(previews: true)), ("download", downloadValue),
                ("findings", file(findingsName + ".xlsx", xlsxType, findings.bytes ?? [])),
            ]))
    }

    // MARK: Answers

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// A workbook download, with the report's files and counts in `X-Minsheng-Report`.
    static func download(_ bytes: [UInt8]?, name: String, fallback: String, report: CheckReport) throws -> Response {
        guard let bytes else { throw WebFailure(.noWorkbook) }
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
                    ("items", .number(Double(file.items))), ("error", .optional(file.problem?.text(hints: PageHints.hints))),
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
