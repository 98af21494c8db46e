// swift-tools-version:6.1
// The write benchmark's Swift side, built and run by Benchmarks/write/run.sh, not by `swift test`:
// minsheng-bench-write writes the same rows as bench_write.c through XLSXWriter.
import PackageDescription

let package = Package(
    name: "minsheng-bench-write",
    dependencies: [.package(name: "minsheng", path: "../..")],
    targets: [
        .executableTarget(
            name: "minsheng-bench-write",
            dependencies: [.product(name: "XLSXWriter", package: "minsheng")])
    ]
)
