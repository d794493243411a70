import Foundation
import LadderYAML
import Testing

/// Runs the loader over every case of the YAML test suite (`../shared/yaml-test-suite`).
///
/// - A case with an `error` file must give a `yaml-syntax` issue. (Three cases also carry a
///   stale `in.json` next to `error`; the error file wins, as the suite's README says it marks
///   input that must be rejected.)
/// - A case with `in.json` must load without issues to the same JSON value(s), one per document.
/// - Any other case is valid YAML without a JSON form; it must load without issues.
///
/// Cases listed in `libyaml-deviations.txt` are where libyaml 0.2.5 (or a deliberate ladderlint
/// policy) disagrees with the suite; they must keep disagreeing, so the list never goes stale.
@Suite struct YAMLTestSuiteTests {
    struct Case {
        var id: String
        var folder: URL
    }

    enum Outcome {
        case pass
        case fail(String)
    }

    static let loader = YAMLLoader(options: LoadOptions(mergeKeys: false))

    /// Every folder holding an `in.yaml`, numbered sub-folders included, skipping the indexes.
    static func cases() throws -> [Case] {
        let fm = FileManager.default
        let root = TestFiles.yamlTestSuite
        var found: [Case] = []
        for name in try fm.contentsOfDirectory(atPath: root.path).sorted() where name != "name" && name != "tags" {
            let folder = root.appendingPathComponent(name, isDirectory: true)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else { continue }
            if TestFiles.exists(folder.appendingPathComponent("in.yaml")) {
                found.append(Case(id: name, folder: folder))
            }
            for sub in try fm.contentsOfDirectory(atPath: folder.path).sorted() {
                let subFolder = folder.appendingPathComponent(sub, isDirectory: true)
                if TestFiles.exists(subFolder.appendingPathComponent("in.yaml")) {
                    found.append(Case(id: "\(name)/\(sub)", folder: subFolder))
                }
            }
        }
        return found
    }

    /// `ID  reason` lines; `#` starts a comment.
    static func deviations() throws -> [String: String] {
        let text = String(decoding: try TestFiles.bytes(TestFiles.deviationsFile), as: UTF8.self)
        var result: [String: String] = [:]
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            let id = String(parts[0])
            let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            if reason.isEmpty { Issue.record("libyaml-deviations.txt: \(id) needs a reason") }
            if result[id] != nil { Issue.record("libyaml-deviations.txt: \(id) is listed twice") }
            result[id] = reason
        }
        return result
    }

    static func run(_ c: Case) throws -> Outcome {
        let input = try TestFiles.bytes(c.folder.appendingPathComponent("in.yaml"))
        let result = loader.load(input)
        let issues = result.issues.map { "\($0.kind.rawValue) at \($0.span.start): \($0.message)" }

        if TestFiles.exists(c.folder.appendingPathComponent("error")) {
            if result.issues.contains(where: { $0.kind == .syntax }) { return .pass }
            return .fail("invalid YAML was accepted" + (issues.isEmpty ? "" : " (issues: \(issues))"))
        }
        guard issues.isEmpty else { return .fail("valid YAML gave issues: \(issues)") }

        let jsonURL = c.folder.appendingPathComponent("in.json")
        guard TestFiles.exists(jsonURL) else { return .pass }
        let expected = try JSONStreamParser.parseAll(TestFiles.bytes(jsonURL))
        var actual: [JSONValue] = []
        for document in result.documents {
            guard let value = JSONValue(document.root) else {
                return .fail("document \(document.index) has no JSON form")
            }
            actual.append(value)
        }
        if actual == expected { return .pass }
        return .fail("loaded \(actual), expected \(expected)")
    }

    // Alone this takes well under a second. The limit only catches a hang: it counts from when the
    // test is scheduled, and on 2 cores the tests that wait on subprocesses (the pre-commit
    // build takes minutes) can hold every worker, so 2 minutes failed a healthy CI run.
    @Test(.timeLimit(.minutes(15)), .enabled(if: TestFiles.exists(TestFiles.yamlTestSuite),
        "the YAML test suite's data is in ../shared/yaml-test-suite, which only the team's machines have; the loader's own tests still run"))
    func everyCaseLoadsAsTheSuiteExpects() throws {
        let cases = try Self.cases()
        let known = try Self.deviations()
        #expect(cases.count > 350, "expected the whole suite, found \(cases.count) cases")

        var passed = 0
        var deviated = 0
        var failed = 0
        for c in cases {
            let outcome = try Self.run(c)
            switch (outcome, known[c.id]) {
            case (.pass, nil):
                passed += 1
            case (.pass, let reason?):
                failed += 1
                Issue.record("\(c.id) is listed as a libyaml deviation (\(reason)) but now passes: remove it from libyaml-deviations.txt")
            case (.fail, _?):
                deviated += 1
            case (.fail(let why), nil):
                failed += 1
                Issue.record("\(c.id): \(why)")
            }
        }
        let ids = Set(cases.map(\.id))
        for id in known.keys.sorted() where !ids.contains(id) {
            Issue.record("libyaml-deviations.txt lists \(id), which is not a case of the suite")
        }
        print("YAML test suite: \(cases.count) cases: passed \(passed), known libyaml deviations \(deviated), failed \(failed)")
    }
}
