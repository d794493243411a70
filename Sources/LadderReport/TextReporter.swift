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
        if let width = style.terminalWidth { return forTerminal(report, style, width: width) }
        var out = findings(report, style)
        for line in CoverageLines.lines(report) {
            out += Escape.terminal(CoverageLines.shown(line)) + "\n"
        }
        // With --changed-since: what the change does, just above the summary.
        if let change = report.change { out += Escape.terminal(change.sentence) + "\n" }
        // Every part keeps a line (the lead's, or one indented under it), so the summary's
        // counts are the lines shown and need no word about folding.
        return out + summaryLine(report.summary) + "\n"
    }

    /// For a person at a terminal (issue 20.7): a summary block first (the counts, a verdict in
    /// plain words, findings per rule family, what could not be checked, what the change
    /// does), then the findings wrapped to the terminal's width (continuation lines indented),
    /// then the summary line, last as always. Pipes, files and CI logs get OUTPUT.md's format.
    static func forTerminal(_ report: Report, _ style: ReportStyle, width: Int) -> String {
        var out = ""
        for line in block(report) { out += wrap(Escape.terminal(line), width: width) }
        let body = findings(report, style)
        if !body.isEmpty {
            out += "\n"
            for line in body.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { out += wrap(String(line), width: width) }
        }
        return out + "\n" + summaryLine(report.summary) + "\n"
    }

    /// The summary block's lines, unescaped.
    static func block(_ report: Report) -> [String] {
        let s = report.summary
        var lines = ["Summary: " + summaryLine(s)]
        let live = report.findings.filter { !$0.suppressed }
        let ruleOf = Dictionary(report.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let promotion = live.filter { $0.severity >= .warning && ruleOf[$0.rule]?.promotion == true }
        let unchecked = CoverageLines.lines(report)
        if promotion.isEmpty {
            lines.append("Verdict: no error or warning says management is treated as a promotion"
                + (unchecked.isEmpty ? "." : ", but some of it could not be checked (below)."))
        } else {
            let ladders = Set(promotion.compactMap(\.ladder)).count, rules = Set(promotion.map(\.rule)).count
            lines.append("Verdict: management is treated as a promotion in \(ladders) of \(count(s.ladders, "ladder")): "
                + "\(count(promotion.count, "error or warning", plural: "errors or warnings")) of \(count(rules, "rule")) \(promotion.count == 1 ? "says" : "say") so.")
        }
        // Per rule family, in coverage's order; the input's own problems and hygiene apart.
        var byFamily: [String: Int] = [:]
        for f in live {
            let family = ruleOf[f.rule].flatMap { CoverageFamily(category: $0.category)?.rawValue }
                ?? (CoreRules.ids.contains(f.rule) ? "input" : "other")
            byFamily[family, default: 0] += 1
        }
        let order = CoverageFamily.allCases.map(\.rawValue) + ["other", "input"]
        let parts = order.compactMap { k in byFamily[k].map { "\(k) \($0)" } }
        if !parts.isEmpty { lines.append("By family: " + parts.joined(separator: ", ")) }
        if !unchecked.isEmpty {
            lines.append("Not checked:")
            lines += unchecked.map { "  " + CoverageLines.shown($0) }
        }
        if let change = report.change { lines.append("Change: " + change.sentence) }
        return lines
    }

    static func count(_ n: Int, _ word: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? word : plural ?? word + "s")"
    }

    /// `line` (no newline, already escaped) cut at spaces into lines of at most `width`
    /// visible columns (colour codes are not counted); continuation lines are indented six
    /// spaces, past any indent of the line itself. A word longer than the width stays whole.
    static func wrap(_ line: String, width: Int) -> String {
        func visible(_ s: Substring) -> Int {
            var n = 0, inEscape = false
            for c in s.unicodeScalars {
                if inEscape { if c == "m" { inEscape = false }; continue }
                if c == "\u{1B}" { inEscape = true; continue }
                n += 1
            }
            return n
        }
        guard visible(Substring(line)) > width else { return line + "\n" }
        let lead = line.prefix { $0 == " " }
        let indent = String(lead) + "      "
        var out = "", current = String(lead), currentWidth = lead.count, atStart = true
        for word in line.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: false) {
            let w = visible(word)
            if !atStart && currentWidth + 1 + w > width {
                out += current + "\n"
                current = indent + word
                currentWidth = indent.count + w
            } else {
                current += (atStart ? "" : " ") + word
                currentWidth += (atStart ? 0 : 1) + w
                atStart = false
            }
        }
        return out + current + "\n"
    }

    /// The findings' lines, grouped as `--group-by` says.
    static func findings(_ report: Report, _ style: ReportStyle) -> String {
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
        return out
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
