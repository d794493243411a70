import Foundation
import Testing

/// Issue 18.10 (follow-up): `ladderlint import … -o PATH` creates the missing folders of PATH
/// as `lint --format F:PATH` does (OutputFolders): inside the repository of the working folder,
/// never through a link that leads nowhere, and removed again when the file cannot be written.
/// `import` has no `--allow-outside-repo`: outside the repository the folder must exist.
@Suite struct Issue18ImportOutputFolderTests {
    static let titles = """
        | Grade | IC title                 | Manager title              |
        |------:|--------------------------|----------------------------|
        | 4     | Senior Engineer          | Engineering Manager        |
        | 5     | Staff Engineer           | Senior Engineering Manager |

        """

    static let bands = "level,currency,min,max\nic-4,USD,150000,200000\nem-4,USD,160000,210000\n"

    static func fileType(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : nil
    }

    /// Every path under `dir`, files and folders, relative to it.
    static func tree(_ dir: URL) -> [String] {
        ((FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String]) ?? []).sorted()
    }

    @Test func aMissingParentFolderIsCreatedAndTheFileWrittenWhole() throws {
        let dir = try Scenario.folder(["exports/titles.md": .text(Self.titles), "exports/bands.csv": .text(Self.bands)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let toStdout = try Scenario.run(["import", "ladder", "exports/titles.md", "--id", "acme"], in: dir)
        #expect(toStdout.status == 0, "\(toStdout)")

        let r = try Scenario.run(["import", "ladder", "exports/titles.md", "--id", "acme", "-o", "ladders/acme/2026/ladder.yaml"], in: dir)
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr == "", "\(r)")
        #expect(r.stdout.hasPrefix("wrote ladders/acme/2026/ladder.yaml: "), "\(r)")
        #expect(try String(contentsOf: dir.appendingPathComponent("ladders/acme/2026/ladder.yaml"), encoding: .utf8) == toStdout.stdout)
        // Only the file: no temporary file beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("ladders/acme/2026").path) == ["ladder.yaml"])

        // The other imports too, with --force as without.
        let bands = try Scenario.run(["import", "bands", "exports/bands.csv", "--ladder", "acme", "-o", "comp/yaml/bands.yaml", "--force"], in: dir)
        #expect(bands.status == 0, "\(bands)")
        let written = try String(contentsOf: dir.appendingPathComponent("comp/yaml/bands.yaml"), encoding: .utf8)
        #expect(written.contains("kind: compensation") && written.contains("- level: em-4"), "\(written)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("comp/yaml").path) == ["bands.yaml"])
    }

    /// A file where a folder of the path should be: the path, what was expected and what to do,
    /// exit 2 (a usage error, as for `lint --format`), and nothing written.
    @Test(arguments: [false, true])
    func aFileWhereTheFolderShouldBeIsAClearError(force: Bool) throws {
        let dir = try Scenario.folder(["exports/titles.md": .text(Self.titles), "notes.txt": "not a folder\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = Self.tree(dir)
        let r = try Scenario.run(["import", "ladder", "exports/titles.md", "-o", "notes.txt/acme/ladder.yaml"] + (force ? ["--force"] : []), in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout == "", "\(r)")
        #expect(r.stderr == "ladderlint: notes.txt/acme/ladder.yaml: cannot write the output: notes.txt is not a folder: choose another output path\n", "\(r)")
        #expect(Self.tree(dir) == before)
        #expect(try String(contentsOf: dir.appendingPathComponent("notes.txt"), encoding: .utf8) == "not a folder\n")
    }

    /// A write that fails after its folders were made (a name too long for the file system)
    /// removes them again: nothing of the run is left.
    @Test(arguments: [false, true])
    func aFailedWriteLeavesNoCreatedFolderBehind(force: Bool) throws {
        let dir = try Scenario.folder(["exports/titles.md": .text(Self.titles)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = Self.tree(dir)
        let name = "new/deeper/" + String(repeating: "l", count: 300) + ".yaml"
        let r = try Scenario.run(["import", "ladder", "exports/titles.md", "-o", name] + (force ? ["--force"] : []), in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.hasPrefix("ladderlint: new/deeper/lll"), "\(r)")
        #expect(r.stderr.contains("File name too long"), "\(r)")
        #expect(Self.fileType(dir.appendingPathComponent("new").path) == nil, "\(Self.tree(dir))")
        #expect(Self.tree(dir) == before)
    }

    /// Outside the repository (here `../`), the folder must exist: import has no flag to lift it.
    @Test func noFolderIsCreatedOutsideTheRepository() throws {
        let dir = try Scenario.folder(["exports/titles.md": .text(Self.titles), ".git/HEAD": "ref: refs/heads/main\n"])
        let outside = dir.deletingLastPathComponent().appendingPathComponent("ladderlint-outside-\(UUID().uuidString.prefix(8))")
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: outside)
        }
        let target = "../\(outside.lastPathComponent)/x/ladder.yaml"
        let r = try Scenario.run(["import", "ladder", "exports/titles.md", "-o", target], in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.hasPrefix(
            "ladderlint: \(target): cannot write the output: the folder ../\(outside.lastPathComponent) does not exist, and ladderlint creates folders only inside the repository ("), "\(r)")
        #expect(r.stderr.hasSuffix("): create it first\n"), "\(r)")
        #expect(Self.fileType(outside.path) == nil, "nothing was created outside")
        // A folder that exists outside is written into, as before.
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("x"), withIntermediateDirectories: true)
        let existing = try Scenario.run(["import", "ladder", "exports/titles.md", "-o", target], in: dir)
        #expect(existing.status == 0, "\(existing)")
        #expect(Self.fileType(outside.appendingPathComponent("x/ladder.yaml").path) == S_IFREG)
    }
}
