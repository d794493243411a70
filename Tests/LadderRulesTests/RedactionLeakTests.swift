import Foundation
import LadderDriver
import LadderModel
import LadderReport
@testable import LadderRules
import LadderYAML
import Testing

/// `--redact` means no amount of the input can be recovered from any output: not from a
/// message about a value that could not be read, not from an id or a name that holds an amount,
/// and not by comparing runs (every output is the same when every amount is scaled).
@Suite struct RedactionLeakTests {
    /// A ladder whose amounts are all `base × scale`: in bands, in ids, names, a zone, a program
    /// name, in three forms that are not numbers, and as a bonus_target written as an amount.
    /// Block style, each amount last on its line, so no column depends on an amount's length.
    static func files(scale k: Int) -> [String: String] {
        func a(_ v: Int) -> Int { v * k }
        func grouped(_ v: Int) -> String { Format.grouped(Double(v)) }
        let ladder = """
            kind: ladder
            id: pay-\(a(150000))
            name: Engineering \(grouped(a(260000)))
            organization: Acme
            tracks:
              - id: ic
                kind: individual-contributor
                name: Engineers under \(a(150))k
              - id: em
                kind: management
                name: Managers
            levels:
              - track: ic
                grade: 1
                title: Engineer
                id: ic-\(a(150000))
              - id: ic-2
                track: ic
                grade: 2
                title: Senior Engineer \(a(230000))
              - id: em-2
                track: em
                grade: 2
                title: Manager

            """
        let compensation = """
            kind: compensation
            ladder: pay-\(a(150000))
            currency: USD
            bands:
              - level: ic-\(a(150000))
                base:
                  min: \(a(150000))
                  max: \(a(200000))
                zone: z\(a(190000))
              - level: ic-2
                bonus_target: 0.05
                equity:
                  min: \(a(20000))
                  max: \(a(40000))
                base:
                  min: \(a(180000))
                  max: \(a(230000))
              - level: em-2
                equity:
                  min: \(a(20000))
                  max: \(a(60000))
                base:
                  min: \(a(190000))
                  mid: \(a(240000))
                  max: \(a(260000))
                bonus_target: \(a(37000))
            # The HTML report's cost of closing the grade-2 gap: 7 × 10,000 at the floor, 7 × 35,000
            # at the midpoint; payroll 7 × 205,000 + 2 × 240,000 (issue 20): shares only under --redact.
            headcount:
              ic-2: 7
              em-2: 2

            """
        // A ladder of its own: a compensation document with errors makes its ladder's pay
        // checks stand down, and the first ladder's must run.
        let broken = """
            kind: ladder
            id: broken
            name: Broken
            tracks:
              - id: ic
                kind: individual-contributor
                name: Engineers
            levels:
              - id: ic-1
                track: ic
                grade: 1
                title: Engineer
            ---
            kind: compensation
            ladder: broken
            currency: USD
            bands:
              - level: ic-1
                base:
                  min: \(a(250))k
                  mid: \(a(252000)) USD
                  max: "$\(grouped(a(251000)))"
              - level: ic-1
                zone: eu
                base: \(a(300000))

            """
        let policy = """
            kind: policy
            ladder: pay-\(a(150000))
            programs:
              - id: club
                kind: leadership-training
                eligible: {tracks: [em]}
                name: Club \(grouped(a(200000)))
            transitions:
              - from: ic
                to: em
                pay_change: 0.10

            """
        return ["ladders/ladder.yaml": ladder, "ladders/compensation.yaml": compensation, "ladders/policy.yaml": policy, "ladders/broken.yaml": broken]
    }

    /// Every amount of `files(scale: 1)`, as the run reads them.
    static let amounts: [Int] = [150000, 230000, 200000, 20000, 40000, 180000, 60000, 190000, 240000, 260000, 37000, 250000, 252000, 251000, 300000, 175000, 30000, 205000, 40000,
                                 // The HTML report's costs (headcount × gap) and payroll: derived amounts.
                                 70000, 245000, 1915000]

    /// The ways a report could write `v`.
    static func forms(_ v: Int) -> [String] {
        let g = Format.grouped(Double(v))
        var out = [String(v), g, g.replacingOccurrences(of: ",", with: "."), g.replacingOccurrences(of: ",", with: " "),
                   g.replacingOccurrences(of: ",", with: "_"), "\(v).0", "\(v * 100)%"]
        if v % 1000 == 0 { out += ["\(v / 1000)k", "\(v / 1000)K"] }
        return out
    }

