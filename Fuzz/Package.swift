// swift-tools-version:6.1
// libFuzzer harnesses over minsheng, built and run by Fuzz/run.sh, not by `swift test`:
// ReaderFuzzer (bytes as an .xlsx), PartsFuzzer (bytes as the XML parts of a stored zip), SheetFuzzer
// (bytes as sheet XML, the tokenizer against expat), XMLFuzzer (bytes as any other part's XML, the
// tokenizer's events against expat's), TextFuzzer (bytes as cell text), CheckFuzzer (bytes as a
// submitted workbook, through recognition and validation).
import PackageDescription

// gold fails on ASan objects (internal error in format_file_lineno); lld links them.
let linker: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"])]

let package = Package(
    name: "minsheng-fuzz",
    dependencies: [.package(name: "minsheng", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "ReaderFuzzer",
            dependencies: [
                "FuzzDriver", .product(name: "XLSXReader", package: "minsheng"), .product(name: "Minsheng", package: "minsheng"),
            ], linkerSettings: linker),
        .executableTarget(
            name: "PartsFuzzer",
            dependencies: [
                "FuzzDriver", .product(name: "XLSXReader", package: "minsheng"), .product(name: "Minsheng", package: "minsheng"),
            ], linkerSettings: linker),
        .executableTarget(
            name: "SheetFuzzer",
            dependencies: ["FuzzDriver", .product(name: "XLSXReader", package: "minsheng")], linkerSettings: linker),
        .executableTarget(
            name: "XMLFuzzer",
            dependencies: ["FuzzDriver", .product(name: "XLSXReader", package: "minsheng")], linkerSettings: linker),
        .executableTarget(
            name: "TextFuzzer",
            dependencies: ["FuzzDriver", .product(name: "Minsheng", package: "minsheng")], linkerSettings: linker),
        .executableTarget(
            name: "CheckFuzzer",
            dependencies: ["FuzzDriver", .product(name: "Minsheng", package: "minsheng")], linkerSettings: linker),
    ]
)
