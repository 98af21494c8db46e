import Foundation
import TestSupport
import Testing
import XLSXReader

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Deterministic randomness

// (SplitMix64, in TestSupport, makes every mutant the same on every run and every machine.)
extension SplitMix64 {
    /// A non-zero byte to XOR with.
    mutating func flipMask() -> UInt8 { UInt8(1 + below(255)) }
}

// MARK: - Mutants of the bundled samples

/// One way of damaging a sample workbook.
enum MutationKind: String, Sendable, CaseIterable {
    /// The file cut short at a random point.
    case truncate
    /// Bytes XOR-ed inside an entry's compressed (deflate) data, away from the zip headers; the
    /// CRC and sizes are left as they were.
    case compressedFlip
    /// Bytes XOR-ed inside an inflated XML part, re-stored with a correct CRC, so the damage
    /// reaches the XML parser and the handlers instead of being caught by the zip layer.
    case xmlFlip
    /// One entry left out.
    case drop
    /// Two entries' names exchanged (e.g. sheet1.xml's bytes under the name sharedStrings.xml).
    case swap
}

/// A mutant: which sample, which damage, which seed. The bytes are made when the test runs.
struct Mutant: Sendable, CustomTestStringConvertible {
    var sample: String
    var kind: MutationKind
    var variant: Int
    var seed: UInt64

    var sampleName: String { URL(fileURLWithPath: sample).deletingPathExtension().lastPathComponent }
    var fileName: String { "\(sampleName)-\(kind.rawValue)-\(variant).xlsx" }
    var testDescription: String { "\(kind.rawValue) #\(variant) seed \(String(seed, radix: 16)) of \(sampleName)" }

    /// How many mutants of each kind each sample gets.
    static let perKind = 2

    /// The bundled samples: `Samples/*.xlsx` and `Samples/returns/*.xlsx`, sorted.
    static let samples: [String] = {
        var paths: [String] = []
        for folder in [TestPaths.samples, TestPaths.samples.appendingPathComponent("returns")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            paths += names.filter { $0.hasSuffix(".xlsx") }.sorted().map { folder.appendingPathComponent($0).path }
        }
        return paths
    }()

    /// Every mutant: samples × kinds × `perKind`, seeds fixed by position.
    static let all: [Mutant] = {
        var result: [Mutant] = []
        for (s, sample) in samples.enumerated() {
            for (k, kind) in MutationKind.allCases.enumerated() {
                for v in 0..<perKind {
                    let seed = 0x5EED_0000_0000 &+ UInt64(s) << 16 &+ UInt64(k) << 8 &+ UInt64(v)
                    result.append(Mutant(sample: sample, kind: kind, variant: v, seed: seed))
                }
            }
        }
        return result
    }()

