import LadderModel
import LadderRules

/// What the report knows while it renders: the report, the policy picture by ladder, and
/// lookups from rule ids to their facts (rules/builtin.yaml: category, promotion, facet) and
/// anchors. Built once per page. Nothing here names a rule or a check: a rule added to a pack
/// shows where its facts say.
struct HTMLContext {
    let report: Report
    let policy: [String: PolicyPicture]?
    let ruleOf: [String: Rule]
    let ruleAnchor: [String: String]
    let byLadder: [String: [Finding]]
    let minGroup: Int

    init(_ report: Report, policy: [PolicyPicture]?) {
        self.report = report
        self.policy = policy.map { Dictionary($0.map { ($0.ladder, $0) }, uniquingKeysWith: { a, _ in a }) }
        ruleOf = Dictionary(report.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var anchors: [String: String] = [:]
        var used = Set<String>()
        for id in Set(report.findings.map(\.rule)).sorted() {
            var a = "rule-" + HTMLText.slug(id)
            var k = 2
            while used.contains(a) {
                a = "rule-" + HTMLText.slug(id) + "-\(k)"
                k += 1
            }
            used.insert(a)
            anchors[id] = a
        }
        ruleAnchor = anchors
        var by: [String: [Finding]] = [:]
        for f in report.findings { if let l = f.ladder { by[l, default: []].append(f) } }
        byLadder = by
        // The survey rule that sets the smallest group shown: its `min_group` parameter.
        minGroup = report.rules.first { $0.category == .survey && $0.params.values["min_group"] != nil }?.params.int("min_group") ?? 5
    }

    /// The category of a finding's rule; ladderlint's own findings (no pack rule) have none.
    func category(_ f: Finding) -> RuleCategory? { ruleOf[f.rule]?.category }
    func facet(_ f: Finding) -> RuleFacet? { ruleOf[f.rule]?.facet }
    /// Whether the finding means the ladder treats management as a promotion.
    func promotion(_ f: Finding) -> Bool { ruleOf[f.rule]?.promotion ?? false }
}

/// The one-sentence verdict of a ladder and its status.
struct HTMLVerdict {
    enum Status: String {
        case promotion, attention, parity, incomplete

        /// Order of the report: problems first.
        var rank: Int {
            switch self {
            case .promotion: return 0
            case .attention: return 1
            case .parity: return 2
            case .incomplete: return 3
            }
        }

        var label: String {
            switch self {
            case .promotion: return "Management treated as a promotion"
            case .attention: return "Parity, with problems to fix"
            case .parity: return "Parity"
            case .incomplete: return "Too little on file to judge"
            }
        }

        var symbol: String {
            switch self {
            case .promotion: return "✗"
            case .attention: return "!"
            case .parity: return "✓"
            case .incomplete: return "?"
            }
        }
    }

    var status: Status
    var sentence: String

    init(_ m: LadderMetrics, _ ctx: HTMLContext) {
        let live = (ctx.byLadder[m.id] ?? []).filter { !$0.suppressed && $0.severity >= .warning }
        let compared = m.pay.contains { $0.ratio != nil }
        let policy = ctx.policy?[m.id]
        if live.contains(where: { ctx.promotion($0) }) {
            status = .promotion
        } else if !live.isEmpty {
            status = .attention
        } else if !compared && (policy?.isEmpty ?? true) {
            // Nothing on file to compare: no finding is not the same as parity.
            status = .incomplete
        } else {
            status = .parity
        }
        var clauses: [String] = [Self.pay(m)]
        if let top = m.topManagement, let ic = m.topIC, top > ic {
            clauses.append("the IC track stops at grade \(ic) while management reaches \(top)")
        } else if m.topManagement != nil, m.topIC == nil {
            clauses.append("there is no IC track")
        }
        if let p = policy {
            clauses += Self.policy(p)
        } else {
            clauses += Self.policyFromFindings(ctx.byLadder[m.id] ?? [], ctx)
        }
        if (ctx.byLadder[m.id] ?? []).contains(where: { ctx.facet($0) == .surveyOverdue && !$0.suppressed }) {
            let last = m.survey.map(\.conducted).max()
            clauses.append(last.map { "the last parity survey dates from \($0)" } ?? "no parity survey is on file")
        }
        let s = clauses.filter { !$0.isEmpty }.joined(separator: "; ")
        sentence = s.prefix(1).uppercased() + s.dropFirst() + "."
    }

