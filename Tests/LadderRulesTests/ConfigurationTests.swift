import Foundation
import LadderDriver
import LadderModel
import LadderRules
import Testing

struct ConfigurationTests {
    static let ladder = try! Repo.org("brightwater", "ladder.yaml")
    static let comp = try! Repo.org("brightwater", "compensation.yaml")
    static let policy = try! Repo.org("brightwater", "policy.yaml")

    static func run(_ config: String, today: String = "2026-11-21", _ configure: (inout LintOptions) -> Void = { _ in }) throws -> LintResult {
        try Fixture.lint(files: ["ladder.yaml": ladder, "comp.yaml": comp, "policy.yaml": policy, ".ladderlint.yml": config], today: today, configure: configure)
    }

    @Test("severity, disable and params change the rules; fail_on sets the exit")
    func overrides() throws {
        let r = try Self.run("""
            version: 1
            severity: {pay-ceiling-parity: warning}
            disable: [management-entry-promotion, return-to-ic-demotion, management-required-for-ic-promotion,
                      ic-track-ceiling, manager-only-leadership-training, manager-owned-technical-decisions]
            params: {pay-midpoint-parity: {tolerance: 0.05}}
            """)
        let findings = try #require(r.report).findings
        #expect(findings.first { $0.rule == "pay-ceiling-parity" }?.severity == .warning)
        #expect(!findings.contains { $0.rule == "management-entry-promotion" })
        #expect(!findings.contains { $0.rule == "pay-midpoint-parity" })  // 4.3% is within 5%
        #expect(r.exitCode == 0, "only warnings left: exit 0 with the default fail_on")
        let strict = try Self.run("fail_on: warning\ndisable: [management-entry-promotion]\n")
        #expect(strict.exitCode == 1)
        let never = try Self.run("fail_on: never\n")
        #expect(never.exitCode == 0)
        let cli = try Self.run("fail_on: never\n") { $0.failOn = .error }
        #expect(cli.exitCode == 1, "--fail-on overrides the configuration")
    }

    @Test("unknown keys and rule ids are usage errors naming the valid ones and the nearest")
    func unknowns() throws {
        let key = try Self.run("version: 1\nfail-on: warning\n")
        #expect(key.exitCode == 2)
        #expect(key.stderr.hasPrefix("ladderlint: .ladderlint.yml:2:1: unknown key 'fail-on' in the configuration: did you mean 'fail_on'? Valid keys: version, paths, rules, severity, disable, params, fail_on, waivers, limits"))
        let id = try Self.run("disable: [pay-cieling-parity]\n")
        #expect(id.exitCode == 2)
        #expect(id.stderr.contains(".ladderlint.yml:1:11: unknown rule id 'pay-cieling-parity': did you mean 'pay-ceiling-parity'?"))
        let core = try Self.run("disable: [yaml-syntax]\n")
        #expect(core.exitCode == 2)
        #expect(core.stderr.contains("'yaml-syntax' reports a problem with the input or configuration itself and cannot be configured"))
        let version = try Self.run("version: 3\n")
        #expect(version.exitCode == 2)
        #expect(version.stderr.contains("configuration version 3 is newer"))
        let param = try Self.run("params: {band-spread: {max_sprad: 2}}\n")
        #expect(param.exitCode == 2)
        #expect(param.stderr.contains("has no parameter 'max_sprad': did you mean 'max_spread'?"))
        let syntax = try Self.run("severity: {a: [\n")
        #expect(syntax.exitCode == 2)
        #expect(syntax.stderr.contains(".ladderlint.yml:2:1: the configuration is not valid YAML"))
    }

    @Test("a waiver suppresses its findings, which stay in JSON; the run passes")
    func waiver() throws {
        let r = try Self.run("""
            fail_on: error
            disable: [management-entry-promotion, return-to-ic-demotion, management-required-for-ic-promotion,
                      ic-track-ceiling, manager-only-leadership-training, manager-owned-technical-decisions]
            waivers:
              - rule: pay-ceiling-parity
                subject: em-3
                reason: "Approved by comp committee, 2026-Q3"
                expires: 2027-03-31
            """)
        let report = try #require(r.report)
        let waived = try #require(report.findings.first { $0.rule == "pay-ceiling-parity" })
        #expect(waived.suppressed)
        #expect(waived.suppression == Suppression(kind: .waiver, reason: "Approved by comp committee, 2026-Q3", expires: Day("2027-03-31")))
        #expect(report.summary.suppressed == 1)
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("\"suppressed\": true"))
    }

    @Test("an expired waiver is an error and suppresses nothing; an unused one is a warning")
    func expiredAndUnused() throws {
        let r = try Self.run("""
            waivers:
              - {rule: pay-ceiling-parity, reason: old deal, expires: 2026-01-31}
              - {rule: band-shape, subject: em-9, reason: nothing to waive, expires: 2027-01-31}
            """)
        let findings = try #require(r.report).findings
        let expired = try #require(findings.first { $0.rule == "expired-waiver" })
        #expect(expired.severity == .error)
        #expect(expired.location.file == ".ladderlint.yml")
        #expect(expired.location.line == 2)
        #expect(expired.message.contains("expired on 2026-01-31"))
        #expect(findings.first { $0.rule == "pay-ceiling-parity" }?.suppressed == false)
        let unused = try #require(findings.first { $0.rule == "unused-waiver" })
        #expect(unused.severity == .warning)
        #expect(unused.location.line == 3)
    }

    @Test("waivers need a reason and an expiry")
    func waiverFields() throws {
        let noReason = try Self.run("waivers:\n  - {rule: band-shape, expires: 2027-01-01}\n")
        #expect(noReason.exitCode == 2)
        #expect(noReason.stderr.contains("has no reason"))
        let noExpiry = try Self.run("waivers:\n  - {rule: band-shape, reason: ok}\n")
        #expect(noExpiry.exitCode == 2)
        #expect(noExpiry.stderr.contains("has no expiry"))
    }

    @Test("the configuration is found in a parent folder; paths are relative to it")
    func parentConfig() throws {
        let dir = try Fixture.temporaryFolder([
            ".ladderlint.yml": "paths: [org]\nfail_on: never\n",
            "org/ladder.yaml": Self.ladder, "sub/readme.txt": "",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        var o = LintOptions()
        o.today = Day("2026-11-21")
        let r = LintRun(workingDirectory: dir.appendingPathComponent("sub").path).execute(o)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.report?.summary.files == 1)
        #expect(r.report?.findings.contains { $0.rule == "ic-track-ceiling" } == true)
    }
}
