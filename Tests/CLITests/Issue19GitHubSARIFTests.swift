import Foundation
import Testing

/// Issue 19 §4: GitHub and SARIF as their consumers limit them. The `github` format stays
/// within GitHub's 10 errors, 10 warnings and 10 notices a step, most severe first, and says
/// what it left out; with `$GITHUB_STEP_SUMMARY` it appends the Markdown summary there; SARIF
/// rules link their page (`--sarif-help-base`); `--sarif-omit-suppressed` leaves waived and
/// baselined results out.
@Suite struct Issue19GitHubSARIFTests {
    /// `count` copies of the acme organisation (acme-1, acme-2, …), each with em-5's ceiling gap
    /// (an error), 12 of 40 engineers feeling unheard (a warning) and 4 managers answering (an
    /// info): at least `count` findings of each severity.
    static func many(_ count: Int) -> [String: FileContent] {
        let policy = Fixtures.policy
            .replacingOccurrences(of: "respondents: 40, agree: 4}", with: "respondents: 40, agree: 12}")
            .replacingOccurrences(of: "respondents: 10, agree: 1}", with: "respondents: 4, agree: 1}")
        var files: [String: FileContent] = [:]
        for k in 1...count {
            let id = "acme-\(k)"
            func renamed(_ text: String) -> String {
                text.replacingOccurrences(of: "id: acme\n", with: "id: \(id)\n").replacingOccurrences(of: "ladder: acme\n", with: "ladder: \(id)\n")
            }
            files["ladders/\(id)/ladder.yaml"] = .text(renamed(Fixtures.ladder))
            files["ladders/\(id)/compensation.yaml"] = .text(renamed(Fixtures.compensationWithGap))
            files["ladders/\(id)/policy.yaml"] = .text(renamed(policy))
        }
        return files
    }

    /// Findings per severity as the text format prints them (a folded finding's other parts are
    /// indented, so not counted: one annotation each, as in `github`).
    static func counts(_ text: String) -> (errors: Int, warnings: Int, infos: Int) {
        var e = 0, w = 0, i = 0
        for line in text.split(separator: "\n") where line.hasPrefix("ladders/") {
            if line.contains(": error: ") { e += 1 } else if line.contains(": warning: ") { w += 1 } else if line.contains(": info: ") { i += 1 }
        }
        return (e, w, i)
    }

    @Test("60+ findings: at most 10 ::error, 10 ::warning and 10 ::notice lines, most severe first, then one notice with the exact counts left out; the exit status is the text run's")
    func annotationsCapped() throws {
        let dir = try Scenario.folder(Self.many(25))
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Scenario.run(["lint", "--format", "text"] + Fixtures.today, in: dir)
        let (e, w, i) = Self.counts(text.stdout)
        #expect(e + w + i >= 60, "\(text)")
        #expect(e > 10 && w > 10 && i > 10, "errors \(e), warnings \(w), info \(i)")
        #expect(!text.stdout.contains(": not checked"), "every ladder is checked, so no coverage notice: \(text)")

        let github = try Scenario.run(["lint", "--format", "github"] + Fixtures.today, in: dir)
        #expect(github.status == text.status)
        #expect(github.status == 1)
        let lines = github.lines
        #expect(lines.count == 30, "\(github)")
        #expect(lines[0..<10].allSatisfy { $0.hasPrefix("::error file=ladders/") })
        #expect(lines[10..<20].allSatisfy { $0.hasPrefix("::warning file=ladders/") })
        #expect(lines[20..<29].allSatisfy { $0.hasPrefix("::notice file=ladders/") })
        let left = (e - 10) + (w - 10) + (i - 9)
        #expect(lines.last == "::notice title=ladderlint annotations::\(left) more findings were not annotated (\(e - 10) errors, \(w - 10) warnings, \(i - 9) notices): GitHub shows at most 10 errors, 10 warnings and 10 notices a step, most severe first here. Every finding is in the job summary (--format markdown), the SARIF report and ladderlint lint --format text.")

        // Within a severity, the order of before: the text format's order of the same findings.
        let firstErrors = text.stdout.split(separator: "\n").filter { $0.hasPrefix("ladders/") && $0.contains(": error: ") }.prefix(10)
        for (annotation, finding) in zip(lines[0..<10], firstErrors) {
            let place = finding.split(separator: ":").prefix(2).joined(separator: ",line=")
            #expect(annotation.hasPrefix("::error file=\(place),"), "\(annotation) vs \(finding)")
        }
    }

    @Test("a run within the limits prints every annotation and no extra notice")
    func withinTheLimits() throws {
        let dir = try Scenario.folder(Self.many(3))
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Scenario.run(["lint", "--format", "text"] + Fixtures.today, in: dir)
        let (e, w, i) = Self.counts(text.stdout)
        let github = try Scenario.run(["lint", "--format", "github"] + Fixtures.today, in: dir)
        #expect(github.lines.count == e + w + i, "\(github)")
        #expect(!github.stdout.contains("title=ladderlint annotations"))
    }

