import LadderModel
import LadderRules

/// A summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: a heading, counts by
/// severity, what was checked (and what could not be, and why), then a table of the
/// unsuppressed findings (errors first; an overpaid band's parts in one row) with links to file
/// and line, cut with "…and N more findings" well under GitHub's 65,536-character limit.
public enum MarkdownReporter {
    /// The most UTF-8 bytes the summary takes: GitHub's limit is 65,536 characters, and a
    /// character is at least one byte, so counting bytes keeps any text under it.
    public static let budget = 60_000
    /// The longest message a row shows, so that one huge message cannot fill the comment.
    public static let maxMessage = 1_000

    public static func render(_ report: Report, _ style: ReportStyle) -> String {
        render(report, budget: budget)
    }

    public static func render(_ report: Report, budget: Int) -> String {
        // With --changed-since the summary leads with what the change does.
        let lead = report.change.map { "### ladderlint: \(inline($0.sentence))\n\n" } ?? ""
        return lead + body(report, budget: budget - lead.utf8.count)
    }

    static func body(_ report: Report, budget: Int) -> String {
        let s = report.summary
        let live = report.findings.filter { !$0.suppressed }
        let suppressed = s.suppressed > 0 ? " (\(s.suppressed) suppressed)" : ""
        if live.isEmpty {
            return "### ladderlint: no findings in \(count(s.files, "file"))\(suppressed)\n" + coverage(report) + verdicts(report)
        }
        var out = "### ladderlint: \(count(live.count, "finding")) in \(count(s.files, "file"))\n\n"
        out += "| error | warning | info | suppressed |\n|---:|---:|---:|---:|\n"
        out += "| \(s.error) | \(s.warning) | \(s.info) | \(s.suppressed) |\n"
        out += coverage(report) + verdicts(report) + "\n"
        if !report.folds.isEmpty {
            let parts = report.folds.reduce(0) { $0 + $1.parts.count }
            out += "\(parts) findings on \(count(report.folds.count, "overpaid band")) are folded into one row per band.\n\n"
        }
        out += "| Severity | Rule | Location | Message |\n|---|---|---|---|\n"

        // Errors first, so a cut summary keeps the ones that fail the run; report order within.
        let rows = report.folds.isEmpty ? live : report.presentedFindings.filter { !$0.suppressed }
        let ordered = Severity.allCases.reversed().flatMap { sev in rows.filter { $0.severity == sev } }
        var used = out.utf8.count
        let reserve = 100  // room for the "…and N more findings" line
        var shown = 0
        for f in ordered {
            let row = self.row(f)
            if used + row.utf8.count + reserve > budget { break }
            out += row
            used += row.utf8.count
            shown += 1
        }
        if shown < ordered.count {
            let rest = ordered.count - shown
            out += "\n…and \(rest) more finding\(rest == 1 ? "" : "s") (see the full report, e.g. `--format json`).\n"
        }
        return out
    }

    /// "What was checked": one sentence when every family ran on every ladder, else the list of
    /// what did not (CoverageLines: at most a few dozen lines, whatever the run's size).
    /// Empty when the run read no ladder.
    static func coverage(_ report: Report) -> String {
        let ladders = report.coverage.count
        guard ladders > 0 else { return "" }
        let lines = CoverageLines.lines(report)
        let families = CoverageFamily.allCases.map(\.rawValue).joined(separator: ", ")
        if lines.isEmpty {
            return "\n**What was checked:** every rule family (\(families)) on \(ladders == 1 ? "the ladder" : "all \(ladders) ladders").\n"
        }
        let partial = report.coverage.filter { !$0.unchecked.isEmpty }.count
        var out = "\n**What was not checked** (\(partial) of \(count(ladders, "ladder"))):\n\n"
        for line in lines { out += "- \(inline(CoverageLines.shown(line)))\n" }
        return out
    }

    /// The most ladders the verdict lists; past it, a count of the rest.
    static let maxVerdicts = 20

    /// "**Verdict:**", one line per ladder in the HTML report's words (gaps as +7.5%, counts
    /// over the grade × zone pairs compared). Empty when the run read no ladder.
    static func verdicts(_ report: Report) -> String {
        guard !report.metrics.isEmpty else { return "" }
        let ctx = HTMLContext(report, policy: report.policy)
        var out = "\n**Verdict:**\n\n"
        for m in report.metrics.prefix(maxVerdicts) {
            let v = HTMLVerdict(m, ctx)
            out += "- **\(inline(HTMLFixes.title(m)))** (\(inline(v.status.label.lowercased()))): \(inline(cut(v.sentence)))\n"
        }
        if report.metrics.count > maxVerdicts { out += "- …and \(count(report.metrics.count - maxVerdicts, "more ladder")) (see `--format html`).\n" }
        return out
    }

    /// A folded finding's other parts follow its message in the same cell, each with its
    /// severity, rule, link and message.
    static func row(_ f: Finding) -> String {
        var cell = inline(cut(f.message))
        for r in f.related {
            cell += "<br>also \(r.severity.rawValue) \(Escape.markdownCode(r.rule)) at \(link(r.location)): \(inline(cut(r.message)))"
        }
        return "| \(f.severity.rawValue) | \(Escape.markdownCode(f.rule)) | \(link(f.location)) | \(cell) |\n"
    }

    /// `[file:line](percent-encoded-file#Lline)`.
    static func link(_ l: Location) -> String {
        let line = max(1, l.line)
        return "[\(inline(l.file)):\(line)](\(URIPath.encode(l.file))#L\(line))"
    }

    static func cut(_ message: String) -> String {
        message.count > maxMessage ? String(message.prefix(maxMessage)) + "…" : message
    }

    /// Text safe inside a table cell, with mentions and autolinks broken (Escape.markdown).
    static func inline(_ s: String) -> String { Escape.markdown(s) }

    static func count(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }
}
