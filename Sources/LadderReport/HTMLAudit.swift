import LadderModel
import LadderRules

/// One line of a ladder's verdict: a rule family, whether it has a problem, was not checked or
/// is fine, and what that means in plain words (escaped where it is rendered).
struct HTMLFamilyLine {
    enum State: String {
        case problem, note, ok, unchecked

        var symbol: String {
            switch self {
            case .problem: return "✗"
            case .note: return "i"
            case .ok: return "✓"
            case .unchecked: return "?"
            }
        }
    }

    var family: String
    var state: State
    var text: String
}

extension HTMLVerdict {
    /// A pair of a grade and a zone (one row of the pay metrics) as the verdict counts them.
    static func pairs(_ n: Int) -> String { "\(n) grade × zone pair\(n == 1 ? "" : "s")" }

    /// The verdict in plain words, one line per rule family, with what could not be checked and
    /// why: counts are over what was compared ("4 of 8 grade × zone pairs").
    static func lines(_ m: LadderMetrics, _ ctx: HTMLContext) -> [HTMLFamilyLine] {
        let all = ctx.byLadder[m.id] ?? []
        let live = all.filter { !$0.suppressed }
        let coverage = ctx.report.coverage.first { $0.id == m.id }
        func unchecked(_ f: CoverageFamily) -> String? {
            guard let c = coverage?.families.first(where: { $0.family == f }), c.status != .checked else { return nil }
            return (c.status == .disabled ? "disabled" : "not checked") + (c.reason.map { ": " + $0 } ?? "")
        }
        func hits(_ cats: [RuleCategory]) -> [Finding] { live.filter { ctx.category($0).map(cats.contains) ?? false } }
        var out: [HTMLFamilyLine] = []

        let errors = live.filter { $0.severity == .error }
        if errors.isEmpty {
            out.append(HTMLFamilyLine(family: "Errors", state: .ok, text: "no error: nothing fails the run"))
        } else {
            out.append(HTMLFamilyLine(family: "Errors", state: .problem, text: "\(HTMLText.count(errors.count, "error")) fail\(errors.count == 1 ? "s" : "") the run: \(ruleCounts(errors))"))
        }

        // Pay: base, bonus and equity from the metrics, over the pairs with both tracks.
        if let why = unchecked(.pay) {
            for name in ["Base pay", "Bonus", "Equity"] { out.append(HTMLFamilyLine(family: name, state: .unchecked, text: why)) }
        } else {
            out.append(base(m))
            out.append(variable(m, name: "Bonus", what: "bonus target", ic: \.icBonus, management: \.managementBonus, percent: true))
            out.append(variable(m, name: "Equity", what: "annual equity (midpoint)", ic: \.icEquity, management: \.managementEquity, percent: false))
        }
        let shape = hits([.hygiene])
        if !shape.isEmpty {
            out.append(HTMLFamilyLine(family: "Band shape", state: shape.contains { $0.severity >= .warning } ? .problem : .note, text: findingsPhrase(shape)))
        }

        let policy = ctx.policy?[m.id].map(categorized) ?? [:]
        var tracks: [String] = []
        if let top = m.topManagement, let ic = m.topIC, top > ic {
            tracks.append("the IC track stops at grade \(ic) while management reaches \(top)")
        } else if m.topManagement != nil, m.topIC == nil {
            tracks.append("there is no IC track")
        } else if let top = m.topManagement, let ic = m.topIC {
            tracks.append("the IC track reaches grade \(ic), management \(top)")
        }
        let families: [(String, [RuleCategory], CoverageFamily, [String])] = [
            ("Tracks", [.tracks], .tracks, tracks),
            ("Training", [.training], .policy, policy[.training] ?? []),
            ("Decisions", [.decisions], .policy, policy[.decisions] ?? []),
            ("Forums", [.forums], .policy, policy[.forums] ?? []),
            ("Recognition", [.recognition], .policy, []),
            ("Transitions", [.transitions], .transitions, policy[.transitions] ?? []),
            ("Survey", [.survey], .survey, survey(m, live, ctx)),
        ]
        for (name, cats, family, clauses) in families {
            if let why = unchecked(family) {
                out.append(HTMLFamilyLine(family: name, state: .unchecked, text: why))
                continue
            }
            let found = hits(cats)
            var parts = clauses
            if !found.isEmpty { parts.append(findingsPhrase(found)) }
            let state: HTMLFamilyLine.State = found.contains { $0.severity >= .warning } ? .problem : found.isEmpty ? .ok : .note
            out.append(HTMLFamilyLine(family: name, state: state, text: parts.isEmpty ? "no finding" : parts.joined(separator: "; ")))
        }
        return merged(out)
    }

