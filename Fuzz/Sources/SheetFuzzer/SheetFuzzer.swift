import FuzzDriver
@_spi(Testing) import XLSXReader

#if canImport(Glibc)
    import Glibc
#endif

@main
enum SheetFuzzer {
    static func main() { runFuzzer(fuzzSheet) }
}

/// Differential: the same bytes in the same chunks, read as a worksheet part by expat alone and
/// by the tokenizer (which falls back to expat), must give the same cells, formulas, merged
/// ranges and error. (Expat's own error position can depend on where chunks end, as it does for
/// every part the archive streams; both sides are fed alike.) Any difference aborts, with both
/// outcomes written to stderr.
func fuzzSheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let xml = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let chunk = fuzzChunkSizes[selector % fuzzChunkSizes.count]
    let keepFormulas = selector & 0x80 == 0
    let size = min(chunk, max(xml.count, 1))
    let expat = SheetProbe.read(xml, chunkSize: size, tokenizer: false, keepFormulas: keepFormulas)
    let ours = SheetProbe.read(xml, chunkSize: size, tokenizer: true, keepFormulas: keepFormulas)
    if !ours.sameResult(as: expat) {
        var message = "MISMATCH (chunk \(chunk), tokenized \(ours.tokenized))\n--- tokenizer:\n\(ours)\n--- expat:\n\(expat)\n"
        message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        abort()
    }
    return 0
}
