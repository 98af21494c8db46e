import ArgumentParser
import Foundation
import Hummingbird
import Minsheng
import MinshengWeb

/// `minsheng-web`: serves the page (核对 / 汇总 / 拆分模板 / 收集汇总) and its HTTP API.
///
/// Each option can also come from an environment variable (`MINSHENG_WEB_HOST`, …), which is how
/// the service reads `/etc/minsheng/web.env`: the token then stays out of the process list. An
/// option on the command line wins over its variable.
@main
struct MinshengWebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minsheng-web",
        abstract: "网页版 minsheng：在浏览器中核对、汇总、拆分模板和收集汇总 (serve the web page).",
        discussion: """
            默认只在本机 127.0.0.1 上提供服务；在其他地址上提供服务时必须设置 --token。按 Ctrl+C 停止（正在处理的请求会先完成）。
            每个选项也可以用环境变量设置（命令行优先）：MINSHENG_WEB_HOST、MINSHENG_WEB_PORT、MINSHENG_WEB_MAX_UPLOAD_MB、MINSHENG_WEB_JOBS、MINSHENG_WEB_QUEUE、MINSHENG_WEB_TIME_LIMIT、MINSHENG_WEB_TOKEN、MINSHENG_WEB_DATA_DIR；作为服务运行时它们在 /etc/minsheng/web.env 中。
            """,
        version: MinshengInfo.version)

    @Option(help: "监听地址（默认 127.0.0.1，只限本机）")
    var host: String?

    @Option(help: "端口（默认 8080；0 表示任选一个空闲端口）")
    var port: Int?

    @Option(name: .customLong("max-upload-mb"), help: "一次上传的总大小上限（MB，默认 50）")
    var maxUploadMB: Int?

    @Option(help: "同时处理的请求数（其余排队；默认为本机的核数，至多 4）")
    var jobs: Int?

    @Option(help: "排队等待的请求数上限（超过则答 503；默认 \(WebOptions().queue)）")
    var queue: Int?

    @Option(name: .customLong("time-limit"), help: "每个请求的处理时间上限（秒，默认 \(WebOptions().timeLimitSeconds)），超过则答 503 并停止处理")
    var timeLimit: Int?

    @Option(help: "访问令牌：设置后每个请求都要带上（Authorization: Bearer T 或 ?token=T）")
    var token: String?

    @Option(name: .customLong("data-dir"), help: "报送轮次的数据目录（数据库和各县区上传的文件；默认 ./minsheng-data）")
    var dataDir: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        /// The variable `name`, when set and not empty.
        func text(_ name: String) -> String? {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        /// The variable `name` as a whole number; anything else stops with its name.
        func number(_ name: String) throws -> Int? {
            guard let value = text(name) else { return nil }
            guard let number = Int(value) else { throw ValidationError("环境变量 \(name) 应为整数，现在是“\(value)”") }
            return number
        }
        var options = WebOptions()
        options.host = host ?? text("MINSHENG_WEB_HOST") ?? options.host
        options.port = try port ?? number("MINSHENG_WEB_PORT") ?? options.port
        options.maxUploadMB = try maxUploadMB ?? number("MINSHENG_WEB_MAX_UPLOAD_MB") ?? options.maxUploadMB
        options.jobs = try jobs ?? number("MINSHENG_WEB_JOBS") ?? options.jobs
        options.queue = try queue ?? number("MINSHENG_WEB_QUEUE") ?? options.queue
        options.timeLimitSeconds = try timeLimit ?? number("MINSHENG_WEB_TIME_LIMIT") ?? options.timeLimitSeconds
        options.token = token ?? text("MINSHENG_WEB_TOKEN")
        if let directory = dataDir ?? text("MINSHENG_WEB_DATA_DIR") { options.dataDirectory = URL(fileURLWithPath: directory, isDirectory: true) }
        let app: any ApplicationProtocol
        do {
            app = try WebServer.application(options: options) { line in
                // Written at once, also when standard output is a file or a pipe.
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch let error as MinshengError {
            FileHandle.standardError.write(Data("minsheng-web：\(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        try await app.runService()
    }
}
