import Foundation
import Testing

/// Issue 18.9: `--write-baseline FILE` is the adoption step. The findings it records are
/// accepted by that very run, so it exits 0 and says in one line how many it wrote and where.
@Suite struct Issue18DriverWriteBaselineTests {
    static let line = "wrote 1 finding to the baseline baseline.json: commit it, and lint with --baseline baseline.json to report only new findings"

    @Test func writingABaselineExitsZeroAndPrintsOneLine() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(r.lines == [Self.line], "\(r)")
        #expect(r.stderr == "", "\(r)")
        let written = try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(written.components(separatedBy: "\"fingerprint\"").count == 2, "\(written)")
        // The next run against it is clean, the finding suppressed.
        let next = try Scenario.run(["lint", "--baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(next.lines == [Fixtures.cleanSummary + "; 1 suppressed"], "\(next)")
        #expect(next.status == 0, "\(next)")
    }

    @Test func failOnInfoAndManyFindingsStillExitZero() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap, policy: Fixtures.policyWithSmallGroup))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--fail-on", "info", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(r.lines == [Self.line.replacingOccurrences(of: "wrote 1 finding", with: "wrote 2 findings")], "\(r)")
    }

    /// A report asked for by `--format` is still written, whole; the findings it shows are the
    /// ones just recorded, so they are marked suppressed by the baseline, and the one line goes
    /// to standard error so that standard output stays the report.
    @Test func requestedReportsAreWrittenWithTheFindingsMarkedBaselined() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--write-baseline", "baseline.json", "--format", "json", "--format", "sarif:out.sarif"] + Fixtures.today, in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr == "ladderlint: \(Self.line)\n", "\(r)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r)")
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["suppressed"] as? Bool == true, "\(findings)")
        #expect((json["summary"] as? [String: Any])?["suppressed"] as? Int == 1)
        try Scenario.expectValidReports([("json", r.stdout)])
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.sarif").path))
    }

    /// `--require` is not about findings: a family that could not be checked still fails the run.
    @Test func anUnmetRequirementStillFails() throws {
        var files = Fixtures.acme(compensation: Fixtures.compensationWithGap)
        files["ladders/acme/policy.yaml"] = nil
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--require", "policy", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("ladderlint: required: policy was not checked"), "\(r)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("baseline.json").path))
    }

    /// Rewriting a baseline under `--strict-baseline` records the findings, not the stale
    /// entries of the old file (which the rewrite removes), and does not fail on them.
    @Test func rewritingUnderStrictBaselineRecordsNoStaleEntry() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Scenario.run(["lint", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        try Data(Fixtures.compensation.utf8).write(to: dir.appendingPathComponent("ladders/acme/compensation.yaml"))
        let r = try Scenario.run(["lint", "--baseline", "baseline.json", "--strict-baseline", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(r.lines == ["wrote 0 findings to the baseline baseline.json: commit it, and lint with --baseline baseline.json to report only new findings"], "\(r)")
        let written = try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(!written.contains("stale-baseline"), "\(written)")
        #expect(!written.contains("\"fingerprint\""), "\(written)")
    }

    /// Issue 18.8 as well: entries whose file could not be read are not dropped by a rewrite.
    @Test func rewritingKeepsTheEntriesOfAFileThatCouldNotBeRead() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Scenario.run(["lint", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        let before = try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
        try Data(Issue18DriverUnreadTests.brokenCompensation.utf8).write(to: dir.appendingPathComponent("ladders/acme/compensation.yaml"))
        let r = try Scenario.run(["lint", "--baseline", "baseline.json", "--write-baseline", "baseline.json"] + Fixtures.today, in: dir)
        #expect(r.lines == [
            "wrote 1 finding to the baseline baseline.json and kept 1 entry that may still match (ladders/acme/compensation.yaml could not be read whole): commit it, and lint with --baseline baseline.json to report only new findings"
        ], "\(r)")
        let after = try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
        // The pay-ceiling-parity entry is still there, beside the syntax error's.
        let fingerprint = try #require(before.split(separator: "\"").drop { $0 != "fingerprint" }.dropFirst(2).first)
        #expect(after.contains(String(fingerprint)), "\(after)")
        #expect(after.contains("yaml-syntax"), "\(after)")
    }
}
