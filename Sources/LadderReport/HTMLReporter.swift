import LadderModel
import LadderRules

/// The people-ops audit report: one self-contained HTML file (inline CSS and SVG, no script,
/// no network) with a summary and verdict per ladder, band charts with their tables, the
/// policy picture, survey bars and the findings by rule. Deterministic: the only date in it
/// is the report's run date.
public enum HTMLReporter {
    public static func render(_ report: Report, _ style: ReportStyle) -> String {
        page(report, policy: report.policy)
    }

    /// The page, with the policy picture when the caller has it (else the policy section lists
    /// the policy findings only).
    public static func page(_ report: Report, policy: [PolicyPicture]?) -> String {
        let ctx = HTMLContext(report, policy: policy)
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        // No request of any kind may leave the page: the policy says so, and a test checks it.
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"\(Tool.name) \(HTMLText.esc(report.toolVersion))\">\n"
        out += "<title>Career ladder parity audit · \(report.today)</title>\n"
        out += "<style>\n" + HTMLStyle.css + "</style>\n</head>\n"
        out += isLarge(report) ? "<body class=\"many\">\n" : "<body>\n"
        out += HTMLStyle.defs + "\n"
        out += masthead(report)
        out += "<main>\n"
        // Ladders that treat management as a promotion first: an audit leads with its problems.
        let verdicts = report.metrics.map { HTMLVerdict($0, ctx) }
        let order = report.metrics.indices.sorted { (verdicts[$0].status.rank, $0) < (verdicts[$1].status.rank, $1) }
        out += summary(ctx, order: order, verdicts: verdicts) + "\n"
        out += contents(ctx, order: order) + "\n"
        out += HTMLFixes(ctx).html() + "\n"
        out += HTMLTrend.html(ctx)
        out += HTMLCoverage.section(report)
        for i in order {
            out += ladder(report.metrics[i], index: i, verdict: verdicts[i], ctx) + "\n"
        }
        out += findings(ctx) + "\n"
        out += "</main>\n"
        out += footer(report)
        out += "</body>\n</html>\n"
        return out
    }

    /// Past this size the browser lays out off-screen sections only when they are reached.
    static func isLarge(_ r: Report) -> Bool { r.metrics.count > 30 || r.findings.count > 1000 }

    static func ladderAnchor(_ i: Int) -> String { "ladder-\(i + 1)" }

    static func masthead(_ r: Report) -> String {
        """
        <header class="masthead"><div class="wrap"><span class="brand">\(Tool.name)</span>\
        <span class="run">Run date <time datetime="\(r.today)">\(r.today)</time> · version \(HTMLText.esc(r.toolVersion))\(r.redacted ? " · amounts redacted" : "")</span></div></header>

        """
    }

    // MARK: - Summary

