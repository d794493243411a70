import Foundation
import Testing

/// Issue 18.12, the driver's side: did-you-mean where `.ladderlint.yml`, a baseline or a rule
/// pack names something: a waiver's subject that no finding has, a baseline entry's rule that
/// no rule has or its subject renamed by one slip, the words severity, fail_on, a choice
/// parameter and a source's currency, period and decimal take. Each lookup suggests when a
/// name is one slip away, and says nothing more when none is.
@Suite struct Issue18DriverDidYouMeanTests {
    static func waiver(_ subject: String, rule: String = "pay-ceiling-parity") -> String {
        """
        waivers:
          - rule: \(rule)
            subject: "\(subject)"
            reason: "approved by the comp committee"
            expires: 2027-06-30

        """
    }

    /// The acme organisation with em-5's ceiling gap (one pay-ceiling-parity finding, for
    /// em-5 and ic-5) and `config` as `.ladderlint.yml`.
    static func org(config: String? = nil, compensation: String = Fixtures.compensationWithGap, ladder: String = Fixtures.ladder, policy: String = Fixtures.policy) throws -> URL {
        var files = Fixtures.acme(compensation: compensation, policy: policy)
        files["ladders/acme/ladder.yaml"] = .text(ladder)
        if let config { files[".ladderlint.yml"] = .text(config) }
        return try Scenario.folder(files)
    }

    // MARK: waiver subjects

