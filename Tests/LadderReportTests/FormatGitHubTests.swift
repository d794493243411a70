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
        let live = run.report.presentedFindings.filter { !$0.suppressed }
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

    @Test func cleanRunPrintsNothing() throws {
        let run = try FormatRun.lint(FormatFixture.clean)
        #expect(run.outputs["github"] == "")
    }
}
