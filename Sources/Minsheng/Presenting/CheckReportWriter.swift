import Foundation
import XLSXReader

/// Writes a check report while the files are still being checked, keeping only counts: the
/// text report file by file, or the JSON object with its findings held in a temporary file
/// until the `files` array is complete. The output is the same text as `TextReport.render` and
/// `CheckReport.json()` give for the whole report, and memory does not grow with the findings.
///
/// ```swift
/// let writer = try CheckReportWriter(format: .json, to: .standardOutput())
/// await checker.check(files: files) { result, findings in writer.add(result, findings) }
/// try writer.finish()
/// ```
public final class CheckReportWriter {
    /// The report's form.
    public enum Format: Sendable { case text, json }

    private let format: Format
    private let sink: ByteSink
    private var findingsFile: FileHandle?
    private var findingsURL: URL?
    private var pending: [UInt8] = []
    /// Files seen so far.
    private(set) var files = 0
    /// Unreadable files so far.
    private(set) var unreadable = 0
    /// Files deliberately not read so far.
    private(set) var skipped = 0
    /// Error findings so far.
    private(set) var errors = 0
    /// Warning findings so far.
    private(set) var warnings = 0
    private var findings = 0

    /// Starts a report on `sink`.
    ///
    /// - Throws: `MinshengError.cannotWrite` when the temporary file for JSON findings cannot be made.
    /// With text: each table's whole reading (every column, area and item row) instead of its
    /// one line (`--explain`).
    public var explainReadings = false
    /// What the front end adds to the words (the CLI's options); none by default.
    public var hints: FrontEndHints = .none

    public init(format: Format, to sink: ByteSink) throws {
        self.format = format
        self.sink = sink
        if format == .json {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-findings-\(UUID().uuidString).json")
            guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forUpdating: url) else {
                throw MinshengError.cannotWrite(path: url.path, problem: .cannotMakeTemporaryFile)
            }
            try? FileManager.default.removeItem(at: url)  // open and unlinked: gone however the run ends
            findingsFile = handle
            findingsURL = url
            sink.write(#"{"tool": "\#(MinshengInfo.tool)", "version": "\#(MinshengInfo.version)", "files": ["#)
        }
    }

    deinit { try? findingsFile?.close() }

    /// What the batch has come to so far.
    var outcome: BatchOutcome { BatchOutcome(unreadable: unreadable, errors: errors) }

    /// The exit status so far: 2 with an unreadable file, else 1 with an error finding, else 0.
    public var exitStatus: Int32 { outcome.exitCode }

    /// Adds one file's result and findings.
    public func add(_ file: FileResult, _ fileFindings: [Finding]) {
        if file.status == .unreadable { unreadable += 1 }
        if file.status == .skipped { skipped += 1 }
        let fileErrors = fileFindings.filter { $0.severity == .error }.count
        errors += fileErrors
        warnings += fileFindings.count - fileErrors
        switch format {
        case .text:
            sink.write(TextReport.render(file, findings: fileFindings, explain: explainReadings, hints: hints))
        case .json:
            // The file's object written as bytes (no String made of them and joined).
            var out: [UInt8] = []
            out.reserveCapacity(4096)
            if files > 0 { out.append(contentsOf: ", ".utf8) }
            CheckReport.jsonValue(of: file, hints: hints).write(into: &out)
            sink.write(bytes: out)
            for finding in fileFindings {
                if findings > 0 { pending.append(contentsOf: ", ".utf8) }
                CheckReport.jsonValue(of: finding, hints: hints).write(into: &pending)
                findings += 1
            }
            if pending.count > 1 << 20 { spill() }
        }
        files += 1
    }

    /// Ends the report: the summary line, or the findings and summary of the JSON object.
    public func finish() throws {
        switch format {
        case .text:
            sink.write(
                TextReport.summary(files: files, unreadable: unreadable, errors: errors, warnings: warnings, skipped: skipped))
        case .json:
            sink.write("], \"findings\": [")
            spill()
            if let findingsFile {
                try findingsFile.seek(toOffset: 0)
                while let chunk = try findingsFile.read(upToCount: 1 << 20), !chunk.isEmpty {
                    sink.write(bytes: [UInt8](chunk))
                }
            }
            let summary = JSONValue.object([
                ("files", .number(Double(files))), ("unreadable", .number(Double(unreadable))),
                ("errors", .number(Double(errors))), ("warnings", .number(Double(warnings))),
            ])
            sink.write("], \"summary\": " + summary.serialized() + "}\n")
        }
        sink.flush()
    }

    private func spill() {
        guard !pending.isEmpty else { return }
        findingsFile?.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}