    /// Neighbouring families not checked for the same reason, as one line: "Training, Decisions,
    /// Forums and Recognition: not checked: no policy document for ladder x".
    static func merged(_ lines: [HTMLFamilyLine]) -> [HTMLFamilyLine] {
        var out: [HTMLFamilyLine] = []
        var names: [String] = []
        func flush() {
            guard var last = out.popLast() else { return }
            last.family = HTMLText.list(names)
            out.append(last)
        }
        for l in lines {
            if l.state == .unchecked, let last = out.last, last.state == .unchecked, last.text == l.text {
                names.append(l.family)
                continue
            }
            flush()
            out.append(l)
            names = [l.family]
        }
        flush()
        return out
    }

    static func base(_ m: LadderMetrics) -> HTMLFamilyLine {
        if m.pay.isEmpty { return HTMLFamilyLine(family: "Base pay", state: .unchecked, text: "no pay bands on file") }
        let compared = m.pay.filter { $0.ratio != nil || $0.minRatio != nil || $0.midRatio != nil }
        let lonely = m.pay.filter { $0.icLevels.isEmpty && !$0.managementLevels.isEmpty }
        var parts: [String] = []
        var state = HTMLFamilyLine.State.ok
        if compared.isEmpty {
            parts.append("no grade has pay bands on both tracks")
            state = .unchecked
        } else {
            let above = compared.filter { !HTMLBandChart.gaps($0).isEmpty }
            let n = compared.count
            if above.isEmpty {
                let alike = compared.allSatisfy { $0.ratio == 1 && $0.minRatio == 1 && $0.midRatio == 1 }
                parts.append(alike ? "IC and management are paid alike at \(n == 1 ? "the one" : "all \(n)") \(n == 1 ? "grade × zone pair" : "grade × zone pairs") with both tracks"
                    : "management is paid above IC peers at none of the \(pairs(n)) with both tracks")
            } else {
                let worst = above.flatMap { HTMLBandChart.gaps($0).map(\.1) }.max() ?? 1
                parts.append("management is paid above IC peers at \(above.count) of \(pairs(n)), by up to \(HTMLText.gap(worst))")
                state = .problem
            }
        }
        if !lonely.isEmpty {
            parts.append("\(lonely.count) management band\(lonely.count == 1 ? " has" : "s have") no IC peer at \(lonely.count == 1 ? "its" : "their") grade")
            state = .problem
        }
        return HTMLFamilyLine(family: "Base pay", state: state, text: parts.joined(separator: "; "))
    }

    static func variable(_ m: LadderMetrics, name: String, what: String, ic: KeyPath<PayMetric, Double?>, management: KeyPath<PayMetric, Double?>, percent: Bool) -> HTMLFamilyLine {
        let any = m.pay.contains { $0[keyPath: ic] != nil || $0[keyPath: management] != nil }
        guard any else { return HTMLFamilyLine(family: name, state: .note, text: "no \(what) on file") }
        let both = m.pay.filter { $0[keyPath: ic] != nil && $0[keyPath: management] != nil && !$0.icLevels.isEmpty }
        guard !both.isEmpty else { return HTMLFamilyLine(family: name, state: .note, text: "no grade has a \(what) on both tracks") }
        let above = both.filter { ($0[keyPath: management] ?? 0) > ($0[keyPath: ic] ?? 0) }
        guard let worst = above.max(by: { ratio($0, ic, management) < ratio($1, ic, management) }) else {
            return HTMLFamilyLine(family: name, state: .ok, text: "management's \(what) is above IC at none of the \(pairs(both.count)) with both")
        }
        var text = "management's \(what) is above IC at \(above.count) of \(pairs(both.count))"
        if percent, let a = worst[keyPath: management], let b = worst[keyPath: ic] {
            text += ", up to \(HTMLText.share(a)) against \(HTMLText.share(b)) (grade \(worst.grade), \(worst.zone))"
        } else {
            text += ", by up to \(HTMLText.percentChange(ratio(worst, ic, management) - 1))"
        }
        return HTMLFamilyLine(family: name, state: .problem, text: text)
    }

