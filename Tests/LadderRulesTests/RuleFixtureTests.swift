import Foundation
import LadderDriver
import LadderModel
import LadderRules
import Testing

/// Every rule has a folder under Tests/Fixtures/rules/<rule-id>/ whose YAML marks each finding it
/// must raise with a trailing `# expect: rule-id`. One generic test compares, both ways, the
/// marks with the findings of that rule and every error or warning of any rule. A file whose
/// first line is `# params: {...}` runs on its own with those parameters for the folder's rule; a
/// mark `# expect: rule-id @col N "message"` also pins the column and the whole message
/// (Tests/Fixtures/rules/README.md).
struct RuleFixtureTests {
    static let builtin: [Rule] = (try? RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules) ?? []
    /// The rules of one tree: the rules that compare two revisions (`--changed-since`) have no
    /// one-tree fixture, example or sample line; ChangedSinceTests runs them on git repositories.
    static let builtinIDs: [String] = builtin.filter { CheckRegistry.builtin[$0.check]?.comparesRevisions != true }.map(\.id)

    static var folders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Repo.fixtures.path)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }

    @Test("every built-in rule has a fixture folder, and every folder names a built-in rule")
    func everyRuleHasFixtures() {
        #expect(!Self.builtinIDs.isEmpty, "the built-in pack did not parse")
        #expect(Set(Self.builtinIDs) == Set(Self.folders), "pack ids and fixture folders differ")
    }

    @Test("fixtures: findings equal the expect markers", arguments: folders)
    func fixture(_ rule: String) throws {
        let folder = Repo.fixtures.appendingPathComponent(rule)
        let files = try Fixture.yamlFiles(folder)
        let marks = try files.flatMap { try FixtureMark.parse(folder: folder, file: $0) }
        #expect(marks.contains { $0.mark.rule == rule }, "\(rule): the fixture marks no finding of its own rule")
        // Files with a `# params:` header run alone with those parameters; the rest together.
        var runs: [(files: [String], params: String?)] = []
        var plain: [String] = []
        for file in files {
            if let p = try FixtureMark.params(folder.appendingPathComponent(file)) { runs.append(([file], p)) } else { plain.append(file) }
        }
        if !plain.isEmpty { runs.insert((plain, nil), at: 0) }
        for run in runs {
            let expected = marks.filter { run.files.contains($0.mark.file) }
            let result: LintResult
            if let params = run.params {
                var texts: [String: String] = [".ladderlint.yml": "params:\n  \(rule): \(params)\n"]
                for f in run.files { texts[f] = try String(contentsOf: folder.appendingPathComponent(f), encoding: .utf8) }
                result = try Fixture.lint(files: texts) { $0.paths = run.files }
            } else {
                result = Fixture.lint(folder) { $0.paths = run.files }
            }
            #expect(result.exitCode != 2, "\(result.stderr)")
            let findings = try #require(result.report).findings
            Self.compare(rule: rule, expected: expected, findings: findings)
        }
    }

    static func compare(rule: String, expected: [FixtureMark], findings: [Finding]) {
        let relevant = findings.filter { $0.rule == rule || $0.severity >= .warning }
        let actual = Set(relevant.map { Mark(file: $0.location.file, line: $0.location.line, rule: $0.rule) })
        let wanted = Set(expected.map(\.mark))
        let missing = wanted.subtracting(actual).sorted { $0.description < $1.description }
        let unexpected = actual.subtracting(wanted).sorted { $0.description < $1.description }
        #expect(missing.isEmpty, "\(rule): marked but not reported: \(missing)")
        #expect(unexpected.isEmpty, "\(rule): reported but not marked: \(unexpected)\n\(relevant.filter { f in unexpected.contains { $0.line == f.location.line && $0.file == f.location.file } }.map(\.message))")
        for m in expected where m.column != nil || m.message != nil {
            let at = relevant.filter { $0.rule == m.mark.rule && $0.location.file == m.mark.file && $0.location.line == m.mark.line }
            if let c = m.column { #expect(at.contains { $0.location.column == c }, "\(m.mark): no finding at column \(c); columns: \(at.map(\.location.column))") }
            if let text = m.message { #expect(at.contains { $0.message == text }, "\(m.mark): no finding with the message \(text); messages: \(at.map(\.message))") }
        }
    }

    /// The pack's examples are whole YAML streams: a `triggers` example raises its rule, a
    /// `passes` example does not (SwiftLint's verifyRule, for packs).
    @Test("the pack's examples: triggers raise their rule, passes do not", arguments: builtinIDs)
    func packExamples(_ id: String) throws {
        let rule = try #require(Self.builtin.first { $0.id == id })
        let triggers = try #require(rule.triggers, "\(id) has no triggers example")
        let passes = try #require(rule.passes, "\(id) has no passes example")
        for (text, raises) in [(triggers, true), (passes, false)] {
            let result = try Fixture.lint(files: ["example.yaml": text])
            #expect(result.exitCode != 2, "\(id): \(result.stderr)")
            let findings = try #require(result.report).findings
            #expect(!findings.contains { CoreRules.ids.contains($0.rule) },
                    "\(id): the example is not a valid ladder stream: \(findings.map(\.message))")
            #expect(findings.contains { $0.rule == id } == raises, "\(id): the \(raises ? "triggers" : "passes") example \(raises ? "raises nothing" : "raises the rule"): \(findings.map(\.message))")
        }
    }
}

