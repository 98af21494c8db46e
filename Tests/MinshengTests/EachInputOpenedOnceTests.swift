import Foundation
import Testing
import TestSupport

@testable import Minsheng

/// Every job opens each of its inputs once: a return is not opened again to look for its
/// template metadata and again to read its own layout, a plan not again per area.
@Suite struct EachInputOpenedOnceTests {
    static let samples = InputFiles.list([TestPaths.samples.path]).inputs
    static let returns = InputFiles.list([TestPaths.samples.appendingPathComponent("returns").path]).inputs
    static let plan = InputSource.path(TestPaths.samples.appendingPathComponent("002-亳州-分解表-分列.xlsx").path)

    /// The names opened while `job` runs, and how many times each.
    static func openings(_ job: () async throws -> Void) async rethrows -> [String: Int] {
        let log = OpenedInputs()
        try await InputWorkbook.$openedInputs.withValue(log) { try await job() }
        return log.all.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    @Test func checkAndConvert() async throws {
        let engine = try Engine.standard()
        #expect(Self.samples.count >= 5)
        let checked = await Self.openings { _ = await engine.check(CheckRequest(inputs: Self.samples)) }
        #expect(checked == Dictionary(uniqueKeysWithValues: Self.samples.map { ($0.name, 1) }))
        let converted = try await Self.openings {
            _ = try await engine.convert(ConvertRequest(inputs: Self.samples, output: .memory))
        }
        #expect(converted == Dictionary(uniqueKeysWithValues: Self.samples.map { ($0.name, 1) }))
    }

    @Test func collectOpensThePlanAndEachReturnOnce() async throws {
        let engine = try Engine.standard()
        #expect(Self.returns.count >= 6)
        let opened = try await Self.openings {
            _ = try await engine.collect(CollectRequest(plan: Self.plan, returns: Self.returns, output: .memory))
        }
        #expect(opened == Dictionary(uniqueKeysWithValues: ([Self.plan] + Self.returns).map { ($0.name, 1) }))
    }

    @Test func reconcileOpensTheSummaryAndEachReturnOnce() async throws {
        let engine = try Engine.standard()
        let folder = TestPaths.samples.appendingPathComponent("reconcile")
        let summary = InputSource.path(folder.appendingPathComponent("汇总表.xlsx").path)
        let returns = InputFiles.list([folder.appendingPathComponent("县区报表").path]).inputs
        #expect(returns.count >= 2)
        let opened = try await Self.openings { _ = try await engine.reconcile(ReconcileRequest(summary: summary, returns: returns)) }
        #expect(opened == Dictionary(uniqueKeysWithValues: ([summary] + returns).map { ($0.name, 1) }))
    }
}