    static func ratio(_ r: PayMetric, _ ic: KeyPath<PayMetric, Double?>, _ management: KeyPath<PayMetric, Double?>) -> Double {
        guard let a = r[keyPath: management], let b = r[keyPath: ic], b > 0 else { return 1 }
        return a / b
    }

    static func survey(_ m: LadderMetrics, _ live: [Finding], _ ctx: HTMLContext) -> [String] {
        guard let last = m.survey.map(\.conducted).max() else { return ["no parity survey is on file"] }
        let questions = Set(m.survey.filter { $0.conducted == last }.map(\.question)).count
        return ["the last parity survey (\(last)) asked \(questions) question\(questions == 1 ? "" : "s")"]
    }

    /// "2 warnings: manager-only-leadership-training, leadership-cohort-design".
    static func findingsPhrase(_ found: [Finding]) -> String {
        var parts: [String] = []
        for (sev, word) in [(Severity.error, "error"), (.warning, "warning"), (.info, "info")] {
            let n = found.filter { $0.severity == sev }.count
            if n > 0 { parts.append(HTMLText.count(n, word)) }
        }
        return HTMLText.list(parts) + " (" + ruleCounts(found) + ")"
    }

    /// "pay-floor-parity ×2, band-spread".
    static func ruleCounts(_ found: [Finding]) -> String {
        var order: [String] = []
        var n: [String: Int] = [:]
        for f in found {
            if n[f.rule] == nil { order.append(f.rule) }
            n[f.rule, default: 0] += 1
        }
        let shown = order.prefix(4).map { n[$0]! > 1 ? "\($0) ×\(n[$0]!)" : $0 }
        return shown.joined(separator: ", ") + (order.count > 4 ? " and \(order.count - 4) more" : "")
    }
}

/// "Fix first": the live findings ranked by severity and size of gap, each with the concrete
/// change; a pay gap also with what closing it costs a year (`headcount:`), at the floor and at
/// the midpoint. Under `--redact` a cost is a share of payroll only, never an amount.
struct HTMLFixes {
    struct Fix {
        var severity: Severity
        /// The gap as a fraction (0.075 for +7.5%); 0 when the finding has none.
        var size: Double
        var order: Int
        var ladder: String
        /// The change, HTML.
        var change: String
        var rules: [String]
        var cost: Cost?
        /// Why a pay gap has no cost: no headcount written.
        var needsHeadcount: String?
    }

    struct Cost {
        var currency: String
        var floor: Double
        var mid: Double
        var people: Int
        /// The yearly payroll of the people with headcount in this ladder and currency.
        var payroll: Double
    }

    let ctx: HTMLContext
    var fixes: [Fix] = []

    /// How many fixes the page shows before the rest are folded away.
    static let shown = 10
    /// The most fixes listed at all: past this the findings by rule hold the rest.
    static let listed = 200

