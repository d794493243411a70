import Foundation
import LadderModel
import LadderReport
import LadderRules
import Testing

@Suite struct GitLabFormatTests {
    /// GitLab's documented Code Quality fields ("Implement a custom tool"): an array of issues
    /// with `description`, `check_name`, `fingerprint`, `severity` (info, minor, major, critical,
    /// blocker), `location.path` and `location.lines.begin`. Strict about what we emit.
    static let schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "array",
          "items": {
            "type": "object",
            "required": ["description", "check_name", "fingerprint", "severity", "location"],
            "additionalProperties": false,
            "properties": {
              "description": {"type": "string", "minLength": 1},
              "check_name": {"type": "string", "minLength": 1},
              "fingerprint": {"type": "string", "minLength": 1},
              "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
              "location": {
                "type": "object",
                "required": ["path", "lines"],
                "additionalProperties": false,
                "properties": {
                  "path": {"type": "string", "minLength": 1, "not": {"pattern": "^/"}},
                  "lines": {
                    "type": "object",
                    "required": ["begin"],
                    "additionalProperties": false,
                    "properties": {
                      "begin": {"type": "integer", "minimum": 1},
                      "end": {"type": "integer", "minimum": 1}
                    }
                  }
                }
              }
            }
          }
        }
        """

    static let validator = """
        import json, sys, jsonschema
        schema = json.loads(sys.argv[1])
        raw = open(sys.argv[2], "rb").read()
        errors = []
        if raw.startswith(b"\\xef\\xbb\\xbf"):
            errors.append("starts with a byte order mark, which GitLab's parser rejects")
        doc = json.loads(raw.decode("utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        errors += [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(doc)]
        json.dump({"errors": errors, "issues": doc}, sys.stdout)
        """

    func validate(_ text: String) throws -> [[String: Any]] {
        let file = try FormatPython.file(text, "gl-code-quality-report.json")
        defer { try? FileManager.default.removeItem(at: file) }
        let out = try #require(FormatPython.json(Self.validator, [Self.schema, file.path]) as? [String: Any])
        #expect((out["errors"] as? [String]) == [], "\(out["errors"] ?? "")")
        return try #require(out["issues"] as? [[String: Any]])
    }

    @Test func documentedFieldsForEveryUnsuppressedFinding() throws {
        let run = try FormatFixture.run.get()
        let issues = try validate(run.outputs["gitlab"]!)
        // An overpaid band's parts are one issue, at its lead, with the fold's fingerprint (issue 18).
        let live = run.report.presentedFindings.filter { !$0.suppressed }
        #expect(live.contains { !$0.related.isEmpty })
        #expect(issues.count == live.count)
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == issues.count, "fingerprints must be unique")
        for (i, f) in zip(issues, live) {
            let also = f.related.map { r in "\(r.rule) (\(r.severity.rawValue)) at line \(r.location.line), column \(r.location.column)" }
            let sentence = also.isEmpty ? "" : " Also on this band: " + also.joined(separator: "; ") + "."
            #expect(i["description"] as? String == f.message + sentence)
            #expect(i["check_name"] as? String == f.rule)
            #expect(i["fingerprint"] as? String == f.shownFingerprint)
            #expect(i["severity"] as? String == ["error": "major", "warning": "minor", "info": "info"][f.severity.rawValue])
            let location = try #require(i["location"] as? [String: Any])
            #expect(location["path"] as? String == f.location.file)
            let lines = try #require(location["lines"] as? [String: Int])
            #expect(lines["begin"] == f.location.line)
            #expect(lines["end"] == f.lastLine)
        }
    }

    @Test func sharedFingerprintsAreMadeUnique() throws {
        let report = FormatSynthetic.report([
            FormatSynthetic.finding("r", "a.yaml", line: 1, fingerprint: "same"),
            FormatSynthetic.finding("r", "a.yaml", line: 2, fingerprint: "same"),
            FormatSynthetic.finding("r", "a.yaml", line: 3, fingerprint: "same"),
            FormatSynthetic.finding("r", "a.yaml", line: 4, fingerprint: "other"),
        ])
        let issues = try validate(GitLabReporter.render(report, ReportStyle()))
        #expect(issues.compactMap { $0["fingerprint"] as? String } == ["same", "same-2", "same-3", "other"])
        // Deterministic: the same report gives the same fingerprints.
        #expect(GitLabReporter.render(report, ReportStyle()) == GitLabReporter.render(report, ReportStyle()))
    }

    @Test func cleanRunIsAnEmptyArray() throws {
        let run = try FormatRun.lint(FormatFixture.clean)
        #expect(run.outputs["gitlab"] == "[]\n")
        #expect(try validate(run.outputs["gitlab"]!).isEmpty)
    }
}
