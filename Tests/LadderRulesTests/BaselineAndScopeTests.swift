import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import Testing

struct BaselineTests {
    static let ladder = try! Repo.org("brightwater", "ladder.yaml")
    static let comp = try! Repo.org("brightwater", "compensation.yaml")
    static let policy = try! Repo.org("brightwater", "policy.yaml")

    @Test("a baseline survives moved lines and reworded messages; a new problem is exactly one new finding")
    func baselineLifecycle() throws {
        let dir = try Fixture.temporaryFolder(["ladders/ladder.yaml": Self.ladder, "ladders/comp.yaml": Self.comp, "ladders/policy.yaml": Self.policy])
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ configure: (inout LintOptions) -> Void) -> LintResult {
            var o = LintOptions()
            o.today = Day("2026-11-21")
            o.outputs = [OutputRequest(format: "json", file: nil)]
            configure(&o)
            return LintRun(workingDirectory: dir.path).execute(o)
        }
        let first = run { $0.writeBaseline = "ladderlint-baseline.json" }
        // Writing a baseline accepts what it records (issue 18.9).
        #expect(first.exitCode == 0)
        let text = try String(contentsOf: dir.appendingPathComponent("ladderlint-baseline.json"), encoding: .utf8)
        let entries = try #require(first.report).findings.count
        #expect(text.components(separatedBy: "\"fingerprint\"").count - 1 == entries)
        #expect(text.hasPrefix("{\n  \"tool\": \"ladderlint\",\n  \"baseline_version\": 1,"))

        // Move every line down and reword nothing else: still clean against the baseline.
        for name in ["ladder.yaml", "comp.yaml", "policy.yaml"] {
            let url = dir.appendingPathComponent("ladders/\(name)")
            let moved = "# a new comment line\n\n" + (try String(contentsOf: url, encoding: .utf8))
            try moved.write(to: url, atomically: true, encoding: .utf8)
        }
        let clean = run { $0.baseline = "ladderlint-baseline.json" }
        #expect(clean.exitCode == 0, "\(clean.stdout)")
        #expect(clean.report?.findings.allSatisfy { $0.suppressed } == true)
        #expect(clean.report?.findings.allSatisfy { $0.suppression?.kind == .baseline } == true)

        // A new problem on an already-flagged subject (em-3 gets a bigger equity grant): one new finding.
        let url = dir.appendingPathComponent("ladders/comp.yaml")
        let worse = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "    bonus_target: 0.15 #! variable-pay-parity", with: "    bonus_target: 0.15 #! variable-pay-parity\n    equity: {min: 10000, max: 50000}")
        try worse.write(to: url, atomically: true, encoding: .utf8)
        let after = run { $0.baseline = "ladderlint-baseline.json" }
        let live = try #require(after.report).findings.filter { !$0.suppressed }
        #expect(live.count == 1)
        #expect(live.first?.rule == "variable-pay-parity")
        #expect(live.first?.modelPath == "bands[level=em-3,zone=default].equity.max")
        #expect(after.exitCode == 0, "a warning does not fail the default --fail-on error")

        // Entries that match nothing are noted, and fail the run with --strict-baseline.
        try Self.comp.replacingOccurrences(of: "bonus_target: 0.15 #! variable-pay-parity", with: "bonus_target: 0.10")
            .write(to: url, atomically: true, encoding: .utf8)
        let stale = run { $0.baseline = "ladderlint-baseline.json" }
        #expect(stale.stderr.contains("1 entry matches no finding any more"))
        #expect(stale.exitCode == 0)
        let strict = run { $0.baseline = "ladderlint-baseline.json"; $0.strictBaseline = true }
        #expect(strict.exitCode == 1)
        #expect(strict.report?.findings.contains { $0.rule == "stale-baseline" } == true)
    }

    @Test("a missing or malformed baseline is a usage error")
    func badBaseline() throws {
        let missing = try Fixture.lint(files: ["ladder.yaml": Self.ladder]) { $0.baseline = "nope.json" }
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("nope.json: cannot read the baseline"))
        let junk = try Fixture.lint(files: ["ladder.yaml": Self.ladder, "b.json": "[1, 2]"]) { $0.baseline = "b.json" }
        #expect(junk.exitCode == 2)
        #expect(junk.stderr.contains("is not a ladderlint baseline"))
    }

    @Test("fingerprints hash the model path, not lines or messages, and differ per value")
    func fingerprints() throws {
        let a = try #require(Fixture.lint(files: ["l.yaml": Self.ladder, "c.yaml": Self.comp, "p.yaml": Self.policy]).report).findings
        let moved = try #require(Fixture.lint(files: ["l.yaml": "\n\n" + Self.ladder, "c.yaml": "\n" + Self.comp, "p.yaml": Self.policy]).report).findings
        #expect(Set(a.map(\.fingerprint)) == Set(moved.map(\.fingerprint)))
        #expect(Set(a.map(\.fingerprint)).count == a.count, "two findings share a fingerprint")
        let transition = try #require(a.first { $0.rule == "management-entry-promotion" })
        #expect(transition.modelPath == "transitions[from=se,to=em].pay_change")
    }
}