/// A `# expect:` mark: `rule-a rule-b` (lines only), or `rule-id @col N "whole message"`.
struct FixtureMark {
    var mark: Mark
    var column: Int?
    var message: String?

    static func parse(folder: URL, file: String) throws -> [FixtureMark] {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        var out: [FixtureMark] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let r = line.range(of: "# expect:") else { continue }
            var rest = Substring(line[r.upperBound...])
            var message: String?
            if let q = rest.firstIndex(of: "\""), let e = rest.lastIndex(of: "\""), e > q {
                message = String(rest[rest.index(after: q)..<e])
                rest = rest[..<q]
            }
            var words = rest.split(separator: " ").map(String.init)
            var column: Int?
            if let c = words.firstIndex(of: "@col"), c + 1 < words.count {
                column = Int(words[c + 1])
                words.removeSubrange(c...(c + 1))
            }
            for rule in words {
                out.append(FixtureMark(mark: Mark(file: file, line: i + 1, rule: rule), column: column, message: message))
            }
        }
        return out
    }

    /// The flow mapping of a first line `# params: {...}`, if any.
    static func params(_ url: URL) throws -> String? {
        let text = try String(contentsOf: url, encoding: .utf8)
        let first = text.prefix { $0 != "\n" }
        guard first.hasPrefix("# params:") else { return nil }
        return first.dropFirst("# params:".count).trimmingCharacters(in: .whitespaces)
    }
}

/// The sample organisations of ladders/: the unhealthy one shows every rule at its marks, the
/// healthy one passes.
struct SampleLadderTests {
    @Test("the promotion-trap sample raises exactly its marked findings, covering every rule")
    func unhealthy() throws {
        let folder = Repo.root.appendingPathComponent("ladders/promotion-trap")
        let expected = try Fixture.expected(in: folder)
        let result = Fixture.lint(folder)
        #expect(result.exitCode == 1)
        let findings = try #require(result.report).findings
        let actual = Set(findings.map { Mark(file: $0.location.file, line: $0.location.line, rule: $0.rule) })
        #expect(actual == expected, "missing: \(expected.subtracting(actual)); unexpected: \(actual.subtracting(expected))")
        let rules = Set(findings.map(\.rule))
        for id in RuleFixtureTests.builtinIDs {
            #expect(rules.contains(id), "the unhealthy sample does not trigger \(id)")
        }
    }

    @Test("the healthy sample has no error or warning and exits 0")
    func healthy() throws {
        let result = Fixture.lint(Repo.root.appendingPathComponent("ladders/healthy"))
        let findings = try #require(result.report).findings
        #expect(findings.filter { $0.severity >= .warning }.isEmpty, "\(findings.map(\.message))")
        #expect(result.exitCode == 0)
    }

    @Test("the shared worked examples are reported exactly at their #! marks", .enabled(if: Repo.sharedPresent, Comment(rawValue: Repo.sharedAbsent)), arguments: ["acme", "evenkeel"])
    func sharedExample(_ name: String) throws {
        try Self.exactlyAtMarks(Repo.shared.appendingPathComponent("examples/\(name)"))
    }

    @Test("the project's own worked organisations are reported exactly at their #! marks", arguments: ["brightwater"])
    func ownOrganisation(_ name: String) throws {
        try Self.exactlyAtMarks(Repo.orgs.appendingPathComponent(name))
    }

    /// Every `#!` mark is reported; every error or warning is marked.
    static func exactlyAtMarks(_ folder: URL) throws {
        let expected = try Fixture.expected(in: folder, marker: "#!")
        let findings = try #require(Fixture.lint(folder).report).findings
        let actual = Set(findings.filter { $0.severity >= .warning }.map { Mark(file: $0.location.file, line: $0.location.line, rule: $0.rule) })
        let reported = Set(findings.map { Mark(file: $0.location.file, line: $0.location.line, rule: $0.rule) })
        #expect(expected.isSubset(of: reported), "missing: \(expected.subtracting(reported))")
        #expect(actual.isSubset(of: expected), "unexpected: \(actual.subtracting(expected))")
    }
}
