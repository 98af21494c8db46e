// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "minsheng",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "minsheng", targets: ["minsheng"]),
        .library(name: "XLSXReader", targets: ["XLSXReader"]),
        .library(name: "XLSXWriter", targets: ["XLSXWriter"]),
        .library(name: "Minsheng", targets: ["Minsheng"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"]), .brew(["libzip"])]),
        .systemLibrary(
            name: "CXLSXWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]),
        .systemLibrary(
            name: "CExpat", pkgConfig: "expat",
            providers: [.apt(["libexpat1-dev"]), .brew(["expat"])]),
        .target(
            name: "XLSXReader", dependencies: ["CLibZip", "CExpat"]),
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter"]),
        .target(name: "Minsheng", dependencies: ["XLSXReader", "XLSXWriter"]),
        .executableTarget(
            name: "minsheng",
            dependencies: [
                "Minsheng",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "minsheng-bench-write", dependencies: ["XLSXWriter"], path: "Benchmarks/write/Swift"),
        .target(name: "TestSupport", dependencies: ["XLSXReader"], path: "Tests/TestSupport"),
        .testTarget(name: "XLSXReaderTests", dependencies: ["XLSXReader", "TestSupport"]),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter", "XLSXReader", "TestSupport"]),
        .testTarget(name: "MinshengTests", dependencies: ["Minsheng", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
    ]
)
