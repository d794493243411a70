import Foundation

/// Paths the tests read from, found from this source file so they work from any directory.
enum TestFiles {
    /// The repository root: this file is `<root>/Tests/LadderYAMLTests/Support/TestFiles.swift`.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The YAML test suite's data, checked out next to the repository (`../shared/yaml-test-suite`).
    static let yamlTestSuite: URL =
        repoRoot
        .deletingLastPathComponent()
        .appendingPathComponent("shared/yaml-test-suite", isDirectory: true)

    /// The list of cases libyaml 0.2.5 itself gets wrong, kept next to the tests.
    static let deviationsFile: URL = repoRoot.appendingPathComponent("Tests/LadderYAMLTests/libyaml-deviations.txt")

    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }
}
