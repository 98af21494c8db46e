import Foundation
import Minsheng

/// Messages for people on standard error.
enum Terminal {
    /// Writes one line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension Terminal {
    /// Prints a report as one line of JSON on standard output, written as it is serialized.
    static func printJSON(_ report: CheckReport) {
        let sink = ByteSink.standardOutput()
        report.writeJSON { sink.write($0) }
        sink.write("\n")
        sink.flush()
    }
}
