// swift-tools-version:6.1
// libFuzzer harness over the .xlsx reader; built and run by Fuzz/run.sh, not by `swift test`.
import PackageDescription

let package = Package(
    name: "minsheng-fuzz",
    dependencies: [.package(name: "minsheng", path: "..")],
    targets: [
        .executableTarget(
            name: "ReaderFuzzer",
            dependencies: [.product(name: "XLSXReader", package: "minsheng")],
            // gold fails on ASan objects (internal error in format_file_lineno); lld links them.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])])
    ]
)
