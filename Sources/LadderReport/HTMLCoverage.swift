import LadderModel
import LadderRules

/// The report's "What was checked" section: per ladder, each rule family checked, not checked
/// (with the reason: no bands, no survey, documents with errors) or disabled. An audit that
/// says nothing about pay must say that pay was not on file, not look like parity.
enum HTMLCoverage {
    /// Past this many ladders only those with something unchecked get a row.
    static let allRowsUpTo = 30

    /// The section and its line break; nothing when the run read no ladder.
    static func section(_ r: Report) -> String {
        guard !r.coverage.isEmpty else { return "" }
        let anchors = Dictionary(r.metrics.enumerated().map { ($0.element.id, HTMLReporter.ladderAnchor($0.offset)) }, uniquingKeysWith: { a, _ in a })
        let names = Dictionary(r.metrics.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let required = Set(r.required)
        let partial = r.coverage.filter { !$0.unchecked.isEmpty }
        let rows = r.coverage.count <= allRowsUpTo ? r.coverage : partial

        var out = "<section class=\"coverage\" id=\"coverage\" aria-labelledby=\"coverage-h\"><h2 id=\"coverage-h\" class=\"section-h\">What was checked</h2>"
        if partial.isEmpty {
            out += "<p class=\"mark-line\"><span class=\"mark ok\"><span aria-hidden=\"true\">✓ </span>Every rule family was checked on \(r.coverage.count == 1 ? "the ladder" : "all \(HTMLText.count(r.coverage.count, "ladder"))").</span></p>"
        } else {
            out += "<p class=\"explain\">A family that was not checked has no findings because its rules had nothing to judge, not because it is at parity: the reason says what to add or fix.</p>"
        }
        if rows.isEmpty { return out + "</section>\n" }
        out += "<table class=\"verdicts coverage\"><thead><tr><th scope=\"col\">Ladder</th>"
        for f in CoverageFamily.allCases { out += "<th scope=\"col\">\(HTMLText.esc(f.rawValue))</th>" }
        out += "</tr></thead><tbody>"
        for c in rows {
            let name = HTMLText.esc(names[c.id] ?? c.id)
            out += "<tr><th scope=\"row\">\(anchors[c.id].map { "<a href=\"#\($0)\">\(name)</a>" } ?? name)<span class=\"org\"><code>\(HTMLText.esc(c.id))</code></span></th>"
            for f in c.families { out += "<td>\(cell(f, required: required.contains(f.family)))</td>" }
            out += "</tr>"
        }
        out += "</tbody></table>"
        if rows.count < r.coverage.count {
            out += "<p class=\"note\">Every family was checked on the other \(HTMLText.count(r.coverage.count - rows.count, "ladder")).</p>"
        }
        return out + "</section>\n"
    }

    static func cell(_ f: FamilyCoverage, required: Bool) -> String {
        let reason = f.reason.map { "<br><span class=\"muted\">\(HTMLText.esc($0))</span>" } ?? ""
        switch f.status {
        case .checked:
            return "<span class=\"mark ok\"><span aria-hidden=\"true\">✓ </span>checked</span>"
        case .notChecked where required:
            return "<span class=\"mark fail sev-error\">not checked, required</span>\(reason)"
        case .notChecked:
            return "<span class=\"mark note\">not checked</span>\(reason)"
        case .disabled:
            return "<span class=\"mark waived\">disabled\(required ? ", required" : "")</span>\(reason)"
        }
    }
}
