import Foundation
import TestSupport
import Testing

/// The package can be depended on by version: a throwaway package depends on a tagged clone of
/// this repository (`.package(url: "file://…", from: "9.9.9")`), imports XLSXReader, XLSXWriter
/// and Minsheng, builds, and runs. SwiftPM refuses such a dependency when a library target uses
/// `unsafeFlags`, and a resource that is not in the package is missing only for a dependent.
///
/// The clone holds what is committed (HEAD of this checkout), not the working tree's edits.
@Suite(.serialized)
struct PackageDependencyTests {
    static let git = PackageTool.find("git")
    static let swift = PackageTool.find("swift")

    @Test(
        .enabled(if: git != nil, "需要 git 才能克隆本仓库做依赖测试（没有找到 git，跳过）"),
        .enabled(if: swift != nil, "需要 swift 才能构建依赖本包的测试包（没有找到 swift，跳过）"),
        .timeLimit(.minutes(20)))
    func aTaggedCloneBuildsAsAVersionedDependency() throws {
        let git = try #require(Self.git)
        let swift = try #require(Self.swift)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-dependency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        // A clone of the committed repository, tagged 9.9.9 at this checkout's HEAD. The folder is
        // named `minsheng` so that the package's identity from its URL is `minsheng`.
        let root = try PackageTool.run(git, ["-C", TestPaths.packageRoot.path, "rev-parse", "--show-toplevel"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let head = try PackageTool.run(git, ["-C", root, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let clone = work.appendingPathComponent("minsheng")
        _ = try PackageTool.run(git, ["clone", "--quiet", "--no-checkout", root, clone.path])
        _ = try PackageTool.run(git, ["-C", clone.path, "checkout", "--quiet", head])
        _ = try PackageTool.run(
            git, ["-C", clone.path, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "tag", "-a", "9.9.9", "-m", "9.9.9", head])

        let consumer = work.appendingPathComponent("consumer")
        let sources = consumer.appendingPathComponent("Sources/consumer")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Data(Self.manifest(clone: clone).utf8).write(to: consumer.appendingPathComponent("Package.swift"))
        try Data(Self.program.utf8).write(to: sources.appendingPathComponent("main.swift"))

        // One compile job at the lowest priority: the suite's timing tests run alongside.
        let scratch = work.appendingPathComponent("build")
        let build = ["build", "--package-path", consumer.path, "--scratch-path", scratch.path, "--product", "consumer", "--jobs", "1"]
        if let nice = PackageTool.find("nice") {
            _ = try PackageTool.run(nice, ["-n", "19", swift] + build, timeout: 1_200)
        } else {
            _ = try PackageTool.run(swift, build, timeout: 1_200)
        }
        let binary = scratch.appendingPathComponent("debug/consumer").path
        let output = try PackageTool.run(binary, [], in: work)
        #expect(output.contains("check: rate-mismatch D2"), "\(output)")
        #expect(output.contains("reader: A1 城镇新增就业, B1 8300"), "\(output)")
        #expect(output.contains("dump: 城镇新增就业,8300"), "\(output)")
    }

    static func manifest(clone: URL) -> String {
        """
        // swift-tools-version:6.1
        import PackageDescription

        let package = Package(
            name: "consumer",
            platforms: [.macOS(.v13)],
            // Without the default `Web` trait: the web server's packages are then not fetched.
            dependencies: [.package(url: "\(clone.absoluteString)", from: "9.9.9", traits: [])],
            targets: [
                .executableTarget(
                    name: "consumer",
                    dependencies: [
                        .product(name: "XLSXReader", package: "minsheng"),
                        .product(name: "XLSXWriter", package: "minsheng"),
                        .product(name: "Minsheng", package: "minsheng"),
                    ])
            ]
        )
        """
    }

    /// Writes a workbook with XLSXWriter, reads it back from bytes with XLSXReader, and uses
    /// Minsheng's engine with its resource bundle (the header words) and the dump workflow.
    static let program = #"""
        import Foundation
        import Minsheng
        import XLSXReader
        import XLSXWriter

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("consumer-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let written = try XLSXWorkbook(path: path)
        let sheet = try written.addWorksheet("Sheet1")
        try sheet.write("城镇新增就业", row: 0, column: 0)
        try sheet.write(8300, row: 0, column: 1)
        try written.close()

        // The engine, with the data files of its resource bundle (the header words): a progress
        // table checked from bytes.
        let table = FileManager.default.temporaryDirectory.appendingPathComponent("consumer-\(UUID().uuidString)-table.xlsx").path
        defer { try? FileManager.default.removeItem(atPath: table) }
        let progress = try XLSXWorkbook(path: table)
        let rows = try progress.addWorksheet("Sheet1")
        for (column, header) in ["项目", "年度目标", "完成数", "完成率"].enumerated() { try rows.write(header, row: 0, column: column) }
        try rows.write("城镇新增就业", row: 1, column: 0)
        try rows.write(8300, row: 1, column: 1)
        try rows.write(4150, row: 1, column: 2)
        try rows.write("60%", row: 1, column: 3)
        try progress.close()
        let engine = try Engine.standard()
        let tableBytes = Array(try Data(contentsOf: URL(fileURLWithPath: table)))
        let report = await engine.check(CheckRequest(inputs: [.bytes(tableBytes, name: "进度.xlsx")]))
        print("check: " + report.findings.map { "\($0.code.rawValue) \($0.cell ?? "")" }.joined(separator: ", "))

        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let workbook = try Workbook(bytes: bytes, name: "consumer.xlsx")
        let read = try workbook.sheet(workbook.sheets[0])
        func text(_ a1: String) -> String {
            switch read.cell(a1)?.value {
            case .string(let s): return s
            case .number(let n): return String(Int(n))
            default: return "?"
            }
        }
        print("reader: A1 \(text("A1")), B1 \(text("B1"))")

        let dump = try DumpWorkflow.run(DumpRequest(source: .bytes(bytes, name: "consumer.xlsx"), format: .csv))
        print("dump: " + String(decoding: dump.bytes ?? [], as: UTF8.self), terminator: "")
        """#
}

/// Finding and running the tools the dependency test needs.
enum PackageTool {
    /// The executable `name` on the PATH, if any.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a program and returns its standard output; throws with its output when it fails.
    static func run(_ executable: String, _ arguments: [String], in folder: URL? = nil, timeout: TimeInterval = 120) throws -> String {
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let out = logs.appendingPathComponent("stdout")
        let err = logs.appendingPathComponent("stderr")
        for file in [out, err] { try Data().write(to: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "MINSHENG_TEMPLATES")
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            exited.wait()
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) 超过 \(Int(timeout)) 秒")
        }
        let stdout = String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "\(executable) \(arguments.joined(separator: " ")) 退出状态 \(process.terminationStatus)\n\(stdout)\n\(stderr)")
        }
        return stdout
    }
}
