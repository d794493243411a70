import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import Testing

/// Runs of the real pipeline over YAML text, rendered in every format of the Reporters table,
/// for the extreme-value and redacted-chart tests.
enum ExtremeRun {
    /// Lints `files` (name -> YAML) in a fresh folder; outputs ask for HTML so that the run
    /// computes metrics and the policy picture, which the HTML and JSON reporters draw from.
    static func report(_ files: [String: String], redact: Bool) throws -> Report {
        let result = try run(files, redact: redact)
        guard let report = result.report else { throw FormatSetupError("the run failed (\(result.exitCode)): \(result.stderr)") }
        return report
    }

    /// The run itself, for settings that may be refused.
    static func run(_ files: [String: String], redact: Bool) throws -> LintResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-extreme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        var options = LintOptions()
        options.today = Day("2026-11-21")
        options.jobs = 1
        options.redact = redact
        options.outputs = [OutputRequest(format: "html", file: nil)]
        return LintRun(workingDirectory: dir.path).execute(options)
    }

    /// Every format's output, keyed by format.
    static func renderAll(_ report: Report) -> [String: String] {
        var out: [String: String] = [:]
        for format in Reporters.formats {
            out[format] = Reporters.render(format, report, ReportStyle())
        }
        return out
    }
}

/// Numbers at the edges of what YAML can write and a Double or Int64 can hold, as YAML text.
enum ExtremeNumbers {
    /// Reals: zeros, subnormals, the smallest normal, huge and tiny magnitudes, the ends of
    /// Double, the edge of exact integers (2^53 ± 1) and of Int64.
    static let reals: [String] = [
        "0", "-0.0", "5e-324", "-5e-324", "2.2250738585072014e-308", "1e-300", "-1e-300",
        "1e300", "-1e300", "1.7976931348623157e+308", "-1.7976931348623157e+308",
        "9007199254740991", "9007199254740993", "9223372036854775807", "-9223372036854775808",
        "1e21", "1e16", "10000000000000002",
    ]

    /// Whole numbers: zero, one, ±1, 2^53 ± 1 and the ends of Int64.
    static let ints: [String] = [
        "0", "1", "-1", "9007199254740991", "9007199254740993", "9223372036854775807", "-9223372036854775808",
    ]

    /// A ladder, bands, policy and survey with `x` in every numeric slot a check reads: grades,
    /// grade_change, audience grades, cohort size and weeks, respondents and agree (from
    /// `whole`), and amounts, bonus targets and pay changes (from `real`, with `peer` on the
    /// other side of each comparison).
    /// With `raw` false a negative `whole` goes to grade_change only and the counts and grades
    /// get 0, so that the ladder decodes and every check runs; with `raw` true it goes
    /// everywhere, and the decoder must refuse it with a finding.
    static func files(whole: String, real: String, peer: String, raw: Bool = false) -> [String: String] {
        let count = raw || !whole.hasPrefix("-") ? whole : "0"
        let change = whole
        return [
            ".ladderlint.yml": "version: 1\n",
            "ladders/ladder.yaml": """
                kind: ladder
                id: edge
                name: Edge
                tracks:
                  - {id: ic, name: IC, kind: individual-contributor}
                  - {id: em, name: EM, kind: management}
                levels:
                  - {id: ic-a, track: ic, grade: \(count), title: A, roles: [tech-lead], promotion: {requires: [people-management]}}
                  - {id: em-a, track: em, grade: \(count), title: B}
                  - {id: ic-b, track: ic, grade: 3, title: C}
                  - {id: em-b, track: em, grade: 4, title: D}
                ---
                kind: compensation
                ladder: edge
                currency: USD
                bands:
                  - {level: ic-a, base: {min: \(real), mid: \(real), max: \(real)}, bonus_target: \(real), equity: {min: \(real), max: \(real)}}
                  - {level: em-a, base: {min: \(peer), max: \(real)}, bonus_target: \(peer), equity: {min: \(peer), max: \(peer)}}
                  - {level: ic-b, base: {min: \(real), max: \(peer)}}
                  - {level: em-b, base: {min: \(peer), mid: \(real), max: \(peer)}}
                ---
                kind: policy
                ladder: edge
                programs:
                  - id: lab
                    name: Lab
                    kind: leadership-training
                    eligible: {min_grade: \(count), max_grade: \(count)}
                    cohort: {size: \(count), weeks: \(count)}
                decisions:
                  - {area: architecture, kind: technical, owner: {min_grade: \(count)}}
                forums:
                  - {id: staff, name: Staff, purpose: planning, members: {max_grade: \(count)}}
                transitions:
                  - {from: ic, to: em, grade_change: \(change), pay_change: \(real)}
                  - {from: em, to: ic, grade_change: \(change), pay_change: \(real)}
                ---
                kind: survey
                ladder: edge
                conducted: 2026-10-01
                anonymous: true
                questions:
                  - {id: seat-at-the-table, audience: everyone, respondents: \(count), agree: \(count)}
                  - {id: seat-at-the-table, audience: individual-contributor, respondents: \(count), agree: 0}
                  - {id: seat-at-the-table, audience: management, respondents: \(count), agree: \(count)}
                  - {id: return-status-loss, audience: management, respondents: \(count), agree: \(count)}

                """,
        ]
    }

    /// The settings a check reads, at their extremes (each within what the parameter accepts).
    static func settings(whole: String, real: String) -> String {
        """
        version: 1
        params:
          pay-ceiling-parity: {tolerance: \(real)}
          band-spread: {min_spread: \(real), max_spread: \(real)}
          leadership-cohort-design: {min_size: \(whole), max_size: \(whole), max_weeks: \(whole)}
          survey-small-group: {min_group: \(whole)}
          survey-missing: {max_age_days: \(whole)}

        """
    }
}