    /// The damaged file's bytes (deterministic for a given sample and seed).
    func bytes() throws -> [UInt8] {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: sample)))
        var random = SplitMix64(seed: seed)
        switch kind {
        case .truncate:
            // Variant 0 anywhere; variant 1 inside the last 10 % (the central directory and the
            // last entries), where most of the structure lives.
            let cut =
                variant == 0
                ? random.below(original.count)
                : random.within((original.count * 9 / 10)..<original.count)
            return Array(original.prefix(cut))

        case .compressedFlip:
            let entries = try ZipEntries.read(original).filter { $0.method == 8 && $0.data.count >= 64 }
            // Weighted by size, so the sheets (the biggest parts) are hit most.
            let total = entries.reduce(0) { $0 + $1.data.count }
            var pick = random.below(total)
            var target = entries[0]
            for entry in entries {
                if pick < entry.data.count { target = entry; break }
                pick -= entry.data.count
            }
            var bytes = original
            for _ in 0..<(1 + random.below(4)) {
                let at = target.dataOffset + random.within(16..<(target.data.count - 16))
                bytes[at] ^= random.flipMask()
            }
            return bytes

        case .xmlFlip:
            let entries = try ZipEntries.read(original)
            let inflated = try Mutant.inflate(sample)
            let candidates = entries.indices.filter {
                let name = entries[$0].name
                return (name.hasSuffix(".xml") || name.hasSuffix(".rels")) && !name.hasPrefix("docProps/")
                    && (inflated[name]?.count ?? 0) > 0
            }
            let target = candidates[random.below(candidates.count)]
            var text = inflated[entries[target].name]!
            for _ in 0..<(1 + random.below(3)) {
                text[random.below(text.count)] ^= random.flipMask()
            }
            var builder = ZipBuilder()
            for (i, entry) in entries.enumerated() {
                if i == target { builder.add(entry.name, bytes: text) } else { builder.add(raw: entry) }
            }
            return builder.build()

        case .drop:
            let entries = try ZipEntries.read(original)
            // Variant 0 drops the first sheet (always present); variant 1 any entry.
            let dropped =
                variant == 0
                ? entries.firstIndex { $0.name == "xl/worksheets/sheet1.xml" } ?? random.below(entries.count)
                : random.below(entries.count)
            var builder = ZipBuilder()
            for (i, entry) in entries.enumerated() where i != dropped { builder.add(raw: entry) }
            return builder.build()

        case .swap:
            let entries = try ZipEntries.read(original)
            var a: Int
            var b: Int
            if variant == 0 {
                // sheet1.xml's bytes under the name of sharedStrings.xml (or styles.xml when the
                // sample has no shared strings), and the other way round.
                a = entries.firstIndex { $0.name == "xl/worksheets/sheet1.xml" } ?? 0
                b =
                    entries.firstIndex { $0.name == "xl/sharedStrings.xml" }
                    ?? entries.firstIndex { $0.name == "xl/styles.xml" } ?? 1
            } else {
                a = random.below(entries.count)
                b = random.below(entries.count - 1)
                if b >= a { b += 1 }
            }
            var builder = ZipBuilder()
            for (i, entry) in entries.enumerated() {
                let name = i == a ? entries[b].name : i == b ? entries[a].name : entry.name
                builder.add(raw: entry, as: name)
            }
            return builder.build()
        }
    }

    /// Every entry of a sample, inflated by `unzip` into a temporary folder.
    static func inflate(_ sample: String) throws -> [String: [UInt8]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-unzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-qq", "-o", sample, "-d", folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        var result: [String: [UInt8]] = [:]
        for entry in try ZipEntries.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: sample)))) {
            result[entry.name] = (try? Data(contentsOf: folder.appendingPathComponent(entry.name))).map { [UInt8]($0) }
        }
        return result
    }
}

// MARK: - The suite

/// Hostile files generated at run time: damaged copies of the bundled samples, decompression and
/// entity bombs, absurd size claims, huge strings, path-traversal entry names, and the CLI's
/// peak memory on the worst of them.
///
/// Every case: the file is either read as far as it can be (every sheet whose part exists
/// loaded, every other one named in `Workbook.problems`) or refused with an `XLSXError` whose
/// description names the file; within one second; never a crash or a hang.
///
/// Serialized so that the one-second bounds measure the reader, not the two cores being shared
/// with the next case building a 20 MB bomb.
@Suite(.serialized)
struct HostileMutantTests {
    /// What happened to one file.
    struct Outcome {
        var error: XLSXError?
        var sheets: [Sheet] = []
        var elapsed: Duration
    }

    /// Opens `path` and reads every sheet, timing it; anything but an `XLSXError` is an issue.
    func read(_ path: String, options: ReadOptions = ReadOptions(), _ label: String = "") -> Outcome {
        let clock = ContinuousClock()
        var error: XLSXError?
        var sheets: [Sheet] = []
        let elapsed = clock.measure {
            do {
                let workbook = try Workbook(path: path, options: options)
                sheets = try workbook.allSheets()
                let missing = workbook.problems.filter {
                    if case .missingSheet = $0.kind { return true }
                    return false
                }
                if sheets.count + missing.count != workbook.sheets.count {
                    Issue.record(
                        "\(label): \(sheets.count) of \(workbook.sheets.count) sheets loaded, \(missing.count) named missing")
                }
            } catch let e as XLSXError {
                error = e
            } catch {
                Issue.record("\(label): not an XLSXError: \(error)")
            }
        }
        return Outcome(error: error, sheets: sheets, elapsed: elapsed)
    }

