import Foundation
import Testing

/// Issue 20.7: on a terminal the text output is for a person: a summary block first (counts, a
/// verdict in plain words, findings per rule family, what could not be checked), then the
/// findings wrapped to the terminal's width, then the summary line, last as always. Through a
/// pipe (CI logs, scripts) it stays OUTPUT.md's one line per finding.
@Suite struct TerminalTextTests {
    @Test func onATerminalTheSummaryComesFirstAndLongLinesWrap() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.runOnTerminal(["lint"] + Fixtures.today, in: dir, environment: ["NO_COLOR": "1", "COLUMNS": "60"])
        #expect(r.status == 1, "\(r)")
        let lines = r.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
        #expect(Array(lines.prefix(4)) == [
            "Summary: 1 error, 0 warnings, 0 info in 3 files (4",
            "      documents, 1 ladder)",
            "Verdict: management is treated as a promotion in 1 of 1",
            "      ladder: 1 error or warning of 1 rule says so.",
        ], "\(r)")
        #expect(lines.contains("By family: pay 1"), "\(r)")
        #expect(lines.contains { $0.hasPrefix("ladders/acme/compensation.yaml:8:57: error: em-5") }, "\(r)")
        // Wrapped at spaces to 60 columns, continuation lines indented; the summary line, last,
        // stays one line whatever its length.
        for line in lines.dropLast() { #expect(line.count <= 60, "\(line)") }
        #expect(lines.contains { $0.hasPrefix("      ") && $0.hasSuffix("[pay-ceiling-parity]") }, "\(r)")
        #expect(lines.last == Fixtures.cleanSummary.replacingOccurrences(of: "0 errors", with: "1 error"), "\(r)")
    }

    @Test func throughAPipeTheTextIsOneLinePerFindingThenTheSummary() throws {
        let dir = try Scenario.folder(Fixtures.acme(compensation: Fixtures.compensationWithGap))
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.run(["lint"] + Fixtures.today, in: dir, environment: ["COLUMNS": "60"])
        #expect(r.lines.count == 2, "\(r)")
        #expect(r.lines[0].hasPrefix("ladders/acme/compensation.yaml:8:57: error: em-5 (Senior Engineering Manager) tops out"), "\(r)")
        #expect(r.lines[1] == "1 error, 0 warnings, 0 info in 3 files (4 documents, 1 ladder)")
        #expect(!r.stdout.contains("Summary:") && !r.stdout.contains("Verdict:"))
    }

    @Test func aCleanRunOnATerminalSaysSoInOneBlock() throws {
        let dir = try Scenario.folder(Fixtures.acme())
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scenario.runOnTerminal(["lint"] + Fixtures.today, in: dir, environment: ["NO_COLOR": "1", "COLUMNS": "120"])
        #expect(r.status == 0, "\(r)")
        let lines = r.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
        #expect(Array(lines) == [
            "Summary: " + Fixtures.cleanSummary,
            "Verdict: no error or warning says management is treated as a promotion.",
            "",
            Fixtures.cleanSummary,
        ], "\(r)")
    }
}
