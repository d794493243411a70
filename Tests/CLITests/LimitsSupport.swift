import Foundation
import Testing

/// Runs the built `ladderlint` as a child and reports what the limits tests look at: exit
/// status, output, wall time and, when asked, the child's peak resident memory measured by GNU
/// `time` (installed by scripts/test-setup). Not from our own wait4: posix_spawn starts the
/// child with vfork, and Linux records the parent's (the test runner's, often 150 MB) high-water
/// mark into the child's maximum at exec, so wait4 reports the runner's peak, not the child's.
enum Measured {
    struct Run: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
        var peakBytes: Int
        /// Ended by a signal (a crash), not by exit.
        var signal: Int32?

        var description: String {
            "status \(status)\(signal.map { ", signal \($0)" } ?? ""), \(String(format: "%.2f", seconds)) s, peak \(peakBytes / 1_048_576) MiB\nstderr: \(stderr.prefix(2000))"
        }

        /// The JSON report's findings (for `--format json` on stdout).
        func findings() throws -> [[String: Any]] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            guard let report = object as? [String: Any], let findings = report["findings"] as? [[String: Any]] else {
                throw ScenarioError("not a JSON report: \(stdout.prefix(500))")
            }
            return findings
        }
    }

    /// Runs `ladderlint arguments` in `directory`; output through files so nothing blocks;
    /// killed (and reported) past `timeout` seconds.
    static func ladderlint(_ arguments: [String], in directory: URL, timeout: Double = 120, measureMemory: Bool = false) throws -> Run {
        try run(try Scenario.binary(), arguments, in: directory, timeout: timeout, measureMemory: measureMemory)
    }

    static let gnuTime = "/usr/bin/time"

    /// Runs any program (an absolute path) the same way.
    /// `measureMemory`: through GNU `time`, which forks (a small process) and execs the program;
    /// a signal that ends the program then shows as time's exit status 128 + signal.
    static func run(_ program: String, _ arguments: [String], in directory: URL, timeout: Double = 120, measureMemory: Bool = false) throws -> Run {
        if measureMemory && !FileManager.default.isExecutableFile(atPath: gnuTime) {
            throw ScenarioError("\(gnuTime) is missing: run scripts/test-setup (it installs Debian's time package) to measure peak memory")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-measured-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout").path, err = scratch.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Through sh, which changes folder and execs the program: same pid, so wait4 sees its usage.
        let rssFile = scratch.appendingPathComponent("rss").path
        let timed = measureMemory ? [gnuTime, "--quiet", "-f", "%M", "-o", rssFile, program] : [program]
        let argv = (["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path] + timed + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let started = Date()
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard rc == 0 else { throw ScenarioError("cannot start \(program): \(String(cString: strerror(rc)))") }

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { throw ScenarioError("wait4: \(String(cString: strerror(errno)))") }
            if Date().timeIntervalSince(started) > timeout && !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(1_000)
        }
        let seconds = Date().timeIntervalSince(started)
        if timedOut { throw ScenarioError("\(program) \(arguments) did not finish within \(timeout) s") }
        var signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        var exitStatus = signalled ? -1 : (status >> 8) & 0xff
        var signal = signalled ? status & 0x7f : nil
        var peak = Int(usage.ru_maxrss) * 1024
        if measureMemory {
            let text = String(decoding: FileManager.default.contents(atPath: rssFile) ?? Data(), as: UTF8.self)
            guard let kb = text.split(separator: "\n").last.flatMap({ Int($0) }) else {
                throw ScenarioError("GNU time wrote no peak memory for \(program) \(arguments): '\(text)'")
            }
            peak = kb * 1024
            if !signalled && exitStatus > 128 {
                signalled = true
                signal = exitStatus - 128
                exitStatus = -1
            }
        }
        return Run(
            status: exitStatus,
            stdout: String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self),
            stderr: String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self),
            seconds: seconds,
            peakBytes: peak,
            signal: signal)
    }

    /// False under a sanitizer (ASan keeps freed memory in quarantine, TSan shadows it): the
    /// memory limits are only asserted on a plain build. The tests and the ladderlint they run
    /// are built with the same `--sanitize`, so the runner's own runtime tells.
    static func isPlainBuild() throws -> Bool {
        guard let handle = dlopen(nil, RTLD_NOW) else { return true }
        defer { dlclose(handle) }
        return dlsym(handle, "__asan_init") == nil && dlsym(handle, "__tsan_init") == nil
    }

    /// The repository's sample ladder with a finding in every file kind: proof that a run that
    /// also met a hostile file still linted the others.
    static func copyPromotionTrap(into folder: URL) throws {
        try FileManager.default.copyItem(
            at: Scenario.repoRoot.appendingPathComponent("ladders/promotion-trap"),
            to: folder.appendingPathComponent("promotion-trap"))
    }

    /// Findings of the run that are about files under `promotion-trap/`.
    static func promotionTrapFindings(_ findings: [[String: Any]]) -> [[String: Any]] {
        findings.filter { (($0["location"] as? [String: Any])?["file"] as? String)?.contains("promotion-trap/") == true }
    }

    static func file(of finding: [String: Any]) -> String {
        ((finding["location"] as? [String: Any])?["file"] as? String) ?? ""
    }
}
