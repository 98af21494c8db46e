import ArgumentParser
import Foundation
import Hummingbird
import Minsheng
import MinshengWeb

/// `minsheng-web`: serves the page (核对 / 汇总 / 拆分模板 / 收集汇总) and its HTTP API.
@main
struct MinshengWebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minsheng-web",
        abstract: "网页版 minsheng：在浏览器中核对、汇总、拆分模板和收集汇总 (serve the web page).",
        discussion: "默认只在本机 127.0.0.1 上提供服务；在其他地址上提供服务时必须设置 --token。按 Ctrl+C 停止（正在处理的请求会先完成）。")

    @Option(help: "监听地址（默认只限本机）")
    var host = "127.0.0.1"

    @Option(help: "端口（0 表示任选一个空闲端口）")
    var port = 8080

    @Option(name: .customLong("max-upload-mb"), help: "一次上传的总大小上限（MB）")
    var maxUploadMB = 50

    @Option(help: "同时处理的请求数（其余排队）")
    var jobs: Int = WebOptions().jobs

    @Option(help: "排队等待的请求数上限（超过则答 503）")
    var queue: Int = WebOptions().queue

    @Option(name: .customLong("time-limit"), help: "每个请求的处理时间上限（秒），超过则答 503 并停止处理")
    var timeLimit: Int = WebOptions().timeLimitSeconds

    @Option(help: "访问令牌：设置后每个请求都要带上（Authorization: Bearer T 或 ?token=T）")
    var token: String?

    func run() async throws {
        var options = WebOptions()
        options.host = host
        options.port = port
        options.maxUploadMB = maxUploadMB
        options.jobs = jobs
        options.queue = queue
        options.timeLimitSeconds = timeLimit
        options.token = token
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