    init(_ ctx: HTMLContext) {
        self.ctx = ctx
        let r = ctx.report
        var used = Set<Int>()
        let indexed = Array(r.findings.enumerated()).filter { !$0.element.suppressed }
        var byLadder: [String: [(Int, Finding)]] = [:]
        for (i, f) in indexed { if let l = f.ladder { byLadder[l, default: []].append((i, f)) } }
        for m in r.metrics {
            let own = byLadder[m.id] ?? []
            let titles = m.pay.isEmpty ? [:] : m.titles
            let yearly = { (row: PayMetric) in row.period == "monthly" ? 12.0 : 1.0 }
            var payroll: [String: Double] = [:]
            for row in m.pay {
                let ic = Double(row.icHeadcount ?? 0) * (row.icMid ?? 0), mg = Double(row.managementHeadcount ?? 0) * (row.managementMid ?? 0)
                payroll[row.currency, default: 0] += (ic + mg) * yearly(row)
            }
            for row in m.pay where !row.icLevels.isEmpty && !HTMLBandChart.gaps(row).isEmpty {
                // The live base-pay findings of this row, by measure: a waived measure is no fix.
                var measures: [String: Severity] = [:]
                for (i, f) in own where ctx.category(f) == .pay {
                    guard Self.evidence(f, "zone") == row.zone, Self.evidence(f, "grade") == String(row.grade),
                          let measure = Self.evidence(f, "measure"), ["min", "mid", "max"].contains(measure) else { continue }
                    used.insert(i)
                    measures[measure] = max(measures[measure] ?? f.severity, f.severity)
                }
                guard let severity = measures.values.max() else { continue }
                let rules = Set(own.filter { used.contains($0.0) && Self.evidence($0.1, "zone") == row.zone && Self.evidence($0.1, "grade") == String(row.grade) }.map(\.1.rule)).sorted()
                fixes.append(payFix(m, row, titles: titles, measures: measures, severity: severity, rules: rules, payroll: payroll[row.currency] ?? 0, yearly: yearly(row)))
            }
        }
        for (i, f) in indexed where !used.contains(i) {
            let size = f.evidence.lazy.compactMap { e -> Double? in if e.key == "ratio", case .number(let d) = e.value { return d - 1 }; return nil }.first ?? 0
            let name = f.ladder.flatMap { l in r.metrics.first { $0.id == l }.map(Self.title) } ?? f.ladder ?? ""
            let change = "\(HTMLText.esc(f.message)) <code class=\"loc\">\(HTMLText.esc(HTMLText.location(f)))</code>"
            fixes.append(Fix(severity: f.severity, size: size, order: i, ladder: name, change: change, rules: [f.rule]))
        }
        fixes.sort { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.size != b.size { return a.size > b.size }
            return a.order < b.order
        }
    }

    func payFix(_ m: LadderMetrics, _ row: PayMetric, titles: [String: String], measures: [String: Severity], severity: Severity, rules: [String], payroll: Double, yearly: Double) -> Fix {
        let redacted = ctx.report.redacted
        let shared = row.sharedLevels
        let ic = row.icLevels.filter { !shared.contains($0) }
        let icNames = (ic.isEmpty ? row.icLevels : ic).map { HTMLText.level($0, titles) }
        let mgmt = row.managementLevels.filter { !shared.contains($0) }.map { HTMLText.level($0, titles) }
        var steps: [String] = []
        var size = 0.0
        for (measure, word, icV, mV) in [("max", "max", row.icMax, row.managementMax), ("mid", "midpoint", row.icMid, row.managementMid), ("min", "min", row.icMin, row.managementMin)] where measures[measure] != nil {
            guard let icV, let mV, icV > 0, mV > icV else { continue }
            size = max(size, mV / icV - 1)
            if redacted {
                steps.append("\(word) by \(HTMLText.percentChange(mV / icV - 1))")
            } else {
                steps.append("\(word) from \(Format.grouped(icV)) to \(HTMLText.money(mV, row.currency, redacted: false)) (\(HTMLText.percentChange(mV / icV - 1)))")
            }
        }
        var change = "Raise \(HTMLText.list(icNames)) in <strong>\(HTMLText.esc(row.zone))</strong>: \(HTMLText.list(steps))"
        if !mgmt.isEmpty { change += ", to meet \(HTMLText.list(mgmt)) (or bring management down to it)" }
        change += "."
        var fix = Fix(severity: severity, size: size, order: -1, ladder: Self.title(m), change: change, rules: rules)
        if let people = row.icHeadcount, [row.icMin, row.icMid, row.managementMin, row.managementMid].allSatisfy({ $0?.isFinite ?? true }) {
            let floor = Double(people) * max(0, (row.managementMin ?? 0) - (row.icMin ?? 0)) * yearly
            let mid = Double(people) * max(0, (row.managementMid ?? 0) - (row.icMid ?? 0)) * yearly
            fix.cost = Cost(currency: row.currency, floor: floor, mid: mid, people: people, payroll: payroll)
        } else {
            fix.needsHeadcount = (ic.isEmpty ? row.icLevels : ic).joined(separator: ", ")
        }
        return fix
    }

