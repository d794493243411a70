import Foundation
import LadderDriver
import LadderModel
import Testing

/// File and folder names are bytes; a name that is not UTF-8 has no Swift String. Such a file
/// must still be read (by its byte path) and reported, never skipped in silence.
@Suite("Names that are not UTF-8: read by their bytes and reported")
struct UndecodableNameTests {
    /// Creates `bytes` (a path relative to `root`, components joined by "/") as a file holding
    /// `text`, or as a folder when `text` is nil, through POSIX calls: Foundation cannot name it.
    func create(_ root: URL, _ bytes: [UInt8], _ text: String?) throws {
        let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + bytes + [0]
        try path.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { p in
                if let text {
                    let fd = open(p.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                    guard fd >= 0 else { throw ScenarioError("cannot create a test file: errno \(errno)") }
                    let data = Array(text.utf8)
                    _ = data.withUnsafeBytes { write(fd, $0.baseAddress!, data.count) }
                    close(fd)
                } else if mkdir(p.baseAddress!, 0o755) != 0 {
                    throw ScenarioError("cannot create a test folder: errno \(errno)")
                }
            }
        }
    }

    func lint(_ root: URL) -> LintResult {
        var options = LintOptions()
        options.paths = ["ladders"]
        options.outputs = [OutputRequest(format: "json", file: nil)]
        options.today = Day("2026-06-01")
        options.jobs = 1
        return LintRun(workingDirectory: root.path).execute(options)
    }

    func findings(_ result: LintResult) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return json?["findings"] as? [[String: Any]] ?? []
    }

    @Test func aFileWhoseNameIsNotUTF8IsReportedAndItsPayViolationToo() throws {
        let root = try Scenario.folder(["ladders/ladder.yaml": .text(Fixtures.ladder)])
        defer { try? FileManager.default.removeItem(at: root) }
        // "comp" 0xFF ".yaml": 0xFF never occurs in UTF-8.
        try create(root, Array("ladders/comp".utf8) + [0xFF] + Array(".yaml".utf8), Fixtures.compensationWithGap)

        let result = lint(root)
        #expect(result.exitCode == 1, "\(result.stderr)")
        let all = try findings(result)
        let name = "ladders/comp\\x{FF}.yaml"
        let unreadable = all.filter { $0["rule"] as? String == "unreadable-file" }
        #expect(unreadable.count == 1)
        #expect((unreadable.first?["location"] as? [String: Any])?["file"] as? String == name)
        #expect((unreadable.first?["message"] as? String)?.contains("not valid UTF-8") == true)
        // The file was still read: its pay gap is reported under the escaped name.
        let gap = all.filter { $0["rule"] as? String == "pay-ceiling-parity" }
        #expect(gap.count == 1)
        #expect((gap.first?["location"] as? [String: Any])?["file"] as? String == name)
        #expect(result.report?.summary.files == 2)
    }

    @Test func aFolderWhoseNameIsNotUTF8IsReportedAndWalked() throws {
        let root = try Scenario.folder(["ladders/ladder.yaml": .text(Fixtures.ladder)])
        defer { try? FileManager.default.removeItem(at: root) }
        // A lone continuation byte and a truncated three-byte sequence.
        let folder = Array("ladders/pay".utf8) + [0x80, 0xE2, 0x82]
        try create(root, folder, nil)
        try create(root, folder + Array("/comp.yaml".utf8), Fixtures.compensationWithGap)

        let result = lint(root)
        #expect(result.exitCode == 1, "\(result.stderr)")
        let all = try findings(result)
        let files = all.filter { $0["rule"] as? String == "unreadable-file" }
            .compactMap { ($0["location"] as? [String: Any])?["file"] as? String }
        #expect(files == ["ladders/pay\\x{80}\\x{E2}\\x{82}"])
        let gap = all.filter { $0["rule"] as? String == "pay-ceiling-parity" }
        #expect((gap.first?["location"] as? [String: Any])?["file"] as? String == "ladders/pay\\x{80}\\x{E2}\\x{82}/comp.yaml")
    }

    /// A folder that can be listed but not searched: its names are known, their files not.
    @Test(.enabled(if: getuid() != 0, "root ignores file permissions, so a locked folder cannot be made"))
    func aFileTheWalkCannotStatIsAFinding() throws {
        let root = try Scenario.folder(["ladders/ladder.yaml": .text(Fixtures.ladder), "ladders/locked/comp.yaml": .text(Fixtures.compensation)])
        defer {
            chmod(root.appendingPathComponent("ladders/locked").path, 0o755)
            try? FileManager.default.removeItem(at: root)
        }
        #expect(chmod(root.appendingPathComponent("ladders/locked").path, 0o444) == 0)
        let result = lint(root)
        #expect(result.exitCode == 1, "\(result.stderr)")
        let unreadable = try findings(result).filter { $0["rule"] as? String == "unreadable-file" }
        #expect(unreadable.compactMap { ($0["location"] as? [String: Any])?["file"] as? String } == ["ladders/locked/comp.yaml"])
    }

    @Test("valid UTF-8 is shown as it is; each stray byte as \\x{HH}")
    func shownNames() {
        #expect(NameBytes.shown(Array("Gehälter.yaml".utf8)) == "Gehälter.yaml")
        #expect(NameBytes.shown([0x61, 0xFF, 0x62]) == "a\\x{FF}b")
        // An overlong encoding of "/" and a UTF-16 surrogate are not UTF-8 either.
        #expect(NameBytes.shown([0xC0, 0xAF]) == "\\x{C0}\\x{AF}")
        #expect(NameBytes.shown([0xED, 0xA0, 0x80, 0x41]) == "\\x{ED}\\x{A0}\\x{80}A")
        #expect(NameBytes.shown([0xE2, 0x82, 0xAC, 0xE2, 0x82]) == "€\\x{E2}\\x{82}")
    }
}
