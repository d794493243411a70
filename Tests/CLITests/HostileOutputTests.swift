import Foundation
import LadderDriver
import LadderModel
import Testing

/// Baselines and output files: an entry silences only its own rule's finding in its own file,
/// an output never replaces a file the run read, and a FIFO, a device or a link to one is
/// written through, never replaced by a regular file.
@Suite("Hostile outputs: baselines match rule and file, outputs never replace inputs or devices")
struct HostileOutputTests {
    func folder() throws -> URL {
        try Scenario.folder([
            "ladders/ladder.yaml": .text(Fixtures.ladder),
            "ladders/comp.yaml": .text(Fixtures.compensationWithGap),
            ".ladderlint.yml": "fail_on: error\n",
            "packs/extra.yaml": "version: 1\nrules: []\n",
        ])
    }

    func lint(_ dir: URL, _ configure: (inout LintOptions) -> Void) -> LintResult {
        var options = LintOptions()
        options.paths = ["ladders"]
        options.today = Day("2026-06-01")
        options.jobs = 1
        configure(&options)
        return LintRun(workingDirectory: dir.path).execute(options)
    }

    func fileType(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    @Test func aBaselineEntryLabelledAsAnotherRuleOrFileSilencesNothing() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = lint(dir) { _ in }
        let gap = try #require(first.report?.findings.first { $0.rule == "pay-ceiling-parity" })
        #expect(first.exitCode == 1)
        func baseline(rule: String, file: String) throws -> LintResult {
            let text = """
                {"tool": "ladderlint", "baseline_version": 1, "findings": [
                  {"fingerprint": "\(gap.fingerprint)", "rule": "\(rule)", "file": "\(file)", "ladder": null, "path": "x", "subjects": []}]}
                """
            try text.write(to: dir.appendingPathComponent("baseline.json"), atomically: true, encoding: .utf8)
            return lint(dir) { $0.baseline = "baseline.json" }
        }
        // The real fingerprint under another rule's or another file's label: the error stands.
        for (rule, file) in [("missing-survey", gap.location.file), (gap.rule, "ladders/other.yaml")] {
            let r = try baseline(rule: rule, file: file)
            #expect(r.exitCode == 1, "\(rule) \(file)")
            #expect(r.report?.findings.first { $0.fingerprint == gap.fingerprint }?.suppressed == false)
            #expect(r.stderr.contains("1 entry matches no finding"))
        }
        // Labelled truthfully, it silences the error.
        let honest = try baseline(rule: gap.rule, file: gap.location.file)
        #expect(honest.report?.findings.first { $0.fingerprint == gap.fingerprint }?.suppressed == true)
    }

    @Test func anOutputOverAnyFileTheRunReadIsAUsageError() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{\"findings\": []}\n".write(to: dir.appendingPathComponent("baseline.json"), atomically: true, encoding: .utf8)
        #expect(link(dir.appendingPathComponent("ladders/comp.yaml").path, dir.appendingPathComponent("hard.json").path) == 0)
        #expect(symlink("packs/extra.yaml", dir.appendingPathComponent("soft.json").path) == 0)
        let before = try Data(contentsOf: dir.appendingPathComponent("ladders/comp.yaml"))
        let cases: [(String, String)] = [
            ("ladders/comp.yaml", "a ladder file"), ("ladders/../ladders/ladder.yaml", "a ladder file"),
            ("hard.json", "a ladder file"), (".ladderlint.yml", "the configuration"),
            ("soft.json", "a rule pack"), ("baseline.json", "the baseline"),
        ]
        for (target, role) in cases {
            let r = lint(dir) {
                $0.rulePacks = ["packs"]
                $0.baseline = "baseline.json"
                $0.outputs = [OutputRequest(format: "json", file: target)]
            }
            #expect(r.exitCode == 2, "\(target)")
            #expect(r.stderr.hasPrefix("ladderlint: \(target): refusing to write an output over \(role) this run reads"), "\(r.stderr)")
        }
        let writeOverLadder = lint(dir) { $0.writeBaseline = "ladders/ladder.yaml" }
        #expect(writeOverLadder.exitCode == 2)
        #expect(try Data(contentsOf: dir.appendingPathComponent("ladders/comp.yaml")) == before)
        #expect(fileType(dir.appendingPathComponent("soft.json").path) == S_IFLNK)
        // Rewriting the baseline the run compared against is what the option is for.
        let update = lint(dir) { $0.baseline = "baseline.json"; $0.writeBaseline = "baseline.json" }
        #expect(update.exitCode == 0, "\(update.stderr)")  // it accepts what it records (issue 18.9)
        let written = try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(written.contains("pay-ceiling-parity"))
    }

    @Test func aLinkToADeviceStaysALinkAndALinkToAFileKeepsLinking() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let toNull = dir.appendingPathComponent("null.json").path
        #expect(symlink("/dev/null", toNull) == 0)
        let r = lint(dir) { $0.outputs = [OutputRequest(format: "json", file: "null.json")] }
        #expect(r.exitCode == 1, "\(r.stderr)")
        #expect(fileType(toNull) == S_IFLNK)

        try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports"), withIntermediateDirectories: true)
        let toFile = dir.appendingPathComponent("latest.json").path
        #expect(symlink("reports/report.json", toFile) == 0)
        try "old\n".write(to: dir.appendingPathComponent("reports/report.json"), atomically: true, encoding: .utf8)
        _ = lint(dir) { $0.outputs = [OutputRequest(format: "json", file: "latest.json")] }
        #expect(fileType(toFile) == S_IFLNK)
        let report = try String(contentsOf: dir.appendingPathComponent("reports/report.json"), encoding: .utf8)
        #expect(report.hasPrefix("{"))
    }

    @Test func aFIFOIsWrittenThroughNotReplaced() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(symlink("pipe", dir.appendingPathComponent("pipe-link.json").path) == 0)
        for target in ["pipe", "pipe-link.json"] {
            // The reader opens the FIFO first (the writer's open waits for it) and reads to the end.
            let received = Received()
            let reader = Thread {
                // POSIX reads to the end: Foundation sizes a file first and stops at 0 bytes.
                var bytes: [UInt8] = []
                let fd = open(fifo, O_RDONLY)
                var buffer = [UInt8](repeating: 0, count: 65536)
                while fd >= 0 {
                    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                    if n <= 0 { break }
                    bytes += buffer[0..<n]
                }
                if fd >= 0 { close(fd) }
                received.set(Data(bytes))
            }
            reader.start()
            let r = lint(dir) { $0.outputs = [OutputRequest(format: "json", file: target)] }
            #expect(r.exitCode == 1, "\(r.stderr)")
            let data = received.wait()
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(json?["findings"] != nil, "\(target)")
            #expect(fileType(fifo) == S_IFIFO)
        }
        #expect(fileType(dir.appendingPathComponent("pipe-link.json").path) == S_IFLNK)
    }

    @Test func standardOutputThroughProcSelfFDIsWrittenThrough() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/fd/1") else { return }  // Linux only
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("out.json").path
        #expect(symlink("/proc/self/fd/1", link) == 0)
        let r = try Scenario.run(["lint", "--format", "json:out.json", "ladders"], in: dir)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(fileType(link) == S_IFLNK)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(json?["findings"] != nil)
    }
}

/// The bytes a reader thread received, handed to the test's thread.
final class Received: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ d: Data) {
        condition.lock()
        data = d
        condition.signal()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data!
    }
}
