import Foundation
import LadderModel
import LadderReport
import LadderRules
import Testing

@Suite struct GitHubFormatTests {
    /// The Actions runner's parser (ActionCommand.TryParseV2 in actions/runner), line by line:
    /// `::name props::data`, properties split on `,` then on the first `=`, then unescaped
    /// (`%0D`, `%0A`, `%3A`, `%2C`, and `%25` last); data unescaped the same way without `:`/`,`.
    static let runnerParser = """
        import json, sys
        def unescape(s, mappings):
            for token, code in mappings:
                s = s.replace(code, token)
            return s
        PROPERTY = [("\\r", "%0D"), ("\\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25")]
        DATA = [("\\r", "%0D"), ("\\n", "%0A"), ("%", "%25")]
        commands, others = [], []
        for line in open(sys.argv[1], encoding="utf-8").read().split("\\n"):
            if line == "":
                continue
            msg = line.lstrip()
            end = msg.find("::", 2) if msg.startswith("::") else -1
            if end < 0:
                others.append(line)
                continue
            info = msg[2:end]
            space = info.find(" ")
            name = info if space < 0 else info[:space]
            props = {}
            if space > 0:
                for p in info[space + 1:].strip().split(","):
                    if not p:
                        continue
                    pair = p.split("=", 1)
                    if len(pair) == 2 and pair[0] and pair[1]:
                        props[pair[0]] = unescape(pair[1], PROPERTY)
            commands.append({"command": name, "properties": props, "data": unescape(msg[end + 2:], DATA)})
        json.dump({"commands": commands, "others": others}, sys.stdout)
        """

    func parse(_ text: String) throws -> (commands: [[String: Any]], others: [String]) {
        let file = try FormatPython.file(text, "github.txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let out = try #require(FormatPython.json(Self.runnerParser, [file.path]) as? [String: Any])
        return (try #require(out["commands"] as? [[String: Any]]), try #require(out["others"] as? [String]))
    }

    @Test func parsedBackToTheFindings() throws {
        let run = try FormatFixture.run.get()
        let text = run.outputs["github"]!
        let (commands, others) = try parse(text)
        #expect(others.isEmpty, "lines that are not commands: \(others)")
        // An overpaid band's parts are one command, at its lead (issue 18).
        // Most severe first (issue 19.4), the report's order within a severity.
        let unsorted = run.report.presentedFindings.filter { !$0.suppressed }
        let live = [Severity.error, .warning, .info].flatMap { s in unsorted.filter { $0.severity == s } }
        #expect(live.contains { !$0.related.isEmpty })
        #expect(commands.count == live.count)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == live.count + 1)
        for (c, f) in zip(commands, live) {
            let name = ["error": "error", "warning": "warning", "info": "notice"][f.severity.rawValue]
            #expect(c["command"] as? String == name)
            // Data is the message with invisible characters written visibly (Escape.terminal).
            // A folded finding's other parts follow, a line each.
            let related = f.related.map { r in "\n" + Escape.terminal("\(r.rule) (\(r.severity.rawValue)) at line \(r.location.line), column \(r.location.column): \(r.message)") }
            #expect(c["data"] as? String == Escape.terminal(f.message) + related.joined())
            let p = try #require(c["properties"] as? [String: String])
            #expect(p["file"] == Escape.terminal(f.location.file))
            #expect(p["title"] == f.rule)
            #expect(p["line"] == String(f.location.line))
            #expect(p["endLine"] == String(f.lastLine))
            if f.lastLine == f.location.line {
                #expect(p["col"] == String(f.location.column))
                #expect(Int(p["endColumn"] ?? "") ?? 0 >= f.location.column)
            } else {
                // The toolkit: columns cannot be sent for an annotation over several lines.
                #expect(p["col"] == nil && p["endColumn"] == nil)
            }
        }
        // The fixture exercises every escape: `%`, `:`, `,` and a newline in a message, and
        // `,`, `:`, `%` and a space in a file name.
        #expect(live.contains { $0.message.contains("\n") && $0.message.contains("%") && $0.message.contains(":") && $0.message.contains(",") })
        #expect(live.contains { $0.location.file == FormatFixture.payFile })
        #expect(live.contains { $0.lastLine > $0.location.line })
        #expect(!text.contains("\r"))
    }

    @Test func toolkitEscaping() {
        // The cases of @actions/core's command tests; CR and LF are made visible before the
        // toolkit's escaping, so a message never spans lines of the log, even once decoded.
        #expect(GitHubReporter.escapeData("percent % percent % cr \r cr \r lf \n lf \n")
            == "percent %25 percent %25 cr \\r cr \\r lf \\n lf \\n")
        #expect(GitHubReporter.escapeProperty("percent % percent % cr \r cr \r lf \n lf \n colon : colon : comma , comma ,")
            == "percent %25 percent %25 cr \\r cr \\r lf \\n lf \\n colon %3A colon %3A comma %2C comma %2C")
        #expect(GitHubReporter.escapeData("\u{1B}]52;c;Zm9v\u{07}::stop-commands::x") == "\\e]52;c;Zm9v\\a::stop-commands::x")
        #expect(GitHubReporter.escapeData("a: b, c") == "a: b, c")
        #expect(GitHubReporter.escapeData("%0A") == "%250A")
    }