    static func summary(_ ctx: HTMLContext, order: [Int], verdicts: [HTMLVerdict]) -> String {
        let r = ctx.report
        let s = r.summary
        var out = "<section class=\"summary\" id=\"summary\" aria-labelledby=\"summary-h\">"
        out += "<h1 id=\"summary-h\">Career ladder parity audit</h1>"
        out += "<p class=\"lede\">Is management paid, trained and given decisions like a promotion? \(Tool.name) checked "
        out += "\(HTMLText.count(s.ladders, "ladder")) in \(HTMLText.count(s.documents, "document")) from \(HTMLText.count(s.files, "file")) "
        out += "against its \(HTMLText.count(r.rules.count, "rule")), on <time datetime=\"\(r.today)\">\(r.today)</time>.</p>"
        if let change = r.change {
            // With --changed-since: what the change does; the findings below are the added ones.
            out += "<p class=\"lede\"><strong>\(HTMLText.esc(change.sentence.prefix(1).uppercased() + change.sentence.dropFirst())).</strong> Findings already at \(HTMLText.esc(change.ref)) are listed as suppressed.</p>"
        }
        out += "<dl class=\"stats\">"
        out += stat("Ladders", s.ladders, "")
        out += stat("Documents", s.documents, "")
        out += stat("Errors", s.error, s.error > 0 ? "sev-error" : "zero")
        out += stat("Warnings", s.warning, s.warning > 0 ? "sev-warning" : "zero")
        out += stat("Info", s.info, s.info > 0 ? "sev-info" : "zero")
        out += stat("Suppressed", s.suppressed, s.suppressed > 0 ? "suppressed" : "zero")
        out += "</dl>"

        out += "<h2 class=\"section-h\" id=\"verdict\">Verdict by ladder</h2>"
        if r.metrics.isEmpty {
            out += "<p class=\"muted\">No ladder was read.</p>"
        } else {
            out += "<table class=\"verdicts\"><thead><tr><th scope=\"col\">Ladder</th><th scope=\"col\">Verdict</th><th scope=\"col\" class=\"num\">Findings</th></tr></thead><tbody>"
            for i in order {
                let m = r.metrics[i], v = verdicts[i]
                out += "<tr class=\"status-\(v.status.rawValue)\"><th scope=\"row\"><a href=\"#\(ladderAnchor(i))\">\(HTMLText.esc(m.name))</a>"
                out += "<span class=\"org\">\(HTMLText.esc(m.organization ?? ""))\(m.organization == nil ? "" : " · ")<code>\(HTMLText.esc(m.id))</code></span></th>"
                out += "<td>\(chip(v.status))<span class=\"sentence\">\(HTMLText.esc(v.sentence))</span>"
                // Past a few dozen ladders, only the families with something to say.
                out += familyLines(HTMLVerdict.lines(m, ctx), quiet: r.metrics.count > HTMLCoverage.allRowsUpTo) + "</td>"
                out += "<td class=\"num counts\">\(counts(ctx.byLadder[m.id] ?? []))</td></tr>"
            }
            out += "</tbody></table>"
        }
        let loose = r.findings.filter { $0.ladder == nil }
        if !loose.isEmpty {
            out += "<p class=\"note\">\(HTMLText.count(loose.count, "finding")) belong\(loose.count == 1 ? "s" : "") to no ladder (files that could not be read or resolved): see <a href=\"#findings\">Findings by rule</a>.</p>"
        }
        out += "</section>"
        return out
    }

    /// A ladder's verdict by family: a mark and a plain sentence each. `quiet` leaves out the
    /// families with nothing to say (checked, no finding).
    static func familyLines(_ lines: [HTMLFamilyLine], quiet: Bool) -> String {
        let shown = quiet ? lines.filter { $0.state != .ok } : lines
        guard !shown.isEmpty else { return "" }
        var out = "<ul class=\"families\">"
        for l in shown {
            out += "<li class=\"fam-\(l.state.rawValue)\"><span class=\"fam-mark\" aria-hidden=\"true\">\(l.state.symbol)</span><strong>\(HTMLText.esc(l.family))</strong>: \(HTMLText.esc(l.text))</li>"
        }
        return out + "</ul>"
    }

    /// The table of contents: the lead sections, each ladder, the findings.
    static func contents(_ ctx: HTMLContext, order: [Int]) -> String {
        let r = ctx.report
        var out = "<nav class=\"toc\" aria-labelledby=\"toc-h\"><h2 id=\"toc-h\" class=\"section-h\">Contents</h2><ol>"
        out += "<li><a href=\"#verdict\">Verdict by ladder</a></li><li><a href=\"#fix-first\">Fix first</a></li>"
        if let c = r.change { out += "<li><a href=\"#trend\">Since the last audit (\(HTMLText.esc(Escape.capped(c.ref))))</a></li>" }
        if !r.coverage.isEmpty { out += "<li><a href=\"#coverage\">What was checked</a></li>" }
        if !order.isEmpty {
            out += "<li>Ladders<ol>"
            for i in order.prefix(HTMLCoverage.allRowsUpTo) { out += "<li><a href=\"#\(ladderAnchor(i))\">\(HTMLText.esc(HTMLFixes.title(r.metrics[i])))</a></li>" }
            if order.count > HTMLCoverage.allRowsUpTo { out += "<li>and \(order.count - HTMLCoverage.allRowsUpTo) more, in the same order below</li>" }
            out += "</ol></li>"
        }
        out += "<li><a href=\"#findings\">Findings by rule</a></li></ol></nav>"
        return out
    }

