// swift-tools-version: 6.0
import PackageDescription

// Release builds on Linux link the Swift runtime and Foundation statically: a dynamic build spends
// about half of a one-file run (the pre-commit case) loading and binding their shared libraries.
// Every target is compiled with the flag too, so the modules it imports are the static
// toolchain's, whose link entries name Foundation's private libraries (ICU, CoreFoundation).
let staticOnLinuxRelease = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], staticOnLinuxRelease)]

let package = Package(
    name: "ladderlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ladderlint", targets: ["ladderlint"]),
        // `Linter` (LadderDriver): lint files given as bytes with settings, for a run over two
        // git revisions or an editor server; `Reporters` (LadderReport) renders the outcome.
        .library(name: "LadderLint", targets: ["LadderDriver", "LadderReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `--changed-since`: git is run to read the tree at a revision (never checked out).
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        // Tests only: a well-kept CSV reader the project's own (which gives cell positions,
        // which it cannot) is checked against.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // libyaml comes from the system (libyaml-dev); nothing is vendored.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "LadderYAML", dependencies: ["CLibYAML"], swiftSettings: staticRuntime),
        .target(name: "LadderModel", dependencies: ["LadderYAML"], swiftSettings: staticRuntime),
        // Output plumbing: byte sinks and the JSON writer every output (and the baseline) uses.
        .target(name: "LadderOutput", dependencies: ["LadderYAML", "LadderModel"], swiftSettings: staticRuntime),
        .target(name: "LadderRules", dependencies: ["LadderModel", "LadderYAML", "LadderOutput"], swiftSettings: staticRuntime),
        .target(name: "LadderReport", dependencies: ["LadderModel", "LadderRules", "LadderOutput"], swiftSettings: staticRuntime),
        // RFC 4180 records with the line and column of every cell.
        .target(name: "LadderCSV", swiftSettings: staticRuntime),
        // Spreadsheet exports into the model: bands CSV mappings and the cell values they hold.
        .target(name: "LadderTables", dependencies: ["LadderCSV", "LadderModel", "LadderYAML"], swiftSettings: staticRuntime),
        .target(
            name: "LadderDriver",
            dependencies: [
                "LadderYAML", "LadderModel", "LadderRules", "LadderReport", "LadderOutput", "LadderCSV", "LadderTables",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: staticRuntime),
        // `ladderlint import` and `ladderlint init`: what people have, written as ladderlint YAML.
        .target(name: "LadderImport", dependencies: ["LadderCSV", "LadderTables", "LadderModel", "LadderYAML", "LadderRules", "LadderDriver"], swiftSettings: staticRuntime),
        .executableTarget(
            name: "ladderlint",
            dependencies: [
                "LadderDriver", "LadderOutput", "LadderImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticRuntime,
            linkerSettings: [.unsafeFlags(["-static-stdlib"], staticOnLinuxRelease)]
        ),
        .testTarget(name: "LadderYAMLTests", dependencies: ["LadderYAML"], exclude: ["libyaml-deviations.txt"]),
        .testTarget(name: "LadderModelTests", dependencies: ["LadderModel", "LadderYAML", "LadderOutput"]),
        .testTarget(name: "LadderRulesTests", dependencies: ["LadderRules", "LadderModel", "LadderDriver", "LadderOutput"]),
        .testTarget(name: "LadderReportTests", dependencies: ["LadderReport", "LadderDriver", "LadderOutput"], exclude: ["Golden"]),
        .testTarget(name: "LadderCSVTests", dependencies: ["LadderCSV", "LadderTables", "LadderModel", .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "LadderImportTests", dependencies: ["LadderImport", "LadderDriver", "LadderTables", "LadderCSV", "LadderModel", "LadderRules", "LadderYAML"]),
        .testTarget(name: "CLITests", dependencies: ["LadderDriver", "LadderReport", "LadderModel", "LadderOutput"]),
    ],
    swiftLanguageModes: [.v6]
)
