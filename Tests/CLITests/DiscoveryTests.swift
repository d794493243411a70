import Foundation
import LadderDriver
import Testing

/// Which files a run reads: each file once, by its resolved path, whatever links and named
/// paths lead to it; links never lead the walk out of the folder given.
@Suite("Discovery: each file once, links kept inside the walked folder")
struct DiscoveryTests {
    /// ```
    /// outside.yaml
    /// tree/a.yaml
    /// tree/c.yaml      -> a.yaml        (the same file again)
    /// tree/d.yaml      -> ../outside.yaml (out of the walk: skipped)
    /// tree/notes.txt
    /// tree/.hidden.yaml
    /// tree/sub/b.yml
    /// tree/subl        -> sub           (a folder link: the folder is walked anyway)
    /// alias            -> tree
    /// ```
    func tree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("discovery-\(UUID().uuidString)")
        let tree = root.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: tree.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for (path, text) in [("outside.yaml", "kind: ladder\n"), ("tree/a.yaml", "kind: ladder\n"), ("tree/notes.txt", "x\n"),
                             ("tree/.hidden.yaml", "kind: ladder\n"), ("tree/sub/b.yml", "kind: ladder\n")] {
            try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        #expect(symlink("a.yaml", tree.appendingPathComponent("c.yaml").path) == 0)
        #expect(symlink("../outside.yaml", tree.appendingPathComponent("d.yaml").path) == 0)
        #expect(symlink("sub", tree.appendingPathComponent("subl").path) == 0)
        #expect(symlink("tree", root.appendingPathComponent("alias").path) == 0)
        return root
    }

    func files(_ root: URL, _ paths: [String]) -> [String] {
        let found = Discovery(workingDirectory: root.path).files(paths)
        #expect(found.problems.isEmpty, "\(found.problems.map(\.message))")
        return found.files.map(\.display)
    }

    @Test func aFolderWalkListsEachFileOnceAndStaysInside() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(files(root, ["tree"]) == ["tree/a.yaml", "tree/sub/b.yml"])
    }

    @Test func aFolderReachedThroughALinkIsWalkedLikeTheFolderItself() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(files(root, ["alias"]) == ["alias/a.yaml", "alias/sub/b.yml"])
        // The same files named both ways are read once, under the first name given.
        #expect(files(root, ["alias", "tree"]) == ["alias/a.yaml", "alias/sub/b.yml"])
        #expect(files(root, ["tree/sub/b.yml", "alias/c.yaml", "tree"]) == ["tree/sub/b.yml", "alias/c.yaml"])
    }

    @Test func aNamedFileIsReadWhateverItsExtensionAndOnlyOnce() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(files(root, ["tree/notes.txt", "tree/a.yaml", "tree/c.yaml", "tree"]) == ["tree/notes.txt", "tree/a.yaml", "tree/sub/b.yml"])
    }
}
