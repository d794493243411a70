import LadderModel
import LadderRules

/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per
/// unsuppressed finding (an overpaid band's parts are one, at its lead, naming the others),
/// then one `::notice` per family that could not be checked (an `::error` when `--require`
/// asked for it), at the ladder's id; nothing else, so no other line can be read as a command.
public enum GitHubReporter {
    public static func render(_ report: Report, _ style: ReportStyle) -> String {
        var out = ""
        for f in report.presentedFindings where !f.suppressed {
            out += command(f)
            out += "\n"
        }
        for line in CoverageLines.lines(report) {
            out += command(line)
            out += "\n"
        }
        return out
    }

    /// `::notice file=…,line=…,title=ladderlint coverage::pay: not checked — …`.
    static func command(_ line: CoverageLines.Line) -> String {
        var props: [(String, String)] = []
        if let c = line.ladder { props += [("file", c.file), ("line", String(max(1, c.line)))] }
        props.append(("title", line.required ? "ladderlint --require" : "ladderlint coverage"))
        let head = props.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        let text = line.required ? "required: " + line.text : line.text
        return "::\(line.required ? "error" : "notice") \(head)::\(escapeData(text))"
    }

    /// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
    public static func command(_ f: Finding) -> String {
        let l = f.location
        let line = max(1, l.line)
        var props: [(String, String)] = [("file", l.file), ("line", String(line))]
        // The toolkit's AnnotationProperties: columns "cannot be sent when startLine and endLine
        // are different values", so a span over several lines is sent as lines only.
        let end = lastLine(l)
        if end == line {
            let col = max(1, l.column)
            // libyaml's end column is exclusive; an annotation's is the last column it covers.
            let endColumn = l.endLine == line ? max(col, l.endColumn - 1) : col
            props += [("col", String(col)), ("endLine", String(end)), ("endColumn", String(endColumn))]
        } else {
            props.append(("endLine", String(end)))
        }
        props.append(("title", f.rule))
        let head = props.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(commandName(f.severity)) \(head)::\(escapeData(f.message))\(related(f))"
    }

    /// A folded finding's other parts, one line each under its message: "pay-floor-parity
    /// (warning) at line 7, column 12: MESSAGE", escaped, after an escaped line break of
    /// ladderlint's own (an annotation shows it; a line break in the input never gets here).
    static func related(_ f: Finding) -> String {
        f.related.map { r in "%0A" + escapeData("\(r.rule) (\(r.severity.rawValue)) at \(RelatedText.place(r.location, from: f.location)): \(r.message)") }.joined()
    }

    /// The last line a span covers: an exclusive end at column 1 covers nothing of its line.
    static func lastLine(_ l: Location) -> Int {
        let start = max(1, l.line)
        var end = l.endLine
        if l.endColumn <= 1 && end > start { end -= 1 }
        return max(start, end)
    }

    static func commandName(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// `escapeData` of @actions/core, after making invisible characters visible (Escape).
    public static func escapeData(_ s: String) -> String { Escape.githubData(s) }

    /// `escapeProperty` of @actions/core, after making invisible characters visible (Escape).
    public static func escapeProperty(_ s: String) -> String { Escape.githubProperty(s) }
}
