import Foundation
import Testing

/// `schemas/report.schema.json` holds for the JSON of every kind of run: clean, failing,
/// waived, redacted, withheld survey ratios, broken input, the samples and the shared examples.
@Suite struct ScenarioReportSchemaTests {
    @Test func everyKindOfRunPrintsJSONOfTheDocumentedShape() throws {
        var runs: [(name: String, files: [String: FileContent], arguments: [String])] = [
            ("clean", Fixtures.acme(), []),
            ("pay gap", Fixtures.acme(compensation: Fixtures.compensationWithGap), []),
            ("pay gap, redacted", Fixtures.acme(compensation: Fixtures.compensationWithGap), ["--redact"]),
            ("warning", Fixtures.acme(policy: Fixtures.policyWithSurveyWarning), []),
            ("withheld survey ratio", Fixtures.acme(policy: Fixtures.policyWithSmallGroup), []),
            ("no survey", Fixtures.acme(policy: Fixtures.policy.components(separatedBy: "---\n")[0]), []),
            ("broken files", Fixtures.acme().merging([
                "ladders/acme/broken.yaml": "kind: policy\nladder: acme\nprograms: [\n",
                "ladders/acme/binary.yaml": .bytes([0xFF, 0xFE, 0, 1, 2]),
                "ladders/acme/nokind.yaml": "id: x\n",
            ]) { $1 }, []),
            ("nothing to lint (allowed)", ["README.md": "none\n"], ["--allow-empty", "."]),
            ("missing path", ["README.md": "none\n"], ["nowhere"]),
        ]
        var waived = Fixtures.acme(compensation: Fixtures.compensationWithGap)
        waived[".ladderlint.yml"] = .text(ScenarioExitCodeTests.waiver(expires: "2027-03-31"))
        runs.append(("waived", waived, []))
        var expired = Fixtures.acme(compensation: Fixtures.compensationWithGap)
        expired[".ladderlint.yml"] = .text(ScenarioExitCodeTests.waiver(expires: "2026-01-31"))
        runs.append(("expired waiver", expired, []))

        var reports: [(name: String, json: String)] = []
        for run in runs {
            let dir = try Scenario.folder(run.files)
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try Scenario.run(["lint", "--format", "json"] + Fixtures.today + run.arguments, in: dir)
            #expect(r.status != 2, "\(run.name): \(r)")
            reports.append((run.name, r.stdout))
        }
        // The samples of this repository and the shared examples, as a user runs them.
        // The shared examples only where they are beside the clone (a user's clone has none).
        let shared = Scenario.repoRoot.deletingLastPathComponent().path + "/shared/examples"
        var inputs = [("ladders/", Scenario.repoRoot.path + "/ladders"), ("own worked organisations", Scenario.repoRoot.path + "/Tests/Fixtures/orgs")]
        if FileManager.default.fileExists(atPath: shared) { inputs.append(("shared examples", shared)) }
        for (name, path) in inputs {
            for redact in [false, true] {
                let r = try Scenario.run(["lint", "--format", "json", path] + Fixtures.today + (redact ? ["--redact"] : []), in: Scenario.repoRoot)
                #expect(r.status != 2, "\(name): \(r)")
                reports.append((name + (redact ? ", redacted" : ""), r.stdout))
            }
        }
        try Scenario.expectValidReports(reports)

        // Redaction leaves no amount in the JSON.
        let redacted = reports.first { $0.name == "pay gap, redacted" }!.json
        for amount in ["250000", "240000", "250,000", "240,000"] {
            #expect(!redacted.contains(amount), "--redact leaves \(amount) in the JSON")
        }
        #expect(redacted.contains("\"[redacted]\""))
    }

    /// The schema is strict: a report with an extra key, a wrong severity or a missing field fails.
    @Test func theSchemaRejectsWhatTheContractForbids() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try Scenario.run(["lint", "--format", "json"] + Fixtures.today, in: dir).stdout
        func edited(_ old: String, _ new: String) -> String {
            precondition(good.contains(old), "the report no longer contains \(old)")
            return good.replacingOccurrences(of: old, with: new)
        }
        let bad: [(name: String, json: String)] = [
            ("unknown severity", edited("\"severity\": \"error\"", "\"severity\": \"fatal\"")),
            ("extra top-level key", edited("\"schema_version\": 1,", "\"schema_version\": 1, \"extra\": true,")),
            ("extra finding key", edited("\"suppressed\": false", "\"suppressed\": false, \"note\": \"x\"")),
            ("missing fingerprint", good.replacingOccurrences(of: #""fingerprint": "[0-9a-f]+","#, with: "", options: .regularExpression)),
            ("line zero", edited("\"line\": 8", "\"line\": 0")),
            ("suppressed without why", edited("\"suppressed\": false", "\"suppressed\": true")),
            ("evidence object", edited("\"grade\": 5,", "\"grade\": {\"n\": 5},")),
            ("amount as text", edited("\"management_max\": 250000", "\"management_max\": \"250000\"")),
            ("schema version 2", edited("\"schema_version\": 1", "\"schema_version\": 2")),
        ]
        let errors = try Scenario.reportSchemaErrors([("good", good)] + bad)
        #expect(!errors.contains { $0.hasPrefix("good: ") }, "\(errors)")
        for b in bad {
            #expect(errors.contains { $0.hasPrefix("\(b.name): ") }, "the schema accepts a report with \(b.name)")
        }
    }
}
