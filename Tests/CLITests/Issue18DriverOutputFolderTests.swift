import Foundation
import Testing

/// Issue 18.10: `--format json:reports/out.json` creates `reports/` when it is missing, and so
/// does `--write-baseline`. Only inside the repository (RepositoryBounds, docs/security.md):
/// a path that leads out of it (`../../x/out.json`, a link) is written only into a folder that
/// already exists. Files are still written whole or not at all.
@Suite struct Issue18DriverOutputFolderTests {
    static func fileType(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : nil
    }

    @Test func missingFoldersOfAnOutputAreCreated() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(
            ["lint", "--format", "json:reports/out.json", "--format", "sarif:reports/ci/2026/out.sarif", "--format", "text"] + Fixtures.today, in: dir)
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr == "", "\(r)")
        let json = try String(contentsOf: dir.appendingPathComponent("reports/out.json"), encoding: .utf8)
        let stdoutJSON = try Scenario.run(["lint", "--format", "json"] + Fixtures.today, in: dir)
        #expect(json == stdoutJSON.stdout, "the file is the whole report")
        #expect(Self.fileType(dir.appendingPathComponent("reports/ci/2026/out.sarif").path) == S_IFREG)
        // Nothing but the outputs: no temporary file left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("reports").path).sorted() == ["ci", "out.json"])
    }

    @Test func theBaselineFolderIsCreatedToo() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--write-baseline", "ci/baseline.json"] + Fixtures.today, in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(Self.fileType(dir.appendingPathComponent("ci/baseline.json").path) == S_IFREG, "\(r)")
    }

    /// The repository is the folder holding `.git` (here the scenario's); `../` leads out of it.
    @Test func noFolderIsCreatedOutsideTheRepository() throws {
        var files = Fixtures.acme()
        files[".git/HEAD"] = "ref: refs/heads/main\n"
        let dir = try Scenario.folder(files)
        let outside = dir.deletingLastPathComponent().appendingPathComponent("ladderlint-outside-\(UUID().uuidString.prefix(8))")
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: outside)
        }
        let target = "../\(outside.lastPathComponent)/x/out.json"
        let r = try Scenario.run(["lint", "--format", "json:\(target)"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.hasPrefix(
            "ladderlint: \(target): cannot write the output: the folder ../\(outside.lastPathComponent) does not exist, and ladderlint creates folders only inside the repository ("), "\(r)")
        #expect(r.stderr.contains("): create it first, or pass --allow-outside-repo\n"), "\(r)")
        #expect(Self.fileType(outside.path) == nil, "nothing was created outside")
        // A folder that exists outside is written into, as before: the command line is the user's.
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("x"), withIntermediateDirectories: true)
        let existing = try Scenario.run(["lint", "--format", "json:\(target)"] + Fixtures.today, in: dir)
        #expect(existing.status == 0, "\(existing)")
        #expect(Self.fileType(outside.appendingPathComponent("x/out.json").path) == S_IFREG)
        // And --allow-outside-repo lets the run create it.
        let allowed = try Scenario.run(["lint", "--allow-outside-repo", "--format", "json:../\(outside.lastPathComponent)/y/z/out.json"] + Fixtures.today, in: dir)
        #expect(allowed.status == 0, "\(allowed)")
        #expect(Self.fileType(outside.appendingPathComponent("y/z/out.json").path) == S_IFREG)
    }

    /// A link inside the repository that leads out, or nowhere, is not created through.
    @Test func linksAreNotCreatedThrough() throws {
        var files = Fixtures.acme()
        files[".git/HEAD"] = "ref: refs/heads/main\n"
        let dir = try Scenario.folder(files)
        let outside = dir.deletingLastPathComponent().appendingPathComponent("ladderlint-outside-\(UUID().uuidString.prefix(8))")
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("out").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("nowhere").path, withDestinationPath: outside.appendingPathComponent("missing").path)
        let out = try Scenario.run(["lint", "--format", "json:out/sub/report.json"] + Fixtures.today, in: dir)
        #expect(out.status == 2, "\(out)")
        #expect(out.stderr.contains("cannot write the output: the folder out/sub does not exist, and ladderlint creates folders only inside the repository"), "\(out)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        let nowhere = try Scenario.run(["lint", "--format", "json:nowhere/report.json"] + Fixtures.today, in: dir)
        #expect(nowhere.status == 2, "\(nowhere)")
        #expect(nowhere.stderr == "ladderlint: nowhere/report.json: cannot write the output: nowhere is not a folder: choose another output path\n", "\(nowhere)")
        #expect(Self.fileType(outside.appendingPathComponent("missing").path) == nil)
    }

    @Test func aFileWhereAFolderShouldBeIsAClearError() throws {
        var files = Fixtures.acme()
        files["notes.txt"] = "not a folder\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--format", "json:notes.txt/a/out.json"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr == "ladderlint: notes.txt/a/out.json: cannot write the output: notes.txt is not a folder: choose another output path\n", "\(r)")
    }

    /// A run from a subfolder: `..` that stays inside the repository is created.
    @Test func upTheTreeButInsideTheRepositoryIsCreated() throws {
        var files = Fixtures.acme()
        files[".git/HEAD"] = "ref: refs/heads/main\n"
        files["tools/README"] = "tools\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--format", "json:../reports/out.json", "../ladders"] + Fixtures.today, in: dir.appendingPathComponent("tools"))
        #expect(r.status == 0, "\(r)")
        #expect(Self.fileType(dir.appendingPathComponent("reports/out.json").path) == S_IFREG, "\(r)")
    }

    /// The baseline is held to the same bounds as any output.
    @Test func theBaselineIsNotCreatedOutsideEither() throws {
        var files = Fixtures.acme()
        files[".git/HEAD"] = "ref: refs/heads/main\n"
        let dir = try Scenario.folder(files)
        let outside = dir.deletingLastPathComponent().appendingPathComponent("ladderlint-outside-\(UUID().uuidString.prefix(8))")
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: outside)
        }
        let target = "../\(outside.lastPathComponent)/baseline.json"
        let r = try Scenario.run(["lint", "--write-baseline", target] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr.hasPrefix("ladderlint: \(target): cannot write the output: the folder ../\(outside.lastPathComponent) does not exist"), "\(r)")
        #expect(Self.fileType(outside.path) == nil)
    }

    /// Every output is checked before any is written: a bad second path leaves nothing behind.
    @Test func aBadOutputPathWritesNoOutputAtAll() throws {
        var files = Fixtures.acme()
        files["notes.txt"] = "not a folder\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(
            ["lint", "--format", "json:reports/out.json", "--format", "sarif:notes.txt/out.sarif", "--write-baseline", "ci/baseline.json"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr == "ladderlint: notes.txt/out.sarif: cannot write the output: notes.txt is not a folder: choose another output path\n", "\(r)")
        #expect(Self.fileType(dir.appendingPathComponent("reports").path) == nil)
        #expect(Self.fileType(dir.appendingPathComponent("ci").path) == nil)
    }

    /// Folders created for a file that then cannot be written are removed again.
    @Test func aFailedWriteLeavesNoCreatedFolderBehind() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        // Too long a name (over 255 bytes) for the file, then for a folder.
        let long = String(repeating: "x", count: 300)
        let file = try Scenario.run(["lint", "--format", "json:reports/a/\(long).json"] + Fixtures.today, in: dir)
        #expect(file.status == 2, "\(file)")
        #expect(file.stderr == "ladderlint: reports/a/\(long).json: cannot write the output: cannot create a file in the folder reports/a: File name too long\n", "\(file)")
        #expect(Self.fileType(dir.appendingPathComponent("reports").path) == nil, "\(file)")
        let folder = try Scenario.run(["lint", "--format", "json:reports/\(long)/out.json"] + Fixtures.today, in: dir)
        #expect(folder.status == 2, "\(folder)")
        #expect(folder.stderr == "ladderlint: reports/\(long)/out.json: cannot write the output: cannot create the folder reports/\(long): File name too long\n", "\(folder)")
        #expect(Self.fileType(dir.appendingPathComponent("reports").path) == nil, "\(folder)")
        // A folder that was there before is kept.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports"), withIntermediateDirectories: true)
        _ = try Scenario.run(["lint", "--format", "json:reports/a/\(long).json"] + Fixtures.today, in: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("reports").path) == [])
    }

    /// A folder name from the repository reaches the terminal escaped.
    @Test func aFolderNameIsShownEscaped() throws {
        var files = Fixtures.acme()
        files["a\u{1B}]52;c;eA==\u{07}b"] = "not a folder\n"
        let dir = try Scenario.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint", "--format", "json:a\u{1B}]52;c;eA==\u{07}b/out.json"] + Fixtures.today, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr == "ladderlint: a\\e]52;c;eA==\\ab/out.json: cannot write the output: a\\e]52;c;eA==\\ab is not a folder: choose another output path\n", "\(r)")
    }

    @Test(.enabled(if: getuid() != 0, "root ignores file permissions, so a locked folder cannot be made"))
    func aLockedFolderIsNamed() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        let locked = dir.appendingPathComponent("locked")
        defer {
            chmod(locked.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        #expect(chmod(locked.path, 0o555) == 0)
        let sub = try Scenario.run(["lint", "--format", "json:locked/sub/out.json"] + Fixtures.today, in: dir)
        #expect(sub.stderr == "ladderlint: locked/sub/out.json: cannot write the output: cannot create the folder locked/sub: Permission denied\n", "\(sub)")
        let here = try Scenario.run(["lint", "--write-baseline", "locked/baseline.json"] + Fixtures.today, in: dir)
        #expect(here.stderr == "ladderlint: locked/baseline.json: cannot write the output: cannot create a file in the folder locked: Permission denied\n", "\(here)")
    }
}
