import LadderModel
import LadderYAML

/// Loads, decodes and resolves in-memory files the way a run does (loader issues become
/// findings, each non-empty document is decoded, all documents are resolved together), and
/// returns the findings in output order.
enum DecodeHarness {
    static func findings(_ files: [(name: String, text: String)]) -> [Finding] {
        var findings: [Finding] = []
        var documents: [Document] = []
        var broken: [BrokenID] = []
        for file in files {
            let decoded = DocumentDecoder().decodeFile(Array(file.text.utf8), file: file.name, limits: LoadLimits())
            findings += decoded.findings
            documents += decoded.documents
            broken += decoded.brokenIDs
        }
        findings += Resolver().resolve(documents, broken: broken).findings
        return findings.sorted(by: Finding.precedes)
    }

    static func findings(_ name: String, _ text: String) -> [Finding] {
        findings([(name, text)])
    }

    /// A valid ladder `acme` that other documents of a test can refer to.
    static let acme = """
        kind: ladder
        id: acme
        name: Engineering
        tracks:
          - {id: ic, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: ic-5, track: ic, grade: 5, title: Senior Engineer}
          - {id: em-5, track: em, grade: 5, title: Engineering Manager}

        """

    /// `acme.yaml` (the ladder above) and the file under test.
    static func withLadder(_ name: String, _ text: String) -> [Finding] {
        findings([("acme.yaml", acme), (name, text)])
    }
}

/// A finding reduced to what a reader sees: `file:line:column rule message`.
struct Seen: Equatable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var rule: String
    var message: String

    init(_ file: String, _ line: Int, _ column: Int, _ rule: String, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        self.message = message
    }

    init(_ f: Finding) {
        self.init(f.location.file, f.location.line, f.location.column, f.rule, f.message)
    }

    var description: String { "\(file):\(line):\(column): \(message) [\(rule)]" }
}

extension Array where Element == Finding {
    var seen: [Seen] { map(Seen.init) }
}