    /// "Vantage Cloud · Engineering": names alone repeat across organisations.
    static func title(_ m: LadderMetrics) -> String { (m.organization.map { $0 + " · " } ?? "") + m.name }

    static func evidence(_ f: Finding, _ key: String) -> String? {
        for e in f.evidence where e.key == key {
            switch e.value {
            case .string(let s): return s
            case .int(let i): return String(i)
            default: return nil
            }
        }
        return nil
    }

    /// A cost as the page shows it: amounts with the currency and their share of payroll, or
    /// under `--redact` the shares only.
    static func costText(_ c: Cost, redacted: Bool) -> String {
        func share(_ v: Double) -> String { c.payroll > 0 ? HTMLText.share(v / c.payroll) + " of payroll" : "share of payroll unknown" }
        let people = "\(c.people) \(c.people == 1 ? "person" : "people") in the IC band"
        if redacted {
            return "Cost a year: \(share(c.floor)) at the floor, \(share(c.mid)) at the midpoint (\(people))."
        }
        return "Cost a year: \(HTMLText.money(c.floor, c.currency, redacted: false)) at the floor, \(HTMLText.money(c.mid, c.currency, redacted: false)) at the midpoint (\(people); \(share(c.floor)) / \(share(c.mid)))."
    }

    func html() -> String {
        let r = ctx.report
        var out = "<section class=\"fixes\" id=\"fix-first\" aria-labelledby=\"fix-first-h\"><h2 id=\"fix-first-h\" class=\"section-h\">Fix first</h2>"
        guard !fixes.isEmpty else {
            return out + "<p class=\"mark-line\"><span class=\"mark ok\"><span aria-hidden=\"true\">✓ </span>Nothing to fix: no open finding.</span></p></section>"
        }
        out += "<p class=\"explain\">Every open finding, errors first, then by the size of the gap. A pay gap says which band to raise and by how much"
        out += r.redacted ? "; its cost is a share of payroll (amounts redacted).</p>" : "; with <code>headcount:</code> in the compensation document, what closing it costs a year.</p>"
        out += totals()
        out += "<ol class=\"fix-list\">"
        for (k, f) in fixes.prefix(Self.shown).enumerated() { out += item(f, k) }
        out += "</ol>"
        if fixes.count > Self.shown {
            let more = min(fixes.count, Self.listed) - Self.shown
            out += "<details class=\"more-fixes\"><summary>\(fixes.count - Self.shown) more fix\(fixes.count - Self.shown == 1 ? "" : "es") (\(more) listed)</summary><ol class=\"fix-list\" start=\"\(Self.shown + 1)\">"
            for (k, f) in fixes.dropFirst(Self.shown).prefix(more).enumerated() { out += item(f, k + Self.shown) }
            out += "</ol>"
            if fixes.count > Self.listed { out += "<p class=\"note\">The other \(fixes.count - Self.listed) are under <a href=\"#findings\">Findings by rule</a>.</p>" }
            out += "</details>"
        }
        return out + "</section>"
    }

