import FuzzDriver
import Foundation
@testable import Minsheng

@main
enum TextFuzzer {
    static func main() { runFuzzer(fuzzText) }
}

/// The text readers over arbitrary cell text: quantities ("3.3万人以上"), prose breakdowns,
/// printed precision, CSV. None may crash, hang or trap on overflow.
func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    let quantity = QuantityParser.parse(text, headerUnit: size % 2 == 0 ? "万人" : nil)
    if let value = quantity.quantity {
        _ = Quantity.format(value.value)
        _ = RateCheck.compare(reported: value.value, decimals: RateCheck.printedDecimals(text), completed: value.value, target: value.value)
        _ = RateCheck.compare(reported: 1, decimals: 0, completed: value.value, target: 0)
    }
    for breakdown in BreakdownParser.parse(text) {
        _ = breakdown.total.map { Quantity.format($0.value) }
    }
    _ = BreakdownParser.leadingAreaName(text)
    _ = CSVText.parse(text)
    _ = CSVText.decode(bytes)
    if size >= 8 {
        let number = bytes.withUnsafeBytes { $0.loadUnaligned(as: Double.self) }
        _ = QuantityParser.parse(number: number, percentFormat: bytes[0] & 1 == 1)
    }
    return 0
}
