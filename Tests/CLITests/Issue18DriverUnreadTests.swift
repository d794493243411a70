import Foundation
import Testing

/// Issue 18.8: a file that could not be read (a YAML syntax error, a document that could not be
/// decoded) hides the findings it would have given, so the run cannot tell a waiver or a
/// baseline entry that matches nothing from one whose finding it never saw: it says so once,
/// instead of advising to remove them.
@Suite struct Issue18DriverUnreadTests {
    static let waiver = """
        waivers:
          - rule: pay-ceiling-parity
            subject: em-5
            reason: "approved by the comp committee"
            expires: 2027-06-30

        """

    /// The gap's band, cut off mid-mapping: a YAML syntax error at line 9.
    static let brokenCompensation = Fixtures.compensationWithGap.replacingOccurrences(of: "max: 250000}, bonus_target: 0.10}", with: "max: 250000, bonus_target: 0.10")

    /// The gap's band with a maximum that is not a number: the band is dropped (invalid-document).
    static let undecodableCompensation = Fixtures.compensationWithGap.replacingOccurrences(of: "max: 250000}", with: "max: lots}")

    @Test func aWaiverIsNotCalledUnusedWhenAFileCouldNotBeRead() throws {
        var files = Fixtures.acme(compensation: Self.brokenCompensation)
        files[".ladderlint.yml"] = .text(Self.waiver)
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:") && $0.hasSuffix("[yaml-syntax]") }, "\(r)")
        #expect(!r.stdout.contains("unused-waiver"), "\(r)")
        #expect(r.stderr.contains(
            "ladderlint: note: 1 waiver matches no finding, but ladders/acme/compensation.yaml could not be read whole: fix it first, then see whether the waiver is still needed\n"), "\(r)")
        #expect(r.status == 1, "\(r)")
    }

    @Test func aDocumentThatCouldNotBeDecodedCountsToo() throws {
        var files = Fixtures.acme(compensation: Self.undecodableCompensation)
        files[".ladderlint.yml"] = .text(Self.waiver)
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:") && $0.hasSuffix("[invalid-document]") }, "\(r)")
        #expect(!r.stdout.contains("unused-waiver"), "\(r)")
        #expect(r.stderr.contains("1 waiver matches no finding, but ladders/acme/compensation.yaml could not be read whole"), "\(r)")
    }

    @Test func baselineEntriesAreNotCalledFixedWhenAFileCouldNotBeRead() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try Scenario.run(["lint", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("baseline.json").path), "\(written)")
        try Data(Self.brokenCompensation.utf8).write(to: dir.appendingPathComponent("ladders/acme/compensation.yaml"))

        let r = try Scenario.run(["lint", "--baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(!r.stderr.contains("match no finding any more"), "\(r)")
        #expect(r.stderr.contains(
            "ladderlint: note: baseline baseline.json: 1 entry matches no finding, but ladders/acme/compensation.yaml could not be read whole, so it may still match: fix that file first\n"), "\(r)")
        let strict = try Scenario.run(["lint", "--baseline", "baseline.json", "--strict-baseline"] + Fixtures.today, in: dir)
        #expect(!strict.stdout.contains("stale-baseline"), "\(strict)")
        #expect(strict.lines.last == "1 error, 0 warnings, 0 info in 3 files (3 documents, 1 ladder)", "\(strict)")
    }

    /// Every file read: the advice stands, as before.
    @Test func withEveryFileReadUnusedAndStaleAreStillSaid() throws {
        var files = Fixtures.acme(compensation: Fixtures.compensationWithGap)
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Scenario.run(["lint", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        files = Fixtures.acme()
        files[".ladderlint.yml"] = .text(Self.waiver)
        for (path, content) in files { try content.data.write(to: dir.appendingPathComponent(path)) }
        let r = try Scenario.run(["lint", "--baseline", "baseline.json", "--strict-baseline"] + Fixtures.today, in: dir)
        #expect(r.lines.contains { $0.hasPrefix(".ladderlint.yml:2:5: warning: the waiver of pay-ceiling-parity for em-5 matches no finding: remove it") }, "\(r)")
        #expect(r.lines.contains { $0.hasPrefix("baseline.json:") && $0.hasSuffix("[stale-baseline]") }, "\(r)")
        #expect(r.stderr.contains("baseline baseline.json: 1 entry matches no finding any more"), "\(r)")
    }

    /// A run on one named file sees the findings of its own ladders only: a waiver of another
    /// ladder's finding is not unused because this run did not report it.
    @Test func aNamedFileRunDoesNotCallAnotherLaddersWaiverUnused() throws {
        var files = Issue18DriverSummaryTests.twoOrganisations()
        files["ladders/acme/compensation.yaml"] = .text(Fixtures.compensation)
        files[".ladderlint.yml"] = .text(Self.waiver)
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "ladders/acme/ladder.yaml"] + Fixtures.today, in: dir)
        #expect(r.lines == [Fixtures.cleanSummary], "\(r)")
        #expect(r.status == 0, "\(r)")
        // A waiver that matches nothing in any ladder is still unused, named file or not.
        try Data(Self.waiver.replacingOccurrences(of: "subject: em-5", with: "subject: em-4").utf8).write(to: dir.appendingPathComponent(".ladderlint.yml"))
        let unused = try Scenario.run(["lint", "ladders/acme/ladder.yaml"] + Fixtures.today, in: dir)
        #expect(unused.lines.first?.hasPrefix(".ladderlint.yml:2:5: warning: the waiver of pay-ceiling-parity for em-4 matches no finding") == true, "\(unused)")
    }
}
