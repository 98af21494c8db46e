import Foundation
import Hummingbird
import Minsheng

/// The reporting rounds' routes: the office's (`/api/rounds…`, behind the server's token like
/// every other route) and the areas' (`/r/{secret}…`, reached by the link's secret alone, each
/// only its own area). Splitting, checking and collecting are the workflows' (`Engine`); this
/// only stores and presents.
struct RoundRoutes: Sendable {
    let routes: Routes
    let store: RoundStore
    let throttle: LinkThrottle
    /// The page (its area mode shows only the link's area).
    let page: [UInt8]

    /// Whether `path` is one of an area link's own routes (`/r/{secret}`, `…/template`,
    /// `…/returns`): those pass the office's token check and check their secret instead.
    static func isAreaPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 4, parts[0].isEmpty, parts[1] == "r" else { return false }
        guard !parts[2].isEmpty, parts[2].utf8.count <= 200,
            parts[2].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5a).contains($0) || (0x61...0x7a).contains($0) || $0 == 0x2d || $0 == 0x5f })
        else { return false }
        return parts.count == 3 || parts[3] == "template" || parts[3] == "returns"
    }

    var engine: Engine { routes.engine }

    func add(to router: Router<BasicRequestContext>) {
        router.post("/api/rounds") { request, _ in try await routes.run(request, job: openRound) }
        router.get("/api/rounds") { _, _ in try listRounds() }
        router.get("/api/rounds/:id") { _, context in try roundAnswer(try roundId(context)) }
        router.get("/api/rounds/:id/workbook") { _, context in try await workbook(try roundId(context), page: false) }
        router.get("/api/rounds/:id/check") { _, context in try await workbook(try roundId(context), page: true) }
        router.post("/api/rounds/:id/archive") { _, context in
            try run { try store.archive(try roundId(context)) }
            return WebFailure.jsonResponse(status: .ok, .object([("archived", .bool(true))]))
        }
        router.post("/api/rounds/:id/areas/:area/accept") { _, context in
            let (id, area) = try roundArea(context)
            _ = try run { try store.decide(roundId: id, area: area, kind: .accept, note: "") }
            return try roundAnswer(id)
        }
        router.post("/api/rounds/:id/areas/:area/return") { request, context in
            let (id, area) = try roundArea(context)
            return try await routes.run(request) { form in
                let note = String((form.field("note") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(1000))
                guard !note.isEmpty else { throw WebFailure(.noteRequired) }
                return {
                    _ = try run { try store.decide(roundId: id, area: area, kind: .return, note: note) }
                    return try roundAnswer(id)
                }
            }
        }
        router.post("/api/rounds/:id/areas/:area/link") { _, context in
            let (id, area) = try roundArea(context)
            let secret = try run { try store.reissue(roundId: id, area: area) }
            return WebFailure.jsonResponse(status: .ok, .object([("area", .string(area)), ("link", .string("/r/" + secret))]))
        }
        router.get("/r/:secret") { _, context in
            do { _ = try await target(context) } catch let failure as WebFailure where failure.status == .notFound {
                // A person opening a dead link gets a page in Chinese, not JSON.
                var headers = HTTPFields()
                headers[.contentType] = "text/html; charset=utf-8"
                headers[.cacheControl] = "no-store"
                return Response(
                    status: .notFound, headers: headers,
                    body: ResponseBody(byteBuffer: ByteBuffer(string: TokenCheck.page(title: "报送链接无效", message: failure.message))))
            }
            return WebServer.pageResponse(page)
        }
        router.get("/r/:secret/template") { _, context in
            let target = try await target(context)
            let bytes = try run { try store.file(target.area.templateHash) }
            return Routes.attachment(bytes, type: Routes.xlsxType, name: target.area.templateName, fallback: "minsheng-template.xlsx")
        }
        router.get("/r/:secret/returns") { _, context in try areaAnswer(try await target(context)) }
        router.post("/r/:secret/returns") { request, context in
            let target = try await target(context)
            return try await routes.run(request, job: upload(target))
        }
    }

    // MARK: Parameters

    func roundId(_ context: BasicRequestContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text) else { throw WebFailure(.noSuchRound) }
        return id
    }

    func roundArea(_ context: BasicRequestContext) throws -> (Int64, String) {
        let id = try roundId(context)
        guard let raw = context.parameters.get("area") else { throw WebFailure(.noSuchArea) }
        return (id, raw.removingPercentEncoding ?? raw)
    }

    /// The link's round and area; an unknown or ended secret answers 404 after the throttle's wait.
    func target(_ context: BasicRequestContext) async throws -> LinkTarget {
        let secret = context.parameters.get("secret") ?? ""
        if let target = try run({ try store.target(secret: secret) }) { return target }
        try await throttle.failed()
        throw WebFailure(.invalidLink)
    }

    /// The store's failures as answers (404, 409, 500) in Chinese.
    func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let failure as RoundFailure {
            throw WebFailure(.round(failure))
        } catch let failure as WebFailure { throw failure } catch {
            throw WebFailure(.database(detail: "\(error)"))
        }
    }

    // MARK: The office

    var openRound: Routes.Job {
        { [engine, store] form in
            guard let plan = try Routes.single(form, field: "plan", what: "分解表") else {
                throw WebFailure(.noRoundPlan)
            }
            let planLabel = form.files("plan").first?.label ?? plan.name
            let period = String((form.field("period") ?? "").trimmingCharacters(in: .whitespaces).prefix(40))
            guard !period.isEmpty else { throw WebFailure(.periodRequired) }
            let deadline = (form.field("deadline") ?? "").trimmingCharacters(in: .whitespaces)
            guard let date = AsOfDate(deadline), (2000...2100).contains(date.year) else {
                throw WebFailure(.deadlineFormat(given: String(deadline.prefix(40))))
            }
            let title = String((form.field("title") ?? "").trimmingCharacters(in: .whitespaces).prefix(200))
            let shownTitle = title.isEmpty ? "\(period)民生工程进展报送" : title
            return {
                let result: SplitResult
                do { result = try await engine.split(SplitRequest(plan: plan, output: .memory, period: period)) } catch {
                    throw Routes.wrongField(error, file: planLabel, what: "目标任务分解表", instead: "请选择市里下达的、有各县区目标的目标任务分解表")
                }
                try Task.checkCancellation()
                let templates = try result.templates.map { template in
                    guard let bytes = template.output.bytes else { throw WebFailure(.noTemplate(area: template.area)) }
                    return (area: template.area, fileName: template.fileName, bytes: bytes)
                }
                guard !templates.isEmpty else { throw WebFailure(.planWithoutAreas(label: planLabel)) }
                let planBytes = try plan.readBytes()
                let opened = try self.run {
                    try store.openRound(
                        title: shownTitle, period: period, deadline: deadline, planName: planLabel, plan: planBytes, templates: templates)
                }
                return WebFailure.jsonResponse(
                    status: .created,
                    .object([
                        ("id", .number(Double(opened.round.id))), ("title", .string(opened.round.title)),
                        ("areas", .array(opened.secrets.map { .object([("area", .string($0.area)), ("link", .string("/r/" + $0.secret))]) })),
                    ]))
            }
        }
    }

    func listRounds() throws -> Response {
        let rounds = try run { try store.rounds() }
        let values = try rounds.map { round in
            let states = try run { try store.states(round.id) }
            var pairs = Self.roundPairs(round)
            pairs.append(("areas", .number(Double(states.count))))
            pairs.append(("sent", .number(Double(states.filter { $0.status != .pending }.count))))
            pairs.append(("accepted", .number(Double(states.filter { $0.status == .accepted }.count))))
            return JSONValue.object(pairs)
        }
        return WebFailure.jsonResponse(status: .ok, .object([("rounds", .array(values))]))
    }

    static func roundPairs(_ round: Round) -> [(String, JSONValue)] {
        [
            ("id", .number(Double(round.id))), ("title", .string(round.title)), ("period", .string(round.period)),
            ("deadline", .string(round.deadline)), ("plan", .string(round.planName)), ("createdAt", .string(timestamp(round.createdAt))),
            ("archived", .bool(round.archivedAt != nil)),
        ]
    }

    /// Whether the deadline's day is over at `now` (in the server's time zone).
    static func pastDeadline(_ deadline: String, now: Date) -> Bool {
        guard let date = AsOfDate(deadline) else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        guard let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)),
            let end = calendar.date(byAdding: .day, value: 1, to: start)
        else { return false }
        return now >= end
    }

    func roundAnswer(_ id: Int64) throws -> Response {
        let round = try run { try store.round(id) }
        let states = try run { try store.states(id) }
        let history = try run { try store.history(id) }
        let late = Self.pastDeadline(round.deadline, now: store.now())
        var pairs = Self.roundPairs(round)
        pairs.append(("pastDeadline", .bool(late)))
        pairs.append(("areas", .array(states.map { state in
            .object([
                ("area", .string(state.area)), ("status", .string(state.status.rawValue)), ("versions", .number(Double(state.versions))),
                ("lastUpload", .optional(state.latest.map { Self.timestamp($0.uploadedAt) })),
                ("fileName", .optional(state.latest?.fileName)), ("size", .optional(state.latest?.size)),
                ("errors", .optional(state.latest?.errors)), ("warnings", .optional(state.latest?.warnings)),
                ("note", .optional(state.note)), ("late", .bool(late && state.status == .pending)),
            ])
        })))
        pairs.append(("notSent", .array(states.filter { $0.status == .pending }.map { .string($0.area) })))
        pairs.append(("history", .array(history.map(Self.historyValue))))
        return WebFailure.jsonResponse(status: .ok, .object(pairs))
    }

    static func historyValue(_ entry: HistoryEntry) -> JSONValue {
        .object([
            ("at", .string(timestamp(entry.at))), ("area", .optional(entry.area)), ("kind", .string(entry.kind)),
            ("detail", .string(entry.detail)), ("fileName", .optional(entry.fileName)), ("size", .optional(entry.size)),
            ("sha256", .optional(entry.sha256)),
        ])
    }

    /// `collect` over each area's latest version: the workbook, or (for the page) its check.
    func workbook(_ id: Int64, page: Bool) async throws -> Response {
        let round = try run { try store.round(id) }
        let plan = InputSource.bytes(try run { try store.file(round.planHash) }, name: round.planName)
        var returns: [InputSource] = []
        for state in try run({ try store.states(id) }) {
            guard let latest = state.latest else { continue }
            returns.append(.bytes(try run { try store.file(latest.sha256) }, name: "\(state.area)/第\(latest.version)版-\(latest.fileName)"))
        }
        let request = CollectRequest(plan: plan, returns: returns, output: .memory, title: round.title, jobs: routes.jobsPerRequest)
        // Through the same gate and time limit as every job.
        let (engine, gate) = (self.engine, routes.gate)
        let ticket = try await gate.admit()
        let result: Collector.Result = try await withTimeLimit(seconds: routes.options.timeLimitSeconds) {
            do { try await gate.start(ticket) } catch {
                await gate.leave(ticket)
                throw error
            }
            let outcome: Result<Collector.Result, any Error>
            do { outcome = .success(try await engine.collect(request)) } catch { outcome = .failure(error) }
            await gate.leave(ticket)
            return try outcome.get()
        }
        let name = "\(round.title)-\(round.period)-汇总.xlsx"
        guard page else {
            return try Routes.download(result.written.bytes, name: name, fallback: "minsheng-round.xlsx", report: result.report)
        }
        let findings = try FindingsWorkbook.write(result.report, title: "\(round.title)-核对结果", to: .memory)
        func file(_ name: String, _ bytes: [UInt8]) -> JSONValue {
            .object([
                ("name", .string(name)), ("type", .string(Routes.xlsxType)), ("size", .number(Double(bytes.count))),
                ("base64", .string(Data(bytes).base64EncodedString())),
            ])
        }
        return WebFailure.jsonResponse(
            status: .ok,
            .object([
                ("report", result.report.pageJSON(previews: true)), ("download", file(name, result.written.bytes ?? [])),
                ("findings", file("\(round.title)-核对结果.xlsx", findings.bytes ?? [])),
            ]))
    }

    // MARK: The areas

    func areaAnswer(_ target: LinkTarget) throws -> Response {
        let states = try run { try store.states(target.round.id) }
        let state = states.first { $0.area == target.area.area }
        let versions = try run { try store.versions(roundId: target.round.id, area: target.area.area) }
        return WebFailure.jsonResponse(
            status: .ok,
            .object([
                ("area", .string(target.area.area)), ("title", .string(target.round.title)), ("period", .string(target.round.period)),
                ("deadline", .string(target.round.deadline)), ("template", .string(target.area.templateName)),
                ("status", .string(state?.status.rawValue ?? "pending")), ("note", .optional(state?.note)),
                ("versions", .array(versions.reversed().map(Self.versionValue))),
            ]))
    }

    static func versionValue(_ version: ReturnVersion) -> JSONValue {
        .object([
            ("version", .number(Double(version.version))), ("fileName", .string(version.fileName)), ("size", .number(Double(version.size))),
            ("sha256", .string(version.sha256)), ("uploadedAt", .string(timestamp(version.uploadedAt))),
            ("errors", .number(Double(version.errors))), ("warnings", .number(Double(version.warnings))),
        ])
    }

    /// Checks the file as `collect` checks a return against the round's plan, keeps it as a new
    /// version, and answers the check (the page's answer: report with previews and findings workbook).
    func upload(_ target: LinkTarget) -> Routes.Job {
        { [engine, store] form in
            let files = form.files("file")
            guard files.count == 1, let file = files.first else {
                throw WebFailure(files.isEmpty ? .noReturnFile : .oneReturnOnly(count: files.count))
            }
            if let verdict = ForeignFile.verdict(of: file.source) {
                throw WebFailure(.unusableReturn(label: file.label, kind: verdict.kind))
            }
            return {
                let bytes = try file.source.readBytes()
                let plan = InputSource.bytes(try self.run { try store.file(target.round.planHash) }, name: target.round.planName)
                let result = try await engine.collect(
                    CollectRequest(plan: plan, returns: [.bytes(bytes, name: file.label)], output: .memory, title: target.round.title, jobs: 1))
                try Task.checkCancellation()
                var report = result.report
                // The other areas have not sent in this one file: that is no finding of this area's.
                report.findings.removeAll { $0.code == .missingSubmission && $0.area != target.area.area }
                // The plan is the round's, not the area's file: the check lists the area's file alone.
                report.files.removeAll { $0.path == target.round.planName }
                let stored = report.pageJSON(previews: true)
                let version = try self.run {
                    try store.addVersion(
                        roundId: target.round.id, area: target.area.area, fileName: file.label, bytes: bytes,
                        errors: report.errorCount + report.unreadableCount, warnings: report.warningCount, report: stored.serialized())
                }
                let findings = try FindingsWorkbook.write(report, title: "\(target.area.area)-第\(version.version)版核对结果", to: .memory)
                return WebFailure.jsonResponse(
                    status: .ok,
                    .object([
                        ("report", stored), ("version", Self.versionValue(version)), ("download", .null),
                        ("findings", .object([
                            ("name", .string("\(target.area.area)-第\(version.version)版核对结果.xlsx")), ("type", .string(Routes.xlsxType)),
                            ("size", .number(Double(findings.bytes?.count ?? 0))),
                            ("base64", .string(Data(findings.bytes ?? []).base64EncodedString())),
                        ])),
                    ]))
            }
        }
    }

    /// ISO 8601 in UTC (the page shows it in the browser's time).
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// Slows wrong link secrets: each failure within the window adds `step` to the wait of the next
/// one, up to `maxDelay`, so guessing links costs time (the secrets are 256 bits anyway).
public actor LinkThrottle {
    let step: Duration
    let maxDelay: Duration
    let window: Duration
    private var failures: [ContinuousClock.Instant] = []

    public init(step: Duration = .milliseconds(200), maxDelay: Duration = .seconds(3), window: Duration = .seconds(60)) {
        self.step = step
        self.maxDelay = maxDelay
        self.window = window
    }

    /// The wait a failure now would get.
    public var currentDelay: Duration {
        let now = ContinuousClock.now
        let recent = failures.filter { now - $0 < window }.count
        return min(maxDelay, step * recent)
    }

    /// Records a failure and waits.
    public func failed() async throws {
        let now = ContinuousClock.now
        failures.removeAll { now - $0 >= window }
        let delay = min(maxDelay, step * failures.count)
        if failures.count < 10_000 { failures.append(now) }
        if delay > .zero { try await Task.sleep(for: delay) }
    }
}