    @Test func severitiesAndSuppression() {
        let report = FormatSynthetic.report([
            FormatSynthetic.finding("r", "a.yaml", line: 1, severity: .error),
            FormatSynthetic.finding("r", "a.yaml", line: 2, severity: .warning),
            FormatSynthetic.finding("r", "a.yaml", line: 3, severity: .info),
            FormatSynthetic.finding("r", "a.yaml", line: 4).with(suppression: Suppression(kind: .waiver, reason: "ok")),
        ])
        let lines = GitHubReporter.render(report, ReportStyle()).split(separator: "\n").map(String.init)
        #expect(lines.map { String($0.prefix { $0 != " " }) } == ["::error", "::warning", "::notice"])
        #expect(lines[0] == "::error file=a.yaml,line=1,col=3,endLine=1,endColumn=6,title=r::a problem")
    }

    /// Issue 19.4: GitHub shows 10 errors, 10 warnings and 10 notices a step.
    @Test("past the limits: errors, then warnings, then notices, each in report order, capped, then one notice with the counts left out")
    func cappedMostSevereFirst() {
        var findings: [Finding] = []
        // Interleaved severities, so the order shown is not the report's.
        for k in 1...15 {
            findings.append(FormatSynthetic.finding("i", "a.yaml", line: 4 * k, severity: .info))
            findings.append(FormatSynthetic.finding("w", "a.yaml", line: 4 * k + 1, severity: .warning))
            findings.append(FormatSynthetic.finding("e", "a.yaml", line: 4 * k + 2, severity: .error))
        }
        findings.append(FormatSynthetic.finding("e", "a.yaml", line: 900, severity: .error).with(suppression: Suppression(kind: .waiver, reason: "ok")))
        let report = FormatSynthetic.report(findings)
        let lines = GitHubReporter.render(report, ReportStyle()).split(separator: "\n").map(String.init)
        #expect(lines.count == 30)
        let lineOf = { (s: String) in Int(s.split(separator: ",")[1].dropFirst(5)) ?? 0 }
        #expect(lines[0..<10].map(lineOf) == (1...10).map { 4 * $0 + 2 })
        #expect(lines[0..<10].allSatisfy { $0.hasPrefix("::error ") })
        #expect(lines[10..<20].map(lineOf) == (1...10).map { 4 * $0 + 1 })
        #expect(lines[10..<20].allSatisfy { $0.hasPrefix("::warning ") })
        #expect(lines[20..<29].map(lineOf) == (1...9).map { 4 * $0 })
        #expect(lines[20..<29].allSatisfy { $0.hasPrefix("::notice file=") })
        #expect(lines[29] == "::notice title=ladderlint annotations::16 more findings were not annotated (5 errors, 5 warnings, 6 notices): GitHub shows at most 10 errors, 10 warnings and 10 notices a step, most severe first here. Every finding is in the job summary (--format markdown), the SARIF report and ladderlint lint --format text.")
        #expect(OutputSafety.violations(format: "github", output: lines.joined(separator: "\n") + "\n", files: ["a.yaml"]).isEmpty)

        // Exactly at the limits: everything, no extra notice; one more notice: 9 and the count.
        let atLimits = FormatSynthetic.report(findings.filter { ($0.severity != .info || $0.location.line <= 40) && $0.location.line <= 42 })
        let all = GitHubReporter.render(atLimits, ReportStyle()).split(separator: "\n")
        #expect(all.count == 30 && !all.contains { $0.contains("title=ladderlint annotations") })
        let oneMore = FormatSynthetic.report(findings.filter { $0.severity == .info && $0.location.line <= 44 })
        let some = GitHubReporter.render(oneMore, ReportStyle()).split(separator: "\n").map(String.init)
        #expect(some.count == 10)
        #expect(some.last == "::notice title=ladderlint annotations::2 more findings were not annotated (2 notices): GitHub shows at most 10 errors, 10 warnings and 10 notices a step, most severe first here. Every finding is in the job summary (--format markdown), the SARIF report and ladderlint lint --format text.")
        let smaller = GitHubReporter.render(report, limits: .init(errors: 1, warnings: 1, notices: 2, total: 50)).split(separator: "\n").map(String.init)
        #expect(smaller.count == 4)
        #expect(smaller[3].hasPrefix("::notice title=ladderlint annotations::42 more findings were not annotated (14 errors, 14 warnings, 14 notices): GitHub shows at most 1 errors"))
    }

    @Test func cleanRunPrintsNothing() throws {
        let run = try FormatRun.lint(FormatFixture.clean)
        #expect(run.outputs["github"] == "")
    }
}
