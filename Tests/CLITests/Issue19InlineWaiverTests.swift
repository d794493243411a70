import Foundation
import Testing

/// Issue 19.3: waivers next to the item (`# ladderlint: waive RULE -- REASON`), waivers scoped
/// by zone and pay component, and `lint --add-waivers FILE`.
@Suite struct Issue19InlineWaiverTests {
    /// Line 8 is em-5 in zone us: pay-midpoint-parity (column 29), pay-ceiling-parity (54) and
    /// variable-pay-parity (77, the bonus). Line 10 is em-5 in zone eu: midpoint and ceiling.
    static let compensation = """
        kind: compensation
        ladder: acme
        currency: USD
        bands:
          - {level: ic-4, zone: us, base: {min: 150000, max: 200000}, bonus_target: 0.10}
          - {level: em-4, zone: us, base: {min: 150000, max: 200000}, bonus_target: 0.10}
          - {level: ic-5, zone: us, base: {min: 180000, max: 240000}, bonus_target: 0.10}
          - {level: em-5, zone: us, base: {min: 180000, max: 250000}, bonus_target: 0.15}
          - {level: ic-5, zone: eu, base: {min: 180000, max: 240000}, bonus_target: 0.10}
          - {level: em-5, zone: eu, base: {min: 180000, max: 250000}, bonus_target: 0.10}

        """

    static let em5US = "  - {level: em-5, zone: us, base: {min: 180000, max: 250000}, bonus_target: 0.15}"
    static let em5EU = "  - {level: em-5, zone: eu, base: {min: 180000, max: 250000}, bonus_target: 0.10}"

    /// Every rule but the three pay rules of the scenario is quiet on this organisation.
    static let quiet = "disable: [pay-midpoint-parity]\n"

    /// The organisation with `compensation` and `.ladderlint.yml` = `config`.
    static func org(_ compensation: String = compensation, config: String = quiet, extra: [String: FileContent] = [:]) throws -> URL {
        var files = Fixtures.acme(compensation: compensation)
        files[".ladderlint.yml"] = .text(config)
        files.merge(extra) { $1 }
        return try Scenario.folder(files)
    }

    /// `compensation` with `comment` after the em-5 us band (line 8).
    static func trailing(_ comment: String) -> String {
        compensation.replacingOccurrences(of: em5US, with: em5US + "  " + comment)
    }

    /// `compensation` with `comment` on a line of its own above the em-5 us band (now line 9).
    static func above(_ comment: String) -> String {
        compensation.replacingOccurrences(of: em5US, with: "  " + comment + "\n" + em5US)
    }

    static func lint(_ dir: URL, _ more: [String] = []) throws -> RunOutput {
        try Scenario.run(["lint"] + Fixtures.today + more, in: dir)
    }

