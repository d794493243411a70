import Foundation
import LadderModel
import Testing

/// docs/format.md describes every key and every value of the format the decoder accepts.
@Suite struct FormatDocTests {
    static func doc() throws -> String {
        try String(contentsOf: ModelTestFiles.repoRoot.appendingPathComponent("docs/format.md"), encoding: .utf8)
    }

    @Test func everyKeyIsDescribed() throws {
        let text = try Self.doc()
        let keys = Set(LadderSchemaTests.mappings.flatMap(\.keys))
        let missing = keys.filter { !text.contains("| `\($0)` |") }.sorted()
        #expect(missing.isEmpty, "docs/format.md has no table row for \(missing)")
    }

    @Test func everyValueOfEveryEnumerationIsNamed() throws {
        let text = try Self.doc()
        let values = DocumentKind.allCases.map(\.rawValue) + TrackKind.allCases.map(\.rawValue)
            + ProgramKind.allCases.map(\.rawValue) + DecisionKind.allCases.map(\.rawValue)
            + ForumPurpose.allCases.map(\.rawValue) + PayPeriod.allCases.map(\.rawValue) + ["everyone", "tech-lead"]
        let missing = values.filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "docs/format.md never names \(missing)")
    }

    /// The examples of the page are valid: each YAML block that starts with `kind:` decodes
    /// without a format finding when read together with the page's ladder.
    @Test func theExamplesDecode() throws {
        let blocks = try Self.doc().components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let documents = blocks.filter { $0.hasPrefix("kind: ") && !$0.contains("\n# yaml-language-server") }
        #expect(documents.count == 5)
        let found = DecodeHarness.findings(documents.enumerated().map { ("example\($0.offset).yaml", $0.element) })
        let formatRules: Set = ["yaml-syntax", "invalid-document", "unknown-reference", "duplicate-id"]
        #expect(found.filter { formatRules.contains($0.rule) }.seen == [])
        let errors = try PythonValidator.validate(
            try documents.enumerated().map { ("example\($0.offset)", try YAMLToJSON.documents($0.element)[0].encoded()) },
            schema: ModelTestFiles.ladderSchema)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }
}