    func item(_ f: Fix, _ k: Int) -> String {
        var s = "<li class=\"fix sev-\(f.severity.rawValue)\">\(HTMLReporter.badge(f.severity)) <span class=\"change\">\(f.change)</span>"
        s += "<span class=\"fix-meta\">\(HTMLText.esc(f.ladder))"
        for rule in f.rules { s += " · <a href=\"#\(ctx.ruleAnchor[rule] ?? "findings")\"><code>\(HTMLText.esc(rule))</code></a>" }
        s += "</span>"
        if let c = f.cost {
            s += "<span class=\"cost\">\(HTMLText.esc(Self.costText(c, redacted: ctx.report.redacted)))</span>"
        } else if let levels = f.needsHeadcount {
            s += "<span class=\"cost muted\">Cost needs headcount: write the people in \(HTMLText.esc(levels)) under <code>headcount:</code> in the compensation document.</span>"
        }
        return s + "</li>"
    }

    /// The cost of closing every pay gap, per currency; or why there is none.
    func totals() -> String {
        let pay = fixes.filter { $0.cost != nil || $0.needsHeadcount != nil }
        guard !pay.isEmpty else { return "" }
        let costed = pay.compactMap(\.cost)
        guard !costed.isEmpty else {
            return "<p class=\"cost-total muted\">The cost of closing the \(HTMLText.count(pay.count, "pay gap")) needs headcount: add <code>headcount:</code> (people per level) to the compensation documents.</p>"
        }
        var currencies: [String] = []
        var sum: [String: (floor: Double, mid: Double, payroll: Double)] = [:]
        var payrollSeen: [String: Set<Double>] = [:]
        for c in costed {
            if sum[c.currency] == nil { currencies.append(c.currency) }
            var t = sum[c.currency] ?? (0, 0, 0)
            t.floor += c.floor
            t.mid += c.mid
            // One ladder's payroll counted once however many gaps it has.
            if payrollSeen[c.currency, default: []].insert(c.payroll).inserted { t.payroll += c.payroll }
            sum[c.currency] = t
        }
        var parts: [String] = []
        for cur in currencies {
            let t = sum[cur]!
            func share(_ v: Double) -> String { t.payroll > 0 ? HTMLText.share(v / t.payroll) + " of payroll" : "" }
            if ctx.report.redacted {
                parts.append("\(share(t.floor)) at the floor, \(share(t.mid)) at the midpoint (\(cur))")
            } else {
                parts.append("\(HTMLText.money(t.floor, cur, redacted: false)) at the floor, \(HTMLText.money(t.mid, cur, redacted: false)) at the midpoint (\(share(t.floor)) / \(share(t.mid)))")
            }
        }
        var s = "<p class=\"cost-total\"><strong>Closing every pay gap costs a year:</strong> \(HTMLText.esc(parts.joined(separator: "; ")))."
        let missing = pay.count - costed.count
        if missing > 0 { s += " \(HTMLText.count(missing, "gap")) without headcount \(missing == 1 ? "is" : "are") not in the total." }
        return s + "</p>"
    }
}

/// Total pay per grade, IC next to management: base (midpoint), bonus target (a share of the
/// base midpoint) and annual equity (the midpoint of its range) stacked into total target pay,
/// with its data table. Drawn from positions only (a fraction of the largest total), so under
/// `--redact` the picture gives back no amount and scaling every amount leaves it unchanged.
struct HTMLTotalChart {
    var rows: [PayMetric]
    var id: String
    var ladderName: String
    var titles: [String: String]
    var redacted: Bool

    var zone: String { rows.first?.zone ?? "default" }
    var currency: String { rows.first?.currency ?? "" }
    var period: String { rows.first?.period ?? "annual" }

    struct Side {
        var base: Double, bonus: Double, equity: Double, bonusTarget: Double?
        var total: Double { base + bonus + equity }
    }

    static func side(_ mid: Double?, _ bonus: Double?, _ equity: Double?) -> Side? {
        guard let mid else { return nil }
        return Side(base: mid, bonus: (bonus ?? 0) * mid, equity: equity ?? 0, bonusTarget: bonus)
    }