    static func pay(_ m: LadderMetrics) -> String {
        // Counted over what was compared: one grade in one zone (a row of the metrics) is a pair.
        let compared = m.pay.filter { $0.ratio != nil }
        let above = compared.filter { !HTMLBandChart.gaps($0).isEmpty }
        let unequal = compared.filter { $0.ratio != 1 || $0.minRatio != 1 || $0.midRatio != 1 }
        if m.pay.isEmpty { return "no pay bands on file" }
        if compared.isEmpty { return "no grade has pay bands on both tracks" }
        let n = compared.count
        if !above.isEmpty {
            let worst = above.flatMap { HTMLBandChart.gaps($0).map(\.1) }.max() ?? 1
            return "management is paid above IC peers at \(above.count) of \(pairs(n)), by up to \(HTMLText.gap(worst))"
        }
        if unequal.isEmpty { return "IC and management are paid alike at \(n == 1 ? "the one grade × zone pair" : "all \(pairs(n))") with both tracks" }
        return "management is paid above IC peers at none of the \(pairs(n)) with both tracks"
    }

    static func policy(_ p: PolicyPicture) -> [String] {
        let c = categorized(p)
        return [RuleCategory.training, .decisions, .forums, .transitions].flatMap { c[$0] ?? [] }
    }

    /// The policy clauses by the rule category they speak for.
    static func categorized(_ p: PolicyPicture) -> [RuleCategory: [String]] {
        var byCategory: [RuleCategory: [String]] = [:]
        var out: [String] = []
        // As the rules judge them: a shared level counts as an IC (and a manager), and an
        // audience of groups outside the ladder only (the people team) is neither.
        let training = p.programs.filter { $0.kind == "leadership-training" }
        let closed = training.filter { $0.eligible.individualContributor.isEmpty && !$0.eligible.outsideOnly }
        if training.isEmpty {
            if !p.isEmpty { out.append("there is no leadership training") }
        } else if closed.count == training.count {
            out.append("leadership training is open to managers only")
        } else if closed.isEmpty {
            out.append("leadership training is open to ICs and managers")
        } else {
            out.append("\(closed.count) of \(training.count) leadership-training programs are open to managers only")
        }
        byCategory[.training] = out
        out = []
        let technical = p.decisions.filter { $0.kind == "technical" }
        let managerOwned = technical.filter { $0.owner.individualContributor.isEmpty && !$0.owner.outsideOnly }
        if !technical.isEmpty {
            if managerOwned.isEmpty {
                out.append("engineers own technical decisions")
            } else if managerOwned.count == technical.count {
                out.append("managers alone own technical decisions")
            } else {
                out.append("managers alone own \(managerOwned.count) of \(technical.count) technical decisions")
            }
        }
        byCategory[.decisions] = out
        out = []
        let seats = p.forums.filter { $0.purpose != "information" && !$0.members.management.isEmpty }
        let noIC = seats.filter { $0.members.individualContributor.isEmpty }
        if !noIC.isEmpty {
            out.append("ICs have no seat in \(noIC.count == seats.count && seats.count == 1 ? "the" : "\(noIC.count) of \(seats.count)") planning or decision forum\(seats.count == 1 ? "" : "s")")
        } else if !seats.isEmpty {
            out.append("ICs sit in every planning and decision forum")
        }
        byCategory[.forums] = out
        out = []
        var costs: [String] = []
        for t in p.transitions {
            if t.fromKind == "individual-contributor", t.toKind == "management" {
                let gains = [t.gradeChange.flatMap { $0 > 0 ? HTMLText.gradeChange($0) : nil }, t.payChange.flatMap { $0 > 0 ? HTMLText.signedPercent($0) + " pay" : nil }].compactMap { $0 }
                if !gains.isEmpty { costs.append("moving into management earns " + HTMLText.list(gains)) }
            }
            if t.fromKind == "management", t.toKind == "individual-contributor" {
                let losses = [t.gradeChange.flatMap { $0 < 0 ? HTMLText.gradeChange($0) : nil }, t.payChange.flatMap { $0 < 0 ? HTMLText.signedPercent($0) + " pay" : nil }].compactMap { $0 }
                if !losses.isEmpty { costs.append("going back to IC costs " + HTMLText.list(losses)) }
            }
        }
        if !costs.isEmpty {
            out += costs
        } else if p.transitions.contains(where: switchesTracks) {
            out.append("switching tracks keeps grade and pay")
        }
        byCategory[.transitions] = out
        return byCategory
    }

