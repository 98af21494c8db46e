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
        abstract: "网页版 minsheng：在浏览器中核对、汇总、拆分模板、收集汇总和报送轮次 (serve the web page).",
        discussion: """
            不带子命令即 serve：minsheng-web [--host 127.0.0.1] [--port 8080] [--max-upload-mb 50] [--jobs N] [--queue 64] [--time-limit 300] [--token T] [--data-dir ./minsheng-data]
            各选项的说明见 minsheng-web serve --help；备份报送数据见 minsheng-web backup --help。
            """,
        version: MinshengInfo.version,
        subcommands: [Serve.self, Backup.self],
        defaultSubcommand: Serve.self)
}

/// `minsheng-web backup`: a consistent copy of the reporting rounds' data, also while serving.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "备份报送轮次的数据（数据库和各县区上传的文件）为一个 .zip；服务运行时也可以备份 (back up the rounds' data).",
        discussion: "恢复：把 .zip 解压到一个文件夹，用 minsheng-web --data-dir 该文件夹 启动。")

    @Option(name: .customLong("data-dir"), help: "报送轮次的数据目录（默认 ./minsheng-data，或环境变量 MINSHENG_WEB_DATA_DIR）")
    var dataDir: String?

    @Option(name: .shortAndLong, help: "备份文件（.zip，不能已存在）")
    var output: String

    func run() throws {
        let directory = dataDir ?? ProcessInfo.processInfo.environment["MINSHENG_WEB_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "minsheng-data"
        do {
            let count = try RoundBackup.write(dataDirectory: URL(fileURLWithPath: directory, isDirectory: true), to: URL(fileURLWithPath: output))
            print("已备份到 \(output)（数据库和 \(count) 个文件）")
        } catch let failure as RoundFailure {
            // (The flag is the command line's to name.)
            let hint = if case .noDatabase = failure { "：--data-dir 是否写对了？" } else { "" }
            FileHandle.standardError.write(Data("minsheng-web backup：\(failure.description)\(hint)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Serving the page (the default subcommand: `minsheng-web --port 8080` as before).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "提供网页（默认子命令）：核对、汇总、拆分模板、收集汇总和报送轮次 (serve the web page).",
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
        } catch let problem as WebOptionProblem {
            FileHandle.standardError.write(Data("minsheng-web：\(Self.text(of: problem))\n".utf8))
            throw ExitCode(problem.exitCode)
        } catch let error as MinshengError {
            FileHandle.standardError.write(Data("minsheng-web：\(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        try await app.runService()
    }
}

extension Serve {
    /// A refused option in this executable's terms: its flag, and the environment variable that
    /// can set it.
    static func text(of problem: WebOptionProblem) -> String {
        switch problem {
        case .tokenRequired(let host): return "在非本机地址 \(host) 上提供服务时必须用 --token（或环境变量 MINSHENG_WEB_TOKEN）设置访问令牌"
        case .tooSmall(.maxUploadMB, let minimum): return "--max-upload-mb 至少为 \(minimum)"
        case .tooSmall(.jobs, let minimum): return "--jobs 至少为 \(minimum)"
        case .tooSmall(.timeLimitSeconds, let minimum): return "--time-limit 至少为 \(minimum) 秒"
        case .portOutOfRange: return "--port 应在 0 到 65535 之间"
        }
    }
}