    func html() -> String {
        let data = rows.map { (Self.side($0.icMid, $0.icBonus, $0.icEquity), Self.side($0.managementMid, $0.managementBonus, $0.managementEquity)) }
        let top = data.flatMap { [$0.0?.total, $0.1?.total] }.compactMap { $0 }.max() ?? 0
        let width = 920.0, plot = 200.0, topPad = 16.0, bottom = 40.0, left = 20.0
        let slot = (width - left * 2) / Double(max(rows.count, 1))
        let bar = min(34, slot * 0.34)
        var s = "<figure class=\"chart\"><figcaption><span class=\"chart-title\">Zone <strong>\(HTMLText.esc(zone))</strong> · \(HTMLText.esc(currency)) · \(HTMLText.esc(period)) total target pay</span>"
        s += "<span class=\"legend\"><span class=\"key\"><svg width=\"14\" height=\"10\" aria-hidden=\"true\"><rect class=\"t-base\" width=\"14\" height=\"10\"/></svg>Base (midpoint)</span>"
        s += "<span class=\"key\"><svg width=\"14\" height=\"10\" aria-hidden=\"true\"><rect class=\"t-bonus\" width=\"14\" height=\"10\"/></svg>Bonus target</span>"
        s += "<span class=\"key\"><svg width=\"14\" height=\"10\" aria-hidden=\"true\"><rect class=\"t-equity\" width=\"14\" height=\"10\"/></svg>Annual equity</span>"
        s += "<span class=\"key\">left bar IC, right bar management</span></span></figcaption>"
        let h = topPad + plot + bottom
        s += "<svg class=\"totals\" role=\"img\" viewBox=\"0 0 \(HTMLText.n(width)) \(HTMLText.n(h))\" aria-describedby=\"\(id)-table\" data-grades=\"\(rows.count)\" aria-label=\"Total target pay of \(HTMLText.esc(ladderName)), zone \(HTMLText.esc(zone)), IC beside management by grade\">"
        s += "<line class=\"axis\" x1=\"\(HTMLText.n(left))\" y1=\"\(HTMLText.n(topPad + plot))\" x2=\"\(HTMLText.n(width - left))\" y2=\"\(HTMLText.n(topPad + plot))\"/>"
        for (k, (row, pair)) in zip(rows, data).enumerated() {
            let cx = left + slot * (Double(k) + 0.5)
            for (j, side) in [pair.0, pair.1].enumerated() {
                guard let side, top > 0 else { continue }
                let x = j == 0 ? cx - bar - 2 : cx + 2
                var y = topPad + plot
                for (cls, v) in [("t-base", side.base), ("t-bonus", side.bonus), ("t-equity", side.equity)] where v > 0 {
                    let hgt = v / top * plot
                    y -= hgt
                    s += "<rect class=\"\(cls)\(j == 1 ? " mgmt" : "")\" x=\"\(HTMLText.n(x))\" y=\"\(HTMLText.n(y))\" width=\"\(HTMLText.n(bar))\" height=\"\(HTMLText.n(hgt))\"/>"
                }
            }
            if let a = pair.1?.total, let b = pair.0?.total, b > 0 {
                let y = topPad + plot - max(a, b) / top * plot - 4
                s += "<text class=\"ratio\(a > b * 1.00005 ? " gap-label" : "")\" x=\"\(HTMLText.n(cx))\" y=\"\(HTMLText.n(max(y, 10)))\" text-anchor=\"middle\">\(HTMLText.esc(HTMLText.gap(a / b)))</text>"
            }
            s += "<text class=\"grade\" x=\"\(HTMLText.n(cx))\" y=\"\(HTMLText.n(topPad + plot + 16))\" text-anchor=\"middle\">Grade \(row.grade)</text>"
        }
        s += "</svg></figure>"
        s += table(data)
        return s
    }

