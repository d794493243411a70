import Foundation
import Testing

/// docs/import.md's walkthrough, command by command, on files shaped like the real ones: a
/// wiki table of titles, a comp tool's bands export (byte order mark, CRLF, `$`, thousands
/// separators, `%`) and a form's per-respondent answers.
@Suite struct AnalystWalkthroughTests {
    static let titles = """
        # Engineering titles

        | Grade | IC title | Manager title |
        |---|---|---|
        | 3 | Software Engineer | |
        | 4 | Senior Software Engineer | Engineering Manager |
        | 5 | Staff Engineer | Senior Engineering Manager |
        | 6 | Principal Engineer | Director of Engineering |

        """

    /// em-5 tops out 10,000 above ic-5 and has a higher bonus.
    static let bands: FileContent = .bytes(Array((
        "\u{FEFF}Job Level,Location,Currency,Range Min,Range Max,Target Bonus %\r\n"
        + "ic-3,US,USD,\"$120,000\",\"$156,000\",5%\r\nic-4,US,USD,\"$150,000\",\"$195,000\",10%\r\n"
        + "em-4,US,USD,\"$150,000\",\"$195,000\",10%\r\nic-5,US,USD,\"$185,000\",\"$240,000\",10%\r\n"
        + "em-5,US,USD,\"$185,000\",\"$250,000\",15%\r\nic-6,US,USD,\"$220,000\",\"$290,000\",15%\r\n"
        + "em-6,US,USD,\"$220,000\",\"$290,000\",15%\r\n").utf8))

    /// Six engineers (three agree), two managers (a group under 5: withheld).
    static let answers = """
        Timestamp,Email Address,What is your role?,Do you feel you need to become a manager to have a seat at the table?,"Would going back to an engineering role cost you status, information or influence?"
        3/2/2026 9:01:12,a@example.com,Software Engineer,Agree,
        3/2/2026 9:02:12,b@example.com,Software Engineer,Disagree,
        3/2/2026 9:03:12,c@example.com,Staff Engineer,Agree,
        3/2/2026 9:04:12,d@example.com,Senior Engineer,Disagree,
        3/2/2026 9:05:12,e@example.com,Software Engineer,Strongly agree,
        3/2/2026 9:06:12,f@example.com,Software Engineer,Disagree,
        3/3/2026 9:01:12,g@example.com,Engineering Manager,,Agree
        3/3/2026 9:02:12,h@example.com,Engineering Manager,,Disagree

        """

    @Test func fromExportsToAnAudit() throws {
        let dir = try Scenario.folder([
            "exports/titles.md": .text(Self.titles), "comp/bands-2026.csv": Self.bands, "exports/answers.csv": .text(Self.answers),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let today = ["--today", "2026-12-06"]

        let initRun = try Scenario.run(["init"], in: dir)
        #expect(initRun.status == 0, "\(initRun)")
        #expect(try Scenario.run(["lint"] + today, in: dir).status == 0)

        let ladder = try Scenario.run(["import", "ladder", "exports/titles.md", "--id", "engineering", "-o", "ladders/ladder.yaml", "--force"], in: dir)
        #expect(ladder.status == 0, "\(ladder)")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("ladders/compensation.yaml"))
        let config = dir.appendingPathComponent(".ladderlint.yml")
        let handle = try FileHandle(forWritingTo: config)
        handle.seekToEndOfFile()
        handle.write(Data("sources:\n  - {path: comp/bands-2026.csv, kind: compensation, ladder: engineering}\n".utf8))
        try handle.close()

        let survey = try Scenario.run(["import", "survey", "exports/answers.csv", "--ladder", "engineering", "-o", "ladders/survey.yaml", "--force"], in: dir)
        #expect(survey.status == 0, "\(survey)")
        let surveyYAML = try String(contentsOf: dir.appendingPathComponent("ladders/survey.yaml"), encoding: .utf8)
        #expect(!surveyYAML.contains("@example.com") && !surveyYAML.contains("Software Engineer"))
        #expect(surveyYAML.contains("# withheld: return-status-loss for management: fewer than 5 respondents"))
        // Asked, its figures withheld: an entry without counts, so the managers read as asked.
        #expect(surveyYAML.contains("  - id: return-status-loss\n    audience: management\n    withheld: true\n"))

        let lint = try Scenario.run(["lint"] + today, in: dir)
        #expect(lint.status == 1)
        let lines = lint.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("comp/bands-2026.csv:6:24: error: em-5 (Senior Engineering Manager) tops out at 250,000 USD, above its IC peer ic-5 (Staff Engineer) at 240,000 USD") })
        // Folded under the band's ceiling, indented (issue 18).
        #expect(lines.contains { $0.hasPrefix("    comp/bands-2026.csv:6:35: warning:") && $0.hasSuffix("[variable-pay-parity]") })
        #expect(lines.contains { $0.hasPrefix("ladders/survey.yaml:") && $0.contains("3 of 6 engineers (50%)") })
        // The managers' question was withheld on import (fewer than 5 answered) and written as
        // `withheld: true`: asked, so survey-return-intent has nothing to say (issue 21.5).
        #expect(!lines.contains { $0.hasSuffix("[survey-return-intent]") }, "\(lint.stdout)")
        #expect(lines.last == "1 error, 3 warnings, 0 info in 4 files (5 documents, 1 ladder)", "\(lint.stdout)")

        let html = try Scenario.run(["lint", "--redact", "--format", "html:audit.html"] + today, in: dir)
        #expect(html.status == 1)
        let page = try String(contentsOf: dir.appendingPathComponent("audit.html"), encoding: .utf8)
        #expect(page.contains("bands-2026.csv:6:24"))
        for amount in ["250,000", "240,000", "250000", "185,000"] { #expect(!page.contains(amount), "\(amount)") }
        // No input was written to.
        #expect(try Data(contentsOf: dir.appendingPathComponent("exports/answers.csv")) == Data(Self.answers.utf8))
        #expect(try Data(contentsOf: dir.appendingPathComponent("comp/bands-2026.csv")) == Self.bands.data)
    }
}