    /// Runs the scenario at `scale` in `dir` (the same folder for every scale, so that no
    /// output differs by its path) with `--redact` and one output format.
    static func run(scale: Int, format: String, in dir: URL) throws -> LintResult {
        try? FileManager.default.removeItem(at: dir)
        for (name, text) in files(scale: scale) {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        var options = LintOptions()
        options.today = Day("2026-11-21")
        options.redact = true
        options.outputs = [OutputRequest(format: format, file: nil)]
        return LintRun(workingDirectory: dir.path).execute(options)
    }

    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-redaction-\(UUID().uuidString.prefix(12))")
    }

    @Test("--redact: no amount, well-formed or not, in ids or names, appears in any format", arguments: Reporters.formats)
    func noAmountInAnyFormat(_ format: String) throws {
        let dir = Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(scale: 1, format: format, in: dir)
        #expect(r.exitCode == 1, "\(r.stderr)")
        let out = r.stdout + r.stderr
        #expect(!r.stdout.isEmpty)
        for v in Set(Self.amounts) {
            for form in Self.forms(v) {
                #expect(!out.contains(form), "\(format) output contains \(form)")
            }
        }
        // The three values that could not be read, as written.
        for bad in ["250k", "$251,000", "252000 USD", "37000", "300000"] {
            #expect(!out.contains(bad), "\(format) output contains \(bad)")
        }
        // Redaction hides amounts, not the findings about them.
        // (Markdown escapes the brackets.)
        #expect(out.contains("redacted"), "\(format) shows nothing redacted")
        if format == "json" {
            #expect(out.contains("bands[0].base.min: expected an amount, found text that is not a number (value withheld under --redact)"))
            #expect(out.contains("bands[0].base.max: expected an amount, found text that is not a number (value withheld under --redact)"))
            #expect(out.contains("bands[1].base: expected a base pay range (a mapping of keys), found a number (value withheld under --redact)"))
            #expect(out.contains("\"ladder\": \"pay-[redacted]\""))
            #expect(out.contains("\"ic-[redacted]\""))
            for rule in ["band-shape", "pay-ceiling-parity", "pay-midpoint-parity", "variable-pay-parity"] {
                #expect(out.contains("\"rule\": \"\(rule)\""), "\(rule) is not reported")
            }
        }
    }

    @Test("--redact: the same input with every amount times 3 or times 1000 gives the same output", arguments: Reporters.formats)
    func scalingLeavesOutputUnchanged(_ format: String) throws {
        let dir = Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try Self.run(scale: 1, format: format, in: dir)
        #expect(base.exitCode == 1)
        for k in [3, 1000] {
            let scaled = try Self.run(scale: k, format: format, in: dir)
            #expect(scaled.exitCode == base.exitCode)
            #expect(scaled.stderr == base.stderr, "\(format) ×\(k): stderr differs")
            if scaled.stdout != base.stdout {
                let a = base.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                let b = scaled.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
                Issue.record("\(format) ×\(k): output differs at line \((first?.offset ?? 0) + 1): \(first.map { "\($0.element.0) <> \($0.element.1)" } ?? "lengths \(a.count) and \(b.count)")")
            }
        }
    }

    @Test("--redact: amounts with cents, which messages show rounded (28185.714 as 28,185.71), appear in no format", arguments: Reporters.formats)
    func roundedAmountsInAnyFormat(_ format: String) throws {
        let ladder = """
            kind: ladder
            id: cents
            name: Cents
            organization: Cents
            tracks:
              - {id: ic, name: IC, kind: individual-contributor}
              - {id: em, name: EM, kind: management}
            levels:
              - {id: ic-1, track: ic, grade: 1, title: Engineer}
              - {id: em-1, track: em, grade: 1, title: Manager}
            """
        // A reversed band: band-shape writes both amounts into its text, where no type marks them.
        let comp = """
            kind: compensation
            ladder: cents
            currency: USD
            bands:
              - {level: ic-1, base: {min: 28185.714, max: 20000.5}}
              - {level: em-1, base: {min: 18014.286, max: 41385.714}}
            """
        let r = try Fixture.lint(files: ["l.yaml": ladder, "c.yaml": comp]) {
            $0.redact = true
            $0.outputs = [OutputRequest(format: format, file: nil)]
        }
        #expect(r.report?.findings.contains { $0.rule == "band-shape" } == true)
        for form in ["28,185.71", "28185.71", "20,000.5", "20000.5", "18,014.29", "41,385.71", "28,186", "41,386"] {
            #expect(!r.stdout.contains(form), "\(format) output contains \(form)")
        }
    }

