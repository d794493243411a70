import Foundation
import Testing

/// Files are parsed in parallel (`--jobs`); the report must not depend on it: the same bytes
/// with one worker and with eight, over a generated corpus and the sample ladders.
@Suite("Jobs: output does not depend on --jobs")
struct JobsTests {
    /// 50 organisations from the benchmark's generator (bench/gen.py, fixed seed) plus the
    /// samples, in one folder.
    static func corpus() throws -> URL {
        let dir = try Scenario.folder([:])
        let gen = Scenario.repoRoot.appendingPathComponent("bench/gen.py").path
        let r = try Measured.run("/usr/bin/env", ["python3", gen, "--orgs", "50", "--per-dir", "20", "--out", dir.appendingPathComponent("orgs").path], in: dir)
        guard r.status == 0 else { throw ScenarioError("bench/gen.py failed: \(r)") }
        for sample in ["healthy", "promotion-trap"] {
            try FileManager.default.copyItem(
                at: Scenario.repoRoot.appendingPathComponent("ladders/\(sample)"), to: dir.appendingPathComponent(sample))
        }
        return dir
    }

    @Test("--jobs 1 and --jobs 8 write byte-identical reports", arguments: ["json", "text", "sarif"])
    func identical(_ format: String) throws {
        let dir = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = try Measured.ladderlint(["lint", "--format", format, "--today", "2026-11-01", "--jobs", "1", "."], in: dir)
        let eight = try Measured.ladderlint(["lint", "--format", format, "--today", "2026-11-01", "--jobs", "8", "."], in: dir)
        #expect(one.signal == nil && eight.signal == nil)
        #expect(one.status == 1, "the corpus has error findings: \(one)")
        #expect(one.status == eight.status)
        #expect(one.stdout.count > 10_000, "a real report: \(one.stdout.count) bytes")
        #expect(one.stdout == eight.stdout, "the \(format) report differs between --jobs 1 and --jobs 8")
        #expect(one.stderr == eight.stderr)
    }
}
