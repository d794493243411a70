import Foundation
import LadderModel
@testable import LadderReport
import LadderRules
import Testing

@Suite struct MarkdownFormatTests {
    /// The cells of a GFM table row: split on `|` not escaped by a backslash (as cmark-gfm does).
    static func cells(_ row: String) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for c in row.dropFirst().dropLast() {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { current.append(c); escaped = true; continue }
            if c == "|" { cells.append(current); current = ""; continue }
            current.append(c)
        }
        cells.append(current)
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Undoes the cell escaping: `<br>` back to a newline, backslash escapes dropped.
    static func unescape(_ cell: String) -> String {
        var out = "", escaped = false
        for c in cell.replacingOccurrences(of: "<br>", with: "\n").replacingOccurrences(of: "&#8203;", with: "") {
            // CommonMark: a backslash escapes ASCII punctuation only; before anything else it
            // is a literal backslash (as in Escape's visible `\a`).
            if escaped {
                if !(c.isASCII && c.isPunctuation || c.isASCII && c.isSymbol) { out.append("\\") }
                out.append(c)
                escaped = false
            } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }

    @Test func headingCountsAndATableOfFindings() throws {
        let run = try FormatFixture.run.get()
        let text = run.outputs["markdown"]!
        let s = run.report.summary
        let live = run.report.findings.filter { !$0.suppressed }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "### ladderlint: \(live.count) findings in \(s.files) files")
        #expect(text.contains("| error | warning | info | suppressed |\n|---:|---:|---:|---:|\n| \(s.error) | \(s.warning) | \(s.info) | \(s.suppressed) |\n"))

        let header = try #require(lines.firstIndex(of: "| Severity | Rule | Location | Message |"))
        #expect(lines[header + 1] == "|---|---|---|---|")
        let rows = lines[(header + 2)...].prefix { $0.hasPrefix("| ") }
        // An overpaid band's parts are one row (issue 18).
        let shownRows = run.report.presentedFindings.filter { !$0.suppressed }
        #expect(shownRows.count < live.count)
        #expect(rows.count == shownRows.count)
        // Errors first, then warnings, then info; the report's order within each.
        let expected = Severity.allCases.reversed().flatMap { sev in shownRows.filter { $0.severity == sev } }
        for (row, f) in zip(rows, expected) {
            let c = Self.cells(row)
            #expect(c.count == 4, "\(row)")
            #expect(c[0] == f.severity.rawValue)
            #expect(c[1] == "`\(f.rule)`")
            let target = URIPath.encode(f.location.file) + "#L\(f.location.line)"
            #expect(c[2] == "[\(MarkdownReporter.inline(f.location.file)):\(f.location.line)](\(target))")
            // Line breaks come back as <br>, other invisible characters visibly.
            let shown = f.message.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars
                .map { $0 == "\n" || $0 == "\r" ? "\n" : Escape.terminal(String($0)) }.joined()
            // A folded finding's other parts follow its message, one `<br>also` each.
            let parts = c[3].components(separatedBy: "<br>also ")
            #expect(parts.count == f.related.count + 1, "\(row)")
            #expect(Self.unescape(parts[0]) == shown)
        }
        // The messages with `|`, a newline and `<` stayed inside their cells.
        #expect(live.contains { $0.message.contains("|") && $0.message.contains("<") })
        #expect(live.contains { $0.message.contains("\n") })
        #expect(!text.contains("\u{07}"))
        #expect(!text.contains("…and"))
    }

    @Test func linkToFileAndLine() {
        let f = FormatSynthetic.finding("r", "ladders/a b [x].yaml", line: 12, message: "m")
        let row = MarkdownReporter.row(f)
        #expect(row == "| error | `r` | [ladders/a b \\[x\\].yaml:12](ladders/a%20b%20%5Bx%5D.yaml#L12) | m |\n")
    }

    @Test func escapesCellText() {
        #expect(MarkdownReporter.inline("a | b\nc\r\nd <e> [f](g) `h` *i* _j_ \\| &amp;")
            == "a \\| b<br>c<br>d \\<e\\> \\[f\\](g) \\`h\\` \\*i\\* \\_j\\_ \\\\\\| \\&amp;")
    }

    @Test func truncatedUnderGitHubsCommentLimit() {
        let long = String(repeating: "a long message, ", count: 40)
        let findings = (1...3_000).map { i in
            FormatSynthetic.finding("rule-\(i % 7)", "ladders/file-\(i % 13).yaml", line: i, severity: i % 3 == 0 ? .error : .warning, message: long)
        }
        let text = MarkdownReporter.render(FormatSynthetic.report(findings), ReportStyle())
        #expect(text.utf8.count <= MarkdownReporter.budget)
        #expect(text.utf8.count > MarkdownReporter.budget - 2_000, "the budget should be used")
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| error | `") || $0.hasPrefix("| warning | `") }
        let last = text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last == "…and \(3_000 - rows.count) more findings (see the full report, e.g. `--format json`).")
        // Errors first: with 1,000 errors, every shown row is one.
        #expect(rows.allSatisfy { $0.hasPrefix("| error |") })
    }

    @Test func oneHugeMessageIsCut() {
        let f = FormatSynthetic.finding("r", "a.yaml", line: 1, message: String(repeating: "x", count: 100_000))
        let text = MarkdownReporter.render(FormatSynthetic.report([f]), ReportStyle())
        #expect(text.utf8.count < 2 * MarkdownReporter.maxMessage)
        #expect(text.contains("x…"))
    }

    @Test func cleanRunIsTheHeadingAndWhatWasChecked() throws {
        let run = try FormatRun.lint(FormatFixture.clean)
        // Then the verdict per ladder, in the HTML report's words (issue 20.2).
        #expect(run.outputs["markdown"] == "### ladderlint: no findings in 1 file\n\n**What was checked:** every rule family (tracks, pay, policy, transitions, survey) on the ladder.\n\n**Verdict:**\n\n"
            + "- **Engineering** (parity): IC and management are paid alike at the one grade × zone pair with both tracks; leadership training is open to ICs and managers; engineers own technical decisions; ICs sit in every planning and decision forum; switching tracks keeps grade and pay.\n")
    }
}
