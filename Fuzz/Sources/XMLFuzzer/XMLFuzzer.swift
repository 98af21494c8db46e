import FuzzDriver
@_spi(Testing) import XLSXReader

#if canImport(Glibc)
    import Glibc
#endif

@main
enum XMLFuzzer {
    static func main() { runFuzzer(fuzzXML) }
}

/// Differential: the same bytes in the same chunks, read as any XML part (relationships,
/// workbook, shared strings, styles) by expat alone and by the tokenizer (which falls back to
/// expat), must give a handler the same events — start tags with their attributes in order, end
/// tags, text — and the same error. Any difference aborts, with both outcomes on stderr.
func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let xml = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let chunk = fuzzChunkSizes[selector % fuzzChunkSizes.count]
    let size = min(chunk, max(xml.count, 1))
    let expat = XMLProbe.read(xml, chunkSize: size, tokenizer: false)
    let ours = XMLProbe.read(xml, chunkSize: size, tokenizer: true)
    if !ours.sameResult(as: expat) {
        var message = "MISMATCH (chunk \(chunk), tokenized \(ours.tokenized))\n--- tokenizer:\n\(ours)\n--- expat:\n\(expat)\n"
        message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        abort()
    }
    return 0
}
