import LadderModel
import LadderRules

/// `file:line:column: severity: message [rule]`, one line per unsuppressed finding, then what
/// could not be checked (`pay: not checked — …`, none when everything was), then a summary,
/// always the last line.
public enum TextReporter {
    public static func render(_ report: Report, _ style: ReportStyle) -> String {
        var out = ""
        for f in report.findings where !f.suppressed {
            let sev = style.color ? colored(f.severity) : f.severity.rawValue
            // Every input-derived field is terminal-visible, so each line starts with a file name
            // ladderlint wrote and no input can start another line or move the cursor.
            out += "\(Escape.terminal(f.location.file)):\(f.location.line):\(f.location.column): \(sev): \(Escape.terminal(f.message)) [\(Escape.terminal(f.rule))]\n"
        }
        for line in CoverageLines.lines(report) {
            out += Escape.terminal(CoverageLines.shown(line)) + "\n"
        }
        out += summaryLine(report.summary) + "\n"
        return out
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
