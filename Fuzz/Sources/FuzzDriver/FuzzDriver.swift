#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer's driver (the program's `main` belongs to SwiftPM, so libFuzzer is started from it).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// The chunk sizes the differential targets feed XML in, chosen by an input's first byte: one
/// byte at a time, small odd chunks, and the whole input at once.
public let fuzzChunkSizes = [1, 2, 3, 7, 64, 4096, Int.max]

/// Runs libFuzzer over `body` with the program's arguments, then exits with its status.
public func runFuzzer(_ body: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, body))
}
