import Foundation
import Testing

/// Exit statuses exactly as OUTPUT.md says: 0 when no unsuppressed finding is at or above
/// `--fail-on`, 1 when one is, 2 for usage and configuration errors.
@Suite struct ScenarioExitCodeTests {
    static let gapLine = "ladders/acme/compensation.yaml:8:57: error: em-5 (Senior Engineering Manager) tops out at 250,000 USD, above its IC peer ic-5 (Staff Engineer) at 240,000 USD (4.2% more), grade 5, zone default: raise the IC ceiling or lower the management one [pay-ceiling-parity]"
    static let warningLine = "ladders/acme/policy.yaml:22:87: warning: 12 of 40 engineers (30%) agree they must become managers to have a seat at the table (survey 2026-03-01), above the threshold of 20%: find where influence is reserved for managers [survey-seat-at-the-table]"
    static let infoLine = "ladders/acme/policy.yaml:23:65: info: question return-status-loss has 4 respondents, fewer than 5: its ratio is withheld from every output to protect anonymity [survey-small-group]"

    @Test func cleanLaddersExitZero() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines == [Fixtures.cleanSummary], "\(r)")
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr == "", "\(r)")
    }

    @Test func anErrorFindingExitsOne() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines == [Self.gapLine, "1 error, 0 warnings, 0 info in 3 files (4 documents, 1 ladder)"], "\(r)")
        #expect(r.status == 1, "\(r)")
    }

    @Test func failOnNeverExitsZeroEvenWithAnError() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--fail-on", "never"] + Fixtures.today, in: dir)
        #expect(r.lines == [Self.gapLine, "1 error, 0 warnings, 0 info in 3 files (4 documents, 1 ladder)"], "\(r)")
        #expect(r.status == 0, "\(r)")
    }

    @Test func aWarningPassesByDefaultAndFailsWithFailOnWarning() throws {
        let dir = try Scenario.folder(Fixtures.acme(policy: Fixtures.policyWithSurveyWarning))
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = [Self.warningLine, "0 errors, 1 warning, 0 info in 3 files (4 documents, 1 ladder)"]
        let byDefault = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(byDefault.lines == expected, "\(byDefault)")
        #expect(byDefault.status == 0, "\(byDefault)")
        let failOnError = try Scenario.run(["lint", "--fail-on", "error"] + Fixtures.today, in: dir)
        #expect(failOnError.status == 0, "\(failOnError)")
        let failOnWarning = try Scenario.run(["lint", "--fail-on", "warning"] + Fixtures.today, in: dir)
        #expect(failOnWarning.lines == expected, "\(failOnWarning)")
        #expect(failOnWarning.status == 1, "\(failOnWarning)")
        let failOnInfo = try Scenario.run(["lint", "--fail-on", "info"] + Fixtures.today, in: dir)
        #expect(failOnInfo.status == 1, "\(failOnInfo)")
    }

    @Test func anInfoFailsOnlyWithFailOnInfo() throws {
        let dir = try Scenario.folder(Fixtures.acme(policy: Fixtures.policyWithSmallGroup))
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = [Self.infoLine, "0 errors, 0 warnings, 1 info in 3 files (4 documents, 1 ladder)"]
        for (level, status) in [("error", Int32(0)), ("warning", 0), ("info", 1), ("never", 0)] {
            let r = try Scenario.run(["lint", "--fail-on", level] + Fixtures.today, in: dir)
            #expect(r.lines == expected, "\(r)")
            #expect(r.status == status, "--fail-on \(level): \(r)")
        }
    }

    @Test func failOnFromTheConfigurationAndTheFlagWins() throws {
        var files = Fixtures.acme(policy: Fixtures.policyWithSurveyWarning)
        files[".ladderlint.yml"] = "fail_on: warning\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fromConfig = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(fromConfig.status == 1, "\(fromConfig)")
        let flag = try Scenario.run(["lint", "--fail-on", "error"] + Fixtures.today, in: dir)
        #expect(flag.status == 0, "\(flag)")
    }

    // MARK: usage errors

    @Test func unknownFlagExitsTwo() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--fial-on", "warning"], in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr.contains("--fial-on"), "\(r)")
        let bare = try Scenario.run(["--bogus"], in: dir)
        #expect(bare.status == 2, "\(bare)")
    }

    @Test func unknownFailOnLevelExitsTwo() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--fail-on", "sometimes"], in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr.contains("sometimes"), "\(r)")
    }

    @Test func unknownFormatExitsTwoWithTheValidList() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--format", "jsno"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr.hasPrefix("ladderlint: unknown format 'jsno': did you mean 'json'? Valid formats: "), "\(r)")
        let valid = r.stderr.components(separatedBy: "Valid formats: ").last?
            .trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: ", ") ?? []
        #expect(valid.first == "text" && valid.contains("json"), "\(r)")
        // Nothing is written when the run is refused, not even for the valid format.
        let withFile = try Scenario.run(["lint", "--format", "json:out.json", "--format", "xml"] + Fixtures.today, in: dir)
        #expect(withFile.status == 2, "\(withFile)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
    }

    @Test func badTodayExitsTwo() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        for today in ["2026-02-30", "21.11.2026", "tomorrow"] {
            let r = try Scenario.run(["lint", "--today", today], in: dir)
            #expect(r.status == 2, "\(r)")
            #expect(r.stdout == "", "\(r)")
            #expect(r.stderr.contains("--today: expected a date written YYYY-MM-DD, found '\(today)'"), "\(r)")
        }
    }

    // MARK: configuration errors

    @Test func invalidConfigurationYAMLExitsTwoWithItsPosition() throws {
        var files = Fixtures.acme()
        files[".ladderlint.yml"] = "fail_on: warning\nseverity: {pay-ceiling-parity: warning\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr.hasPrefix("ladderlint: .ladderlint.yml:3:1: the configuration is not valid YAML: "), "\(r)")
    }

    @Test func unknownConfigurationKeyExitsTwoNamingTheValidOnes() throws {
        var files = Fixtures.acme()
        files[".ladderlint.yml"] = "version: 1\nfail-on: warning\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr == "ladderlint: .ladderlint.yml:2:1: unknown key 'fail-on' in the configuration: did you mean 'fail_on'? Valid keys: version, paths, rules, severity, disable, params, fail_on, waivers, limits, sources, waivers_file\n", "\(r)")
    }

    @Test func unreadableConfigurationExitsTwo() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try Scenario.run(["lint", "--config", "nowhere.yml"] + Fixtures.today, in: dir)
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stdout == "", "\(missing)")
        #expect(missing.stderr.hasPrefix("ladderlint: nowhere.yml"), "\(missing)")
        let folder = try Scenario.run(["lint", "--config", "ladders"] + Fixtures.today, in: dir)
        #expect(folder.status == 2, "\(folder)")
        #expect(folder.stderr.hasPrefix("ladderlint: ladders"), "\(folder)")
    }

    @Test func configurationFoundInAParentFolder() throws {
        var files = Fixtures.acme(policy: Fixtures.policyWithSurveyWarning)
        files[".ladderlint.yml"] = "fail_on: warning\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "."] + Fixtures.today, in: dir.appendingPathComponent("ladders"))
        #expect(r.lines == [Self.warningLine.replacingOccurrences(of: "ladders/acme/", with: "acme/"), "0 errors, 1 warning, 0 info in 3 files (4 documents, 1 ladder)"], "\(r)")
        #expect(r.status == 1, "\(r)")
    }

    @Test func unknownRuleIDInConfigurationExitsTwoNamingTheNearest() throws {
        var files = Fixtures.acme()
        files[".ladderlint.yml"] = "severity:\n  pay-ceiling-parity: warning\n  pay-cieling-parity: info\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr.hasPrefix("ladderlint: .ladderlint.yml:3:3: unknown rule id 'pay-cieling-parity': did you mean 'pay-ceiling-parity'? Valid rule ids: pay-ceiling-parity, "), "\(r)")
    }

    @Test func unknownRuleIDInAWaiverExitsTwo() throws {
        var files = Fixtures.acme()
        files[".ladderlint.yml"] = "waivers:\n  - rule: pay-ceiling-parit\n    reason: approved\n    expires: 2027-01-01\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.hasPrefix("ladderlint: .ladderlint.yml:2:11: unknown rule id 'pay-ceiling-parit': did you mean 'pay-ceiling-parity'?"), "\(r)")
    }

    // MARK: waivers

    static func waiver(rule: String = "pay-ceiling-parity", subject: String? = "em-5", expires: String) -> String {
        """
        waivers:
          - rule: \(rule)
        \(subject.map { "    subject: \($0)\n" } ?? "")    reason: "Approved by the comp committee, 2026-Q3"
            expires: \(expires)

        """
    }

    @Test func aWaiverSuppressesItsFindingAndTheRunPasses() throws {
        var files = Fixtures.acme(compensation: Fixtures.compensationWithGap)
        files[".ladderlint.yml"] = .text(Self.waiver(expires: "2027-03-31"))
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--format", "text", "--format", "json:report.json"] + Fixtures.today, in: dir)
        #expect(r.lines == ["0 errors, 0 warnings, 0 info in 3 files (4 documents, 1 ladder); 1 suppressed"], "\(r)")
        #expect(r.status == 0, "\(r)")

        // Still in the JSON, marked suppressed, with why.
        let json = try String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8)
        try Scenario.expectValidReports([("waived", json)])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["rule"] as? String == "pay-ceiling-parity")
        #expect(findings.first?["suppressed"] as? Bool == true)
        let suppression = findings.first?["suppression"] as? [String: Any]
        #expect(suppression?["kind"] as? String == "waiver")
        #expect(suppression?["reason"] as? String == "Approved by the comp committee, 2026-Q3")
        #expect(suppression?["expires"] as? String == "2027-03-31")
        #expect((report["summary"] as? [String: Any])?["suppressed"] as? Int == 1)
        #expect((report["summary"] as? [String: Any])?["error"] as? Int == 0)
    }

    @Test func aWaiverForAnotherSubjectSuppressesNothing() throws {
        var files = Fixtures.acme(compensation: Fixtures.compensationWithGap)
        files[".ladderlint.yml"] = .text(Self.waiver(subject: "em-4", expires: "2027-03-31"))
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines == [
            ".ladderlint.yml:2:5: warning: the waiver of pay-ceiling-parity for em-4 matches no finding: remove it [unused-waiver]",
            Self.gapLine,
            "1 error, 1 warning, 0 info in 3 files (4 documents, 1 ladder)",
        ], "\(r)")
        #expect(r.status == 1, "\(r)")
    }

    @Test func anExpiredWaiverIsAnErrorAndSuppressesNothing() throws {
        var files = Fixtures.acme(compensation: Fixtures.compensationWithGap)
        files[".ladderlint.yml"] = .text(Self.waiver(expires: "2026-09-30"))
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines == [
            ".ladderlint.yml:2:5: error: the waiver of pay-ceiling-parity for em-5 expired on 2026-09-30 (reason: Approved by the comp committee, 2026-Q3): fix the finding, or renew the waiver with a new reason and date [expired-waiver]",
            Self.gapLine,
            "2 errors, 0 warnings, 0 info in 3 files (4 documents, 1 ladder)",
        ], "\(r)")
        #expect(r.status == 1, "\(r)")
    }

    @Test func aWaiverExpiringTodayStillHolds() throws {
        var files = Fixtures.acme(compensation: Fixtures.compensationWithGap)
        files[".ladderlint.yml"] = .text(Self.waiver(expires: "2026-11-21"))
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(r.lines == ["0 errors, 0 warnings, 0 info in 3 files (4 documents, 1 ladder); 1 suppressed"], "\(r)")
    }

    @Test func anUnusedWaiverIsAWarning() throws {
        var files = Fixtures.acme()
        files[".ladderlint.yml"] = .text(Self.waiver(expires: "2027-03-31"))
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines == [
            ".ladderlint.yml:2:5: warning: the waiver of pay-ceiling-parity for em-5 matches no finding: remove it [unused-waiver]",
            "0 errors, 1 warning, 0 info in 3 files (4 documents, 1 ladder)",
        ], "\(r)")
        #expect(r.status == 0, "\(r)")
        let strict = try Scenario.run(["lint", "--fail-on", "warning"] + Fixtures.today, in: dir)
        #expect(strict.status == 1, "\(strict)")
    }

    @Test func aWaiverWithoutReasonIsAConfigurationError() throws {
        var files = Fixtures.acme(compensation: Fixtures.compensationWithGap)
        files[".ladderlint.yml"] = "waivers:\n  - rule: pay-ceiling-parity\n    expires: 2027-03-31\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.hasPrefix("ladderlint: .ladderlint.yml:2:5: "), "\(r)")
        #expect(r.stderr.contains("reason"), "\(r)")
    }
}
