import Foundation
import Testing

/// Issue 18.7: a run on one named file reports the findings of every file of its ladder, so the
/// summary counts those files, their documents and the ladders reported, not the one file named.
@Suite struct Issue18DriverSummaryTests {
    /// Acme with its pay gap, and a second organisation beside it that the named file has nothing to do with.
    static func twoOrganisations() -> [String: FileContent] {
        var files = Fixtures.acme(compensation: Fixtures.compensationWithGap)
        for (path, content) in Fixtures.acme(compensation: Fixtures.compensationWithGap) {
            guard case .text(let text) = content else { continue }
            files[path.replacingOccurrences(of: "/acme/", with: "/beta/")] = .text(
                text.replacingOccurrences(of: "id: acme", with: "id: beta").replacingOccurrences(of: "ladder: acme", with: "ladder: beta"))
        }
        return files
    }

    @Test func oneNamedFileCountsTheFilesOfItsLadder() throws {
        let dir = try Scenario.folder(Self.twoOrganisations())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "ladders/acme/ladder.yaml"] + Fixtures.today, in: dir)
        // The finding printed is in compensation.yaml, which the run read as context.
        #expect(r.lines == [ScenarioExitCodeTests.gapLine, "1 error, 0 warnings, 0 info in 3 files (4 documents, 1 ladder)"], "\(r)")
        #expect(r.status == 1, "\(r)")
    }

    @Test func theJSONSummaryAndFileListCountTheSame() throws {
        let dir = try Scenario.folder(Self.twoOrganisations())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--format", "json", "ladders/acme/policy.yaml"] + Fixtures.today, in: dir)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r)")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 3, "\(summary)")
        #expect(summary["documents"] as? Int == 4, "\(summary)")
        #expect(summary["ladders"] as? Int == 1, "\(summary)")
        #expect(summary["error"] as? Int == 1, "\(summary)")
        try Scenario.expectValidReports([("json", r.stdout)])
    }

    /// The files of the ladder are listed where a format lists files: JUnit has a test suite for each.
    @Test func junitHasASuiteForEachFileCounted() throws {
        let dir = try Scenario.folder(Self.twoOrganisations())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--format", "junit", "ladders/acme/ladder.yaml"] + Fixtures.today, in: dir)
        for file in ["ladders/acme/ladder.yaml", "ladders/acme/compensation.yaml", "ladders/acme/policy.yaml"] {
            #expect(r.stdout.contains("<testsuite name=\"\(file)\""), "\(file): \(r)")
        }
        #expect(!r.stdout.contains("ladders/beta/"), "\(r)")
    }

    /// A file that holds no ladder reports no ladder, however many the configured paths hold.
    @Test func aFileOfNoLadderCountsNoLadder() throws {
        var files = Self.twoOrganisations()
        files["notes.yaml"] = "kind: nonsense\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "notes.yaml"] + Fixtures.today, in: dir)
        #expect(r.lines.last == "1 error, 0 warnings, 0 info in 1 file (1 document, 0 ladders)", "\(r)")
    }

    /// Walking folders, the count is what it was: every file walked, every ladder checked.
    @Test func aFolderRunCountsAsBefore() throws {
        let dir = try Scenario.folder(Self.twoOrganisations())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir)
        #expect(r.lines.last == "2 errors, 0 warnings, 0 info in 6 files (8 documents, 2 ladders)", "\(r)")
        let one = try Scenario.run(["lint", "ladders/beta"] + Fixtures.today, in: dir)
        #expect(one.lines.last == "1 error, 0 warnings, 0 info in 3 files (4 documents, 1 ladder)", "\(one)")
    }
}