    static func stat(_ label: String, _ n: Int, _ cls: String) -> String {
        "<div class=\"stat \(cls)\"><dt>\(HTMLText.esc(label))</dt><dd>\(n)</dd></div>"
    }

    static func chip(_ s: HTMLVerdict.Status) -> String {
        "<span class=\"chip status-\(s.rawValue)\"><span aria-hidden=\"true\">\(s.symbol)</span> \(HTMLText.esc(s.label))</span>"
    }

    /// "2 errors · 1 warning", live findings only, plus the waived count.
    static func counts(_ findings: [Finding]) -> String {
        let live = findings.filter { !$0.suppressed }
        var parts: [String] = []
        for (sev, word) in [(Severity.error, "error"), (.warning, "warning"), (.info, "info")] {
            let n = live.filter { $0.severity == sev }.count
            if n > 0 { parts.append("<span class=\"n sev-\(sev.rawValue)\">\(HTMLText.count(n, word))</span>") }
        }
        let waived = findings.count - live.count
        if waived > 0 { parts.append("<span class=\"n suppressed\">\(waived) waived</span>") }
        return parts.isEmpty ? "<span class=\"n zero\">none</span>" : parts.joined(separator: " ")
    }

    // MARK: - One ladder

    static func ladder(_ m: LadderMetrics, index: Int, verdict v: HTMLVerdict, _ ctx: HTMLContext) -> String {
        let anchor = ladderAnchor(index)
        var out = "<section class=\"ladder status-\(v.status.rawValue)\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-h\">"
        out += "<header class=\"ladder-head\"><div><p class=\"eyebrow\">\(HTMLText.esc(m.organization ?? "Ladder"))</p>"
        out += "<h2 id=\"\(anchor)-h\">\(HTMLText.esc(m.name)) <code class=\"id\">\(HTMLText.esc(m.id))</code></h2></div>\(chip(v.status))</header>"
        out += "<p class=\"verdict\">\(HTMLText.esc(v.sentence))</p>"
        out += familyLines(HTMLVerdict.lines(m, ctx), quiet: false)
        out += "<ul class=\"facts\">"
        out += "<li><span>Top IC grade</span> \(m.topIC.map(String.init) ?? "none")</li>"
        out += "<li><span>Top management grade</span> \(m.topManagement.map(String.init) ?? "none")</li>"
        let groups = payGroups(m.pay)
        out += "<li><span>Pay groups</span> \(groups.count)</li>"
        out += "<li><span>Findings</span> \(counts(ctx.byLadder[m.id] ?? []))</li>"
        out += "<li><span>Defined in</span> <code>\(HTMLText.esc(m.file))</code></li>"
        out += "</ul>"

        out += "<h3>Base pay: IC and management side by side</h3>"
        if groups.isEmpty {
            out += "<p class=\"muted\">No compensation bands are on file for this ladder.</p>"
        } else {
            let titles = m.titles
            out += gapSummary(m.pay, titles: titles)
            out += "<p class=\"explain\">Each zone's chart and table are folded below: open one to see every band. Each grade shows the IC band (solid) beside the management band (hatched), from minimum to maximum with the midpoint marked. Where management sits above its IC peer, the excess is cross-hatched and labelled with how much more management is paid (+7.5% means 7.5% above IC).</p>"
            // Groups with the most grades where management is above IC, or has no IC peer, come
            // first; ties keep the metrics' order.
            func trouble(_ rows: [PayMetric]) -> Int {
                rows.filter { !HTMLBandChart.gaps($0).isEmpty || ($0.icLevels.isEmpty && !$0.managementLevels.isEmpty) }.count
            }
            let ordered = groups.indices.sorted { (-trouble(groups[$0]), $0) < (-trouble(groups[$1]), $1) }.map { groups[$0] }
            for (k, rows) in ordered.enumerated() {
                let chart = HTMLBandChart(rows: rows, id: "\(anchor)-chart-\(k + 1)", ladderID: m.id, ladderName: m.name, redacted: ctx.report.redacted, titles: titles)
                let gaps = rows.filter { !HTMLBandChart.gaps($0).isEmpty }.count
                out += "<details class=\"zone\"><summary>Base pay bands · zone <strong>\(HTMLText.esc(chart.zone))</strong> · \(HTMLText.esc(chart.currency)) · \(HTMLText.count(rows.count, "grade"))"
                out += gaps > 0 ? " · <span class=\"alert\">management above IC at \(gaps)</span>" : ""
                out += "</summary>" + chart.html() + "</details>"
            }
            out += "<h3>Total pay: base, bonus and equity</h3>"
            out += "<p class=\"explain\">Total target pay per grade: the base midpoint, the bonus target on it and annual equity (the midpoint of its range), IC beside management.</p>"
            for (k, rows) in ordered.enumerated() {
                let chart = HTMLTotalChart(rows: rows, id: "\(anchor)-total-\(k + 1)", ladderName: m.name, titles: titles, redacted: ctx.report.redacted)
                out += "<details class=\"zone\"><summary>Total pay · zone <strong>\(HTMLText.esc(chart.zone))</strong> · \(HTMLText.esc(chart.currency))</summary>" + chart.html() + "</details>"
            }
        }

        out += "<details class=\"block\"><summary><h3>Policy: who trains, decides and plans</h3></summary>"
        out += HTMLPolicy(ladder: m, ctx: ctx).html()
        out += "</details>"

        out += "<details class=\"block\"><summary><h3>Parity survey</h3></summary>"
        if m.survey.isEmpty {
            out += "<p class=\"muted\">No survey is on file for this ladder.</p>"
        } else {
            out += HTMLSurvey.html(m.survey, minGroup: ctx.minGroup)
        }
        out += "</details>"
        let surveyFindings = (ctx.byLadder[m.id] ?? []).filter { ctx.facet($0) == .surveyOverdue || ctx.facet($0) == .surveyConduct }
        if !surveyFindings.isEmpty {
            out += "<ul class=\"plain\">"
            for f in surveyFindings {
                out += "<li>\(HTMLPolicy(ladder: m, ctx: ctx).marks([f])) \(HTMLText.esc(f.message))</li>"
            }
            out += "</ul>"
        }

        out += "<h3>Findings for this ladder</h3>"
        out += ladderFindings(ctx.byLadder[m.id] ?? [], ctx)
        out += "</section>"
        return out
    }

