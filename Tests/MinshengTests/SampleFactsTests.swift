import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// The facts of `Samples/expected.json`: each sample's sheet, header row and item count, the
/// errors it must report, and what may at most be a warning.
struct SampleFactsTests {
    nonisolated(unsafe) static let expected: [String: [String: Any]] = {
        let url = TestPaths.samples.appendingPathComponent("expected.json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
        else { return [:] }
        return object
    }()

    static var samples: [String] { expected.keys.sorted() }

    static let checker: Checker? = try? Checker()

    @Test func everySampleHasFacts() {
        #expect(Self.samples.count == 7)
        #expect(Self.checker != nil, "Templates/headers.json loads")
    }

    @Test(arguments: samples)
    func findsTheTableAndCountsItsItems(_ name: String) throws {
        let facts = try #require(Self.expected[name])
        let checker = try #require(Self.checker)
        let table = try checker.finder.find(in: TestPaths.samples.appendingPathComponent(name).path)
        #expect(table.sheet.name == facts["sheet"] as? String)
        #expect(table.layout.headerRows.lowerBound + 1 == facts["headerRow"] as? Int)
        #expect(table.items.count == facts["items"] as? Int)
    }

    @Test(arguments: samples)
    func reportsExactlyTheExpectedErrors(_ name: String) throws {
        let facts = try #require(Self.expected[name])
        let checker = try #require(Self.checker)
        let (result, findings) = checker.check(file: TestPaths.samples.appendingPathComponent(name).path)
        #expect(result.status == .ok)
        let errors = findings.filter { $0.severity == .error }
        let expectedErrors = facts["errors"] as? [[String: String]] ?? []
        #expect(errors.count == expectedErrors.count, "\(name): \(errors.map(\.message))")
        for want in expectedErrors {
            let match = errors.first { error in
                error.code.rawValue == want["code"] && (error.item ?? "").contains(want["item"] ?? "")
                    && (want["cell"].map { error.cell == $0 } ?? true)
                    && (want["column"].map { error.cell?.hasPrefix($0) == true } ?? true)
            }
            #expect(match != nil, "\(name): expected \(want)")
        }
        for allowed in facts["warningsAllowed"] as? [[String: String]] ?? [] {
            let item = allowed["item"] ?? ""
            #expect(!errors.contains { ($0.item ?? "").contains(item) && $0.code.rawValue == allowed["code"] })
        }
    }

    @Test func seed003HasTheOneDefiniteRateErrorAndTheNearMissAsAWarning() throws {
        let checker = try #require(Self.checker)
        let (_, findings) = checker.check(file: TestPaths.samples.appendingPathComponent("003-民生实事进展情况.xlsx").path)
        let rates = findings.filter { $0.code == .rateMismatch }
        let error = try #require(rates.first { $0.severity == .error })
        #expect(error.item?.contains("大病保险合规费用报销比例") == true)
        #expect(error.expected == 111.67)
        #expect(error.actual == 116.67)
        let warning = try #require(rates.first { $0.severity == .warning })
        #expect(warning.item?.contains("职工基本医疗保险政策范围内住院费用报销比例") == true)
        // 3000 of 24185 reported 12% is consistent.
        #expect(!findings.contains { $0.item?.contains("投资额") == true })
    }

    @Test func seed000ReportsThePensionRateAndOnlyWarnsOnTheTruncatedToiletRate() throws {
        let checker = try #require(Self.checker)
        let (_, findings) = checker.check(file: TestPaths.samples.appendingPathComponent("000-镜湖区-进展情况.xlsx").path)
        let pension = try #require(findings.first { $0.item?.contains("当年缴费人数") == true })
        #expect(pension.code == .rateMismatch && pension.severity == .error)
        #expect(pension.expected == 102.27 && pension.actual == 111)
        let toilets = try #require(findings.first { $0.item?.contains("农村户用厕所改造") == true })
        #expect(toilets.severity == .warning)
    }

    @Test func theProsePlanIsReallyCheckedBreakdownByBreakdown() throws {
        let checker = try #require(Self.checker)
        let table = try checker.finder.find(in: TestPaths.samples.appendingPathComponent("002-亳州-分解表-文字.xlsx").path)
        let breakdowns = table.items.flatMap { row -> [Breakdown] in
            guard let text = row.values[ValueKey(.target)]?.string else { return [] }
            return TestWords.parser.parse(text)
        }
        let withTotals = breakdowns.filter { $0.total != nil }
        // The sample's 50 paragraphs hold 18 breakdowns with a total (城镇新增就业 3.3万, 3265,
        // 2200 = 550×4, 4.48万, 8100, 164, 1604, 1442, 5875, 7400, 1103, 3.8万, 182, 4.1万, 1.7万,
        // 31, 887, 12 = 4 + 2×4); 停车泊位's 其中 names no area and 棚户区's splits several
        // figures per area, which is not guessed at.
        #expect(withTotals.count == 18, "\(withTotals.count) breakdowns with a total were found")
        let asPlan = Validator().findings(for: table)
        #expect(asPlan.filter { $0.severity == .error }.isEmpty)
    }
}
