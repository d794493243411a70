import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import LadderYAML
import Testing

/// Paths of the repository, found from this file (Tests/LadderReportTests/…).
enum FormatRepo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var golden: URL { root.appendingPathComponent("Tests/LadderReportTests/Golden") }

    /// The official SARIF 2.1.0 schema: a copy in the repository's `schemas/` when there is one,
    /// else the shared one beside the repository (`../shared/schemas/`, as OUTPUT.md names it).
    /// Whether the official schema is here; a user's clone with nothing beside it has none, and
    /// the schema test is skipped there (the other SARIF tests still run).
    static var sarifSchemaPresent: Bool { (try? sarifSchema()) != nil }

    static func sarifSchema() throws -> String {
        let candidates = [
            root.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path,
            root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path,
        ]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw FormatSetupError("the official SARIF schema is missing: looked for \(candidates.joined(separator: " and "))")
        }
        return found
    }
}

struct FormatSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// The Python validators of Tests/requirements.txt, run from the repository's `.venv`.
enum FormatPython {
    /// Runs `script` with `arguments`; a missing venv is an error that says how to make it.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let python = FormatRepo.root.appendingPathComponent(".venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw FormatSetupError("\(python) is missing: run scripts/test-setup to install the Python validators (Tests/requirements.txt) in .venv")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script] + arguments
        p.standardOutput = outHandle
        p.standardError = errHandle
        try p.run()
        p.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return (p.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    /// Runs a validator that prints one JSON value; its failure fails the test with its stderr.
    static func json(_ script: String, _ arguments: [String]) throws -> Any {
        let r = try run(script, arguments)
        guard r.status == 0 else {
            throw FormatSetupError("python exited \(r.status): \(r.stderr)\(r.stdout)")
        }
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8), options: [.fragmentsAllowed])
    }

    /// Writes `text` to a fresh temporary file for a validator to read.
    static func file(_ text: String, _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

/// A run of the real pipeline over ladder files written to a temporary folder.
struct FormatRun: Sendable {
    static let formats = ["sarif", "github", "junit", "gitlab", "markdown"]

    var report: Report
    var outputs: [String: String]
    var exitCode: Int32

    /// Lints `files` (name -> YAML) as `ladderlint lint --today 2026-11-21 --format F` per format.
    static func lint(_ files: [String: String], today: String = "2026-11-21") throws -> FormatRun {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-formats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        var outputs: [String: String] = [:]
        var report: Report?
        var exitCode: Int32 = -1
        for format in ["json"] + formats {
            var options = LintOptions()
            options.today = Day(today)
            options.jobs = 2
            options.outputs = [OutputRequest(format: format, file: nil)]
            let result = LintRun(workingDirectory: dir.path).execute(options)
            guard let r = result.report else { throw FormatSetupError("the run failed (\(result.exitCode)): \(result.stderr)") }
            report = r
            exitCode = result.exitCode
            outputs[format] = result.stdout
        }
        return FormatRun(report: report!, outputs: outputs, exitCode: exitCode)
    }
}

/// The fixed input of the format tests and golden files: a ladder over five files with a file
/// name full of `,` `:` `%` and a space, titles with a newline, XML's special characters and a
/// control character, a YAML syntax error, a clean file, a waived finding and an expired waiver
/// (an unused waiver would not be reported: a file could not be read, issue 18.8).
enum FormatFixture {
    static let payFile = "ladders/pay, 2026: 100%.yaml"

    static let files: [String: String] = [
        ".ladderlint.yml": """
            version: 1
            paths: [ladders]
            waivers:
              - rule: return-to-ic-demotion
                reason: "Approved by the comp committee, 2026-Q3"
                expires: 2027-03-31
              - rule: band-shape
                subject: em-9
                reason: "Left over from the 2025 bands"
                expires: 2026-03-31

            """,
        "ladders/ladder.yaml": #"""
            kind: ladder
            id: acme-eng
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
              - {id: em, name: Engineering Management, kind: management}
            levels:
              - {id: ic-3, track: ic, grade: 3, title: Senior Engineer, roles: [tech-lead]}
              - {id: ic-4, track: ic, grade: 4, title: Staff Engineer}
              - {id: em-3, track: em, grade: 3, title: "Manager, 100%: lead\nof people"}
              - {id: em-4, track: em, grade: 4, title: "R&D <Lead> \"Director\" 'x' \a|pipe"}
              - {id: em-5, track: em, grade: 5, title: Director}

            """#,
        payFile: """
            kind: compensation
            ladder: acme-eng
            currency: USD
            bands:
              - {level: ic-3, base: {min: 150000, max: 195000}}
              - {level: ic-4, base: {min: 180000, max: 234000}}
              - {level: em-3, base: {min: 150000, max: 205000}}
              - {level: em-4, base: {min: 190000, max: 234000}}
              - {level: em-5, base: {min: 210000, max: 280000}}

            """,
        "ladders/policy.yaml": """
            kind: policy
            ladder: acme-eng
            programs:
              - id: lead-lab
                name: Leadership Lab
                kind: leadership-training
                eligible:
                  track_kinds: [management]
                cohort: {size: 30, weeks: 6, confidential: true, mix: [management, individual-contributor]}
            decisions:
              - area: system architecture
                kind: technical
                owner: {tracks: [em]}
            transitions:
              - {from: ic, to: em, grade_change: 0, pay_change: 0.08}
              - {from: em, to: ic, grade_change: -1, pay_change: 0}

            """,
        "ladders/survey.yaml": """
            kind: survey
            ladder: acme-eng
            conducted: 2026-10-01
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: individual-contributor, respondents: 20, agree: 2}
              - {id: return-status-loss, audience: management, respondents: 10, agree: 1}

            """,
        "ladders/broken.yaml": """
            kind: ladder
            id: [unclosed

            """,
    ]

    /// A healthy ladder with bands, a policy and a survey: every rule family checked, nothing
    /// to report. (`cleanLadderAlone` is the same ladder with nothing else on file.)
    static let clean: [String: String] = [
        ".ladderlint.yml": "version: 1\n",
        "ladders/ladder.yaml": """
            kind: ladder
            id: calm
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
              - {id: em, name: Engineering Management, kind: management}
            levels:
              - {id: ic-3, track: ic, grade: 3, title: Senior Engineer}
              - {id: em-3, track: em, grade: 3, title: Engineering Manager}
            ---
            kind: compensation
            ladder: calm
            currency: USD
            bands:
              - {level: ic-3, base: {min: 150000, max: 200000}}
              - {level: em-3, base: {min: 150000, max: 200000}}
            ---
            kind: policy
            ladder: calm
            programs:
              - {id: lead, name: Leading, kind: leadership-training, eligible: everyone, cohort: {size: 8, weeks: 6, confidential: true, mix: [management, individual-contributor]}}
            decisions:
              - {area: architecture, kind: technical, owner: {tracks: [ic]}}
            forums:
              - {id: leads, name: Leads, purpose: planning, members: everyone}
            transitions:
              - {from: ic, to: em, grade_change: 0, pay_change: 0}
              - {from: em, to: ic, grade_change: 0, pay_change: 0}
            ---
            kind: survey
            ladder: calm
            conducted: 2026-10-01
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: individual-contributor, respondents: 20, agree: 2}
              - {id: return-status-loss, audience: management, respondents: 10, agree: 1}

            """
    ]

    /// The clean ladder and its survey, with no bands and no policy: nothing found, and pay,
    /// policy and transitions not checked.
    static let cleanLadderAlone: [String: String] = [
        ".ladderlint.yml": "version: 1\n",
        "ladders/ladder.yaml": """
            kind: ladder
            id: calm
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
              - {id: em, name: Engineering Management, kind: management}
            levels:
              - {id: ic-3, track: ic, grade: 3, title: Senior Engineer}
              - {id: em-3, track: em, grade: 3, title: Engineering Manager}
            ---
            kind: survey
            ladder: calm
            conducted: 2026-10-01
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: individual-contributor, respondents: 20, agree: 2}
              - {id: return-status-loss, audience: management, respondents: 10, agree: 1}

            """
    ]

    /// The fixture's run, made once for all tests.
    static let run: Result<FormatRun, Error> = Result { try FormatRun.lint(files) }
}

extension Finding {
    /// The last line a finding's region covers, as the line-based formats report it.
    var lastLine: Int {
        var end = location.endLine
        if location.endColumn <= 1 && end > location.line { end -= 1 }
        return max(location.line, end)
    }
}

/// Reports made by hand, for what a fixture cannot easily produce (thousands of findings, a
/// shared fingerprint).
enum FormatSynthetic {
    static func finding(_ rule: String, _ file: String, line: Int, column: Int = 3, severity: Severity = .error,
                        message: String = "a problem", fingerprint: String? = nil) -> Finding {
        Finding(rule: rule, severity: severity, message: message,
                location: Location(file: file, span: Span(start: Mark(line: line, column: column), end: Mark(line: line, column: column + 4))),
                ladder: "l", subjects: ["s\(line)"], modelPath: "levels[id=s\(line)].grade", fingerprint: fingerprint)
    }

    static func report(_ findings: [Finding], files: [String]? = nil) -> Report {
        let sorted = findings.sorted(by: Finding.precedes)
        let files = files ?? Set(findings.map(\.location.file)).sorted()
        return Report(
            toolVersion: Tool.version, findings: sorted,
            summary: Summary(findings: sorted, files: files.count, documents: files.count, ladders: 1),
            metrics: [], rules: [], files: files, redacted: false, today: Day("2026-11-21")!)
    }
}