    @Test("a decoder message about a value under a money key is withheld whole; others are kept")
    func decoderMessagesUnderMoneyKeys() {
        #expect(WithheldValues.withheld("bands[2].base.max: expected an amount, found the string \"$251,000\": write numbers without separators ($251000)")
            == "bands[2].base.max: expected an amount, found text that is not a number (value withheld under --redact): write a plain number, without quotes, separators, units or currency signs")
        #expect(WithheldValues.withheld("bands[0].base: unknown key '250k' in a base pay range: did you mean 'max'? Valid keys: min, mid, max")
            == "bands[0].base: unknown key (name withheld under --redact) in a base pay range: did you mean 'max'? Valid keys: min, mid, max")
        #expect(WithheldValues.withheld("bands: expected a list, found an empty value") == "bands: expected a list, found an empty value (value withheld under --redact)")
        #expect(WithheldValues.withheld("levels[0].grade: expected a whole number >= 0, found -3") == nil)
        #expect(WithheldValues.withheld("bands[1].currency: expected a three-letter ISO 4217 code such as USD, EUR or GBP, found \"usd\"") == nil)
        #expect(WithheldValues.withheld("a compensation document lacks the required key 'bands' (a list): add it") == nil)
    }

    @Test("the scrubber reads amounts out of text that is not a number, and finds them in ids, names and exponents")
    func scrubberReadings() {
        let amounts = Set(["250k", "$251,000", "252000 USD", "1.5e5"].flatMap { Redactor.readings(of: $0) })
        #expect(amounts.isSuperset(of: [250000, 251000, 252000, 150000]))
        let r = Redactor(amounts: amounts)
        #expect(r.scrub("ic-250000, \"$251,000\", 252000 USD, 1.5e5 and 250K.") == "ic-[redacted], \"$[redacted]\", [redacted] USD, [redacted] and [redacted].")
        #expect(r.scrub("grade 6, 8.3% more, 2026-03-02, 3 kids") == "grade 6, 8.3% more, 2026-03-02, 3 kids")
    }

    @Test("a redacted finding shows no amount in any field, points at the start of its value, and its fingerprint is of what it shows")
    func findingFields() {
        let r = Redactor(amounts: [150000])
        let span = Span(start: LadderYAML.Mark(line: 4, column: 12), end: LadderYAML.Mark(line: 4, column: 18))
        let f = Finding(
            rule: "band-shape", severity: .error, message: "ic-150000 has 150,000", location: Location(file: "c.yaml", span: span),
            ladder: "l-150000", subjects: ["ic-150000"], evidence: [Evidence("level", .string("ic-150000")), Evidence("v", .number(150000))],
            modelPath: "bands[level=ic-150000,zone=z150000].base.max", zone: "z150000",
            suppression: Suppression(kind: .waiver, reason: "under 150k on purpose"))
        let g = r.scrub(f)
        let texts = [g.message, g.ladder ?? "", g.zone ?? "", g.modelPath, g.suppression?.reason ?? "", g.fingerprint] + g.subjects
        #expect(!texts.contains { $0.contains("150") }, "\(texts)")
        #expect(g.evidence == [Evidence("level", .string("ic-[redacted]")), Evidence("v", .string("[redacted]"))])
        #expect(g.location.span.start == span.start && g.location.span.end == span.start)
        #expect(g.fingerprint != f.fingerprint)
        #expect(g.fingerprint == Fingerprint.of(rule: "band-shape", file: "c.yaml", ladder: "l-[redacted]", subjects: ["ic-[redacted]"], zone: "z[redacted]", modelPath: "bands[level=ic-[redacted],zone=z[redacted]].base.max"))
        // Without amounts in its ids a finding keeps its fingerprint, so baselines still match.
        let plain = Finding(rule: "band-shape", severity: .error, message: "m", location: Location(file: "c.yaml", span: span), subjects: ["ic-5"])
        #expect(r.scrub(plain).fingerprint == plain.fingerprint)
    }
}
