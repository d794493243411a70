import Foundation
import Testing

/// Issue 18, item 11: the text output was a wall sorted by file. `--group-by file|rule|ladder`,
/// `--quiet`, and the up-to-five findings of one overpaid band folded into one finding with
/// related locations, with waivers, disable, severity settings and baselines still working per
/// part (docs/decisions.md, "What a new user tripped over").
@Suite struct Issue18FoldScenarioTests {
    /// em-5 is above ic-5 on every value of its default-zone band (floor, midpoint, ceiling,
    /// bonus target, equity ceiling: lines 10 to 14), and on its ceiling alone in zone eu.
    static let compensation = """
        kind: compensation
        ladder: acme
        currency: USD
        bands:
          - {level: ic-4, base: {min: 150000, max: 200000}, bonus_target: 0.10}
          - {level: em-4, base: {min: 150000, max: 200000}, bonus_target: 0.10}
          - {level: ic-5, base: {min: 180000, max: 240000}, bonus_target: 0.10, equity: {min: 10000, max: 40000}}
          - level: em-5
            base:
              min: 190000
              mid: 225000
              max: 260000
            bonus_target: 0.15
            equity: {min: 10000, max: 60000}
          - {level: ic-5, zone: eu, currency: EUR, base: {min: 150000, max: 200000}}
          - {level: em-5, zone: eu, currency: EUR, base: {min: 140000, max: 210000}}

        """

    static let file = "ladders/acme/compensation.yaml"
    static let em5 = "em-5 (Senior Engineering Manager)"
    static let ic5 = "its IC peer ic-5 (Staff Engineer)"
    static let ceiling = "\(file):12:12: error: \(em5) tops out at 260,000 USD, above \(ic5) at 240,000 USD (8.3% more), grade 5, zone default: raise the IC ceiling or lower the management one [pay-ceiling-parity]"
    static let floor = "\(file):10:12: warning: \(em5) starts at 190,000 USD, above \(ic5) at 180,000 USD (5.6% more), grade 5, zone default: raise the IC floor or lower the management one [pay-floor-parity]"
    static let midpoint = "\(file):11:12: warning: \(em5) has a midpoint of 225,000 USD, above \(ic5) at 210,000 USD (7.1% more, tolerance 2%), grade 5, zone default: align the midpoints [pay-midpoint-parity]"
    static let bonus = "\(file):13:19: warning: \(em5) has a bonus target of 15%, above \(ic5) at 10%, grade 5, zone default: give both tracks the same variable pay [variable-pay-parity]"
    static let equity = "\(file):14:31: warning: \(em5) has an equity ceiling of 60,000 USD, above \(ic5) at 40,000 USD, grade 5, zone default: give both tracks the same variable pay [variable-pay-parity]"
    static let euCeiling = "\(file):16:69: error: \(em5) tops out at 210,000 EUR, above \(ic5) at 200,000 EUR (5% more), grade 5, zone eu: raise the IC ceiling or lower the management one [pay-ceiling-parity]"
    static let counts = "2 errors, 4 warnings, 0 info in 3 files (4 documents, 1 ladder)"

    static func indented(_ line: String) -> String { "    " + line }

