import Foundation
import LadderDriver
import LadderModel
import LadderRules

/// Paths of the repository, found from this file.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures/rules") }
    static var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }
    /// Whether the team's `../shared/` (worked examples, schemas) is beside this clone; a user's
    /// clone has nothing beside it, and the tests that read it are skipped there.
    static let sharedPresent = FileManager.default.fileExists(atPath: root.deletingLastPathComponent().appendingPathComponent("shared/examples").path)
    static let sharedAbsent = "../shared/ is not beside this clone (only the team's machines have it); the project's own Tests/Fixtures/orgs cover the same ground"
    /// The project's own worked organisations (Tests/Fixtures/orgs).
    static var orgs: URL { root.appendingPathComponent("Tests/Fixtures/orgs") }

    /// One file of an own worked organisation, e.g. `org("brightwater", "ladder.yaml")`.
    static func org(_ name: String, _ file: String) throws -> String {
        try String(contentsOf: orgs.appendingPathComponent("\(name)/\(file)"), encoding: .utf8)
    }
}

/// A finding reduced to what fixtures mark: file, line and rule.
struct Mark: Hashable, CustomStringConvertible {
    var file: String
    var line: Int
    var rule: String
    var description: String { "\(file):\(line) \(rule)" }
}

enum Fixture {
    /// `# expect: rule-a rule-b` markers of every YAML file under `folder`, paths relative to it.
    static func expected(in folder: URL, marker: String = "# expect:") throws -> Set<Mark> {
        var marks = Set<Mark>()
        for file in try yamlFiles(folder) {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let r = line.range(of: marker) else { continue }
                for rule in line[r.upperBound...].split(separator: " ") where !rule.isEmpty {
                    marks.insert(Mark(file: file, line: i + 1, rule: String(rule)))
                }
            }
        }
        return marks
    }

    static func yamlFiles(_ folder: URL) throws -> [String] {
        let e = FileManager.default.enumerator(atPath: folder.path)!
        return (e.allObjects as! [String]).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    /// Lints `folder` as a run of its own (working folder = the folder) on the fixtures' date.
    static func lint(_ folder: URL, today: String = "2026-11-21", configure: (inout LintOptions) -> Void = { _ in }) -> LintResult {
        var options = LintOptions()
        options.paths = ["."]
        options.today = Day(today)
        options.outputs = [OutputRequest(format: "json", file: nil)]
        configure(&options)
        return LintRun(workingDirectory: folder.path).execute(options)
    }

    /// Lints YAML written to a fresh temporary folder: `files` maps names to contents.
    static func lint(files: [String: String], today: String = "2026-11-21", configure: (inout LintOptions) -> Void = { _ in }) throws -> LintResult {
        let dir = try temporaryFolder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        return lint(dir, today: today, configure: configure)
    }

    static func temporaryFolder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }
}
