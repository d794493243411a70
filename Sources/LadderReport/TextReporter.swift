import LadderModel
import LadderRules

/// How the text format groups its findings (`--group-by`).
public enum TextGrouping: String, Sendable, CaseIterable {
    /// By file, in report order, with no headings: the default, as before `--group-by`.
    case file
    /// Under a heading per rule, the most severe rules first; every finding under its own
    /// rule, so nothing is folded.
    case rule
    /// Under a heading per ladder, by ladder id; findings of no ladder (a broken file) last.
    case ladder
}

/// `file:line:column: severity: message [rule]`, one line per unsuppressed finding, then what
/// could not be checked (`pay: not checked — …`, none when everything was), then a summary,
/// always the last line. A folded finding (an overpaid band, BandFold) is its lead's line, then
/// one indented line per other part in the same form. `--quiet` prints the summary alone.
public enum TextReporter {
    public static func render(_ report: Report, _ style: ReportStyle) -> String {
        guard !style.quiet else { return summaryLine(report.summary) + "\n" }
        var out = ""
        switch style.groupBy {
        case .file:
            for f in report.presentedFindings where !f.suppressed { out += lines(f, style) }
        case .rule:
            var byRule: [String: [Finding]] = [:]
            for f in report.findings where !f.suppressed { byRule[f.rule, default: []].append(f) }
            let order = byRule.sorted { a, b in
                let sa = a.value.map(\.severity).max()!, sb = b.value.map(\.severity).max()!
                return sa != sb ? sa > sb : a.key < b.key
            }
            out += groups(order.map { ("rule \($0.key)", $0.value) }, style)
        case .ladder:
            var byLadder: [String: [Finding]] = [:]
            var loose: [Finding] = []
            for f in report.presentedFindings where !f.suppressed {
                if let l = f.ladder { byLadder[l, default: []].append(f) } else { loose.append(f) }
            }
            var order = byLadder.sorted { $0.key < $1.key }.map { ("ladder \($0.key)", $0.value) }
            if !loose.isEmpty { order.append(("no ladder", loose)) }
            out += groups(order, style)
        }
        for line in CoverageLines.lines(report) {
            out += Escape.terminal(CoverageLines.shown(line)) + "\n"
        }
        // With --changed-since: what the change does, just above the summary.
        if let change = report.change { out += Escape.terminal(change.sentence) + "\n" }
        // Every part keeps a line (the lead's, or one indented under it), so the summary's
        // counts are the lines shown and need no word about folding.
        return out + summaryLine(report.summary) + "\n"
    }

    /// A heading per group (`rule pay-ceiling-parity (2 findings):`), its findings, a blank line.
    static func groups(_ groups: [(String, [Finding])], _ style: ReportStyle) -> String {
        var out = ""
        for (title, findings) in groups {
            out += "\(Escape.terminal(title)) (\(findings.count) finding\(findings.count == 1 ? "" : "s")):\n"
            for f in findings { out += lines(f, style) }
            out += "\n"
        }
        return out
    }

    /// The finding's line, then its related locations indented.
    static func lines(_ f: Finding, _ style: ReportStyle) -> String {
        var out = line(f.location, f.severity, f.message, f.rule, style)
        for r in f.related { out += "    " + line(r.location, r.severity, r.message, r.rule, style) }
        return out
    }

    static func line(_ l: Location, _ severity: Severity, _ message: String, _ rule: String, _ style: ReportStyle) -> String {
        let sev = style.color ? colored(severity) : severity.rawValue
        // Every input-derived field is terminal-visible, so each line starts with a file name
        // ladderlint wrote (or the indent of a related location) and no input can start another
        // line or move the cursor.
        return "\(Escape.terminal(l.file)):\(l.line):\(l.column): \(sev): \(Escape.terminal(message)) [\(Escape.terminal(rule))]\n"
    }

    static func colored(_ s: Severity) -> String {
        switch s {
        case .error: return "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: return "\u{1B}[1;33mwarning\u{1B}[0m"
        case .info: return "\u{1B}[1;36minfo\u{1B}[0m"
        }
    }

    /// "2 errors, 1 warning, 0 info in 3 files (4 documents, 1 ladder); 1 suppressed".
    public static func summaryLine(_ s: Summary) -> String {
        func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 || word == "info" ? "" : "s")" }
        var line = "\(n(s.error, "error")), \(n(s.warning, "warning")), \(n(s.info, "info")) in \(n(s.files, "file")) (\(n(s.documents, "document")), \(n(s.ladders, "ladder")))"
        if s.suppressed > 0 { line += "; \(s.suppressed) suppressed" }
        return line
    }
}