    /// A move between an IC and a management track: the only moves the transition rules judge
    /// (one from or to a shared track, which is on both sides, changes no track).
    static func switchesTracks(_ t: PolicyPicture.Transition) -> Bool {
        let kinds = [t.fromKind, t.toKind]
        return kinds == ["individual-contributor", "management"] || kinds == ["management", "individual-contributor"]
    }

    /// Without the policy picture, the verdict can only repeat what the findings say.
    static func policyFromFindings(_ findings: [Finding], _ ctx: HTMLContext) -> [String] {
        let live = findings.filter { !$0.suppressed }
        var out: [String] = []
        if live.contains(where: { ctx.facet($0) == .managersOnlyTraining }) { out.append("leadership training is open to managers only") }
        if live.contains(where: { ctx.category($0) == .decisions }) { out.append("managers alone own technical decisions") }
        if live.contains(where: { ctx.category($0) == .forums }) { out.append("ICs have no seat in a planning or decision forum") }
        if live.contains(where: { ctx.category($0) == .transitions }) { out.append("changing tracks gains or costs grade or pay") }
        return out
    }
}

/// The policy picture of one ladder: programs, decisions, forums, transitions and promotion
/// requirements, each marked with the findings that point into it.
struct HTMLPolicy {
    var ladder: LadderMetrics
    var ctx: HTMLContext

    var findings: [Finding] { ctx.byLadder[ladder.id] ?? [] }

    func html() -> String {
        guard let p = ctx.policy?[ladder.id] else { return fallback() }
        if p.isEmpty {
            return "<p class=\"muted\">No policy document is on file for this ladder: no program, decision, forum or transition to show.</p>" + promotion()
        }
        var s = ""
        let training = p.programs.sorted { ($0.kind == "leadership-training" ? 0 : 1) < ($1.kind == "leadership-training" ? 0 : 1) }
        s += block(
            "Who may join leadership training", "Programs and who is eligible, resolved to the ladder's levels.",
            empty: p.programs.isEmpty ? "No program is on file." : nil,
            head: ["Program", "Kind", "Open to", "Parity"],
            rows: training.map { g in
                ["<strong>\(HTMLText.esc(g.name))</strong><code class=\"sub\">\(HTMLText.esc(g.id))</code>",
                 HTMLText.esc(g.kind), audience(g.eligible, tagTechLeads: true), marks(g.anchor)]
            })
        let decisions = p.decisions.sorted { ($0.kind == "technical" ? 0 : 1) < ($1.kind == "technical" ? 0 : 1) }
        s += block(
            "Who owns technical decisions", "Decisions and the levels that make the call; technical ones first.",
            empty: p.decisions.isEmpty ? "No decision is on file." : nil,
            head: ["Area", "Kind", "Owner", "Consulted", "Parity"],
            rows: decisions.map { d in
                ["<strong>\(HTMLText.esc(d.area))</strong>", HTMLText.esc(d.kind), audience(d.owner, tagTechLeads: false),
                 d.consulted.map { audience($0, tagTechLeads: false) } ?? "<span class=\"muted\">–</span>", marks(d.anchor)]
            })
        let forums = p.forums.sorted { ($0.purpose == "information" ? 1 : 0) < ($1.purpose == "information" ? 1 : 0) }
        s += block(
            "Who sits in planning forums", "Forums and their members; planning and decision forums first.",
            empty: p.forums.isEmpty ? "No forum is on file." : nil,
            head: ["Forum", "Purpose", "Members", "Parity"],
            rows: forums.map { f in
                ["<strong>\(HTMLText.esc(f.name))</strong><code class=\"sub\">\(HTMLText.esc(f.id))</code>",
                 HTMLText.esc(f.purpose), audience(f.members, tagTechLeads: false), marks(f.anchor)]
            })
        s += block(
            "What changing tracks costs", "Grade and pay change when someone moves between tracks (a fraction of base pay, never an amount).",
            empty: p.transitions.isEmpty ? "No transition is on file." : nil,
            head: ["Move", "Grade", "Pay", "Parity"],
            rows: p.transitions.map { t in
                ["\(HTMLText.esc(t.fromName)) → \(HTMLText.esc(t.toName))<code class=\"sub\">\(HTMLText.esc(t.from)) → \(HTMLText.esc(t.to))</code>",
                 t.gradeChange.map { HTMLText.esc(HTMLText.gradeChange($0)) } ?? "<span class=\"muted\">not stated</span>",
                 t.payChange.map { HTMLText.esc(HTMLText.signedPercent($0)) } ?? "<span class=\"muted\">not stated</span>",
                 t.fromKind == "shared" || t.toKind == "shared"
                    ? "<span class=\"muted\">not judged: a shared track is on both sides</span>" + (findings.contains(where: t.anchor.contains) ? " " + marks(t.anchor) : "")
                    : marks(t.anchor)]
            })
        s += promotion()
        return s
    }

