import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import Testing

/// docs/rules/ is generated (scripts/rule-docs): a page per built-in and core rule, which
/// SARIF's `helpUri` points at, and an index. Stale or missing pages fail here.
struct RuleDocsTests {
    static let folder = Repo.root.appendingPathComponent("docs/rules")

    /// What scripts/rule-docs runs the binary with: an empty folder, so no configuration adds or
    /// disables rules.
    static func catalogue() throws -> (RuleCatalogue, URL) {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-rule-docs-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        return (RuleCatalogue(workingDirectory: empty.path), empty)
    }

    static func builtin() throws -> [Rule] {
        try RulePack.parse(BuiltinPack.text, file: BuiltinPack.path, registry: .builtin).rules
    }

    static func ids() throws -> [String] {
        try builtin().map(\.id) + RuleDocs.coreIDs
    }

    @Test("every built-in and core rule has its page in docs/rules, as `ladderlint explain RULE --format markdown` writes it (run scripts/rule-docs)")
    func pagesAreCurrent() throws {
        let (catalogue, empty) = try Self.catalogue()
        defer { try? FileManager.default.removeItem(at: empty) }
        for id in try Self.ids() {
            let expected = catalogue.explain(id, format: "markdown")
            #expect(expected.exitCode == 0, "\(id): \(expected.stderr)")
            let file = Self.folder.appendingPathComponent(RuleDocs.fileName(id))
            let page = try? String(contentsOf: file, encoding: .utf8)
            #expect(page != nil, "docs/rules/\(id).md is missing: run scripts/rule-docs")
            if let page { #expect(page == expected.stdout, "docs/rules/\(id).md is stale: run scripts/rule-docs") }
        }
    }

    @Test("docs/rules/README.md is `ladderlint rules --format docs`, and docs/rules holds no page of a rule that is gone (run scripts/rule-docs)")
    func indexIsCurrent() throws {
        let (catalogue, empty) = try Self.catalogue()
        defer { try? FileManager.default.removeItem(at: empty) }
        let expected = catalogue.catalogue(format: "docs")
        #expect(expected.exitCode == 0)
        let index = try? String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(index == expected.stdout, "docs/rules/README.md is stale or missing: run scripts/rule-docs")
        let pages = Set((try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []).subtracting(["README.md"])
        let known = Set(try Self.ids().map(RuleDocs.fileName))
        #expect(pages.subtracting(known).isEmpty, "pages of rules that do not exist: \(pages.subtracting(known).sorted()): run scripts/rule-docs")
        for id in try Self.ids() { #expect(expected.stdout.contains("](\(RuleDocs.fileName(id)))"), "the index links no page of \(id)") }
    }

    @Test("a page is ladderlint's Markdown: a heading, the generated marker, every section, no raw control character")
    func pageShape() throws {
        let rule = try #require(try Self.builtin().first { $0.id == "pay-ceiling-parity" })
        let page = RuleDocs.page(rule)
        #expect(page.hasPrefix("# `pay-ceiling-parity` (error)\n\n\(RuleDocs.generated)\n\n"))
        for heading in ["## Why it matters", "## What it checks", "## Parameters", "## Examples", "## How to waive"] {
            #expect(page.contains("\n\(heading)\n"), "no \(heading)")
        }
        #expect(page.contains("| `tolerance` | `0` |"))
        #expect(!page.unicodeScalars.contains { $0 != "\n" && Escape.needsVisible($0) })
    }

    @Test("a rule pack's page is Markdown-escaped: no live link, mention or HTML from pull-request text")
    func packPageEscaped() throws {
        let pack = """
            version: 1
            rules:
              - id: custom-parity
                check: pay-parity
                severity: error
                params: {measure: max, tolerance: 0}
                summary: "ping @octocat <img src=x onerror=alert(1)>"
                message: "{management} above {ic}"
                help: "[click](javascript:alert(1))"
                rationale: "see https://evil.example"
            """
        let rule = try #require(try RulePack.parse(pack, file: "team/rules.yaml", registry: .builtin).rules.first)
        let page = RuleDocs.page(rule)
        #expect(page.contains("@&#8203;octocat"))
        #expect(page.contains("\\<img"))
        #expect(page.contains("\\[click\\](javascript:alert(1))"))
        #expect(!page.contains("https://evil"))
    }
}
