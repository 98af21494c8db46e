import Foundation
import TestSupport
import Testing
import XLSXReader

/// Every file of the calamine corpus: our cells equal openpyxl's or calamine's (the whole file
/// agreeing with at least one), our merged ranges and sheet states equal openpyxl's, and files
/// both peers fail on are refused with our error.
struct CorpusConformanceTests {
    static let corpus = TestPaths.fixtures.appendingPathComponent("calamine")

    static var files: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".xlsx") }.sorted()
    }

    struct PeerSheet {
        var name: String
        var state: String?
        var merged: [String]?
        var cells: [String: OracleValue]
    }

    static func peer(_ json: Any?) -> [PeerSheet]? {
        guard let sheets = json as? [[String: Any]] else { return nil }
        return sheets.map { sheet in
            var cells: [String: OracleValue] = [:]
            for (key, value) in sheet["cells"] as? [String: Any] ?? [:] {
                if let decoded = OracleValue(json: value) { cells[key] = decoded }
            }
            return PeerSheet(
                name: sheet["name"] as? String ?? "", state: sheet["state"] as? String,
                merged: sheet["merged"] as? [String], cells: cells)
        }
    }

    /// Why our sheets differ from a peer's, or nil when they agree. python-calamine shows error
    /// cells as empty (errors.xlsx, picture_richdata.xlsx: openpyxl sees `#VALUE!`, calamine
    /// nothing), so against it `seesErrors: false` leaves our error cells out where it has none.
    static func disagreement(_ ours: [Sheet], _ theirs: [PeerSheet], seesErrors: Bool = true) -> String? {
        guard ours.map(\.name) == theirs.map(\.name) else {
            return "sheet names \(ours.map(\.name)) vs \(theirs.map(\.name))"
        }
        for (sheet, peer) in zip(ours, theirs) {
            var grid = oracleGrid(sheet)
            if !seesErrors {
                grid = grid.filter { key, value in
                    if case .error = value, peer.cells[key] == nil { return false }
                    return true
                }
            }
            if let mismatch = firstGridMismatch(ours: grid, theirs: peer.cells) {
                return "\(sheet.name)!\(mismatch)"
            }
        }
        return nil
    }

    @Test func corpusIsPresent() {
        #expect(Self.files.count == 65)
    }

    @Test(arguments: files)
    func agreesWithAPeer(file: String) throws {
        let expectedURL = Self.corpus.appendingPathComponent("expected")
            .appendingPathComponent((file as NSString).deletingPathExtension + ".json")
        let data = try Data(contentsOf: expectedURL)
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let openpyxl = Self.peer(record["openpyxl"])
        let calamine = Self.peer(record["calamine"])
        let path = Self.corpus.appendingPathComponent(file).path

        let ours: [Sheet]
        do {
            ours = try Workbook(path: path).allSheets()
        } catch {
            #expect(openpyxl == nil && calamine == nil, "we refused \(file) that a peer read: \(error)")
            #expect(error.description.contains(path), "the error names the file")
            return
        }
        #expect(openpyxl != nil || calamine != nil, "both peers fail on \(file), but we read it")

        let againstOpenpyxl = openpyxl.map { Self.disagreement(ours, $0) } ?? "openpyxl failed"
        let againstCalamine = calamine.map { Self.disagreement(ours, $0, seesErrors: false) } ?? "calamine failed"
        #expect(
            againstOpenpyxl == nil || againstCalamine == nil,
            "\(file): openpyxl: \(againstOpenpyxl ?? "agrees"); calamine: \(againstCalamine ?? "agrees")")

        if let openpyxl, openpyxl.map(\.name) == ours.map(\.name) {
            for (sheet, peer) in zip(ours, openpyxl) {
                #expect(sheet.mergedRanges.map(\.description).sorted() == (peer.merged ?? []), "\(file)!\(sheet.name) merged")
                #expect(sheet.state.rawValue == peer.state, "\(file)!\(sheet.name) state")
            }
        }
    }
}