    func block(_ title: String, _ note: String, empty: String?, head: [String], rows: [[String]]) -> String {
        var s = "<div class=\"policy-block\"><h4>\(HTMLText.esc(title))</h4>"
        if let empty {
            return s + "<p class=\"muted\">\(HTMLText.esc(empty))</p></div>"
        }
        s += "<table class=\"policy\"><caption class=\"sr\">\(HTMLText.esc(title)): \(HTMLText.esc(note))</caption><thead><tr>"
        for h in head { s += "<th scope=\"col\"\(h == "Parity" ? " class=\"parity-col\"" : "")>\(HTMLText.esc(h))</th>" }
        s += "</tr></thead><tbody>"
        for r in rows {
            let fails = r.last?.contains("class=\"mark fail") ?? false
            s += "<tr\(fails ? " class=\"fails\"" : "")>"
            for (i, c) in r.enumerated() { s += i == 0 ? "<th scope=\"row\">\(c)</th>" : "<td>\(c)</td>" }
            s += "</tr>"
        }
        return s + "</tbody></table></div>"
    }

    func audience(_ a: PolicyPicture.Audience, tagTechLeads: Bool) -> String {
        // An audience without ICs (or tech leads) is what parity is about; without managers it is not.
        func ids(_ l: [String], alarm: Bool) -> String {
            l.isEmpty ? "<strong class=\"\(alarm ? "none" : "none quiet")\">none</strong>" : HTMLText.esc(l.joined(separator: ", "))
        }
        // A shared level is on both sides; it is listed once, on a line of its own, and the
        // IC line is not an alarm when a shared level stands for the ICs. An audience of outside
        // groups only is no alarm either: it holds no one of the ladder.
        let shared = a.shared
        let ic = a.individualContributor.filter { !shared.contains($0) }, management = a.management.filter { !shared.contains($0) }
        let quietIC = !shared.isEmpty || a.outsideOnly
        var s = "<div class=\"aud\"><span class=\"who\"><span class=\"k ic-k\">IC</span> \(ids(ic, alarm: !quietIC))</span>"
        s += "<span class=\"who\"><span class=\"k mgmt-k\">Mgmt</span> \(ids(management, alarm: false))</span>"
        if !shared.isEmpty {
            s += "<span class=\"who\"><span class=\"k\">Shared</span> \(HTMLText.esc(shared.joined(separator: ", ")))</span>"
        }
        if !a.groups.isEmpty {
            s += "<span class=\"who\"><span class=\"k\">Outside</span> \(HTMLText.esc(a.groups.joined(separator: ", ")))<span class=\"sr\"> (outside the ladder: neither track)</span></span>"
        }
        if tagTechLeads {
            s += "<span class=\"who\"><span class=\"k tl-k\">Tech leads</span> \(ids(a.techLeads, alarm: true))</span>"
        }
        s += "<span class=\"written\">as written: \(HTMLText.esc(a.written))</span></div>"
        return s
    }