    /// Where management is paid above its IC peers, or has none, as ratios only: the charts
    /// below hold the amounts.
    static func gapSummary(_ rows: [PayMetric], titles: [String: String] = [:]) -> String {
        let gaps = rows.filter { !HTMLBandChart.gaps($0).isEmpty || ($0.icLevels.isEmpty && !$0.managementLevels.isEmpty) }
        guard !gaps.isEmpty else { return "" }
        var out = "<table class=\"gaps\"><caption>At a glance: where management is paid above its IC peers (how much more, at the band's min, midpoint and max), and grades with no IC peer.</caption>"
        out += "<thead><tr><th scope=\"col\">Zone</th><th scope=\"col\">Grade</th><th scope=\"col\">Management</th><th scope=\"col\">IC peer</th>"
        out += "<th scope=\"col\" class=\"num\">Min</th><th scope=\"col\" class=\"num\">Mid</th><th scope=\"col\" class=\"num\">Max</th></tr></thead><tbody>"
        for r in gaps {
            out += "<tr><td>\(HTMLText.esc(r.zone)) <span class=\"muted\">\(HTMLText.esc(r.currency))\(r.period == "annual" ? "" : ", " + HTMLText.esc(r.period))</span></td>"
            out += "<th scope=\"row\">\(r.grade)</th><td>\(r.managementLevels.map { HTMLText.level($0, titles) }.joined(separator: ", "))</td>"
            if r.icLevels.isEmpty {
                out += "<td colspan=\"4\" class=\"none alert\">no IC peer</td></tr>"
                continue
            }
            out += "<td>\(r.icLevels.map { HTMLText.level($0, titles) }.joined(separator: ", "))</td>"
            for x in [r.minRatio, r.midRatio, r.ratio] {
                if let x, x > 1 {
                    out += "<td class=\"num gap-cell\">\(HTMLBandChart.upMark)\(HTMLText.gap(x))</td>"
                } else {
                    out += "<td class=\"num\">\(HTMLText.gap(x))</td>"
                }
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// Pay rows by zone, currency and period, in the metrics' order.
    static func payGroups(_ rows: [PayMetric]) -> [[PayMetric]] {
        var out: [[PayMetric]] = []
        for r in rows {
            if let last = out.last?.last, last.zone == r.zone, last.currency == r.currency, last.period == r.period {
                out[out.count - 1].append(r)
            } else {
                out.append([r])
            }
        }
        return out
    }

    static func ladderFindings(_ findings: [Finding], _ ctx: HTMLContext) -> String {
        guard !findings.isEmpty else { return "<p class=\"mark-line\"><span class=\"mark ok\"><span aria-hidden=\"true\">✓ </span>No finding.</span></p>" }
        var byRule: [String: [Finding]] = [:]
        for f in findings { byRule[f.rule, default: []].append(f) }
        var out = "<ul class=\"rule-pills\">"
        for (rule, list) in ruleOrder(byRule) {
            let open = list.filter { !$0.suppressed }.count
            let sev = list.map(\.severity).max() ?? .info
            out += "<li><a class=\"rule-pill\(open == 0 ? " all-waived" : "")\" href=\"#\(ctx.ruleAnchor[rule] ?? "findings")\">\(badge(sev))<code>\(HTMLText.esc(rule))</code>"
            out += "<span class=\"n\">\(open) open\(list.count > open ? ", \(list.count - open) suppressed" : "")</span></a></li>"
        }
        return out + "</ul>"
    }

    /// Rules by their most severe finding, then id.
    static func ruleOrder(_ byRule: [String: [Finding]]) -> [(String, [Finding])] {
        func rank(_ l: [Finding]) -> Int {
            let live = l.filter { !$0.suppressed }
            let s = (live.isEmpty ? l : live).map(\.severity).max() ?? .info
            return (live.isEmpty ? 0 : 10) + (s == .error ? 3 : s == .warning ? 2 : 1)
        }
        return byRule.sorted { a, b in
            let ra = rank(a.value), rb = rank(b.value)
            return ra != rb ? ra > rb : a.key < b.key
        }
    }

    static func badge(_ s: Severity) -> String {
        "<span class=\"badge sev-\(s.rawValue)\">\(s.rawValue)</span>"
    }

    // MARK: - Findings by rule

    static func findings(_ ctx: HTMLContext) -> String {
        let r = ctx.report
        var out = "<section class=\"findings\" id=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\" class=\"section-h\">Findings by rule</h2>"
        guard !r.findings.isEmpty else {
            return out + "<p class=\"mark-line\"><span class=\"mark ok\"><span aria-hidden=\"true\">✓ </span>No finding: every rule passed.</span></p></section>"
        }
        out += "<p class=\"explain\">Each rule with its summary; open it for why it matters and every finding: where it points (file:line:column), what it says, and whether a waiver or the baseline suppresses it.</p>"
        var byRule: [String: [Finding]] = [:]
        var indices: [String: [Int]] = [:]
        for (i, f) in r.findings.enumerated() {
            byRule[f.rule, default: []].append(f)
            indices[f.rule, default: []].append(i)
        }
        // By rule, every part of an overpaid band stays under its own rule (as `--group-by
        // rule` does): the lead's row lists the other parts, each other part's row points at it.
        let foldOf = r.foldOfFinding
        let rules = Dictionary(r.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ladderNames = Dictionary(r.metrics.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (id, list) in ruleOrder(byRule) {
            let open = list.filter { !$0.suppressed }
            let sev = (open.isEmpty ? list : open).map(\.severity).max() ?? .info
            let rule = rules[id]
            out += "<article class=\"rule sev-\(sev.rawValue)\(open.isEmpty ? " all-suppressed" : "")\" id=\"\(ctx.ruleAnchor[id] ?? "rule")\">"
            out += "<header><h3><code>\(HTMLText.esc(id))</code></h3>\(badge(sev))"
            out += "<span class=\"rule-count\">\(HTMLText.count(list.count, "finding"))\(list.count > open.count ? ", \(list.count - open.count) suppressed" : "")</span></header>"
            let summary = rule?.summary ?? CoreRules.summaries[id]
            if let summary { out += "<p class=\"rule-summary\">\(HTMLText.esc(summary))</p>" }
            // Folded: why the rule matters and every finding, under one line that counts them.
            out += "<details class=\"rule-list\"><summary>\(HTMLText.count(list.count, "finding"))\(open.count == list.count ? "" : " (\(open.count) open)") and why it matters</summary>"
            if let rationale = rule?.rationale, !rationale.isEmpty {
                out += "<div class=\"rationale\"><h4>Why it matters</h4>\(HTMLText.paragraphs(rationale))</div>"
            }
            out += "<table class=\"finding-list\"><thead><tr><th scope=\"col\">Where</th><th scope=\"col\">Finding</th><th scope=\"col\">Status</th></tr></thead><tbody>"
            for (f, i) in zip(list, indices[id] ?? []) {
                // Long paths may wrap after a slash.
                let loc = HTMLText.esc(HTMLText.location(f)).replacingOccurrences(of: "/", with: "/<wbr>")
                out += "<tr\(f.suppressed ? " class=\"suppressed\"" : "")><td class=\"where\"><code class=\"loc\">\(loc)</code>"
                if let l = f.ladder {
                    out += "<span class=\"ladder-name\">\(HTMLText.esc(ladderNames[l] ?? l)) <code>\(HTMLText.esc(l))</code></span>"
                }
                out += "</td><td>\(f.severity == sev ? "" : badge(f.severity) + " ")\(HTMLText.esc(f.message))"
                if let k = foldOf[i] { out += folded(i, r.folds[k], ctx) }
                out += "</td>"
                out += "<td>\(status(f))</td></tr>"
            }
            out += "</tbody></table></details></article>"
        }
        return out + "</section>"
    }

    /// Under a part of an overpaid band: the lead lists the other parts; another part names
    /// the lead it is folded into.
    static func folded(_ i: Int, _ fold: FindingFold, _ ctx: HTMLContext) -> String {
        let r = ctx.report
        func place(_ l: Location) -> String { "<code class=\"loc\">\(HTMLText.esc("\(l.file):\(l.line):\(l.column)"))</code>" }
        func rule(_ id: String) -> String { "<a href=\"#\(ctx.ruleAnchor[id] ?? "findings")\"><code>\(HTMLText.esc(id))</code></a>" }
        guard fold.lead == i else {
            let lead = r.findings[fold.lead]
            return "<p class=\"folded\">Same overpaid band as the \(rule(lead.rule)) finding at \(place(lead.location)), which lists every part.</p>"
        }
        var out = "<ul class=\"related\" aria-label=\"Also on this band\">"
        for p in r.related(of: i, in: fold) {
            out += "<li>\(badge(p.severity)) \(rule(p.rule)) at \(place(p.location)): \(HTMLText.esc(p.message))</li>"
        }
        return out + "</ul>"
    }

    static func status(_ f: Finding) -> String {
        guard let s = f.suppression else { return "<span class=\"open sev-\(f.severity.rawValue)\">open</span>" }
        var out = "<div class=\"waiver\"><strong>\(s.kind == .waiver ? "Waived" : "In the baseline")</strong>"
        if let e = s.expires { out += "<span class=\"expires\">until <time datetime=\"\(e)\">\(e)</time></span>" }
        if !s.reason.isEmpty { out += "<span class=\"reason\">\(HTMLText.esc(s.reason))</span>" }
        if let at = s.inline { out += "<span class=\"inline\">inline at \(HTMLText.esc("\(at.file):\(at.line)"))</span>" }
        return out + "</div>"
    }

    // MARK: - Footer

    static func footer(_ r: Report) -> String {
        var out = "<footer class=\"colophon\"><div class=\"wrap\"><p>Made by \(Tool.name) \(HTMLText.esc(r.toolVersion)) for the run date \(r.today). "
        out += "The charts and tables show the same numbers as <code>--format json</code>’s <code>metrics</code>; the same input always gives the same file.</p>"
        if !r.files.isEmpty {
            out += "<h2>Files read</h2><ul class=\"files\">"
            for f in r.files { out += "<li><code>\(HTMLText.esc(f))</code></li>" }
            out += "</ul>"
        }
        return out + "</div></footer>\n"
    }
}