    func table(_ data: [(Side?, Side?)]) -> String {
        var t = "<table class=\"bands totals-table\" id=\"\(id)-table\"><caption>Total target pay by grade, zone \(HTMLText.esc(zone)), \(HTMLText.esc(currency)), \(HTMLText.esc(period)): base midpoint, bonus target and annual equity (midpoint)"
        t += redacted ? " (amounts redacted; shares kept).</caption>" : ".</caption>"
        t += "<thead><tr><th scope=\"col\" rowspan=\"2\">Grade</th><th scope=\"colgroup\" colspan=\"4\" class=\"ic-head\">Individual contributor</th><th scope=\"colgroup\" colspan=\"4\" class=\"mgmt-head\">Management</th><th scope=\"col\" rowspan=\"2\" class=\"num\">Management vs IC total</th></tr><tr>"
        for _ in 0..<2 { t += "<th scope=\"col\" class=\"num\">Base</th><th scope=\"col\" class=\"num\">Bonus</th><th scope=\"col\" class=\"num\">Equity</th><th scope=\"col\" class=\"num\">Total</th>" }
        t += "</tr></thead><tbody>"
        // A sum past Double's range (absurd amounts) is no number to show.
        func amount(_ v: Double) -> String { v.isFinite ? HTMLText.amount(v, redacted: redacted) : "out of range" }
        for (row, pair) in zip(rows, data) {
            t += "<tr><th scope=\"row\">\(row.grade)</th>"
            for side in [pair.0, pair.1] {
                guard let side else {
                    t += "<td colspan=\"4\" class=\"none\">–</td>"
                    continue
                }
                t += "<td class=\"num\">\(amount(side.base))</td>"
                t += "<td class=\"num\">\(side.bonusTarget.map { HTMLText.share($0) } ?? "–")</td>"
                t += "<td class=\"num\">\(side.equity > 0 ? amount(side.equity) : "–")</td>"
                t += "<td class=\"num\">\(amount(side.total))</td>"
            }
            if let a = pair.1?.total, let b = pair.0?.total, b > 0 {
                t += a > b * 1.00005 ? "<td class=\"num gap-cell\">\(HTMLBandChart.upMark)\(HTMLText.gap(a / b))</td>" : "<td class=\"num\">\(HTMLText.gap(a / b))</td>"
            } else {
                t += "<td class=\"num\">–</td>"
            }
            t += "</tr>"
        }
        return t + "</tbody></table>"
    }
}

/// What changed since the last audit (`--changed-since REF`): added, fixed and unchanged
/// findings, and the added ones listed.
enum HTMLTrend {
    static func html(_ ctx: HTMLContext) -> String {
        guard let c = ctx.report.change else { return "" }
        let ref = HTMLText.esc(Escape.capped(c.ref))
        var out = "<section class=\"trend\" id=\"trend\" aria-labelledby=\"trend-h\"><h2 id=\"trend-h\" class=\"section-h\">Since the last audit (\(ref))</h2>"
        out += "<p class=\"explain\">Findings matched with those of <code>\(ref)</code> (commit <code>\(HTMLText.esc(String(c.commit.prefix(12))))</code>): new ones are open, the ones already there are listed as suppressed.</p>"
        out += "<dl class=\"stats\">"
        out += HTMLReporter.stat("New", c.added, c.added > 0 ? "sev-warning" : "zero")
        out += HTMLReporter.stat("Fixed", c.fixed, c.fixed > 0 ? "fixed" : "zero")
        out += HTMLReporter.stat("Unchanged", c.unchanged, c.unchanged > 0 ? "suppressed" : "zero")
        out += "</dl>"
        let added = ctx.report.findings.filter { !$0.suppressed }
        if added.isEmpty {
            out += "<p class=\"mark-line\"><span class=\"mark ok\"><span aria-hidden=\"true\">✓ </span>No new finding since \(ref)\(c.fixed > 0 ? ", and \(HTMLText.count(c.fixed, "finding")) fixed" : "").</span></p>"
        } else {
            out += "<h3>New since \(ref)</h3><ul class=\"plain\">"
            for f in added.prefix(50) {
                out += "<li>\(HTMLReporter.badge(f.severity)) <code>\(HTMLText.esc(f.rule))</code> \(HTMLText.esc(f.message)) <code class=\"loc\">\(HTMLText.esc(HTMLText.location(f)))</code></li>"
            }
            out += "</ul>"
            if added.count > 50 { out += "<p class=\"note\">and \(added.count - 50) more under <a href=\"#findings\">Findings by rule</a>.</p>" }
        }
        return out + "</section>"
    }
}