    @Test("with $GITHUB_STEP_SUMMARY and --format github, the Markdown summary is appended to that file, whose earlier text stays")
    func stepSummaryAppended() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = dir.appendingPathComponent("step-summary.md")
        let earlier = "## An earlier step\n\nIts own summary.\n"
        try Data(earlier.utf8).write(to: summary)
        let run = try Scenario.run(
            ["lint", "--format", "github", "--format", "markdown:expected.md"] + Fixtures.today, in: dir,
            environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        let markdown = try String(contentsOf: dir.appendingPathComponent("expected.md"), encoding: .utf8)
        #expect(markdown.contains("pay-ceiling-parity"))
        #expect(try String(contentsOf: summary, encoding: .utf8) == earlier + markdown)

        // A second step appends again; without a github output nothing is appended.
        _ = try Scenario.run(["lint", "--format", "github"] + Fixtures.today, in: dir, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(try String(contentsOf: summary, encoding: .utf8) == earlier + markdown + markdown)
        _ = try Scenario.run(["lint", "--format", "text", "--format", "markdown:other.md"] + Fixtures.today, in: dir, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(try String(contentsOf: summary, encoding: .utf8) == earlier + markdown + markdown)
    }

    @Test("a $GITHUB_STEP_SUMMARY that cannot be written: a warning naming it on stderr, the annotations and the exit status unchanged")
    func stepSummaryUnwritable() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try Scenario.run(["lint", "--format", "github"] + Fixtures.today, in: dir)
        for target in ["a-folder", "missing/summary.md"] {
            if target == "a-folder" { try FileManager.default.createDirectory(at: dir.appendingPathComponent(target), withIntermediateDirectories: true) }
            let path = dir.appendingPathComponent(target).path
            let run = try Scenario.run(["lint", "--format", "github"] + Fixtures.today, in: dir, environment: ["GITHUB_STEP_SUMMARY": path])
            #expect(run.status == plain.status, "\(run)")
            #expect(run.stdout == plain.stdout)
            let reason = target == "a-folder" ? "Is a directory" : "No such file or directory"
            #expect(run.stderr == "ladderlint: warning: cannot append the job summary to $GITHUB_STEP_SUMMARY (\(path)): \(reason); the annotations and the exit status are unchanged\n", "\(run)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("missing").path))
    }

    static func sarif(_ dir: URL, _ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: dir.appendingPathComponent(name))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((doc["runs"] as? [[String: Any]])?.first)
    }

    @Test("--sarif-omit-suppressed leaves a waived and a baselined result out of SARIF (by default they are in, suppressed); other formats and the exit status are unchanged")
    func omitSuppressed() throws {
        let policy = Fixtures.policyWithSurveyWarning
        var files = Fixtures.acme(compensation: Fixtures.compensationWithGap, policy: policy)
        files[".ladderlint.yml"] = """
            waivers:
              - rule: pay-ceiling-parity
                reason: "approved by the comp committee"
                expires: 2027-06-30

            """
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let write = try Scenario.run(["lint", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(write.status == 0, "\(write)")
        let all = try Scenario.run(["lint", "--baseline", "baseline.json", "--format", "sarif:all.sarif", "--format", "json:all.json"] + Fixtures.today, in: dir)
        let open = try Scenario.run(
            ["lint", "--baseline", "baseline.json", "--sarif-omit-suppressed", "--format", "sarif:open.sarif", "--format", "json:open.json"] + Fixtures.today, in: dir)
        #expect(all.status == 0 && open.status == 0, "\(all)\n\(open)")

        let kept = try #require(try Self.sarif(dir, "all.sarif")["results"] as? [[String: Any]])
        let sources = kept.compactMap { (($0["suppressions"] as? [[String: Any]])?.first?["properties"] as? [String: Any])?["source"] as? String }
        #expect(Set(sources) == ["waiver", "baseline"], "\(kept)")
        #expect(kept.allSatisfy { !(($0["suppressions"] as? [Any]) ?? []).isEmpty })

        let omitted = try Self.sarif(dir, "open.sarif")
        #expect((omitted["results"] as? [Any])?.isEmpty == true, "\(omitted)")
        #expect((omitted["properties"] as? [String: Any])?["omittedSuppressed"] as? Int == kept.count)
        #expect((try Self.sarif(dir, "all.sarif")["properties"] as? [String: Any])?["omittedSuppressed"] == nil)
        // JSON keeps them whatever the flag.
        func findings(_ name: String) throws -> Int {
            let doc = try JSONSerialization.jsonObject(with: try Data(contentsOf: dir.appendingPathComponent(name))) as? [String: Any]
            return (doc?["findings"] as? [Any])?.count ?? -1
        }
        #expect(try findings("open.json") == findings("all.json"))
        #expect(try findings("open.json") == kept.count)
    }

    @Test("SARIF rules link their page: the default base, or --sarif-help-base (a '/' added); a base that is not a plain http(s) URL is a usage error")
    func helpBase() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = "https://git.example.com/tools/ladderlint/blob/v0.1.0/docs/rules"
        let run = try Scenario.run(["lint", "--sarif-help-base", base, "--format", "sarif:out.sarif"] + Fixtures.today, in: dir)
        #expect(run.status == 1, "\(run)")
        let driver = try #require((try Self.sarif(dir, "out.sarif")["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count > 10)
        for r in rules {
            let id = try #require(r["id"] as? String)
            #expect(r["helpUri"] as? String == "\(base)/\(id).md")
            let markdown = (r["help"] as? [String: Any])?["markdown"] as? String ?? ""
            #expect(markdown.contains("[More about \(id)](<\(base)/\(id).md>)"))
        }
        for bad in ["javascript:alert(1)", "docs/rules/", "https://", "https://example.com/rules?x=1", "https://example.com/a b/"] {
            let refused = try Scenario.run(["lint", "--sarif-help-base", bad, "--format", "sarif"] + Fixtures.today, in: dir)
            #expect(refused.status == 2, "\(bad): \(refused)")
            #expect(refused.stderr.contains("--sarif-help-base: expected an absolute http:// or https:// URL"), "\(refused)")
            #expect(refused.stdout.isEmpty)
        }
    }
}
