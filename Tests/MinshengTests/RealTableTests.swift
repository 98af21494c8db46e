import Foundation
import Minsheng
import TestSupport
import Testing

/// The real published tables of `Tests/Fixtures/real/` (transcribed from government pages,
/// written by openpyxl or XlsxWriter): each is read as its manifest says — orientation, areas,
/// total, the key columns' roles, each item's overall figures — and gives exactly the findings
/// its published figures give; its copy with one injected error gives that error too.
///
/// A table still misread is listed, with what is wrong, in `known-misreadings.json`: its test
/// then asserts that it is still misread, so that a fix is noticed and the entry removed.
struct RealTableTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("real")

    struct Table: Sendable, CustomStringConvertible {
        var file: String
        var province: String
        var expected: [String: any Sendable]
        var injectedFile: String?
        var injectedFindings: [[String: String]]
        var description: String { file }
    }

    static func strings(_ list: Any?) -> [[String: String]] {
        (list as? [[String: Any]] ?? []).map { $0.mapValues { "\($0)" } }
    }

    static let tables: [Table] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let list = object["tables"] as? [[String: Any]]
        else { return [] }
        return list.map { entry in
            let injected = entry["injected"] as? [String: Any]
            let expected = (entry["expected"] as? [String: Any] ?? [:]).mapValues { SendableBox(value: $0) as any Sendable }
            return Table(
                file: entry["file"] as? String ?? "", province: entry["province"] as? String ?? "", expected: expected,
                injectedFile: injected?["file"] as? String, injectedFindings: strings(injected?["findings"]))
        }
    }()

    /// File stem → what is still wrong.
    static let knownMisreadings: [String: String] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("known-misreadings.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return [:] }
        return object
    }()

    static func stem(_ file: String) -> String {
        String(file.split(separator: ".").first ?? Substring(file))
    }

    @Test func theCorpusIsPresent() {
        #expect(Self.tables.count >= 40)
        #expect(Set(Self.tables.map(\.province)).count >= 10)
        // Every known misreading names a table of the corpus.
        for stem in Self.knownMisreadings.keys {
            #expect(Self.tables.contains { Self.stem($0.file) == stem }, "known-misreadings.json names \(stem), not in the corpus")
        }
    }

    @Test(arguments: tables) func readAsTheManifestSays(_ table: Table) throws {
        let problems = Self.problems(table)
        if let known = Self.knownMisreadings[Self.stem(table.file)] {
            #expect(!problems.isEmpty, "\(table.file) is now read as its manifest says: remove it from known-misreadings.json (\(known))")
        } else {
            #expect(problems.isEmpty, "\(table.file): \(problems.joined(separator: "; "))")
        }
    }

    @Test(arguments: tables.filter { $0.injectedFile != nil }) func injectedErrorIsFound(_ table: Table) throws {
        guard let file = table.injectedFile else { return }
        let (_, findings, _) = try Self.check(file)
        var missing: [String] = []
        for wanted in table.injectedFindings where !findings.contains(where: { Self.matches($0, wanted) }) {
            missing.append("\(wanted["code"] ?? "?") \(wanted["cell"] ?? "")")
        }
        if Self.knownMisreadings[Self.stem(table.file)] == nil {
            #expect(missing.isEmpty, "\(file): not found \(missing); found \(findings.map { "\($0.code.rawValue) \($0.cell ?? "")" })")
        }
    }

    /// A reading written out as a layout file and given back with `--layout` reads the table
    /// the same way: the same columns, areas, total and items, the same findings.
    @Test(arguments: tables.filter { knownMisreadings[stem($0.file)] == nil }.map(\.file) + sampleFiles)
    func aSavedReadingReadsTheSame(_ file: String) throws {
        let path = file.hasPrefix("Samples/") ? TestPaths.packageRoot.appendingPathComponent(file).path : Self.folder.appendingPathComponent(file).path
        let checker = try Checker()
        let (result, findings, tables) = checker.readAll(source: .path(path))
        let table = try #require(tables.first, "\(file): \(result.error ?? "")")
        let reading = TableReading(table)
        let layoutText = ReadingText.layoutFile(reading).serialized()
        let override = try LayoutOverride.load(data: Data(layoutText.utf8), path: "saved.json")
        let (again, foundAgain, tablesAgain) = checker.readAll(source: .path(path), recognition: RecognitionOptions(layoutOverride: override))
        let second = try #require(tablesAgain.first, "\(file) with its saved layout \(layoutText): \(again.error ?? "")")
        let readAgain = TableReading(second)
        #expect(readAgain.orientation == reading.orientation, "\(file)")
        #expect(readAgain.columns.map { "\($0.letter) \($0.role)" } == reading.columns.map { "\($0.letter) \($0.role)" }, "\(file): \(layoutText)")
        #expect(readAgain.areas == reading.areas, "\(file)")
        #expect(readAgain.total?.label == reading.total?.label, "\(file)")
        #expect(readAgain.itemRows == reading.itemRows, "\(file)")
        // The findings of the sheet read (a layout names one sheet; others are not read with it).
        let mine = findings.filter { $0.sheet == table.sheet.name }.map { "\($0.code.rawValue) \($0.cell ?? "") \($0.message)" }
        let theirs = foundAgain.filter { $0.sheet == second.sheet.name }.map { "\($0.code.rawValue) \($0.cell ?? "") \($0.message)" }
        #expect(theirs == mine, "\(file): \(layoutText)")
    }

    static let sampleFiles: [String] = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.samples.path))?
        .filter { $0.hasSuffix(".xlsx") }.sorted().map { "Samples/" + $0 } ?? []

    // MARK: - Comparing a reading with the manifest

    static func check(_ file: String) throws -> (FileResult, [Finding], [RecognizedTable]) {
        let checker = try Checker()
        return checker.readAll(source: .path(folder.appendingPathComponent(file).path))
    }

    static func matches(_ finding: Finding, _ wanted: [String: String]) -> Bool {
        guard finding.code.rawValue == wanted["code"] else { return false }
        guard let cell = wanted["cell"], !cell.isEmpty else { return true }
        return finding.cell == cell
    }

    static func normalized(_ text: String) -> String {
        text.filter { !$0.isWhitespace }.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
    }

    /// The expected role of a column as our layout names it (`serial` is `sequence` …); nil for
    /// a label role, which needs only to be read as some label.
    static func valueRole(_ role: String) -> String? {
        let head = role.split(separator: "@").first.map(String.init) ?? role
        return ["target", "completed", "rate"].contains(head) ? role : nil
    }

    /// What differs between how the table is read and what its manifest says (empty: nothing).
    static func problems(_ table: Table) -> [String] {
        let result: FileResult
        let findings: [Finding]
        let tables: [RecognizedTable]
        do { (result, findings, tables) = try check(table.file) } catch { return ["\(error)"] }
        guard result.status == .ok, let main = tables.first else { return ["unreadable: \(result.error ?? "")"] }
        let expected = table.expected.mapValues { ($0 as? SendableBox)?.value as Any }
        var problems: [String] = []
        let reading = TableReading(main)
        if let orientation = expected["orientation"] as? String, orientation != reading.orientation.rawValue {
            problems.append("orientation \(reading.orientation.rawValue), expected \(orientation)")
        }
        if let areas = expected["areas"] as? [String], !areas.isEmpty {
            let ours = Set(reading.areas.map(normalized))
            let theirs = Set(areas.map(normalized))
            if ours != theirs { problems.append("areas \(reading.areas), expected \(areas)") }
        }
        if let total = expected["total"] as? String {
            let ours = reading.total.map { normalized($0.label) } ?? ""
            if !(ours.contains(normalized(total)) || (!ours.isEmpty && normalized(total).contains(ours))) {
                problems.append("total \(reading.total?.label ?? "none"), expected \(total)")
            }
        }
        if let columns = expected["columns"] as? [String: String] {
            let ours = Dictionary(reading.columns.map { ($0.letter, $0.role) }, uniquingKeysWith: { a, _ in a })
            for (letter, role) in columns.sorted(by: { $0.key < $1.key }) {
                if role == "area-name" {
                    if ours[letter] != "areaName" { problems.append("column \(letter) \(ours[letter] ?? "unread"), expected area names") }
                } else if let value = valueRole(role) {
                    let wanted = value.hasSuffix("@total") && reading.orientation == .noAreas ? String(value.dropLast(6)) : value
                    let mine = ours[letter].map { reading.orientation == .areasInRows ? ($0.split(separator: "@").first.map(String.init) ?? $0) : $0 }
                    let want = reading.orientation == .areasInRows ? (wanted.split(separator: "@").first.map(String.init) ?? wanted) : wanted
                    if mine != want { problems.append("column \(letter) \(ours[letter] ?? "unread"), expected \(role)") }
                } else if let mine = ours[letter], valueRole(mine) != nil {
                    problems.append("column \(letter) \(mine), expected the label \(role)")
                }
            }
        }
        if let items = expected["items"] as? [[String: Any]] {
            let checked = CheckedTable(main)
            for item in items {
                guard let name = item["name"] as? String else { continue }
                let wanted = normalized(name)
                let rows = checked.rows.filter { row in
                    let full = normalized([row.row.category, row.row.project, row.row.indicator].compactMap { $0 }.joined(separator: "|"))
                    return full.contains(wanted) && !row.row.areaIsTotal || (row.row.areaIsTotal && full.contains(wanted))
                }
                var totals = rows.filter { $0.row.areaName == nil || $0.row.areaIsTotal }
                // A name that is some item's whole project or indicator names that item.
                let exact = totals.filter { row in [row.row.project, row.row.indicator].contains { $0.map(normalized) == wanted } }
                if exact.count == 1 { totals = exact }
                guard totals.count == 1, let row = totals.first else {
                    problems.append("item “\(name)”: \(totals.count) items match")
                    continue
                }
                for measure in [Measure.target, .completed, .rate] {
                    guard let value = item[measure.rawValue] else { continue }
                    let cell = row.values[ValueKey(measure)]
                    if let number = (value as? NSNumber)?.doubleValue {
                        guard let figure = cell?.quantity.quantity else {
                            problems.append("item “\(name)” \(measure.rawValue): no figure, expected \(number)")
                            continue
                        }
                        let ours = NSDecimalNumber(decimal: figure.value).doubleValue
                        let close = { (a: Double, b: Double) in abs(a - b) <= max(1e-6, abs(b) * 1e-6) }
                        if !(close(ours, number) || (measure == .rate && (close(ours, number * 100) || close(ours / 100, number)))) {
                            problems.append("item “\(name)” \(measure.rawValue) \(ours), expected \(number)")
                        }
                    } else if let text = value as? String {
                        let raw: String
                        switch cell?.cell.value {
                        case .string(let s)?: raw = s
                        case .number(let n)?: raw = "\(n)"
                        default: raw = ""
                        }
                        if !normalized(raw).contains(normalized(text)) && !normalized(text).contains(normalized(raw)) || raw.isEmpty {
                            problems.append("item “\(name)” \(measure.rawValue) “\(raw)”, expected “\(text)”")
                        }
                    }
                }
            }
        }
        let wanted = strings(expected["findings"])
        for finding in wanted where !findings.contains(where: { matches($0, finding) }) {
            problems.append("missing finding \(finding["code"] ?? "") \(finding["cell"] ?? "")")
        }
        for finding in findings where !wanted.contains(where: { matches(finding, $0) }) {
            problems.append("unexpected \(finding.severity.rawValue) \(finding.code.rawValue) \(finding.cell ?? ""): \(finding.message)")
        }
        return problems
    }
}

/// A JSON value carried across the test's argument boundary.
struct SendableBox: @unchecked Sendable {
    var value: Any
}
