import Foundation
@testable import Minsheng
import Synchronization
import Testing
import TestSupport
import XLSXReader

/// Parallel batches: results in input order, reports and workbooks independent of `--jobs`.
struct BatchTests {
    /// Every workbook the tests have: samples, returns, one-defect copies, the independent set.
    static var manyFiles: [String] {
        InputFiles.expand([
            TestPaths.samples.path, TestPaths.samples.appendingPathComponent("returns").path,
            TestPaths.fixtures.appendingPathComponent("injected").path,
            TestPaths.fixtures.appendingPathComponent("independent").path,
            TestPaths.fixtures.appendingPathComponent("calamine/pass_protected.xlsx").path,
        ])
    }

    @Test func deliversResultsInInputOrderWhateverFinishesFirst() async {
        let inputs = (0..<200).map(String.init)
        let concurrent = Mutex((now: 0, peak: 0))
        let order = await Batch.map(inputs, jobs: 4) { input in
            concurrent.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            // Later inputs finish sooner: without reordering the results would come back shuffled.
            usleep(UInt32((200 - (Int(input) ?? 0)) % 7) * 300)
            concurrent.withLock { $0.now -= 1 }
            return input
        }
        #expect(order == inputs)
        #expect(concurrent.withLock { $0.peak } <= 4)
    }

    @Test func callsProgressOncePerFile() async {
        let calls = Mutex<[Int]>([])
        _ = await Batch.map((0..<50).map(String.init), jobs: 3, progress: { done, _ in calls.withLock { $0.append(done) } }) { $0 }
        #expect(calls.withLock { $0 } == Array(1...50))
    }

    @Test func checkReportIsTheSameWithOneJobOrFive() async throws {
        let files = Self.manyFiles
        #expect(files.count > 20)
        let checker = try Checker()
        let one = await checker.check(files: files, jobs: 1)
        let five = await checker.check(files: files, jobs: 5)
        #expect(one.json() == five.json())
        #expect(one.files.map(\.path) == files)
        #expect(one.unreadableCount == 1)
    }
}

extension BatchTests {
    @Test func streamedJSONIsTheSameTextAsTheWholeReport() async throws {
        let report = await (try Checker()).check(files: Self.manyFiles, jobs: 2)
        #expect(report.findings.count > 10)
        var streamed = ""
        var pieces = 0
        report.writeJSON { streamed += $0; pieces += 1 }
        #expect(streamed == report.json())
        #expect(pieces > report.findings.count)
    }
}

extension BatchTests {
    @Test(arguments: [CheckReportWriter.Format.text, .json])
    func reportWrittenAsTheBatchGoesIsTheWholeReport(format: CheckReportWriter.Format) async throws {
        let checker = try Checker()
        let report = await checker.check(files: Self.manyFiles, jobs: 1)
        let sink = ByteSink.memory()
        let writer = try CheckReportWriter(format: format, to: sink)
        await checker.check(sources: Self.manyFiles.map(InputSource.path), jobs: 3) { writer.add($0, $1) }
        try writer.finish()
        let whole = format == .json ? report.json() + "\n" : TextReport.render(report)
        #expect(String(decoding: sink.collected, as: UTF8.self) == whole)
        #expect(writer.exitStatus == report.exitStatus)
        #expect(report.findings.count > 10)
    }
}