    /// Read fully or refused clearly, within a second.
    @discardableResult
    func expectReadOrRefused(_ path: String, options: ReadOptions = ReadOptions(), _ label: String) -> Outcome {
        let outcome = read(path, options: options, label)
        if let error = outcome.error {
            #expect(error.description.contains(path), "\(label): the message names the file: \(error)")
            #expect(error.file == path, "\(label): error.file is \(error.file)")
        }
        #expect(outcome.elapsed < HangBound.inProcess, "\(label): took \(outcome.elapsed)")
        return outcome
    }

    /// Refused with an error whose kind passes `check`, naming the file, within a second.
    @discardableResult
    func expectRefused(
        _ path: String, options: ReadOptions = ReadOptions(), _ label: String, _ check: (XLSXError.Kind) -> Bool
    ) -> XLSXError? {
        let outcome = read(path, options: options, label)
        #expect(outcome.elapsed < HangBound.inProcess, "\(label): took \(outcome.elapsed)")
        guard let error = outcome.error else {
            Issue.record("\(label): \(path) was read, expected a refusal")
            return nil
        }
        #expect(check(error.kind), "\(label): unexpected error: \(error)")
        #expect(error.description.contains(path), "\(label): the message names the file: \(error)")
        return error
    }

    /// A new folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes bytes to a new file, hands its path to `body`, then removes the folder.
    func withFile<T>(_ bytes: [UInt8], name: String = "hostile.xlsx", _ body: (String) throws -> T) throws -> T {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try body(url.path)
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    static func isCorrupt(_ kind: XLSXError.Kind) -> Bool {
        if case .corruptArchive = kind { return true }
        return false
    }

    // MARK: 1. Mutants of the samples

    @Test func thereAreOverAHundredMutantsOfEverySample() {
        #expect(Mutant.samples.count >= 15, "samples found: \(Mutant.samples)")
        #expect(Mutant.all.count >= 100)
        for sample in Mutant.samples {
            #expect(Mutant.all.filter { $0.sample == sample }.count == MutationKind.allCases.count * Mutant.perKind)
        }
    }

    @Test func mutantsAreDeterministic() throws {
        for mutant in Mutant.all where mutant.variant == 1 && mutant.sample == Mutant.samples.last {
            #expect(try mutant.bytes() == mutant.bytes(), "\(mutant.testDescription)")
        }
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Mutant.samples[0])))
        let flipped = Mutant.all.first { $0.kind == .compressedFlip }!
        #expect(try flipped.bytes() != original, "a flip changes the file")
    }

    @Test func everyUnmutatedSampleReads() throws {
        for sample in Mutant.samples {
            let outcome = expectReadOrRefused(sample, "original \(sample)")
            #expect(outcome.error == nil, "\(sample): \(String(describing: outcome.error))")
            // A rebuilt copy (every entry as stored) reads the same: the rebuilding is sound.
            var builder = ZipBuilder()
            for entry in try ZipEntries.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: sample)))) {
                builder.add(raw: entry)
            }
            try withFile(builder.build()) { path in
                let copy = expectReadOrRefused(path, "rebuilt \(sample)")
                #expect(copy.error == nil, "rebuilt \(sample): \(String(describing: copy.error))")
                #expect(copy.sheets.map(\.cells) == outcome.sheets.map(\.cells), "rebuilt \(sample)")
            }
        }
    }

    @Test(arguments: Mutant.all)
    func mutantIsReadOrRefused(_ mutant: Mutant) throws {
        let bytes = try mutant.bytes()
        let label = mutant.testDescription
        try withFile(bytes, name: mutant.fileName) { path in
            let outcome = expectReadOrRefused(path, label)
            switch mutant.kind {
            case .truncate:
                // Every cut loses the end-of-central-directory record: never readable.
                #expect(outcome.error != nil, "\(label): a truncated file was read")
            case .compressedFlip, .xmlFlip, .drop, .swap:
                break
            }
        }
    }

    // MARK: 2. Decompression bombs (3 GiB of spaces, a few MB on disk)

    /// 3 GiB of spaces in one raw deflate stream (about 20 MB), made once.
    static let threeGiB = 3 << 30
    static let bombStream = ZipBuilder.spaceBombStream(inflatedSize: threeGiB)

    /// A workbook whose only sheet part is the 3 GiB bomb, declaring `declared` bytes.
    static func sheetBomb(declared: UInt32) -> ZipBuilder {
        var builder = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        builder.addDeflated("xl/worksheets/sheet1.xml", stream: bombStream, uncompressedSize: declared)
        return builder
    }

    /// The bomb wrapped in well-formed markup: `<worksheet><sheetData>`, 3 GiB of spaces, the end tags.
    static let wrappedBomb = ZipBuilder.spaceBombStream(
        inflatedSize: threeGiB, prefix: Array("<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>".utf8),
        suffix: Array("</sheetData></worksheet>".utf8))

    @Test func theWrappedBombStreamIsValidDeflate() throws {
        // The same construction at 100 KB, with its true CRC, reads as an empty sheet.
        let prefix = Array("<?xml version=\"1.0\"?><worksheet xmlns=\"\(Self.main)\"><sheetData>".utf8)
        let suffix = Array("</sheetData></worksheet>".utf8)
        let (stream, size) = ZipBuilder.spaceBombStream(inflatedSize: 100_000, prefix: prefix, suffix: suffix)
        let inflated = prefix + [UInt8](repeating: 0x20, count: size - prefix.count - suffix.count) + suffix
        var builder = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        builder.addDeflated(
            "xl/worksheets/sheet1.xml", stream: stream, uncompressedSize: UInt32(size), crc: ZipBuilder.crc32(inflated))
        try withFile(builder.build()) { path in
            let outcome = expectReadOrRefused(path, "wrapped 100 KB")
            #expect(outcome.error == nil, "\(String(describing: outcome.error))")
            #expect(outcome.sheets.first?.cellCount == 0)
        }
        #expect(Self.wrappedBomb.inflatedSize >= Self.threeGiB)
    }

    @Test func refuses3GiBSheetBombDeclaredHonestly() throws {
        #expect(Self.bombStream.count < 32 << 20, "a few MB on disk: \(Self.bombStream.count)")
        try withFile(Self.sheetBomb(declared: UInt32(Self.threeGiB)).build()) { path in
            expectRefused(path, "3 GiB honest") { $0 == .partTooLarge(limit: 1 << 30) }
            var options = ReadOptions()
            options.maxPartSize = 4 << 30
            expectRefused(path, options: options, "3 GiB honest, 4 GiB size limit") {
                $0 == .compressionRatioExceeded(limit: 100)
            }
        }
        // Well-formed all the way: the limits, not the XML parser, stop it.
        var builder = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        builder.addDeflated(
            "xl/worksheets/sheet1.xml", stream: Self.wrappedBomb.stream,
            uncompressedSize: UInt32(Self.wrappedBomb.inflatedSize))
        try withFile(builder.build()) { path in
            expectRefused(path, "wrapped 3 GiB honest") { $0 == .partTooLarge(limit: 1 << 30) }
            var options = ReadOptions()
            options.maxPartSize = 4 << 30
            expectRefused(path, options: options, "wrapped 3 GiB honest, 4 GiB size limit") {
                $0 == .compressionRatioExceeded(limit: 100)
            }
        }
    }

    @Test(arguments: [0, 100, 1 << 20, (16 << 20) - 1])
    func refuses3GiBSheetBombDeclaringLess(_ declared: Int) throws {
        // The declared size passes every check made before inflating; the stream is stopped as
        // soon as it inflates past the declared size.
        try withFile(Self.sheetBomb(declared: UInt32(declared)).build()) { path in
            expectRefused(path, "3 GiB declaring \(declared)", Self.isCorrupt)
        }
        var builder = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        builder.addDeflated(
            "xl/worksheets/sheet1.xml", stream: Self.wrappedBomb.stream, uncompressedSize: UInt32(declared))
        try withFile(builder.build()) { path in
            expectRefused(path, "wrapped 3 GiB declaring \(declared)", Self.isCorrupt)
        }
    }

    // MARK: 3. Entity bombs and external entities

    static let laughs: String = {
        var entities = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        return entities
    }()

    /// The first line of /etc/passwd (`root:x:0:0:…`), which must never appear anywhere.
    static let passwdLine: String = {
        let text = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0:"
        return String(text.split(separator: "\n").first ?? "root:x:0:0:")
    }()

    /// Hostile DOCTYPEs, each placed in a part the reader parses.
    static let doctypeCases: [(String, String)] = {
        let sst = { (doctype: String, t: String) in
            "<?xml version=\"1.0\"?>\(doctype)<sst xmlns=\"\(main)\"><si><t>\(t)</t></si></sst>"
        }
        let sheet = { (doctype: String, v: String) in
            "<?xml version=\"1.0\"?>\(doctype)<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\(v)</t></is></c></row></sheetData></worksheet>"
        }
        let xxe = #"<!ENTITY x SYSTEM "file:///etc/passwd">"#
        return [
            ("xl/sharedStrings.xml", sst("<!DOCTYPE sst [\(laughs)]>", "&lol9;")),
            ("xl/worksheets/sheet1.xml", sheet("<!DOCTYPE worksheet [\(laughs)]>", "&lol9;")),
            ("xl/sharedStrings.xml", sst("<!DOCTYPE sst [\(xxe)]>", "&x;")),
            ("xl/worksheets/sheet1.xml", sheet("<!DOCTYPE worksheet [\(xxe)]>", "&x;")),
            ("xl/worksheets/sheet1.xml", sheet(#"<!DOCTYPE worksheet SYSTEM "file:///etc/passwd">"#, "a")),
            ("xl/sharedStrings.xml", sst(#"<!DOCTYPE sst [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>"#, "a")),
            ("xl/worksheets/sheet1.xml", sheet(#"<!DOCTYPE worksheet [<!ENTITY y "&#x26;x;">\#(xxe)]>"#, "&y;")),
            (
                "xl/workbook.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE workbook [\(xxe)]><workbook xmlns=\"\(main)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"&x;\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\"?><!DOCTYPE Relationships [\(laughs)]><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"&lol9;\" Type=\"x\" Target=\"x\"/></Relationships>"
            ),
            (
                "_rels/.rels",
                "<?xml version=\"1.0\"?><!DOCTYPE Relationships [\(xxe)]><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"&x;\" Type=\"x\" Target=\"x\"/></Relationships>"
            ),
            ("xl/styles.xml", "<?xml version=\"1.0\"?><!DOCTYPE styleSheet [\(laughs)]><styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"&lol9;\"/></numFmts></styleSheet>"),
        ]
    }()

    @Test(arguments: doctypeCases.indices)
    func refusesEntityBombsAndExternalEntities(_ index: Int) throws {
        let (part, text) = Self.doctypeCases[index]
        let label = "DOCTYPE #\(index) in \(part)"
        let path = try ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#, sharedStrings: ["正常"], styles: "",
            extra: [part: text]
        ).write(named: "实体炸弹-\(index).xlsx")
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let error = expectRefused(path, label) { $0 == .doctypeRefused }
        #expect(error?.description.contains(Self.passwdLine) != true, "\(label)")
        #expect(error?.part.map { part.hasSuffix($0) || $0.hasSuffix(part) } ?? true, "\(label): \(String(describing: error))")
    }

    @Test func refusesAnUndeclaredEntityWithoutADoctype() throws {
        let path = try ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>"#
        ).write(named: "未声明实体.xlsx")
        expectRefused(path, "undeclared &x;") { kind in
            if case .malformedXML = kind { return true }
            return false
        }
    }

    // MARK: 4. A billion rows claimed

    /// `<dimension>` claiming the whole grid, a cell at its last corner, a row past Excel's
    /// limit, and shared strings claiming a billion entries.
    static var hugeClaims: ZipBuilder {
        let sheet = """
            <?xml version="1.0"?><worksheet xmlns="\(main)"><dimension ref="A1:XFD1048576"/>\
            <sheetViews><sheetView workbookViewId="0"><selection activeCell="XFD1048576" sqref="A1:XFD1048576"/></sheetView></sheetViews>\
            <cols><col min="1" max="16384" width="9"/></cols><sheetData>\
            <row r="1" spans="1:16384"><c r="A1" t="s"><v>0</v></c></row>\
            <row r="1048576" spans="1:16384"><c r="XFD1048576"><v>2</v></c></row>\
            <row r="1000000000"><c><v>3</v></c><c r="B1000000000"><v>4</v></c><c r="XFE1"><v>5</v></c></row>\
            <row r="999999999999999999"><c><v>6</v></c></row>\
            <row r="99999999999999999999999999"><c r="A99999999999999999999999"><v>7</v></c></row>\
            </sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048575"/></mergeCells></worksheet>
            """
        let sst = """
            <?xml version="1.0"?><sst xmlns="\(main)" count="1000000000" uniqueCount="1000000000"><si><t>声称十亿行</t></si></sst>
            """
        return ZipBuilder.workbook(
            sheetData: "", extra: ["xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst])
    }

    @Test func readsABillionRowClaimWithoutAllocatingForIt() throws {
        try withFile(Self.hugeClaims.build(), name: "十亿行.xlsx") { path in
            let outcome = expectReadOrRefused(path, "billion rows")
            guard outcome.error == nil, let sheet = outcome.sheets.first else {
                // A clear refusal is acceptable; a read must be right.
                return
            }
            #expect(sheet.cell("A1")?.string == "声称十亿行")
            #expect(sheet.cell("XFD1048576")?.number == 2)
            #expect(sheet.cellCount == 2, "only the cells inside the grid: \(sheet.cells.map(\.reference.a1))")
            #expect(sheet.size.rows == 1_048_576 && sheet.size.columns == 16_384)
            for cell in sheet.cells {
                #expect(cell.reference.row < CellReference.maxRows && cell.reference.column < CellReference.maxColumns)
            }
            #expect(sheet.rows.count == 2)
            #expect(sheet.mergedRanges.map(\.description) == ["A2:XFD1048575"])
        }
    }

    // MARK: 5. A string of a million characters

    /// 1,000,000 characters: ASCII, CJK (3 UTF-8 bytes) and an escaped ampersand.
    static let millionCharacters = String(repeating: "ab民生&", count: 200_000)
    static var millionEscaped: String { millionCharacters.replacingOccurrences(of: "&", with: "&amp;") }

    static var millionStrings: ZipBuilder {
        ZipBuilder.workbook(
        sheetData: """
            <row r="1"><c r="A1" t="s"><v>0</v></c>\
            <c r="B1" t="inlineStr"><is><t>\(millionEscaped)</t></is></c>\
            <c r="C1" t="str"><f>A1</f><v>\(millionEscaped)</v></c></row>
            """,
        sharedStrings: [millionEscaped])
    }

    @Test func readsAMillionCharacterStringSharedAndInline() throws {
        #expect(Self.millionCharacters.count == 1_000_000)
        try withFile(Self.millionStrings.build(), name: "百万字符.xlsx") { path in
            let outcome = expectReadOrRefused(path, "1M characters")
            #expect(outcome.error == nil, "\(String(describing: outcome.error))")
            guard let sheet = outcome.sheets.first else { return }
            for a1 in ["A1", "B1", "C1"] {
                let value = sheet.cell(a1)?.string
                #expect(value?.count == 1_000_000, "\(a1): \(value?.count ?? -1) characters")
                #expect(value == Self.millionCharacters, "\(a1)")
            }
        }
    }

    // MARK: 6. Entry names that climb out of the archive

    static let traversalNames = [
        "../../etc/evil.xml", "xl/../../x", "/etc/passwd", "../../../../../../tmp/minsheng-evil.xml",
        "..\\..\\evil.xml", "xl/worksheets/../../../../evil2.xml", "./../sibling.xml",
    ]

    /// Every file under `folder`, recursively.
    static func listing(_ folder: URL) -> Set<String> {
        var result: Set<String> = []
        if let walker = FileManager.default.enumerator(atPath: folder.path) {
            for case let name as String in walker { result.insert(name) }
        }
        return result
    }

    @Test(arguments: [false, true])
    func neverWritesEntriesThatClimbOut(_ shadowing: Bool) throws {
        // The workbook sits four folders deep, so `../..` from it stays inside `root`.
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appendingPathComponent("a/b/c/d")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)

        var builder = ZipBuilder()
        if shadowing {
            // Hostile names first, some normalizing onto real part names (which must then come
            // from the archive, never from the disk).
            builder.add("../xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(Self.main)\"><sheetData/></worksheet>")
            builder.add("/xl/../../../sharedStrings.xml", "<sst xmlns=\"\(Self.main)\"/>")
        }
        for name in Self.traversalNames { builder.add(name, "<evil>\(name)</evil>") }
        let valid = ZipBuilder.workbook(
            sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>"#,
            sharedStrings: ["民生"],
            extra: [
                // A relationship that climbs out too: resolves to nothing in the archive.
                "xl/_rels/workbook.xml.rels": """
                    <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../../../../../../etc/passwd"/></Relationships>
                    """
            ])
        let bytes = try ZipEntries.read(valid.build())
        for entry in bytes { builder.add(raw: entry) }
        let path = deep.appendingPathComponent("穿越.xlsx").path
        try Data(builder.build()).write(to: URL(fileURLWithPath: path))

        let outside = [
            "/etc/evil.xml", "/tmp/minsheng-evil.xml", "/evil.xml", "/x", "/evil2.xml",
            FileManager.default.currentDirectoryPath + "/x", FileManager.default.currentDirectoryPath + "/evil.xml",
        ]
        let existedBefore = outside.filter { FileManager.default.fileExists(atPath: $0) }
        let before = Self.listing(root)
        let label = "traversal names\(shadowing ? ", shadowing" : "")"
        let outcome = expectReadOrRefused(path, label)
        #expect(Self.listing(root) == before, "\(label): files appeared beside the workbook")
        #expect(outside.filter { FileManager.default.fileExists(atPath: $0) } == existedBefore, "\(label)")
        if let error = outcome.error {
            #expect(!error.description.contains(Self.passwdLine))
        }
        for sheet in outcome.sheets {
            for cell in sheet.cells { #expect(cell.string?.contains(Self.passwdLine) != true) }
        }
        if !shadowing {
            #expect(outcome.error == nil, "\(String(describing: outcome.error))")
            #expect(outcome.sheets.first?.cell("A1")?.string == "民生")
            #expect(outcome.sheets.first?.cell("B1")?.number == 42)
        }
    }

    // MARK: 7. Peak memory of the CLI

    /// The built `minsheng` executable (beside the test bundle, as `CommandRunner` finds it).
    static var executable: String {
        CommandRunner.productsDirectory.appendingPathComponent("minsheng").path
    }

    /// The bound on the CLI's peak resident set size for every hostile file below: 256 MiB.
    ///
    /// Measured (Linux x86_64, debug build, GNU time's `%M` for the program alone): about 24 MiB
    /// for a bundled sample, the 3 GiB bombs (refused before or while inflating, never held), the
    /// billion-row claim and the entity bomb, and 35 MiB for the million-character strings.
    /// 256 MiB leaves ample headroom while still failing loudly if anything allocated for a
    /// claimed size (a dense 1,048,576 × 16,384 grid, a billion shared strings) or inflated a
    /// bomb into memory.
    static let peakRSSBound = 256 << 20

    func runCLI(_ label: String, _ file: String) throws -> ChildProcessResult {
        let result = try ChildProcess.run(Self.executable, ["dump", file, "--format", "json"], timeout: .seconds(30))
        let mib = Double(result.peakRSS) / Double(1 << 20)
        print("peak RSS \(label): \(String(format: "%.1f", mib)) MiB, \(result.elapsed), exit \(result.status)")
        #expect(!result.timedOut, "\(label): killed after 30 s")
        #expect(result.signal == nil, "\(label): ended by signal \(result.signal ?? 0)")
        #expect(result.status == 0 || result.status == 2, "\(label): exit \(result.status)")
        #expect(result.peakRSS < Self.peakRSSBound, "\(label): peak RSS \(mib) MiB")
        // The one-second bound is the reader's (tested in process above); the whole debug CLI
        // also starts up and prints the JSON, so it gets two.
        #expect(result.elapsed < HangBound.process, "\(label): took \(result.elapsed)")
        let stderr = String(decoding: result.stderr, as: UTF8.self)
        if result.status == 2 { #expect(stderr.contains(file), "\(label): \(stderr)") }
        return result
    }

    @Test func theCLIStaysWithinItsMemoryBound() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable), "no executable at \(Self.executable)")
        print("minsheng: \(Self.executable)")
        _ = try runCLI("sample", Mutant.samples[0])

        try withFile(Self.sheetBomb(declared: UInt32(Self.threeGiB)).build(), name: "炸弹.xlsx") { path in
            let result = try runCLI("3 GiB bomb, honest", path)
            #expect(result.status == 2)
        }
        try withFile(Self.sheetBomb(declared: 100).build(), name: "炸弹.xlsx") { path in
            let result = try runCLI("3 GiB bomb, declaring 100 B", path)
            #expect(result.status == 2)
        }
        var wrapped = ZipBuilder.workbook(sheetData: "", extra: ["xl/worksheets/sheet1.xml": ""])
        wrapped.addDeflated("xl/worksheets/sheet1.xml", stream: Self.wrappedBomb.stream, uncompressedSize: (16 << 20) - 1)
        try withFile(wrapped.build(), name: "炸弹.xlsx") { path in
            let result = try runCLI("wrapped 3 GiB bomb, declaring 16 MiB", path)
            #expect(result.status == 2)
        }
        try withFile(Self.hugeClaims.build(), name: "十亿行.xlsx") { path in
            let result = try runCLI("billion-row claim", path)
            if result.status == 0 {
                let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
                let sheets = json?["sheets"] as? [[String: Any]]
                let cells = sheets?.first?["cells"] as? [String: Any]
                #expect(cells.map { Set($0.keys) } == ["A1", "XFD1048576"])
            }
        }
        try withFile(Self.millionStrings.build(), name: "百万字符.xlsx") { path in
            let result = try runCLI("1M-character strings", path)
            #expect(result.status == 0)
            let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
            let sheets = json?["sheets"] as? [[String: Any]]
            let cells = sheets?.first?["cells"] as? [String: [Any]]
            for a1 in ["A1", "B1", "C1"] {
                #expect((cells?[a1]?.last as? String)?.count == 1_000_000, "\(a1)")
            }
        }
        try withFile(
            ZipBuilder.workbook(
                sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
                extra: [
                    "xl/sharedStrings.xml":
                        "<?xml version=\"1.0\"?><!DOCTYPE sst [\(Self.laughs)<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst xmlns=\"\(Self.main)\"><si><t>&lol9;&x;</t></si></sst>"
                ]
            ).build(), name: "实体炸弹.xlsx"
        ) { path in
            let result = try runCLI("entity bomb + XXE", path)
            #expect(result.status == 2)
            let output = String(decoding: result.stdout + result.stderr, as: UTF8.self)
            #expect(!output.contains(Self.passwdLine), "the CLI printed /etc/passwd")
        }
    }
}
