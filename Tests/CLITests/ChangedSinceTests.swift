import Foundation
import Testing

/// Issue 19 §1-2: `--changed-since REF` lints the working tree and the tree at git REF (read
/// through git, never checked out), reports only the findings the change adds, says how many
/// it adds, fixes and leaves, and runs the rules that compare the two revisions. Each scenario
/// is a temporary git repository holding the clean `acme` organisation of Fixtures.
@Suite struct ChangedSinceTests {
    /// Runs git in `dir` (identity and no global configuration, so a developer's settings
    /// cannot change what a test sees).
    @discardableResult
    static func git(_ arguments: [String], in dir: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-c", "user.name=ladderlint tests", "-c", "user.email=tests@ladderlint.invalid", "-c", "init.defaultBranch=main",
                       "-c", "commit.gpgsign=false"] + arguments
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ScenarioError("git \(arguments) failed in \(dir.path)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// A repository with `files` committed on `main`.
    static func repository(_ files: [String: FileContent] = Fixtures.acme()) throws -> URL {
        let dir = try Scenario.folder(files)
        try git(["init", "-q"], in: dir)
        try git(["add", "-A"], in: dir)
        try git(["commit", "-q", "-m", "base"], in: dir)
        return dir
    }

    static func write(_ text: String, to path: String, in dir: URL) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(path))
    }

    static func read(_ path: String, in dir: URL) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
    }

    /// em-4 raised by 8% (max 200,000 → 216,000), ic-4 left as it is.
    static let raisedManagement = Fixtures.compensation.replacingOccurrences(
        of: "{level: em-4, base: {min: 150000, max: 200000}", with: "{level: em-4, base: {min: 150000, max: 216000}")

    @Test func aChangeRaisingOnlyTheManagementBandIsReportedOnItsLineAndNothingElseIsNew() throws {
        let dir = try Self.repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(Self.raisedManagement, to: "ladders/acme/compensation.yaml", in: dir)
        let r = try Scenario.run(["lint", "--changed-since", "main", "--today", "2026-11-21"], in: dir)
        #expect(r.status == 1, "\(r)")
        // A folded band's other parts are indented under its lead.
        let findingLines = r.lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("ladders/") }
        // The raise itself is new; the pay-ceiling-parity it causes is new too (the bands were
        // equal before). Nothing else: the clean organisation has no other finding.
        #expect(findingLines.contains(
            "ladders/acme/compensation.yaml:6:44: warning: em-4 max +8.0% (200,000 USD → 216,000 USD), ic-4 max +0.0% (200,000 USD → 200,000 USD) in zone default: if you must raise the management bands, raise the engineering bands too [band-change-parity]"),
            "\(r)")
        #expect(findingLines.allSatisfy { $0.hasSuffix("[band-change-parity]") || $0.hasSuffix("[pay-ceiling-parity]") || $0.hasSuffix("[pay-midpoint-parity]") }, "\(r)")
        #expect(findingLines.count == 3, "\(r)")
        #expect(r.lines.contains("this change adds 3 findings and fixes none (0 unchanged since main)"), "\(r)")
    }

    @Test func anUnchangedTreeReportsNothingNewAndOldFindingsDoNotComeBack() throws {
        // A finding already at main: em-5 above ic-5.
        let dir = try Self.repository(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try Scenario.run(["lint", "--today", "2026-11-21"], in: dir)
        #expect(plain.status == 1 && plain.stdout.contains("[pay-ceiling-parity]"), "\(plain)")
        let r = try Scenario.run(["lint", "--changed-since", "main", "--today", "2026-11-21"], in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(!r.stdout.contains("[pay-ceiling-parity]"), "\(r)")
        #expect(r.lines.contains("this change adds no finding and fixes none (1 unchanged since main)"), "\(r)")
    }

    @Test func aFixIsCountedAndTheJSONAndMarkdownSayIt() throws {
        let dir = try Self.repository(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(Fixtures.compensation, to: "ladders/acme/compensation.yaml", in: dir)
        let r = try Scenario.run(["lint", "--changed-since", "main", "--today", "2026-11-21", "--format", "json", "--format", "markdown:summary.md"], in: dir)
        #expect(r.status == 0, "\(r)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let change = try #require(json?["change"] as? [String: Any], "\(r)")
        #expect(change["ref"] as? String == "main")
        #expect((change["commit"] as? String)?.count == 40)
        #expect(change["added"] as? Int == 0 && change["fixed"] as? Int == 1 && change["unchanged"] as? Int == 0, "\(change)")
        let md = try Self.read("summary.md", in: dir)
        #expect(md.hasPrefix("### ladderlint: this change adds no finding and fixes 1 (0 unchanged since main)\n"), "\(md)")
        try Scenario.expectValidReports([("changed-since", r.stdout)])
    }

    /// GitHub, SARIF, JUnit and HTML say it too; GitLab Code Quality is a list of issues only
    /// (GitLab compares the base and head reports itself), so it has no place for it.
    @Test func everyFormatSaysWhatTheChangeDoes() throws {
        let dir = try Self.repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(Self.raisedManagement, to: "ladders/acme/compensation.yaml", in: dir)
        let r = try Scenario.run(["lint", "--changed-since", "main", "--today", "2026-11-21", "--format", "github",
                                  "--format", "sarif:out.sarif", "--format", "junit:out.xml", "--format", "html:out.html", "--format", "gitlab:out.json"], in: dir)
        #expect(r.status == 1, "\(r)")
        // Errors and warnings first (GitHub's limits); this is the first notice.
        #expect(r.lines.first { $0.hasPrefix("::notice") } == "::notice title=ladderlint change::this change adds 3 findings and fixes none (0 unchanged since main)", "\(r)")
        let sarif = try JSONSerialization.jsonObject(with: Data(try Self.read("out.sarif", in: dir).utf8)) as? [String: Any]
        let run = try #require((sarif?["runs"] as? [[String: Any]])?.first)
        let change = try #require((run["properties"] as? [String: Any])?["change"] as? [String: Any])
        #expect(change["added"] as? Int == 3 && change["fixed"] as? Int == 0 && change["unchanged"] as? Int == 0 && change["ref"] as? String == "main")
        let junit = try Self.read("out.xml", in: dir)
        #expect(junit.contains("<property name=\"ladderlint.changed_since\" value=\"main\"/>") && junit.contains("<property name=\"ladderlint.added\" value=\"3\"/>"), "\(junit)")
        #expect(try Self.read("out.html", in: dir).contains("<strong>This change adds 3 findings and fixes none (0 unchanged since main).</strong>"))
        let gitlab = try JSONSerialization.jsonObject(with: Data(try Self.read("out.json", in: dir).utf8)) as? [Any]
        // The band's two pay findings fold into one issue, beside band-change-parity.
        #expect(gitlab?.count == 2)
    }

    /// A pay formula's factor changed moves the level's bands in every zone: one finding per
    /// pair of levels, at the factor (ladders/formula, Osprey's PostHog-style formula).
    @Test func aPayFormulaFactorRaisedIsOneFindingAtTheFactor() throws {
        var files: [String: FileContent] = [:]
        for name in ["ladder.yaml", "pay-formula.yaml"] {
            files["ladders/osprey/\(name)"] = .text(try String(contentsOf: Scenario.repoRoot.appendingPathComponent("ladders/formula/\(name)"), encoding: .utf8))
        }
        let dir = try Self.repository(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let formula = try Self.read("ladders/osprey/pay-formula.yaml", in: dir)
        #expect(formula.contains("\n  em-3: 1.0\n"))
        try Self.write(formula.replacingOccurrences(of: "\n  em-3: 1.0\n", with: "\n  em-3: 1.2\n"), to: "ladders/osprey/pay-formula.yaml", in: dir)
        let r = try Scenario.run(["lint", "--changed-since", "main", "--today", "2026-11-21"], in: dir)
        let changes = r.lines.filter { $0.hasSuffix("[band-change-parity]") }
        #expect(changes.count == 1, "\(r)")
        #expect(changes.first?.hasPrefix("ladders/osprey/pay-formula.yaml:15:9: warning: em-3 min +20.0% (") == true, "\(r)")
        #expect(changes.first?.contains("as in every zone of the pay formula") == true, "\(r)")
    }

    @Test func theICTrackLosingItsTopGradeIsAnError() throws {
        let dir = try Self.repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ladder = Fixtures.ladder.replacingOccurrences(of: "  - {id: ic-5, track: ic, grade: 5, title: Staff Engineer, roles: [tech-lead]}\n", with: "")
        let comp = Fixtures.compensation.replacingOccurrences(of: "  - {level: ic-5, base: {min: 180000, max: 240000}, bonus_target: 0.10}\n", with: "")
        try Self.write(ladder, to: "ladders/acme/ladder.yaml", in: dir)
        try Self.write(comp, to: "ladders/acme/compensation.yaml", in: dir)
        let r = try Scenario.run(["lint", "--changed-since", "main", "--today", "2026-11-21"], in: dir)
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains(
            "ladders/acme/ladder.yaml:9:34: error: this change lowers the IC track's top from grade 5, ic-5 (Staff Engineer), to grade 4, ic-4 (Senior Engineer), while management still reaches grade 5: keep the IC levels, or lower both tracks together [ic-track-shortened]"),
            "\(r)")
    }

    @Test func aLeadershipProgramThatLosesItsTechLeadsIsReported() throws {
        let dir = try Self.repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy = Fixtures.policy.replacingOccurrences(
            of: "eligible: [{roles: [tech-lead]}, {track_kinds: [management]}]", with: "eligible: [{roles: [tech-lead], min_grade: 5}, {track_kinds: [management]}]")
        try Self.write(policy, to: "ladders/acme/policy.yaml", in: dir)
        let r = try Scenario.run(["lint", "--changed-since", "main", "--today", "2026-11-21"], in: dir)
        #expect(r.stdout.contains(
            "ladders/acme/policy.yaml:7:5: warning: this change takes ic-4 out of the leadership-training program leading-together (Leading Together), which held 2 IC and tech-lead levels and now holds 1: keep them in [program-narrowed]"),
            "\(r)")
    }

    @Test func withoutChangedSinceTheRevisionRulesDoNotRunAndNoCoverageLineCountsThem() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--today", "2026-11-21"], in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(r.lines == ["0 errors, 0 warnings, 0 info in 3 files (4 documents, 1 ladder)"], "\(r)")
        let rules = try Scenario.run(["rules"], in: dir)
        #expect(rules.stdout.contains("With --changed-since"), "\(rules)")
    }

    // MARK: what to do when it cannot run: exit 2, and the fix

    @Test func notAGitRepositoryIsAUsageError() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--changed-since", "main"], in: dir, environment: ["GIT_CEILING_DIRECTORIES": dir.deletingLastPathComponent().path])
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr.contains("is not inside a git repository: run ladderlint in the repository's working tree, or drop --changed-since"), "\(r)")
    }

    @Test func anUnknownRevisionIsAUsageError() throws {
        let dir = try Self.repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--changed-since", "no-such-branch"], in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr == "ladderlint: --changed-since no-such-branch: no commit 'no-such-branch' in this repository: name a commit, branch or tag that exists here (fetch it first if it is only on the remote, e.g. git fetch origin no-such-branch)\n", "\(r)")
    }

    @Test func aShallowCloneWithoutTheRevisionSaysToFetchTheHistory() throws {
        let origin = try Self.repository()
        defer { try? FileManager.default.removeItem(at: origin) }
        try Self.write(Self.raisedManagement, to: "ladders/acme/compensation.yaml", in: origin)
        try Self.git(["commit", "-q", "-am", "raise"], in: origin)
        let base = try Self.git(["rev-parse", "HEAD~1"], in: origin).trimmingCharacters(in: .whitespacesAndNewlines)
        let clone = origin.deletingLastPathComponent().appendingPathComponent(origin.lastPathComponent + "-shallow")
        defer { try? FileManager.default.removeItem(at: clone) }
        try Self.git(["clone", "-q", "--depth", "1", "file://" + origin.path, clone.path], in: origin.deletingLastPathComponent())
        let r = try Scenario.run(["lint", "--changed-since", base], in: clone)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("in this shallow clone: fetch the history it needs (actions/checkout with fetch-depth: 0, or git fetch --unshallow), then run again"), "\(r)")
    }

    @Test func aRevisionThatLooksLikeAnOptionIsARevision() throws {
        let dir = try Self.repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--changed-since=--output=x"], in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("no commit '--output=x' in this repository"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
    }

    @Test func nothingIsWrittenIntoTheWorkingTree() throws {
        let dir = try Self.repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(Self.raisedManagement, to: "ladders/acme/compensation.yaml", in: dir)
        let status = try Self.git(["status", "--porcelain"], in: dir)
        _ = try Scenario.run(["lint", "--changed-since", "main"], in: dir)
        #expect(try Self.git(["status", "--porcelain"], in: dir) == status)
        #expect(try Self.read("ladders/acme/compensation.yaml", in: dir) == Self.raisedManagement)
    }
}