struct NamedFileTests {
    @Test("a policy file named alone is resolved against the configured paths: no unknown-reference")
    func policyAlone() throws {
        let dir = try Fixture.temporaryFolder([
            "ladders/ladder.yaml": BaselineTests.ladder, "ladders/comp.yaml": BaselineTests.comp, "ladders/policy.yaml": BaselineTests.policy,
            "other/ladder.yaml": BaselineTests.ladder.replacingOccurrences(of: "id: brightwater-eng", with: "id: other-eng"),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        var o = LintOptions()
        o.today = Day("2026-11-21")
        o.paths = ["ladders/policy.yaml"]
        let r = LintRun(workingDirectory: dir.path).execute(o)
        let findings = try #require(r.report).findings
        #expect(!findings.contains { $0.rule == "unknown-reference" })
        #expect(findings.contains { $0.rule == "manager-owned-technical-decisions" && $0.location.file == "ladders/policy.yaml" })
        // The ladder the file belongs to is reported whole; other ladders are not.
        #expect(findings.contains { $0.rule == "pay-ceiling-parity" && $0.location.file == "ladders/comp.yaml" })
        #expect(!findings.contains { $0.ladder == "other-eng" })
        // Counted as reported (issue 18.7): the named file and the two others of its ladder.
        #expect(r.report?.summary.files == 3)
        #expect(r.exitCode == 1)
    }
}

struct RedactionTests {
    @Test("--redact: no amount of the input in any format, in any number formatting", arguments: Reporters.formats)
    func noAmounts(_ format: String) throws {
        let broken = BaselineTests.comp + "  - {level: se-1, zone: apac, base: {min: \"98_765\", max: 123456}}\n"
        let r = try Fixture.lint(files: ["l.yaml": BaselineTests.ladder, "c.yaml": broken, "p.yaml": BaselineTests.policy]) {
            $0.redact = true
            $0.outputs = [OutputRequest(format: format, file: nil)]
        }
        #expect(r.exitCode == 1)
        var amounts: [Double] = [98765, 123456]
        for line in BaselineTests.comp.split(separator: "\n") {
            for key in ["min: ", "mid: ", "max: "] {
                guard let range = line.range(of: key) else { continue }
                let digits = line[range.upperBound...].prefix { $0.isNumber }
                if let v = Double(digits) { amounts.append(v) }
            }
        }
        amounts.append((140000 + 182000) / 2)  // se-3's derived midpoint
        #expect(amounts.count > 20)
        for v in Set(amounts) {
            let i = Int(v)
            let forms = [String(i), Format.grouped(v), Format.grouped(v).replacingOccurrences(of: ",", with: "."),
                         Format.grouped(v).replacingOccurrences(of: ",", with: " "), Format.grouped(v).replacingOccurrences(of: ",", with: "_"),
                         "\(i).0"] + (i % 1000 == 0 ? ["\(i / 1000)k"] : [])
            for form in forms {
                #expect(!r.stdout.contains(form), "\(format) output contains \(form)")
            }
        }
        if format == "json" {
            // The broken band makes the pay checks stand down; the metrics carry amounts,
            // redacted, and the decoder's message about "98_765" withholds the value.
            #expect(r.stdout.contains("\"management_max\": \"[redacted]\""))
            #expect(r.stdout.contains("found text that is not a number (value withheld under --redact)"))
        }
    }

    @Test("the scrubber reads any formatting of an input amount and leaves other numbers alone")
    func scrubber() {
        let r = Redactor(amounts: [150000, 1234.5])
        #expect(r.scrub("150000 and 150,000 and 150.000 and 150 000 and 150_000 and 150k.") == "[redacted] and [redacted] and [redacted] and [redacted] and [redacted] and [redacted].")
        #expect(r.scrub("grade 6, 8.3% more, 2026-03-02, 1,234.5 EUR") == "grade 6, 8.3% more, 2026-03-02, [redacted] EUR")
    }
}
