import FuzzDriver
import Foundation
@testable import Minsheng

@main
enum CheckFuzzer {
    static func main() { runFuzzer(fuzzCheck) }
}

/// One checker for the whole run (it loads `Templates/headers.json` once).
nonisolated(unsafe) let checker = try? Checker()
/// The input is written here, in memory-backed /dev/shm when there is one.
let inputPath: String = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return "\(folder)/minsheng-fuzz-\(getpid()).xlsx"
}()

/// The whole check of one workbook: recognition, reading, validation, merging into items.
func fuzzCheck(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let checker else { fatalError("Templates/headers.json not found: set MINSHENG_TEMPLATES") }
    guard FileManager.default.createFile(atPath: inputPath, contents: Data(bytes: data, count: size)) else { return 0 }
    let (_, _, table) = checker.read(file: inputPath, asOf: AsOfDate("2023-10-31"))
    if let table { _ = ProgressItems.items(of: table) }
    return 0
}