    @Test(arguments: ["em5", "EM-5", "en-5", "me-5"])
    func aWaiversSubjectOneSlipFromAFindingsSaysWhichItMeant(subject: String) throws {
        let dir = try Self.org(config: Self.waiver(subject))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines.contains(
            ".ladderlint.yml:2:5: warning: the waiver of pay-ceiling-parity for \(subject) matches no finding: did you mean 'em-5'? "
                + "A finding of pay-ceiling-parity is for em-5: write subject: em-5 to waive it, or remove the waiver [unused-waiver]"), "\(r)")
        // The finding is not waived: the suggestion is advice, not a match.
        #expect(r.status == 1, "\(r)")
        let json = try Scenario.run(["lint", "--format", "json"] + Fixtures.today, in: dir)
        #expect(json.stdout.contains("\"did_you_mean\""), "\(json)")
    }

    /// em-4 has no finding, but its digit says it is another level than em-5: no suggestion.
    /// Nor for a subject nothing is near, nor for a rule with no finding at all.
    @Test(arguments: [("em-4", "pay-ceiling-parity"), ("principal", "pay-ceiling-parity"), ("em5", "pay-floor-parity")])
    func aWaiversSubjectNearNothingOnlySaysRemoveIt(subject: String, rule: String) throws {
        let dir = try Self.org(config: Self.waiver(subject, rule: rule))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines.contains { $0.hasPrefix(".ladderlint.yml:2:5: warning: the waiver of \(rule) for \(subject) matches no finding: remove it [unused-waiver]") }, "\(r)")
        #expect(!r.stdout.contains("did you mean"), "\(r)")
    }

    /// A subject that a finding of another rule has names something that exists: it is no slip.
    /// Level em-5 renamed `acmes`: the waiver's `acme` is one slip from it, but it is the
    /// ladder, which survey-missing's finding is for (the policy without its survey).
    @Test func aWaiversSubjectThatAnotherFindingHasIsNoSlip() throws {
        let renamed: (String) -> String = { $0.replacingOccurrences(of: "em-5", with: "acmes") }
        let policy = String(Fixtures.policy[..<Fixtures.policy.range(of: "---")!.lowerBound])
        let dir = try Self.org(
            config: Self.waiver("acme"), compensation: renamed(Fixtures.compensationWithGap), ladder: renamed(Fixtures.ladder), policy: policy)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines.contains { $0.hasSuffix("[survey-missing]") }, "\(r)")
        #expect(r.lines.contains { $0.hasPrefix(".ladderlint.yml:2:5: warning: the waiver of pay-ceiling-parity for acme matches no finding: remove it") }, "\(r)")
        // The same waiver for `acmex`, which nothing has, would be the slip.
        try Data(Self.waiver("acmex").utf8).write(to: dir.appendingPathComponent(".ladderlint.yml"))
        let slip = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(slip.stdout.contains("for acmex matches no finding: did you mean 'acmes'?"), "\(slip)")
    }

    /// The subject is pull-request text: the suggestion's message shows it escaped.
    @Test func aWaiversSubjectWithAControlCharacterIsShownEscaped() throws {
        let dir = try Self.org(config: Self.waiver("em-5\\u001b"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(!r.stdout.contains("\u{1b}"), "\(r)")
        #expect(r.lines.contains { $0.contains("matches no finding: did you mean 'em-5'?") && $0.hasSuffix("[unused-waiver]") }, "\(r)")
    }

    /// 18.8: a run that could not read a file whole calls no waiver unused, so suggests nothing.
    @Test func anUnreadableRunSuggestsNothingForAWaiver() throws {
        let broken = Fixtures.compensationWithGap.replacingOccurrences(of: "max: 250000}, bonus_target: 0.10}", with: "max: 250000, bonus_target: 0.10")
        let dir = try Self.org(config: Self.waiver("em5"), compensation: broken)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(!r.stdout.contains("unused-waiver"), "\(r)")
        #expect(!r.stdout.contains("did you mean"), "\(r)")
        #expect(r.stderr.contains("1 waiver matches no finding, but ladders/acme/compensation.yaml could not be read whole"), "\(r)")
    }

    // MARK: baseline entries

    /// Writes a baseline of the organisation as it is, then lets `edit` change the baseline's
    /// text and the files.
    static func baselined(compensation: String = Fixtures.compensationWithGap, ladder: String = Fixtures.ladder) throws -> URL {
        let dir = try Self.org(compensation: compensation, ladder: ladder)
        let written = try Scenario.run(["lint", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(written.status == 0, "\(written)")
        return dir
    }

    static func edit(_ dir: URL, _ path: String, _ change: (String) -> String) throws {
        let url = dir.appendingPathComponent(path)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    @Test func aBaselineEntrysRuleThatNoRuleHasSaysTheNearest() throws {
        let dir = try Self.baselined()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.edit(dir, "baseline.json") { $0.replacingOccurrences(of: "\"pay-ceiling-parity\"", with: "\"pay-ceiling-parit\"") }
        let strict = try Scenario.run(["lint", "--baseline", "baseline.json", "--strict-baseline"] + Fixtures.today, in: dir)
        #expect(strict.lines.contains { $0.hasPrefix("baseline.json:") && $0.contains(
            "(pay-ceiling-parit, ladders/acme/compensation.yaml) matches no finding, and no rule of this run has the id 'pay-ceiling-parit': "
                + "did you mean 'pay-ceiling-parity'? Correct its rule, or remove it with --write-baseline [stale-baseline]") }, "\(strict)")
        // Without --strict-baseline the same words are a note.
        let r = try Scenario.run(["lint", "--baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(r.stderr.contains("ladderlint: note: baseline baseline.json: entry "), "\(r)")
        #expect(r.stderr.contains("no rule of this run has the id 'pay-ceiling-parit': did you mean 'pay-ceiling-parity'?"), "\(r)")
    }

    @Test func aBaselineEntrysRuleNearNoRuleSaysSoWithoutASuggestion() throws {
        let dir = try Self.baselined()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.edit(dir, "baseline.json") { $0.replacingOccurrences(of: "\"pay-ceiling-parity\"", with: "\"acme-house-rule\"") }
        let r = try Scenario.run(["lint", "--baseline", "baseline.json", "--strict-baseline"] + Fixtures.today, in: dir)
        #expect(r.stdout.contains(
            "matches no finding, and no rule of this run has the id 'acme-house-rule': remove it with --write-baseline, or run with the rule pack that declares it [stale-baseline]"), "\(r)")
        #expect(!r.stdout.contains("did you mean"), "\(r)")
    }

    /// A rule the configuration disables is still a rule: its stale entries are only stale.
    @Test func aBaselineEntryOfADisabledRuleIsNotAnUnknownRule() throws {
        let dir = try Self.baselined()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("disable: [pay-ceiling-parity]\n".utf8).write(to: dir.appendingPathComponent(".ladderlint.yml"))
        let r = try Scenario.run(["lint", "--baseline", "baseline.json", "--strict-baseline"] + Fixtures.today, in: dir)
        #expect(r.stdout.contains("(pay-ceiling-parity, ladders/acme/compensation.yaml) matches no finding: remove it with --write-baseline [stale-baseline]"), "\(r)")
        #expect(!r.stdout.contains("no rule of this run"), "\(r)")
    }

    /// A level renamed by one slip (em5 to em-5): the old entry is stale and the finding new;
    /// the stale entry says which finding it was.
    @Test func aStaleEntryOneSlipFromANewFindingSaysWhichItWas() throws {
        let slip: (String) -> String = { $0.replacingOccurrences(of: "em-5", with: "em5") }
        let dir = try Self.baselined(compensation: slip(Fixtures.compensationWithGap), ladder: slip(Fixtures.ladder))
        defer { try? FileManager.default.removeItem(at: dir) }
        for f in ["ladders/acme/ladder.yaml", "ladders/acme/compensation.yaml"] {
            try Self.edit(dir, f) { $0.replacingOccurrences(of: "em5", with: "em-5") }
        }
        let r = try Scenario.run(["lint", "--baseline", "baseline.json", "--strict-baseline"] + Fixtures.today, in: dir)
        #expect(r.lines.contains { $0.hasPrefix("baseline.json:") && $0.hasSuffix(
            "(pay-ceiling-parity, ladders/acme/compensation.yaml) matches no finding: did you mean 'em-5'? A new finding of pay-ceiling-parity in "
                + "ladders/acme/compensation.yaml is for em-5 where the entry has em5: if em5 was renamed, record its finding again with --write-baseline [stale-baseline]") }, "\(r)")
    }

    /// The gap moved from grade 5 to grade 4: another finding, not a slip.
    @Test func aStaleEntryNearNoNewFindingOnlySaysRemoveIt() throws {
        let dir = try Self.baselined()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Fixtures.compensation.replacingOccurrences(
            of: "{level: em-4, base: {min: 150000, max: 200000}", with: "{level: em-4, base: {min: 150000, max: 210000}").utf8)
            .write(to: dir.appendingPathComponent("ladders/acme/compensation.yaml"))
        let r = try Scenario.run(["lint", "--baseline", "baseline.json", "--strict-baseline"] + Fixtures.today, in: dir)
        #expect(r.lines.contains { $0.hasPrefix("baseline.json:") && $0.hasSuffix("matches no finding: remove it with --write-baseline [stale-baseline]") }, "\(r)")
        #expect(r.stdout.contains("[pay-ceiling-parity]"), "\(r)")
        #expect(!r.stdout.contains("did you mean"), "\(r)")
        let plain = try Scenario.run(["lint", "--baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(!plain.stderr.contains("did you mean"), "\(plain)")
    }

    /// 18.8: an entry of a run that could not read a file whole is not judged, so not hinted.
    @Test func anUnreadableRunSuggestsNothingForABaselineEntry() throws {
        let dir = try Self.baselined()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.edit(dir, "baseline.json") { $0.replacingOccurrences(of: "\"pay-ceiling-parity\"", with: "\"pay-ceiling-parit\"") }
        try Self.edit(dir, "ladders/acme/compensation.yaml") { $0.replacingOccurrences(of: "max: 250000}, bonus_target: 0.10}", with: "max: 250000, bonus_target: 0.10") }
        for strict in [[], ["--strict-baseline"]] {
            let r = try Scenario.run(["lint", "--baseline", "baseline.json"] + strict + Fixtures.today, in: dir)
            #expect(!r.stdout.contains("did you mean") && !r.stderr.contains("did you mean"), "\(r)")
            #expect(r.stderr.contains("could not be read whole, so it may still match"), "\(r)")
        }
    }

    // MARK: words the configuration and rule packs take

    @Test(arguments: [
        ("severity: {pay-ceiling-parity: eror}\n", ".ladderlint.yml:1:32: severity of 'pay-ceiling-parity': expected error, warning or info, found text: did you mean 'error'?"),
        ("severity: {pay-ceiling-parity: Warning}\n", "found text: did you mean 'warning'?"),
        ("fail_on: warn\n", ".ladderlint.yml:1:10: fail_on: expected error, warning, info or never, found 'warn': did you mean 'warning'?"),
        ("fail_on: nevr\n", "found 'nevr': did you mean 'never'?"),
        ("params: {pay-ceiling-parity: {measure: mxa}}\n", ".ladderlint.yml:1:40: rule 'pay-ceiling-parity', parameter 'measure': expected one of max, min, mid, found text: did you mean 'max'?"),
    ])
    func aWordOneSlipFromTheOnesASettingTakesSaysWhich(config: String, message: String) throws {
        let dir = try Self.org(config: config)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains(message), "\(r)")
    }

    @Test(arguments: [
        ("severity: {pay-ceiling-parity: loud}\n", "expected error, warning or info, found text\n"),
        ("fail_on: sometimes\n", "fail_on: expected error, warning, info or never, found 'sometimes'\n"),
        ("params: {pay-ceiling-parity: {measure: highest}}\n", "parameter 'measure': expected one of max, min, mid, found text\n"),
    ])
    func aWordNearNoneSaysWhatIsExpectedOnly(config: String, message: String) throws {
        let dir = try Self.org(config: config)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.hasSuffix(message), "\(r)")
        #expect(!r.stderr.contains("did you mean"), "\(r)")
    }

    @Test func aRulePacksSeverityOneSlipAwaySaysWhich() throws {
        var files = Fixtures.acme()
        files["house.yaml"] = """
            rules:
              - id: acme-ceiling
                check: pay-parity
                severity: warnign
                message: "{level} tops out above {peer}"

            """
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--rules", "house.yaml"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("house.yaml:4:15: severity: expected error, warning or info, found 'warnign': did you mean 'warning'?"), "\(r)")
    }

    @Test(arguments: [
        ("currency: usd", "currency: expected a three-letter ISO 4217 code such as USD, EUR or GBP, found 'usd': did you mean 'USD'?"),
        ("currency: €", "found '€': did you mean 'EUR'?"),
        ("period: annually", "period: expected annual or monthly, found 'annually': did you mean 'annual'?"),
        ("period: month", "found 'month': did you mean 'monthly'?"),
        ("decimal: points", "decimal: expected point (187,123.50) or comma (187.123,50), found 'points': did you mean 'point'?"),
    ])
    func aSourcesWordOneSlipAwaySaysWhich(setting: String, message: String) throws {
        let config = "sources:\n  - {path: comp/bands.csv, kind: compensation, ladder: acme, \(setting)}\n"
        let dir = try Scenario.folder([
            "ladders/ladder.yaml": .text(Fixtures.ladder), "comp/bands.csv": "level,min,max\nic-4,1,2\n", ".ladderlint.yml": .text(config),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains(message), "\(r)")
    }

    @Test func aSourcesWordNearNoneSaysWhatIsExpectedOnly() throws {
        let config = "sources:\n  - {path: comp/bands.csv, kind: compensation, ladder: acme, currency: dollars-ish, period: weekly}\n"
        let dir = try Scenario.folder([
            "ladders/ladder.yaml": .text(Fixtures.ladder), "comp/bands.csv": "level,min,max\nic-4,1,2\n", ".ladderlint.yml": .text(config),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("found 'dollars-ish'\n"), "\(r)")
    }
}
