import Foundation
import LadderDriver
import LadderModel
import LadderRules
import Testing

/// Every rule has a folder under Tests/Fixtures/rules/<rule-id>/ whose YAML marks each finding it
/// must raise with a trailing `# expect: rule-id`. One generic test compares, both ways, the
/// marks with the findings of that rule and every error or warning of any rule.
struct RuleFixtureTests {
    static let builtinIDs: [String] = (try? RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules.map(\.id)) ?? []

    static var folders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Repo.fixtures.path)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }

    @Test("every built-in rule has a fixture folder")
    func everyRuleHasFixtures() {
        #expect(Self.builtinIDs.count == 22)
        for id in Self.builtinIDs {
            #expect(Self.folders.contains(id), "no fixture folder Tests/Fixtures/rules/\(id)")
        }
        for folder in Self.folders {
            #expect(Self.builtinIDs.contains(folder), "fixture folder \(folder) names no built-in rule")
        }
    }

    @Test("fixtures: findings equal the expect markers", arguments: folders)
    func fixture(_ rule: String) throws {
        let folder = Repo.fixtures.appendingPathComponent(rule)
        let expected = try Fixture.expected(in: folder)
        #expect(expected.contains { $0.rule == rule }, "\(rule): the fixture marks no finding of its own rule")
        let result = Fixture.lint(folder)
        #expect(result.exitCode != 2, "\(result.stderr)")
        let findings = try #require(result.report).findings
        let actual = Set(findings.filter { $0.rule == rule || $0.severity >= .warning }.map {
            Mark(file: $0.location.file, line: $0.location.line, rule: $0.rule)
        })
        let missing = expected.subtracting(actual).sorted { $0.description < $1.description }
        let unexpected = actual.subtracting(expected).sorted { $0.description < $1.description }
        #expect(missing.isEmpty, "\(rule): marked but not reported: \(missing)")
        #expect(unexpected.isEmpty, "\(rule): reported but not marked: \(unexpected)\n\(findings.filter { f in unexpected.contains { $0.line == f.location.line && $0.file == f.location.file } }.map(\.message))")
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
