import Foundation
@testable import Minsheng
import TestSupport
import Testing

/// Month over month (`--previous`) and `reconcile`, on fixtures where one writer made one file and
/// another writer the other (`Samples/generate/pairs.py`: openpyxl and XlsxWriter).
struct MonthOverMonthTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("monthly")

    struct Pair: Sendable, CustomStringConvertible {
        var previous: String
        var current: String
        var findings: [String]
        var description: String { current }
    }

    static let pairs: [Pair] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list.map { entry in
            Pair(
                previous: entry["previous"] as? String ?? "", current: entry["current"] as? String ?? "",
                findings: ((entry["findings"] as? [[String: String]]) ?? []).map {
                    "\($0["code"] ?? "") \($0["severity"] ?? "") \($0["cell"] ?? "")"
                })
        }
    }()

    @Test func bothWritersMakeACleanAndAWrongPair() {
        #expect(Self.pairs.count == 4)
        #expect(Self.pairs.filter(\.findings.isEmpty).count == 2)
    }

    @Test(arguments: pairs)
    func comparesWithLastPeriod(_ pair: Pair) async throws {
        let engine = try Engine.standard()
        var request = CheckRequest(inputs: [.path(Self.folder.appendingPathComponent(pair.current).path)])
        request.previous = try engine.readPrevious(.path(Self.folder.appendingPathComponent(pair.previous).path))
        let report = await engine.check(request)
        assertFindings(report.findings, pair.findings)
        if let falling = report.findings.first(where: { $0.code == .completedDecreased }) {
            #expect(falling.actual == 3150)
            #expect(falling.message.contains("\(pair.previous)!E3"), "names last period's cell")
        }
    }

    @Test func withoutPreviousTheSameFilesAreClean() async throws {
        let wrong = Self.pairs.first { !$0.findings.isEmpty }?.current ?? ""
        let report = await try Engine.standard().check(CheckRequest(inputs: [.path(Self.folder.appendingPathComponent(wrong).path)]))
        assertFindings(report.findings, [])
    }

    @Test func anAreasFallingCompletionIsFoundToo() async throws {
        let engine = try Engine.standard()
        let header = [["项目", "单位", "合计", "", "涡阳县", "", "蒙城县", ""], ["", "", "目标", "完成", "目标", "完成", "目标", "完成"]]
        let merges = ["A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:H1"]
        let before = TableFixture.source(header + [["就业", "人", "100", "60", "50", "30", "50", "30"]], merges: merges, name: "1-8月")
        let now = TableFixture.source(header + [["就业", "人", "100", "62", "50", "35", "50", "27"]], merges: merges, name: "1-9月")
        var request = CheckRequest(inputs: [now])
        request.previous = try engine.readPrevious(before)
        let report = await engine.check(request)
        assertFindings(report.findings, ["completed-decreased error H3"])
        #expect(report.findings.first?.area == "蒙城县")
    }

    @Test func anInputThatMatchesNoPreviousTableIsSaidSo() async throws {
        let engine = try Engine.standard()
        var request = CheckRequest(inputs: [.path(TestPaths.samples.appendingPathComponent("001-庐阳区-分解表.xlsx").path)])
        request.previous = try engine.readPrevious(.path(Self.folder.appendingPathComponent("openpyxl-1-8月.xlsx").path))
        let report = await engine.check(request)
        assertFindings(report.findings, ["previous-mismatch warning "])
    }

    @Test func convertAddsLastPeriodAndThisPeriodsIncrease() async throws {
        let engine = try Engine.standard()
        var request = ConvertRequest(
            inputs: [.path(Self.folder.appendingPathComponent("xlsxwriter-1-9月.xlsx").path)], output: .memory)
        request.previous = try engine.readPrevious(.path(Self.folder.appendingPathComponent("xlsxwriter-1-8月.xlsx").path))
        let result = try await engine.convert(request)
        let book = try InputWorkbook.open(.bytes(try #require(result.written.bytes), name: "out.xlsx"))
        let sheet = try book.sheet(named: "进度汇总")
        #expect(sheet.cell("G2")?.string == "完成数")
        #expect(sheet.cell("H2")?.string == "上期累计")
        #expect(sheet.cell("I2")?.string == "本期新增")
        #expect(sheet.cell("J2")?.string == "完成率")
        let completed = try #require(sheet.cell("G3")?.number)
        let previous = try #require(sheet.cell("H3")?.number)
        #expect(previous == 24772)
        #expect(sheet.cell("I3")?.number == completed - previous, "the cached value of =G3-H3")
        #expect(result.report.findings.isEmpty)
    }
}

struct ReconcileTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("reconcile")

    struct Set_: Sendable, CustomStringConvertible {
        var summary: String
        var returns: String
        var findings: [String]
        var description: String { returns }
    }

    static let sets: [Set_] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list.map { entry in
            Set_(
                summary: entry["summary"] as? String ?? "", returns: entry["returns"] as? String ?? "",
                findings: ((entry["findings"] as? [[String: String]]) ?? []).map {
                    "\($0["code"] ?? "") \($0["severity"] ?? "") \($0["cell"] ?? "")"
                })
        }
    }()

    @Test(arguments: sets)
    func comparesTheSummaryWithEachAreasOwnReturn(_ set: Set_) async throws {
        let returns = InputFiles.list([Self.folder.appendingPathComponent(set.returns).path]).inputs
        #expect(returns.count == 3)
        let result = try await Engine.standard().reconcile(
            ReconcileRequest(summary: .path(Self.folder.appendingPathComponent(set.summary).path), returns: returns))
        assertFindings(result.report.findings, set.findings)
        #expect(result.used.keys.sorted() == ["利辛县", "涡阳县", "蒙城县"])
        #expect(result.accounting.isComplete)
        #expect(result.accounting.merged == 18, "six items of three areas, every one compared")
        if let mismatch = result.report.findings.first(where: { $0.code == .areaMismatch && $0.area == "涡阳县" }) {
            #expect(mismatch.file.hasSuffix("汇总表.xlsx"), "the summary's cell")
            #expect(mismatch.message.contains("涡阳县.xlsx!E3"), "the return's cell")
            #expect(mismatch.actual == 7470)
            #expect(mismatch.expected == 7570)
        }
    }

    @Test func aReturnRowTheSummaryLacksIsNamed() async throws {
        let summary = Self.folder.appendingPathComponent("xlsxwriter/汇总表.xlsx").path
        let extra = TableFixture.source(
            [["涡阳县2023年进展"], ["项目", "单位", "年度目标", "完成数"], ["城镇新增就业", "人", "8300", "7470"], ["县里自加的项目", "个", "5", "4"]],
            name: "涡阳县")
        let result = try await Engine.standard().reconcile(ReconcileRequest(summary: .path(summary), returns: [extra]))
        #expect(result.report.findings.contains { $0.code == .unknownItem && $0.file == "涡阳县.csv" && $0.cell == "D4" })
        #expect(result.accounting.filled == 2)
        #expect(result.accounting.merged == 1)
        #expect(result.accounting.named == 1)
    }
}
