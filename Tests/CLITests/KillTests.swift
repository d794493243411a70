import Foundation
import Testing

/// Reports are written whole or not at all (a temporary file, then rename): a ladderlint
/// killed with SIGKILL at any moment leaves the previous report or the new one, never a mix.
@Suite("Kill: a killed run never leaves a partial report", .serialized)
struct KillTests {
    @Test("SIGKILL at random moments: the report file is the old one or the new one, whole")
    func killedMidRun() throws {
        let dir = try Scenario.folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let gen = Scenario.repoRoot.appendingPathComponent("bench/gen.py").path
        let made = try Measured.run("/usr/bin/env", ["python3", gen, "--orgs", "400", "--per-dir", "100", "--out", dir.appendingPathComponent("orgs").path], in: dir)
        #expect(made.status == 0, "\(made)")
        let report = dir.appendingPathComponent("report.json")
        let args = ["lint", "--format", "json:report.json", "--today", "2026-11-01"]

        // The old report: one part of the corpus. The new one: all of it (several MB).
        _ = try Measured.ladderlint(args + ["orgs/part-000"], in: dir)
        let old = try Data(contentsOf: report)
        let full = try Measured.ladderlint(args + ["orgs"], in: dir)
        #expect(full.signal == nil && full.status == 1, "\(full)")
        let new = try Data(contentsOf: report)
        #expect(old != new && new.count > 1_000_000, "old \(old.count) bytes, new \(new.count) bytes")

        // Most of a run is reading and checking; the write is at its very end. The delay walks
        // towards the moment of the write: later after a kill that left the old report, earlier
        // after one that left the new, with jitter, so the kills cluster around the rename.
        var outcomes = ["old": 0, "new": 0]
        var generator = SystemRandomNumberGenerator()
        var target = full.seconds * 0.8
        for attempt in 0..<20 {
            try old.write(to: report)
            let delay = target * Double.random(in: 0.9...1.1, using: &generator)
            let pid = try Self.spawn(try Scenario.binary(), args + ["orgs"], in: dir)
            usleep(UInt32(delay * 1_000_000))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let now = try Data(contentsOf: report)
            if now == old {
                outcomes["old", default: 0] += 1
                target *= 1.15
            } else if now == new {
                outcomes["new", default: 0] += 1
                target *= 0.93
            } else {
                Issue.record("attempt \(attempt), killed after \(String(format: "%.3f", delay)) s: the report is neither the old nor the new one (\(now.count) bytes)")
            }
        }
        print("kill: 20 SIGKILLs over a \(String(format: "%.2f", full.seconds)) s run: \(outcomes["old"]!) left the old report, \(outcomes["new"]!) the new one, 0 partial")
    }

    static func spawn(_ program: String, _ arguments: [String], in directory: URL) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        // Through sh, which changes folder and execs the program: same pid, so wait4 sees its usage.
        let argv = (["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard rc == 0 else { throw ScenarioError("cannot start \(program): \(String(cString: strerror(rc)))") }
        return pid
    }
}
