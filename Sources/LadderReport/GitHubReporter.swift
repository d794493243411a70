import LadderModel
import LadderRules

/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per
/// unsuppressed finding (an overpaid band's parts are one, at its lead, naming the others),
/// then one `::notice` per family that could not be checked (an `::error` when `--require`
/// asked for it), at the ladder's id; nothing else, so no other line can be read as a command.
///
/// GitHub shows at most 10 error, 10 warning and 10 notice annotations a step (and 50 a job);
/// what is printed past that is dropped silently. So the lines go most severe first (errors,
/// then warnings, then notices; within a severity, findings in report order, then the coverage
/// lines), at most `limits` of each kind, and when anything is left out, one last `::notice`
/// counts what was not annotated and says where every finding is. A required family that
/// could not be checked is an error like any other; a coverage notice is a notice. The exit
/// status does not depend on any of this.
public enum GitHubReporter {
    /// The annotations GitHub shows a step, of each kind; the job's total of 50 (for every step
    /// together) is above their sum, so a step of ladderlint leaves 20 to the others.
    public struct Limits: Sendable, Equatable {
        public var errors: Int
        public var warnings: Int
        /// Notices, the final "not annotated" notice included.
        public var notices: Int
        public var total: Int

        public init(errors: Int = 10, warnings: Int = 10, notices: Int = 10, total: Int = 50) {
            self.errors = errors
            self.warnings = warnings
            self.notices = notices
            self.total = total
        }

        /// GitHub's documented limits (actions/toolkit, docs/problem-matchers.md).
        public static let github = Limits()
    }

    public static func render(_ report: Report, _ style: ReportStyle) -> String {
        render(report, limits: .github)
    }

    public static func render(_ report: Report, limits: Limits) -> String {
        // Today's order is the tiebreak: findings, then coverage lines.
        var lines: [(kind: Severity, text: String, finding: Bool)] = []
        // With --changed-since: what the change does, the first notice.
        if let c = report.change {
            lines.append((.info, "::notice title=\(escapeProperty("ladderlint change"))::\(escapeData(c.sentence))", false))
        }
        for f in report.presentedFindings where !f.suppressed {
            lines.append((f.severity, command(f), true))
        }
        for line in CoverageLines.lines(report) {
            lines.append((line.required ? .error : .info, command(line), false))
        }
        let ordered = [Severity.error, .warning, .info].flatMap { s in lines.filter { $0.kind == s } }
        let counts = Dictionary(grouping: ordered, by: \.kind).mapValues(\.count)
        let fits = (counts[.error] ?? 0) <= limits.errors && (counts[.warning] ?? 0) <= limits.warnings
            && (counts[.info] ?? 0) <= limits.notices && ordered.count <= limits.total
        if fits { return ordered.map { $0.text + "\n" }.joined() }
        // The final notice takes one notice and one of the total.
        var room: [Severity: Int] = [.error: limits.errors, .warning: limits.warnings, .info: max(0, limits.notices - 1)]
        var total = max(0, limits.total - 1)
        var out = ""
        var left: [Severity: Int] = [:]
        var leftFindings = 0, leftCoverage = 0
        for l in ordered {
            if room[l.kind, default: 0] > 0 && total > 0 {
                room[l.kind, default: 0] -= 1
                total -= 1
                out += l.text + "\n"
            } else {
                left[l.kind, default: 0] += 1
                if l.finding { leftFindings += 1 } else { leftCoverage += 1 }
            }
        }
        out += notAnnotated(left: left, findings: leftFindings, coverage: leftCoverage, limits: limits) + "\n"
        return out
    }

    /// `::notice title=ladderlint annotations::37 more findings were not annotated (25 errors,
    /// 12 warnings): …`, with counts of what was left out.
    static func notAnnotated(left: [Severity: Int], findings: Int, coverage: Int, limits: Limits) -> String {
        func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) \(k == 1 ? one : many)" }
        var what: [String] = []
        if findings > 0 { what.append(n(findings, "more finding", "more findings")) }
        if coverage > 0 { what.append(n(coverage, findings > 0 ? "coverage line" : "more coverage line", findings > 0 ? "coverage lines" : "more coverage lines")) }
        let kinds = [(Severity.error, "error", "errors"), (.warning, "warning", "warnings"), (.info, "notice", "notices")]
            .compactMap { s, one, many in left[s].map { n($0, one, many) } }
        let verb = findings + coverage == 1 ? "was" : "were"
        let text = "\(what.joined(separator: " and ")) \(verb) not annotated (\(kinds.joined(separator: ", "))): "
            + "GitHub shows at most \(limits.errors) errors, \(limits.warnings) warnings and \(limits.notices) notices a step, "
            + "most severe first here. Every finding is in the job summary (--format markdown), the SARIF report and ladderlint lint --format text."
        return "::notice title=\(escapeProperty("ladderlint annotations"))::\(escapeData(text))"
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
