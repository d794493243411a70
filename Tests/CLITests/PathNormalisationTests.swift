import LadderDriver
import Testing

/// `Discovery.absolute` skips normalising a path that is already normal (a byte scan instead of
/// a split and join). Whatever the shortcut decides, the result must be what splitting on `/`
/// and resolving `.` and `..` gives: checked here on every path of up to four components
/// drawn from the tricky ones.
@Suite("Path normalisation")
struct PathNormalisationTests {
    /// The reference: what `normalize` did before the shortcut.
    static func reference(_ path: String) -> String {
        var parts: [Substring] = []
        for c in path.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    @Test("absolute paths come out as the split-and-join reference gives them")
    func matchesReference() {
        let pieces = ["a", "", ".", "..", "...", "..b", ".hidden", "b.", "é"]
        var paths: [String] = ["/", "//", "/."]
        var frontier = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { p in pieces.map { p + "/" + $0 } }
            paths += frontier
            paths += frontier.map { $0 + "/" }
        }
        #expect(paths.count > 10_000)
        for path in paths {
            #expect(Discovery.absolute(path, cwd: "/") == Self.reference(path), "\(path)")
        }
    }

    @Test("relative paths are joined to the working folder first")
    func relativeJoined() {
        #expect(Discovery.absolute("ladders/./a.yaml", cwd: "/work/x") == "/work/x/ladders/a.yaml")
        #expect(Discovery.absolute("../y/b.yaml", cwd: "/work/x/") == "/work/y/b.yaml")
        #expect(Discovery.absolute("c.yaml", cwd: "/work") == "/work/c.yaml")
        #expect(Discovery.relative("/work/x/ladders/a.yaml", to: "/work/x") == "ladders/a.yaml")
    }
}
