import LadderModel
import LadderRules

/// What a run could not check, as short lines: the text summary, the GitHub notices and the
/// Markdown summary all print these, each escaping them its own way. Checked families make no
/// line (a fully checked run prints nothing more than before); a family disabled in the
/// configuration is one line for the run, not one per ladder; past `limit` lines, the ladders
/// are counted per family instead of listed, so a large audit adds a handful of lines.
public enum CoverageLines {
    public struct Line: Sendable, Equatable {
        /// Unescaped: "pay: not checked — no bands or formula for ladder acme-engineering".
        public var text: String
        /// The ladder the line is about, when it is about one.
        public var ladder: LadderCoverage?
        /// A family `--require` asked for: the run fails because of it.
        public var required: Bool
    }

    /// Per-ladder lines past which the families are counted instead.
    public static let limit = 20

    public static func lines(_ report: Report, limit: Int = limit) -> [Line] {
        let required = Set(report.required)
        var out: [Line] = []
        // Disabled is a fact of the rules, the same for every ladder.
        if let first = report.coverage.first {
            for f in first.families where f.status == .disabled {
                out.append(Line(text: f.line, ladder: nil, required: required.contains(f.family)))
            }
        }
        var unchecked: [(LadderCoverage, FamilyCoverage)] = []
        for c in report.coverage {
            for f in c.families where f.status == .notChecked { unchecked.append((c, f)) }
        }
        if unchecked.count <= limit {
            for (c, f) in unchecked { out.append(Line(text: f.line, ladder: c, required: required.contains(f.family))) }
            return out
        }
        for family in CoverageFamily.allCases {
            let these = unchecked.filter { $0.1.family == family }
            guard let first = these.first else { continue }
            let text = "\(family.rawValue): not checked for \(these.count) of \(report.coverage.count) ladders (first: \(first.1.reason ?? first.0.id))"
            out.append(Line(text: text, ladder: nil, required: required.contains(family)))
        }
        return out
    }

    /// A line as the text summary and the Markdown list show it.
    public static func shown(_ line: Line) -> String {
        line.required ? line.text + " (required)" : line.text
    }
}