    static func json(_ dir: URL) throws -> [[String: Any]] {
        let r = try lint(dir, ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return object?["findings"] as? [[String: Any]] ?? []
    }

    static func finding(_ findings: [[String: Any]], _ rule: String, line: Int) -> [String: Any]? {
        findings.first { $0["rule"] as? String == rule && (($0["location"] as? [String: Any])?["line"] as? Int) == line }
    }

    // MARK: suppress

    /// A trailing comment waives its line's findings of the rule, and only those: the eu
    /// ceiling (line 10) and the bonus on the same line still fail the run.
    @Test func aTrailingCommentWaivesItsLinesFindingOfTheRule() throws {
        let dir = try Self.org(Self.trailing("# ladderlint: waive pay-ceiling-parity until 2027-06-30 -- SRE manager market premium"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.lint(dir)
        #expect(r.status == 1, "\(r)")
        #expect(!r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:54:") }, "\(r)")
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:10:54: error:") && $0.hasSuffix("[pay-ceiling-parity]") }, "\(r)")
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:77:") && $0.hasSuffix("[variable-pay-parity]") }, "\(r)")
        #expect(r.lines.last?.hasSuffix("; 1 suppressed") == true, "\(r)")

        // The suppression, with the comment's place, in every format that shows suppressed findings.
        let findings = try Self.json(dir)
        let waived = try #require(Self.finding(findings, "pay-ceiling-parity", line: 8))
        let suppression = try #require(waived["suppression"] as? [String: Any])
        #expect(suppression["kind"] as? String == "waiver")
        #expect(suppression["reason"] as? String == "SRE manager market premium")
        #expect(suppression["expires"] as? String == "2027-06-30")
        let inline = try #require(suppression["inline"] as? [String: Any])
        #expect(inline["file"] as? String == "ladders/acme/compensation.yaml")
        #expect(inline["line"] as? Int == 8)
        #expect(inline["column"] as? Int == Self.em5US.count + 3)
        try Scenario.expectValidReports([("json", try Self.lint(dir, ["--format", "json"]).stdout)])

        let sarif = try Self.lint(dir, ["--format", "sarif"]).stdout
        #expect(sarif.contains("\"kind\": \"inSource\""), "\(sarif)")
        #expect(sarif.contains("\"justification\": \"SRE manager market premium\""), "\(sarif)")
        let junit = try Self.lint(dir, ["--format", "junit"]).stdout
        #expect(junit.contains("waived (inline at ladders/acme/compensation.yaml:8): SRE manager market premium"), "\(junit)")
        let html = try Self.lint(dir, ["--format", "html"]).stdout
        #expect(html.contains("inline at ladders/acme/compensation.yaml:8"))
    }

    /// A comment on a line of its own waives the next line's findings; comments stack, each
    /// judged: the second waives nothing there, which is said at its own line.
    @Test func aCommentAboveWaivesTheNextLineAndCommentsStack() throws {
        let dir = try Self.org(Self.above(
            "# ladderlint: waive pay-ceiling-parity variable-pay-parity -- approved by the comp committee, 2026-10\n"
                + "  # ladderlint: waive band-shape -- nothing to waive here"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.lint(dir)
        #expect(!r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:10:") }, "\(r)")
        #expect(r.lines.contains(
            "ladders/acme/compensation.yaml:9:3: warning: the inline waiver of band-shape for line 10 matches no finding: "
                + "remove band-shape from the comment (a waiver on a line of its own is for the next line) [unused-waiver]"), "\(r)")
        // The eu band is untouched.
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:12:54: error:") }, "\(r)")
        #expect(r.lines.last?.hasSuffix("; 2 suppressed") == true, "\(r)")
    }

    /// A comment above a blank line waives nothing: a waiver does not reach over it.
    @Test func aCommentAboveABlankLineWaivesNothing() throws {
        let dir = try Self.org(Self.above("# ladderlint: waive pay-ceiling-parity -- approved\n"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.lint(dir)
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:3: warning: the inline waiver of pay-ceiling-parity for line 9 matches no finding") }, "\(r)")
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:10:54: error:") && $0.hasSuffix("[pay-ceiling-parity]") }, "\(r)")
    }

    // MARK: expire, unused

    /// Past its date the finding comes back, with an expired-waiver error at the comment.
    @Test func anExpiredInlineWaiverBringsTheFindingBack() throws {
        let dir = try Self.org(Self.trailing("# ladderlint: waive pay-ceiling-parity until 2026-06-30 -- SRE manager market premium"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.lint(dir)
        #expect(r.status == 1, "\(r)")
        let column = Self.em5US.count + 3
        #expect(r.lines.contains(
            "ladders/acme/compensation.yaml:8:\(column): error: the inline waiver of pay-ceiling-parity for line 8 expired on 2026-06-30 "
                + "(reason: SRE manager market premium): fix the finding, or renew the waiver with a new reason and date [expired-waiver]"), "\(r)")
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:54: error:") && $0.hasSuffix("[pay-ceiling-parity]") }, "\(r)")
        #expect(!r.stdout.contains("suppressed"), "\(r)")
    }

    /// A waiver on a line without a finding of its rule is an unused-waiver warning.
    @Test func anInlineWaiverOnALineWithoutItsFindingIsUnused() throws {
        let comp = Self.compensation.replacingOccurrences(
            of: "bonus_target: 0.10}\n  - {level: em-4", with: "bonus_target: 0.10}  # ladderlint: waive pay-ceiling-parity -- wrong line\n  - {level: em-4")
        let dir = try Self.org(comp)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.lint(dir)
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:5:") && $0.contains("warning: the inline waiver of pay-ceiling-parity for line 5 matches no finding") && $0.hasSuffix("[unused-waiver]") }, "\(r)")
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:54: error:") }, "\(r)")
    }

    // MARK: malformed

    /// Each malformation: a finding at the comment's line and column (the word at fault), with
    /// what was expected and how to fix it; the comment waives nothing.
    @Test(arguments: [
        ("# ladderlint: waive pay-ceiling-parity", 0, "the inline waiver of pay-ceiling-parity has no reason: end the comment with -- and why this is accepted and who approved it"),
        ("# ladderlint: waive pay-ceiling-parity --   ", 0, "has no reason"),
        ("# ladderlint: waive pay-ceiling-parity until 2027-13-01 -- approved", 45, "the inline waiver's until: expected a date written YYYY-MM-DD, found '2027-13-01': write a date such as 2027-06-30"),
        ("# ladderlint: waive pay-ceiling-parity until -- approved", 39, "the inline waiver's until: expected a date written YYYY-MM-DD after it, found nothing"),
        ("# ladderlint: waive pay-ceilng-parity -- approved", 20, "the inline waiver names an unknown rule id 'pay-ceilng-parity': did you mean 'pay-ceiling-parity'? Correct it"),
        ("# ladderlint: waiv pay-ceiling-parity -- approved", 14, "a ladderlint comment: expected 'waive' after 'ladderlint:', found 'waiv': did you mean 'waive'?"),
        ("# ladderlint: ignore pay-ceiling-parity -- approved", 14, "expected 'waive' after 'ladderlint:', found 'ignore'. A comment starting 'ladderlint:' is a waiver"),
        ("# ladderlint: waive -- approved", 14, "the inline waiver names no rule: expected one or more rule ids after 'waive'"),
        ("# ladderlint: waive yaml-syntax -- approved", 20, "the inline waiver names 'yaml-syntax', which reports a problem with the input or a waiver itself and cannot be waived"),
        ("# ladderlint: waive pay-ceiling-parity component=bonsu -- approved", 39, "the inline waiver's component=: expected base, bonus or equity, found 'bonsu': did you mean 'bonus'?"),
        ("# ladderlint: waive pay-ceiling-parity zome=us -- approved", 39, "the inline waiver: expected zone=ZONE or component=base|bonus|equity before '--', found 'zome=us': did you mean 'zone='?"),
    ])
    func aMalformedInlineWaiverIsAFindingAtTheComment(comment: String, offset: Int, message: String) throws {
        let dir = try Self.org(Self.trailing(comment))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.lint(dir)
        #expect(r.status == 1, "\(r)")
        let column = Self.em5US.count + 3 + offset
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:\(column): error: ") && $0.contains(message) && $0.hasSuffix("[invalid-waiver]") }, "\(r)")
        // Nothing is waived.
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:54: error:") && $0.hasSuffix("[pay-ceiling-parity]") }, "\(r)")
        #expect(!r.stdout.contains("suppressed"), "\(r)")
    }

    /// `ladderlint:` inside a quoted scalar or a block scalar is text, not a comment: it waives
    /// nothing and is not judged unused or malformed.
    @Test func aMarkerInsideAQuotedOrBlockScalarIsNoWaiver() throws {
        let comp = Self.compensation
            .replacingOccurrences(of: "zone: us", with: "zone: \"us # ladderlint: waive pay-ceiling-parity -- in a string\"")
        let ladder = Fixtures.ladder.replacingOccurrences(
            of: "  - {id: em-5, track: em, grade: 5, title: Senior Engineering Manager}",
            with: """
                  - id: em-5
                    track: em
                    grade: 5
                    title: 'Senior EM # ladderlint: waive nothing'
                    description: |
                      # ladderlint: waive pay-ceiling-parity -- in a block scalar
                      Leads managers.
                """)
        let dir = try Self.org(comp, extra: ["ladders/acme/ladder.yaml": .text(ladder)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.lint(dir)
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:") && $0.hasSuffix("[pay-ceiling-parity]") }, "\(r)")
        #expect(!r.stdout.contains("waiver"), "\(r)")
        #expect(!r.stdout.contains("suppressed"), "\(r)")
    }

    // MARK: scoped by zone and component

    /// A file waiver with `zone:` waives that zone's finding only.
    @Test func aFileWaiverScopedByZoneWaivesThatZoneOnly() throws {
        let config = Self.quiet + """
            waivers:
              - {rule: pay-ceiling-parity, subject: em-5, zone: eu, reason: "EU market premium", expires: 2027-06-30}

            """
        let dir = try Self.org(config: config)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.lint(dir)
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:54: error:") }, "\(r)")
        #expect(!r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:10:54:") }, "\(r)")
        #expect(r.lines.last?.hasSuffix("; 1 suppressed") == true, "\(r)")
    }

    /// `component:` matches the pay component the finding is about: the ceiling is base pay.
    @Test func aFileWaiverScopedByComponentMatchesThePayComponent() throws {
        let waiver: (String) -> String = { c in
            Self.quiet + "waivers:\n  - {rule: pay-ceiling-parity, zone: us, component: \(c), reason: \"approved\", expires: 2027-06-30}\n"
        }
        let base = try Self.org(config: waiver("base"))
        defer { try? FileManager.default.removeItem(at: base) }
        let r = try Self.lint(base)
        #expect(!r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:54:") }, "\(r)")

        let bonus = try Self.org(config: waiver("bonus"))
        defer { try? FileManager.default.removeItem(at: bonus) }
        let b = try Self.lint(bonus)
        #expect(b.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:54: error:") }, "\(b)")
        #expect(b.lines.contains(
            ".ladderlint.yml:3:6: warning: the waiver of pay-ceiling-parity (zone us, component bonus) matches no finding: remove it [unused-waiver]"), "\(b)")

        let typo = try Self.org(config: waiver("bonsu"))
        defer { try? FileManager.default.removeItem(at: typo) }
        let t = try Self.lint(typo)
        #expect(t.status == 2, "\(t)")
        #expect(t.stderr.contains(".ladderlint.yml:3:53: component: expected base, bonus or equity, found 'bonsu': did you mean 'bonus'?"), "\(t)")
    }

    /// Inline: `component=bonus` waives the bonus finding on the line, not the base one, and
    /// `zone=eu` on the us line waives nothing.
    @Test func anInlineWaiverScopedByComponentAndZone() throws {
        let dir = try Self.org(Self.trailing("# ladderlint: waive pay-ceiling-parity variable-pay-parity component=bonus -- bonus approved"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.lint(dir)
        #expect(!r.lines.contains { $0.hasSuffix("[variable-pay-parity]") }, "\(r)")
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:54: error:") && $0.hasSuffix("[pay-ceiling-parity]") }, "\(r)")
        #expect(r.lines.contains { $0.contains("warning: the inline waiver of pay-ceiling-parity for line 8 (component bonus) matches no finding") }, "\(r)")

        let zoned = try Self.org(Self.trailing("# ladderlint: waive pay-ceiling-parity zone=eu -- eu only"))
        defer { try? FileManager.default.removeItem(at: zoned) }
        let z = try Self.lint(zoned)
        #expect(z.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:54: error:") }, "\(z)")
        #expect(z.lines.contains { $0.contains("the inline waiver of pay-ceiling-parity for line 8 (zone eu) matches no finding") }, "\(z)")
        let us = try Self.org(Self.trailing("# ladderlint: waive pay-ceiling-parity zone=us -- us only"))
        defer { try? FileManager.default.removeItem(at: us) }
        #expect(!(try Self.lint(us)).lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:54:") })
    }

    // MARK: --add-waivers

    /// Every unsuppressed finding gets a waiver in the waivers file; the run exits 0, and a
    /// run after it reads the file and waives them all.
    @Test func addWaiversWritesAWaiverPerFindingAndTheNextRunIsClean() throws {
        let dir = try Self.org(config: Self.quiet + "waivers_file: .ladderlint-waivers.yml\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Self.lint(dir)
        #expect(before.status == 1, "\(before)")
        let add = try Self.lint(dir, ["--add-waivers", ".ladderlint-waivers.yml", "--reason", "adopting ladderlint; comp committee to review", "--until", "2027-03-31"])
        #expect(add.status == 0, "\(add)")
        #expect(add.stdout == "added 3 waivers to .ladderlint-waivers.yml (expires 2027-03-31)\n", "\(add)")
        let text = try String(contentsOf: dir.appendingPathComponent(".ladderlint-waivers.yml"), encoding: .utf8)
        #expect(text.contains("""
            - rule: pay-ceiling-parity
              subject: "em-5"
              zone: "us"
              reason: "adopting ladderlint; comp committee to review"
              expires: 2027-03-31

            """), "\(text)")
        let after = try Self.lint(dir)
        #expect(after.status == 0, "\(after)")
        #expect(after.stdout == "0 errors, 0 warnings, 0 info in 3 files (4 documents, 1 ladder); 3 suppressed\n", "\(after)")
        // The ladder files are untouched.
        #expect(try String(contentsOf: dir.appendingPathComponent("ladders/acme/compensation.yaml"), encoding: .utf8) == Self.compensation)
    }

    /// An existing waivers file keeps its bytes; the new waivers follow its last item.
    @Test func addWaiversAppendsAndKeepsWhatTheFileHeld() throws {
        let existing = "# our waivers\n- rule: variable-pay-parity   # the bonus\n  subject: em-5\n  reason: 'bonus approved'\n  expires: 2027-01-31"
        let dir = try Self.org(config: Self.quiet + "waivers_file: waivers.yml\n", extra: ["waivers.yml": .text(existing)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let add = try Self.lint(dir, ["--add-waivers", "waivers.yml", "--reason", "approved"])
        #expect(add.status == 0, "\(add)")
        #expect(add.stdout == "added 2 waivers to waivers.yml (expires 2027-02-19)\n", "\(add)")
        let text = try String(contentsOf: dir.appendingPathComponent("waivers.yml"), encoding: .utf8)
        #expect(text.hasPrefix(existing + "\n- rule: pay-ceiling-parity\n"), "\(text)")
        let after = try Self.lint(dir)
        #expect(after.status == 0 && after.stdout.hasSuffix("; 3 suppressed\n"), "\(after)")
    }

    /// Without waivers_file: in the configuration, the line says how to make lint read them.
    @Test func addWaiversSaysToNameTheFileInTheConfiguration() throws {
        let dir = try Self.org()
        defer { try? FileManager.default.removeItem(at: dir) }
        let add = try Self.lint(dir, ["--add-waivers", "waivers.yml", "--reason", "approved", "--until", "2027-03-31"])
        #expect(add.status == 0, "\(add)")
        #expect(add.stdout == "added 3 waivers to waivers.yml (expires 2027-03-31): add waivers_file: waivers.yml to .ladderlint.yml so that lint reads them\n", "\(add)")
    }

    /// A file the run reads (a ladder file, the configuration) is refused, and left as it was;
    /// so is a file that is no list of waivers, and a run without --reason.
    @Test(arguments: ["ladders/acme/compensation.yaml", ".ladderlint.yml"])
    func addWaiversRefusesAnInputOfTheRun(target: String) throws {
        let dir = try Self.org()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Data(contentsOf: dir.appendingPathComponent(target))
        let r = try Self.lint(dir, ["--add-waivers", target, "--reason", "approved"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("ladderlint: \(target): refusing to add waivers to"), "\(r)")
        #expect(r.stderr.contains("waivers go in a file of their own"), "\(r)")
        #expect(try Data(contentsOf: dir.appendingPathComponent(target)) == before)
    }

    @Test func addWaiversRefusesAFileThatIsNoListOfWaiversAndARunWithoutReason() throws {
        let dir = try Self.org(extra: ["other/ladder.yaml": .text(Fixtures.ladder)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.lint(dir, ["ladders", "--add-waivers", "other/ladder.yaml", "--reason", "approved"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("other/ladder.yaml"), "\(r)")
        #expect(try String(contentsOf: dir.appendingPathComponent("other/ladder.yaml"), encoding: .utf8) == Fixtures.ladder)
        let noReason = try Self.lint(dir, ["--add-waivers", "waivers.yml"])
        #expect(noReason.status == 2, "\(noReason)")
        #expect(noReason.stderr.contains("--add-waivers needs --reason TEXT"), "\(noReason)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("waivers.yml").path))
    }
}
