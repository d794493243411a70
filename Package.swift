// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ladderlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ladderlint", targets: ["ladderlint"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // libyaml comes from the system (libyaml-dev); nothing is vendored.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "LadderYAML", dependencies: ["CLibYAML"]),
        .target(name: "LadderModel", dependencies: ["LadderYAML"]),
        .target(name: "LadderRules", dependencies: ["LadderModel", "LadderYAML"]),
        .target(name: "LadderReport", dependencies: ["LadderModel", "LadderRules"]),
        .target(name: "LadderDriver", dependencies: ["LadderYAML", "LadderModel", "LadderRules", "LadderReport"]),
        .executableTarget(
            name: "ladderlint",
            dependencies: [
                "LadderDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LadderYAMLTests", dependencies: ["LadderYAML"], exclude: ["libyaml-deviations.txt"]),
        .testTarget(name: "LadderModelTests", dependencies: ["LadderModel", "LadderYAML"]),
        .testTarget(name: "LadderRulesTests", dependencies: ["LadderRules", "LadderModel", "LadderDriver"]),
        .testTarget(name: "LadderReportTests", dependencies: ["LadderReport", "LadderDriver"], exclude: ["Golden"]),
        .testTarget(name: "CLITests", dependencies: ["LadderDriver"]),
    ],
    swiftLanguageModes: [.v6]
)
