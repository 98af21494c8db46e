import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// Copies of the samples with one defect each (made by openpyxl, see
/// `Tests/Fixtures/injected/manifest.json`): each defect is found with its code and cell, and
/// nothing else appears except in the changed row.
struct InjectedDefectTests {
    struct Entry: Sendable, CustomStringConvertible {
        var file: String
        var base: String
        var expected: [[String: String]]
        var description: String { file }
    }

    static let folder = TestPaths.fixtures.appendingPathComponent("injected")

    static let entries: [Entry] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list.map { item in
            let expected = (item["expected"] as? [[String: Any]] ?? []).map { finding in
                finding.mapValues { value in (value as? NSNumber).map { "\($0)" } ?? "\(value)" }
            }
            return Entry(file: item["file"] as? String ?? "", base: item["base"] as? String ?? "", expected: expected)
        }
    }()

    @Test func everyFindingCodeOfTheCheckIsInjected() {
        let codes = Set(Self.entries.flatMap { $0.expected.compactMap { $0["code"] } })
        #expect(
            codes == [
                "total-mismatch", "completed-total-mismatch", "rate-mismatch", "negative-value", "unparsed-value",
                "duplicate-item", "missing-target", "breakdown-incomplete", "formula-without-value",
            ])
    }

    @Test(arguments: entries)
    func findsTheInjectedDefect(_ entry: Entry) throws {
        let checker = try Checker()
        let (_, findings) = checker.check(file: Self.folder.appendingPathComponent(entry.file).path)
        let (_, baseline) = checker.check(file: TestPaths.samples.appendingPathComponent(entry.base).path)
        var changedRows = Set<Int>()
        for want in entry.expected {
            let found = findings.first { f in
                f.code.rawValue == want["code"] && f.severity.rawValue == want["severity"]
                    && (want["cell"].map { f.cell == $0 } ?? true) && (want["row"].map { "\(f.row ?? 0)" == $0 } ?? true)
            }
            #expect(found != nil, "\(entry.file): expected \(want), found \(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" })")
            if let row = found?.row { changedRows.insert(row) }
            if let e = want["expected"], let found { #expect(found.expected.map { "\(Int($0))" } == e) }
            if let a = want["actual"], let found { #expect(found.actual.map { "\(Int($0))" } == a) }
        }
        let baselineKeys = Set(baseline.map { "\($0.code.rawValue)|\($0.cell ?? "")" })
        let extra = findings.filter {
            !baselineKeys.contains("\($0.code.rawValue)|\($0.cell ?? "")") && !changedRows.contains($0.row ?? -1)
        }
        #expect(extra.isEmpty, "\(entry.file): unexpected \(extra.map(\.message))")
    }
}
