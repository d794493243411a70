import Foundation
import LadderDriver
import LadderModel
import LadderRules
import Testing

/// Every JSON report these tests produce validates against schemas/report.schema.json.
struct ReportSchemaTests {
    @Test("the JSON of every fixture, sample, waiver, baseline and redacted run matches schemas/report.schema.json")
    func allJSONValidates() throws {
        var reports: [(String, String)] = []
        for rule in RuleFixtureTests.folders {
            reports.append((rule, Fixture.lint(Repo.fixtures.appendingPathComponent(rule)).stdout))
        }
        for sample in ["healthy", "promotion-trap"] {
            let folder = Repo.root.appendingPathComponent("ladders/\(sample)")
            reports.append((sample, Fixture.lint(folder).stdout))
            reports.append(("\(sample) redacted", Fixture.lint(folder) { $0.redact = true }.stdout))
        }
        let waived = try ConfigurationTests.run("""
            waivers:
              - {rule: pay-ceiling-parity, subject: em-3, reason: approved, expires: 2027-03-31}
              - {rule: band-shape, reason: nothing to waive, expires: 2027-01-31}
              - {rule: pay-floor-parity, reason: old, expires: 2026-01-31}
            """)
        reports.append(("waivers", waived.stdout))
        let dir = try Fixture.temporaryFolder(["l.yaml": BaselineTests.ladder, "c.yaml": BaselineTests.comp])
        defer { try? FileManager.default.removeItem(at: dir) }
        var o = LintOptions()
        o.today = Day("2026-11-21")
        o.outputs = [OutputRequest(format: "json", file: nil)]
        o.writeBaseline = "b.json"
        _ = LintRun(workingDirectory: dir.path).execute(o)
        o.writeBaseline = nil
        o.baseline = "b.json"
        o.strictBaseline = true
        reports.append(("baseline", LintRun(workingDirectory: dir.path).execute(o).stdout))
        #expect(reports.count == RuleFixtureTests.folders.count + 6)

        let python = Repo.root.appendingPathComponent(".venv/bin/python3").path
        try #require(FileManager.default.isExecutableFile(atPath: python), "\(python) is missing: run scripts/test-setup")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        for (i, (_, json)) in reports.enumerated() {
            try json.write(to: out.appendingPathComponent("\(i).json"), atomically: true, encoding: .utf8)
        }
        let script = """
            import json, sys, glob, jsonschema
            schema = json.load(open(sys.argv[1]))
            v = jsonschema.Draft7Validator(schema)
            bad = 0
            for f in sorted(glob.glob(sys.argv[2] + "/*.json")):
                for e in v.iter_errors(json.load(open(f))):
                    bad += 1
                    print(f, "/".join(map(str, e.path)), e.message[:200])
            print("checked", len(glob.glob(sys.argv[2] + "/*.json")), "bad", bad)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script, Repo.root.appendingPathComponent("schemas/report.schema.json").path, out.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.hasSuffix("checked \(reports.count) bad 0\n"), "\(text)")
    }
}