    /// The findings that point into an entry, or a tick.
    func marks(_ anchor: PolicyPicture.Anchor) -> String {
        let hits = findings.filter(anchor.contains)
        return marks(hits)
    }

    func marks(_ hits: [Finding]) -> String {
        guard !hits.isEmpty else { return "<span class=\"mark ok\"><span aria-hidden=\"true\">✓ </span>no finding</span>" }
        var seen = Set<String>()
        var s = ""
        for f in hits.sorted(by: { ($0.suppressed ? 1 : 0, -rank($0.severity)) < ($1.suppressed ? 1 : 0, -rank($1.severity)) }) {
            let key = f.rule + (f.suppressed ? "/s" : "")
            guard seen.insert(key).inserted else { continue }
            let anchor = ctx.ruleAnchor[f.rule] ?? "findings"
            if f.suppressed {
                s += "<a class=\"mark waived\" href=\"#\(anchor)\">\(f.suppression?.kind == .baseline ? "in baseline" : "waived") · \(HTMLText.esc(f.rule))</a>"
            } else {
                let cls = f.severity == .info ? "mark note sev-info" : "mark fail sev-\(f.severity.rawValue)"
                s += "<a class=\"\(cls)\" href=\"#\(anchor)\"><span aria-hidden=\"true\">\(f.severity == .info ? "i " : "✗ ")</span>\(f.severity.rawValue) · \(HTMLText.esc(f.rule))</a>"
            }
        }
        return s
    }

    func rank(_ s: Severity) -> Int { s == .error ? 2 : s == .warning ? 1 : 0 }

    /// IC promotions that ask for people management: only findings say so.
    func promotion() -> String {
        let hits = findings.filter { ctx.facet($0) == .promotionRequirement }
        var s = "<div class=\"policy-block\"><h4>What IC promotions require</h4>"
        if hits.isEmpty {
            return s + "<p class=\"mark-line\"><span class=\"mark ok\"><span aria-hidden=\"true\">✓ </span>no IC promotion asks for people management</span></p></div>"
        }
        s += "<ul class=\"plain\">"
        for f in hits {
            s += "<li>\(marks([f])) \(HTMLText.esc(f.message)) <code class=\"loc\">\(HTMLText.esc(HTMLText.location(f)))</code></li>"
        }
        return s + "</ul></div>"
    }

    /// Without the picture (a caller that did not compute it), list the policy findings by question.
    func fallback() -> String {
        let groups: [(String, RuleCategory)] = [
            ("Who may join leadership training", .training),
            ("Who owns technical decisions", .decisions),
            ("Who sits in planning forums", .forums),
            ("What changing tracks costs", .transitions),
        ]
        var s = "<p class=\"muted\">This report was made without the resolved policy picture; these are the findings about each policy.</p>"
        for (title, category) in groups {
            let hits = findings.filter { ctx.category($0) == category }
            s += "<div class=\"policy-block\"><h4>\(HTMLText.esc(title))</h4>"
            if hits.isEmpty {
                s += "<p class=\"mark-line\"><span class=\"mark ok\"><span aria-hidden=\"true\">✓ </span>no finding</span></p>"
            } else {
                s += "<ul class=\"plain\">"
                for f in hits { s += "<li>\(marks([f])) \(HTMLText.esc(f.message)) <code class=\"loc\">\(HTMLText.esc(HTMLText.location(f)))</code></li>" }
                s += "</ul>"
            }
            s += "</div>"
        }
        return s + promotion()
    }
}
