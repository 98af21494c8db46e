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
        .executable(name: "minsheng-web", targets: ["minsheng-web"]),
    ],
    traits: [
        // The web page's server. On by default; `make demo` builds the CLI without it
        // (--disable-default-traits), so that Hummingbird is neither fetched nor built there.
        .trait(name: "Web", description: "minsheng-web, the web page's server (Hummingbird)"),
        .default(enabledTraits: ["Web"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Only the web page's server (`minsheng-web`) uses it; the CLI does not link it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        // Only the web page's reporting rounds (SQLite, libsqlite3-dev); the CLI does not link it.
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
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
        // A1 names of cells, shared by the reader and the writer (neither depends on the other).
        .target(name: "A1Notation"),
        .target(name: "XLSXReader", dependencies: ["CLibZip", "CExpat", "A1Notation"]),
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter", "A1Notation"]),
        // The editable data files of Templates/ (header vocabulary, district template), shipped
        // as resources: Bundle.module finds them wherever the binary or a dependent package runs.
        .target(
            name: "MinshengResources", path: "Templates",
            resources: [.copy("headers.json"), .copy("district.json"), .copy("quantities.json"), .copy("workbook.json")]),
        .target(name: "Minsheng", dependencies: ["XLSXReader", "XLSXWriter", "MinshengResources", "CLibZip", "A1Notation"]),
        .executableTarget(
            name: "minsheng",
            dependencies: [
                "Minsheng",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The web page: routes over the workflows (a library, so tests can build the app), and a
        // thin executable that parses options and runs it.
        .target(
            name: "MinshengWeb",
            dependencies: [
                "Minsheng",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Web"])),
                .product(name: "GRDB", package: "GRDB.swift", condition: .when(traits: ["Web"])),
            ],
            resources: [.copy("Page/index.html")]),
        .executableTarget(
            name: "minsheng-web",
            dependencies: [
                "MinshengWeb",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Web"])),
                .product(name: "GRDB", package: "GRDB.swift", condition: .when(traits: ["Web"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "TestSupport", dependencies: ["XLSXReader", "Minsheng"], path: "Tests/TestSupport"),
        .testTarget(name: "XLSXReaderTests", dependencies: ["XLSXReader", "A1Notation", "TestSupport"]),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter", "XLSXReader", "TestSupport"]),
        .testTarget(name: "MinshengTests", dependencies: ["Minsheng", "XLSXReader", "XLSXWriter", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "MinshengWeb", "Minsheng", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird", condition: .when(traits: ["Web"])),
                .product(name: "GRDB", package: "GRDB.swift", condition: .when(traits: ["Web"])),
            ]),
    ]
)
