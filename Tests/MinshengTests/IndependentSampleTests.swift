import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// The independent sample set (`Tests/Fixtures/independent/`): written by a separate generator
/// with its own expectations, so that recognition is not graded only on our own samples.
struct IndependentSampleTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("independent")

    struct Sample: Sendable, CustomStringConvertible {
        var file: String
        var sheet: String
        var headerRows: [Int]
        var items: Int
        var findings: [[String: String]]
        var description: String { file }
    }

    struct Injected: Sendable, CustomStringConvertible {
        var file: String
        var findings: [[String: String]]
        var mustNot: [[String: String]]
        var allowed: [[String: String]]
        var description: String { file }
    }

    static func strings(_ list: Any?) -> [[String: String]] {
        (list as? [[String: Any]] ?? []).map { $0.mapValues { "\($0)" } }
    }

    static let samples: [Sample] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("Samples/expected.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let list = object["samples"] as? [[String: Any]]
        else { return [] }
        return list.map { entry in
            Sample(
                file: (entry["file"] as? String ?? "").replacingOccurrences(of: "Samples/", with: ""),
                sheet: entry["data_sheet"] as? String ?? "", headerRows: entry["header_rows"] as? [Int] ?? [],
                items: entry["items"] as? Int ?? -1, findings: strings(entry["findings"]))
        }
    }()

    static let injected: [Injected] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("injected/manifest.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let list = object["files"] as? [[String: Any]]
        else { return [] }
        return list.map { entry in
            Injected(
                file: ((entry["file"] as? String ?? "") as NSString).lastPathComponent, findings: strings(entry["findings"]),
                mustNot: strings(entry["must_not"]), allowed: strings(entry["allowed_extra"]))
        }
    }()

    @Test func theSetIsPresent() {
        #expect(Self.samples.count == 7)
        #expect(Self.injected.count == 10)
    }

    @Test(arguments: samples)
    func recognizesTheTable(_ sample: Sample) throws {
        let table = try Checker().finder.find(in: Self.folder.appendingPathComponent("Samples/\(sample.file)").path)
        #expect(table.sheet.name == sample.sheet)
        #expect(Array((table.layout.headerRows.lowerBound + 1)...(table.layout.headerRows.upperBound + 1)) == sample.headerRows)
        #expect(table.items.count == sample.items)
    }

    @Test(arguments: samples)
    func reportsTheExpectedFindings(_ sample: Sample) throws {
        let (_, findings) = try Checker().check(file: Self.folder.appendingPathComponent("Samples/\(sample.file)").path)
        let got = Set(findings.map { "\($0.code.rawValue) \($0.severity.rawValue) \($0.cell ?? "")" })
        let want = Set(sample.findings.map { "\($0["code"] ?? "") \($0["severity"] ?? "") \($0["cell"] ?? "")" })
        #expect(got == want)
    }

    @Test(arguments: injected)
    func findsTheInjectedDefect(_ entry: Injected) throws {
        let (_, findings) = try Checker().check(file: Self.folder.appendingPathComponent("injected/\(entry.file)").path)
        let got = Set(findings.map { "\($0.code.rawValue) \($0.severity.rawValue) \($0.cell ?? "")" })
        let want = Set(entry.findings.map { "\($0["code"] ?? "") \($0["severity"] ?? "") \($0["cell"] ?? "")" })
        let allowed = Set(entry.allowed.map { "\($0["code"] ?? "") \($0["cell"] ?? "")" })
        #expect(want.isSubset(of: got), "missing \(want.subtracting(got))")
        let extra = findings.filter {
            !want.contains("\($0.code.rawValue) \($0.severity.rawValue) \($0.cell ?? "")")
                && !allowed.contains("\($0.code.rawValue) \($0.cell ?? "")")
        }
        #expect(extra.isEmpty, "unexpected \(extra.map { "\($0.code.rawValue) \($0.cell ?? "")" })")
        for forbidden in entry.mustNot {
            #expect(!findings.contains { f in
                f.code.rawValue == forbidden["code"] && (forbidden["cell"].map { f.cell == $0 } ?? true)
            })
        }
    }
}