    static func folder(_ extra: [String: FileContent] = [:]) throws -> URL {
        try Scenario.folder(Fixtures.acme(compensation: compensation).merging(extra) { $1 })
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func findings(_ report: [String: Any]) -> [[String: Any]] { report["findings"] as? [[String: Any]] ?? [] }

    static func line(_ f: [String: Any]) -> Int? { (f["location"] as? [String: Any])?["line"] as? Int }

    // MARK: Folding

    @Test func anOverpaidBandIsOneFindingWithItsOtherPartsIndentedUnderIt() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines == [
            Self.ceiling, Self.indented(Self.floor), Self.indented(Self.midpoint), Self.indented(Self.bonus), Self.indented(Self.equity),
            // Another zone is another band: not folded with the first, and alone, so not folded.
            Self.euCeiling,
            Self.counts,
        ], "\(r)")
        #expect(r.status == 1, "\(r)")
    }

    @Test func jsonKeepsEveryPartAndNamesItsFoldAndTheOtherParts() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--format", "json", "--format", "sarif:r.sarif"] + Fixtures.today, in: dir)
        try Scenario.expectValidReports([("json", r.stdout)])
        let report = try Self.json(r.stdout)
        let all = Self.findings(report)
        // One finding per rule violation, each at its own line, as before (OUTPUT.md, RULES.md).
        #expect(all.map { "\($0["rule"]!)@\(Self.line($0)!)" }
            == ["pay-floor-parity@10", "pay-midpoint-parity@11", "pay-ceiling-parity@12", "variable-pay-parity@13", "variable-pay-parity@14", "pay-ceiling-parity@16"])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["error"] as? Int == 2 && summary["warning"] as? Int == 4)
        let parts = all.filter { $0["fold"] != nil }
        #expect(parts.count == 5)
        let folds = Set(parts.compactMap { ($0["fold"] as? [String: Any])?["fingerprint"] as? String })
        #expect(folds.count == 1)
        let leads = parts.filter { ($0["fold"] as? [String: Any])?["lead"] as? Bool == true }
        #expect(leads.map { $0["rule"] as? String } == ["pay-ceiling-parity"])
        for p in parts {
            let related = try #require(p["related"] as? [[String: Any]])
            let others = parts.filter { $0["fingerprint"] as? String != p["fingerprint"] as? String }
            #expect(related.map { $0["fingerprint"] as? String } == others.map { $0["fingerprint"] as? String })
            #expect(related.map { ($0["location"] as? [String: Any])?["line"] as? Int } == others.map(Self.line))
        }
        // The eu band stands alone: no fold, no related.
        #expect(all.last?["fold"] == nil && all.last?["related"] == nil)

        // SARIF shows the fold as one result, under the fold's fingerprint.
        let sarif = try Self.json(try String(contentsOf: dir.appendingPathComponent("r.sarif"), encoding: .utf8))
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        let folded = results.filter { $0["relatedLocations"] != nil }
        #expect(folded.count == 1)
        #expect((folded.first?["partialFingerprints"] as? [String: String])?["ladderlint/v1"] == folds.first)
        #expect((folded.first?["relatedLocations"] as? [[String: Any]])?.count == 4)
        #expect(results.count == 2)
    }

    @Test func aWaivedPartIsNotFoldedIn() throws {
        let config = """
            waivers:
              - {rule: pay-floor-parity, subject: em-5, reason: "Floors are reviewed in Q3", expires: 2027-03-31}

            """
        let dir = try Self.folder([".ladderlint.yml": .text(config)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines == [
            Self.ceiling, Self.indented(Self.midpoint), Self.indented(Self.bonus), Self.indented(Self.equity), Self.euCeiling,
            "2 errors, 3 warnings, 0 info in 3 files (4 documents, 1 ladder); 1 suppressed",
        ], "\(r)")
        let json = try Scenario.run(["lint", "--format", "json"] + Fixtures.today, in: dir)
        let floor = try #require(Self.findings(try Self.json(json.stdout)).first { $0["rule"] as? String == "pay-floor-parity" })
        #expect(floor["suppressed"] as? Bool == true)
        #expect(floor["fold"] == nil && floor["related"] == nil)
    }

    @Test func aDisabledPartIsNotThere() throws {
        let dir = try Self.folder([".ladderlint.yml": .text("disable: [variable-pay-parity]\n")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines == [
            Self.ceiling, Self.indented(Self.floor), Self.indented(Self.midpoint), Self.euCeiling,
            "2 errors, 2 warnings, 0 info in 3 files (4 documents, 1 ladder)",
        ], "\(r)")
    }

    @Test func severitySettingsApplyPerPartAndTheMostSevereLeads() throws {
        let dir = try Self.folder([".ladderlint.yml": .text("severity: {pay-ceiling-parity: warning, variable-pay-parity: error}\n")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        // Two errors now: the bonus (first in report order) leads; the equity error follows it.
        func sev(_ line: String, _ from: String, _ to: String) -> String { line.replacingOccurrences(of: ": \(from): ", with: ": \(to): ") }
        #expect(r.lines == [
            sev(Self.bonus, "warning", "error"),
            Self.indented(Self.floor), Self.indented(Self.midpoint), Self.indented(sev(Self.ceiling, "error", "warning")),
            Self.indented(sev(Self.equity, "warning", "error")),
            sev(Self.euCeiling, "error", "warning"),
            "2 errors, 4 warnings, 0 info in 3 files (4 documents, 1 ladder)",
        ], "\(r)")
    }

    // MARK: Baselines

    /// The entries `--write-baseline` wrote before findings were folded: one per part.
    static let entriesWrittenBefore = [
        #"{"fingerprint": "eb4490e282143bafc89a43dc16a9ecd2", "rule": "pay-ceiling-parity", "file": "ladders/acme/compensation.yaml", "ladder": "acme", "path": "bands[level=em-5,zone=default].base.max", "subjects": ["em-5", "ic-5"]}"#,
        #"{"fingerprint": "187c6c3e26714fd7e3cbaae30e897ff6", "rule": "pay-ceiling-parity", "file": "ladders/acme/compensation.yaml", "ladder": "acme", "path": "bands[level=em-5,zone=eu].base.max", "subjects": ["em-5", "ic-5"]}"#,
        #"{"fingerprint": "e722a6712b7578ba47d05e7778ff45e3", "rule": "pay-floor-parity", "file": "ladders/acme/compensation.yaml", "ladder": "acme", "path": "bands[level=em-5,zone=default].base.min", "subjects": ["em-5", "ic-5"]}"#,
        #"{"fingerprint": "b8c04f4e213ba4c60d24fc156123a175", "rule": "pay-midpoint-parity", "file": "ladders/acme/compensation.yaml", "ladder": "acme", "path": "bands[level=em-5,zone=default].base.mid", "subjects": ["em-5", "ic-5"]}"#,
        #"{"fingerprint": "79ef1d48443255d44ebe239cd2b30c1b", "rule": "variable-pay-parity", "file": "ladders/acme/compensation.yaml", "ladder": "acme", "path": "bands[level=em-5,zone=default].bonus_target", "subjects": ["em-5", "ic-5"]}"#,
        #"{"fingerprint": "e75e38674c0fd262e183e61bc3b07051", "rule": "variable-pay-parity", "file": "ladders/acme/compensation.yaml", "ladder": "acme", "path": "bands[level=em-5,zone=default].equity.max", "subjects": ["em-5", "ic-5"]}"#,
    ]

    static func baseline(_ entries: [String]) -> String {
        "{\"tool\": \"ladderlint\", \"baseline_version\": 1, \"findings\": [\n" + entries.joined(separator: ",\n") + "\n]}\n"
    }

    static let baselineWrittenBefore = baseline(entriesWrittenBefore)

    @Test func aBaselineWrittenBeforeFoldingKeepsMatchingEveryPart() throws {
        let dir = try Self.folder(["old-baseline.json": .text(Self.baselineWrittenBefore)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--baseline", "old-baseline.json", "--strict-baseline"] + Fixtures.today, in: dir)
        #expect(r.lines == ["0 errors, 0 warnings, 0 info in 3 files (4 documents, 1 ladder); 6 suppressed"], "\(r)")
        #expect(r.stderr == "", "\(r)")
        #expect(r.status == 0, "\(r)")
    }

    @Test func aBandWithANewPartIsNewAndShowsOnlyTheNewParts() throws {
        // Recorded before: the ceiling and the floor of the default zone, and the eu ceiling.
        let partial = Self.baseline(Array(Self.entriesWrittenBefore.prefix(3)))
        let dir = try Self.folder(["old-baseline.json": .text(partial)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--baseline", "old-baseline.json"] + Fixtures.today, in: dir)
        #expect(r.lines == [
            Self.midpoint, Self.indented(Self.bonus), Self.indented(Self.equity),
            "0 errors, 3 warnings, 0 info in 3 files (4 documents, 1 ladder); 3 suppressed",
        ], "\(r)")
    }

    @Test func writeBaselineStillRecordsEveryPartAsBefore() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Scenario.run(["lint", "--write-baseline", "b.json"] + Fixtures.today, in: dir)
        let written = try Self.json(try String(contentsOf: dir.appendingPathComponent("b.json"), encoding: .utf8))
        let before = try Self.json(Self.baselineWrittenBefore)
        #expect(NSDictionary(dictionary: written).isEqual(to: before), "\(written)")
    }

    // MARK: --group-by

    @Test func groupByRuleListsEveryPartUnderItsOwnRule() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--group-by", "rule"] + Fixtures.today, in: dir)
        #expect(r.lines == [
            "rule pay-ceiling-parity (2 findings):", Self.ceiling, Self.euCeiling, "",
            "rule pay-floor-parity (1 finding):", Self.floor, "",
            "rule pay-midpoint-parity (1 finding):", Self.midpoint, "",
            "rule variable-pay-parity (2 findings):", Self.bonus, Self.equity, "",
            Self.counts,
        ], "\(r)")
        #expect(r.status == 1, "\(r)")
    }

    @Test func groupByLadderPutsFindingsOfNoLadderLast() throws {
        let dir = try Self.folder(["ladders/broken.yaml": .text("kind: ladder\nid: [\n")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--group-by", "ladder"] + Fixtures.today, in: dir)
        let lines = r.lines
        #expect(lines.first == "ladder acme (2 findings):", "\(r)")
        #expect(Array(lines.dropFirst().prefix(6)) == [
            Self.ceiling, Self.indented(Self.floor), Self.indented(Self.midpoint), Self.indented(Self.bonus), Self.indented(Self.equity), Self.euCeiling,
        ], "\(r)")
        #expect(Array(lines.dropFirst(7).prefix(2)) == ["", "no ladder (1 finding):"], "\(r)")
        #expect(lines.dropFirst(9).first?.hasPrefix("ladders/broken.yaml:") == true, "\(r)")
        #expect(lines.last == "3 errors, 4 warnings, 0 info in 4 files (4 documents, 1 ladder)", "\(r)")
    }

    @Test func groupByFileIsTheDefault() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let explicit = try Scenario.run(["lint", "--group-by", "file"] + Fixtures.today, in: dir)
        let plain = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(explicit.stdout == plain.stdout && explicit.status == plain.status, "\(explicit)")
    }

    @Test func anUnknownGroupingIsAUsageError() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--group-by", "severity"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr.contains("'severity' is invalid for '--group-by") && r.stderr.contains("'file', 'rule' or 'ladder'"), "\(r)")
    }

    // MARK: --quiet

    @Test func quietPrintsTheSummaryOnlyAndChangesNothingElse() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for flag in ["--quiet", "-q"] {
            let r = try Scenario.run(["lint", flag, "--format", "text", "--format", "json:report.json", "--format", "text:report.txt"] + Fixtures.today, in: dir)
            #expect(r.stdout == Self.counts + "\n", "\(flag): \(r)")
            #expect(r.status == 1, "\(flag): the exit status is unchanged: \(r)")
            // Files get everything.
            let json = try Self.json(try String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8))
            #expect(Self.findings(json).count == 6)
            let text = try String(contentsOf: dir.appendingPathComponent("report.txt"), encoding: .utf8)
            #expect(text.hasPrefix(Self.ceiling + "\n"), "\(text)")
        }
        // Other formats on standard output are whole.
        let json = try Scenario.run(["lint", "--quiet", "--format", "json"] + Fixtures.today, in: dir)
        #expect(Self.findings(try Self.json(json.stdout)).count == 6)
    }
}
