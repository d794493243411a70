import Foundation
import Testing

/// Hostile inputs (issue 7, docs/hardening.md): each ends in a clear finding, quickly and in
/// little memory, and the other files of the same run are still linted. Times are recorded
/// (printed), not asserted tightly: the machine is shared; the bounds only catch a hang.
@Suite("Limits: hostile inputs end in a finding, the run goes on", .serialized)
struct LimitsTests {
    /// A hang or a runaway would blow far past this; a healthy run takes well under a second.
    static let hangBound = 30.0
    static let memoryBound = 100 * 1_048_576

    /// Runs ladderlint on `folder` (JSON on stdout) and checks the common promises: no crash,
    /// exit 1 (the hostile file is an error), the promotion-trap sample still linted, and
    /// memory under 100 MiB on a plain build.
    func lint(_ folder: URL, _ paths: [String] = ["."], label: String) throws -> [[String: Any]] {
        let run = try Measured.ladderlint(["lint", "--format", "json", "--jobs", "2"] + paths, in: folder, measureMemory: true)
        print("limits: \(label): \(run)")
        #expect(run.signal == nil, "\(label): ladderlint crashed: \(run)")
        #expect(run.status == 1, "\(label): expected exit 1 (an error finding): \(run)")
        #expect(run.seconds < Self.hangBound, "\(label): took \(run.seconds) s")
        if try Measured.isPlainBuild() {
            #expect(run.peakBytes < Self.memoryBound, "\(label): peak memory \(run.peakBytes / 1_048_576) MiB")
        }
        let findings = try run.findings()
        #expect(!Measured.promotionTrapFindings(findings).isEmpty, "\(label): the other files of the run were not linted")
        return findings
    }

    func folder(_ files: [String: FileContent]) throws -> URL {
        let dir = try Scenario.folder(files)
        try Measured.copyPromotionTrap(into: dir)
        return dir
    }

    @Test("an alias bomb (billion laughs) stops at the alias-expansion limit")
    func aliasBomb() throws {
        var yaml = "kind: ladder\nid: bomb\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let dir = try folder(["bomb.yaml": .text(yaml)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let findings = try lint(dir, label: "alias bomb")
        let hit = findings.filter { Measured.file(of: $0) == "bomb.yaml" && $0["rule"] as? String == "input-limit" }
        #expect(hit.count == 1, "\(findings.filter { Measured.file(of: $0) == "bomb.yaml" })")
        #expect((hit.first?["message"] as? String)?.contains("alias") == true)
    }

    @Test("10,000-deep nesting stops at the depth limit", arguments: ["sequence", "mapping"])
    func deepNesting(_ shape: String) throws {
        let depth = 10_000
        let yaml = shape == "sequence"
            ? String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
            : String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n"
        let dir = try folder(["deep.yaml": .text(yaml)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let findings = try lint(dir, label: "10,000-deep \(shape)")
        let hit = findings.filter { Measured.file(of: $0) == "deep.yaml" && $0["rule"] as? String == "input-limit" }
        #expect(hit.count == 1, "\(findings.filter { Measured.file(of: $0) == "deep.yaml" })")
        #expect((hit.first?["message"] as? String)?.contains("nesting deeper than 256") == true)
    }

    @Test("a 100 MB file is refused by its size before a byte is parsed")
    func hugeFile() throws {
        let dir = try folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        // Real text, not a sparse file: a loader that read first and checked after would pay for it.
        let line = Array("- a line of a very long list in a file nobody should lint whole\n".utf8)
        var chunk = [UInt8]()
        while chunk.count < 1 << 20 { chunk += line }
        let handle = try FileHandle(forWritingTo: { () -> URL in
            let url = dir.appendingPathComponent("huge.yaml")
            _ = FileManager.default.createFile(atPath: url.path, contents: Data("kind: ladder\nlist:\n".utf8))
            return url
        }())
        try handle.seekToEnd()
        for _ in 0..<100 { try handle.write(contentsOf: chunk) }
        try handle.close()
        let findings = try lint(dir, label: "100 MB file")
        let hit = findings.filter { Measured.file(of: $0) == "huge.yaml" }
        #expect(hit.count == 1 && hit.first?["rule"] as? String == "input-limit", "\(hit)")
        #expect((hit.first?["message"] as? String)?.contains("above the limit of 10485760 bytes") == true)
    }

    /// Tiny files (each a comment and an empty document) beside a real ladder. 20,000 by
    /// default: on this machine creating 100,000 files alone took 68 s (the run itself 4 s in a
    /// debug build; docs/hardening.md). LADDERLINT_LIMITS_FILES=100000 runs the full size.
    @Test("tens of thousands of tiny files are all read, in bounded memory")
    func manyTinyFiles() throws {
        let count = Int(ProcessInfo.processInfo.environment["LADDERLINT_LIMITS_FILES"] ?? "") ?? 20_000
        let dir = try folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let tiny = Array("# nothing here yet\n---\n".utf8)
        let started = Date()
        for i in 0..<count {
            let sub = dir.appendingPathComponent("tiny/\(i / 1000)").path
            if i % 1000 == 0 { try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true) }
            // Plain system calls: Foundation's file writing made this loop most of the test's time.
            let fd = open("\(sub)/t\(i).yaml", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(fd >= 0)
            _ = tiny.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        print("limits: wrote \(count) tiny files in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        // An invalid one among them, so the run's exit status is an error's.
        try Data("kind: ladder\n".utf8).write(to: dir.appendingPathComponent("tiny/broken.yaml"))
        let findings = try lint(dir, label: "\(count) tiny files")
        #expect(findings.contains { Measured.file(of: $0) == "tiny/broken.yaml" })
    }

    @Test("a FIFO, walked or named, is reported, never opened for reading")
    func fifo() throws {
        let dir = try folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("pipe.yaml").path, 0o644) == 0)
        for paths in [["."], ["pipe.yaml", "promotion-trap"]] {
            let findings = try lint(dir, paths, label: "FIFO (\(paths.joined(separator: " ")))")
            let hit = findings.filter { Measured.file(of: $0) == "pipe.yaml" }
            #expect(hit.count == 1 && hit.first?["rule"] as? String == "unreadable-file", "\(hit)")
            #expect((hit.first?["message"] as? String)?.contains("not a regular file") == true)
        }
    }

    @Test("symbolic link loops, of files and of folders, end in a finding or are skipped")
    func symlinkLoops() throws {
        let dir = try folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(symlink("b.yaml", dir.appendingPathComponent("a.yaml").path) == 0)
        #expect(symlink("a.yaml", dir.appendingPathComponent("b.yaml").path) == 0)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        #expect(symlink("..", dir.appendingPathComponent("sub/up").path) == 0)
        #expect(symlink("self", dir.appendingPathComponent("sub/self").path) == 0)
        for paths in [["."], ["a.yaml", "promotion-trap"]] {
            let findings = try lint(dir, paths, label: "symlink loop (\(paths.joined(separator: " ")))")
            let hit = findings.filter { Measured.file(of: $0) == "a.yaml" }
            #expect(hit.count == 1 && hit.first?["rule"] as? String == "unreadable-file", "\(hit)")
        }
    }
}
