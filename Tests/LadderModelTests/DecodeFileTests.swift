import LadderModel
import LadderYAML
import Testing

/// `DocumentDecoder.decodeFile`: how every input file is read, by a run, the tests' harness and
/// the fuzzer. Empty documents are skipped, each other one is decoded, and what the loader
/// itself reports comes first, named by the file and a model path of its own.
@Suite struct DecodeFileTests {
    static let ladder = DecodeHarness.acme

    static let survey = """
        kind: survey
        ladder: acme
        conducted: 2026-10-01
        anonymous: true
        questions: []

        """

    @Test func emptyDocumentsAreSkippedAndTheOthersDecoded() {
        let text = "---\n" + Self.ladder + "---\n# nothing here\n---\n" + Self.survey
        var roots = 0
        let file = DocumentDecoder().decodeFile(Array(text.utf8), file: "org.yaml", limits: LoadLimits()) { _ in roots += 1 }
        #expect(file.documentCount == 2)
        #expect(roots == 2)
        #expect(file.documents.count == 2)
        #expect(file.findings.isEmpty)
        #expect(file.brokenIDs.isEmpty)
        #expect(!file.unparsed)
    }

    @Test func withoutEachRootTheResultIsTheSame() {
        let bytes = Array((Self.ladder + "---\n" + Self.survey).utf8)
        let decoder = DocumentDecoder()
        var roots = 0
        let with = decoder.decodeFile(bytes, file: "org.yaml", limits: LoadLimits()) { _ in roots += 1 }
        let without = decoder.decodeFile(bytes, file: "org.yaml", limits: LoadLimits())
        #expect(roots == 2)
        #expect(with.documentCount == without.documentCount)
        #expect(with.documents.count == without.documents.count)
        #expect(with.findings.map(\.fingerprint) == without.findings.map(\.fingerprint))
    }

    @Test func aSyntaxErrorIsAFindingOfTheFileWithItsOwnModelPath() throws {
        let text = Self.ladder + "---\nkind: survey\nquestions: [unclosed\n"
        let file = DocumentDecoder().decodeFile(Array(text.utf8), file: "broken.yaml", limits: LoadLimits())
        #expect(file.unparsed)
        let first = try #require(file.findings.first)
        #expect(first.rule == "yaml-syntax")
        #expect(first.location.file == "broken.yaml")
        #expect(first.location.line > 11)
        #expect(first.modelPath.hasPrefix("yaml-syntax@"))
        // What came before the error was still read.
        #expect(file.documents.count == 1)
    }

    @Test func aLimitIsAnInputLimitFinding() throws {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        let file = DocumentDecoder().decodeFile(Array(deep.utf8), file: "deep.yaml", limits: LoadLimits(maxDepth: 10))
        #expect(file.unparsed)
        let first = try #require(file.findings.first)
        #expect(first.rule == "input-limit")
        #expect(first.location.file == "deep.yaml")
        #expect(file.documents.isEmpty)
    }

    @Test func aDuplicateKeyIsReportedButTheFileCountsAsRead() throws {
        let text = "kind: ladder\nid: acme\nid: acme2\n"
        let file = DocumentDecoder().decodeFile(Array(text.utf8), file: "dup.yaml", limits: LoadLimits())
        let first = try #require(file.findings.first)
        #expect(first.rule == "invalid-document")
        #expect(first.location.line == 3)
        #expect(!file.unparsed)
    }

    @Test func decodeProblemsFollowTheLoadersAndNameTheFile() {
        let text = "kind: ladder\nid: acme\nname: 5\ntracks: []\nlevels: []\nunknown_key: 1\n"
        let file = DocumentDecoder().decodeFile(Array(text.utf8), file: "ladder.yaml", limits: LoadLimits())
        #expect(!file.unparsed)
        #expect(file.documentCount == 1)
        #expect(!file.findings.isEmpty)
        #expect(file.findings.allSatisfy { $0.rule == "invalid-document" && $0.location.file == "ladder.yaml" })
    }
}
