import FuzzDriver
@testable import Minsheng
import XLSXReader

@main
enum ReaderFuzzer {
    static func main() { runFuzzer(fuzzReader) }
}

/// libFuzzer's entry point: the input is taken as an .xlsx file held in memory; the reader must
/// either read every sheet (and export it) or throw `XLSXError`, never crash or hang.
func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Small limits keep each run fast; the same code paths enforce them as with the defaults.
    var options = ReadOptions()
    options.maxPartSize = 64 << 20
    options.maxCells = 1_000_000
    guard let workbook = try? Workbook(bytes: bytes, name: "fuzz.xlsx", options: options) else { return 0 }
    var sheets: [Sheet] = []
    for info in workbook.sheets {
        guard let sheet = try? workbook.sheet(info) else { continue }
        _ = sheet.rows.count
        sheets.append(sheet)
    }
    // The export paths of `minsheng dump` (JSON, CSV, text) walk every cell and merge.
    let sink = ByteSink.memory()
    SheetExport.writeJSON(file: "fuzz.xlsx", sheets: sheets, to: sink)
    for sheet in sheets {
        SheetExport.writeCSV(sheet, to: sink)
        SheetExport.writeText(sheet, file: "fuzz.xlsx", to: sink)
    }
    return 0
}
