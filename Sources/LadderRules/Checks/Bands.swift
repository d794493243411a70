import LadderModel
import LadderYAML

extension Check {
    /// Bands whose numbers contradict themselves.
    static let bandShape = Check(
        id: "band-shape",
        summary: "checks each band's base and equity ranges are ordered, base above 0 and equity 0 or above, bonus_target is a fraction, and steps rise inside the base range",
        messageArgs: ["level", "problem", "fix", "zone"]
    ) { ctx in
        var hits: [Hit] = []
        for b in ctx.ladder.bands {
            let cur = b.band.currency
            func hit(_ span: Span, _ path: ModelPath, _ problem: String, _ fix: String, _ evidence: [Evidence]) {
                hits.append(Hit(
                    file: b.source.file, span: span, path: path, subjects: [b.level.id.value], evidence: evidence,
                    args: ["level": .text(b.label), "problem": .text(problem), "fix": .text(fix), "zone": .text(b.band.zone)],
                    track: b.track.id.value, grade: b.grade, zone: b.band.zone))
            }
            // Paths and messages are built only for a finding: most bands have none.
            func checkRange(_ name: String, _ r: AmountRange) {
                // Equity may be in a currency of its own (`equity: {currency: USD, …}`).
                let cur = name == "equity" ? b.band.equityCurrency : cur
                let lo = r.min.value, hi = r.max.value, mid = r.mid?.value
                // Each problem is a noun phrase: the message template reads "… has {problem}: {fix}".
                let a = name == "equity" ? "an" : "a"
                var order: String?
                if lo > hi {
                    order = "\(a) \(name).min of \(Format.amount(lo, cur)), above its \(name).max of \(Format.amount(hi, cur))"
                } else if let mid, mid < lo {
                    order = "\(a) \(name).mid of \(Format.amount(mid, cur)), below its \(name).min of \(Format.amount(lo, cur))"
                } else if let mid, mid > hi {
                    order = "\(a) \(name).mid of \(Format.amount(mid, cur)), above its \(name).max of \(Format.amount(hi, cur))"
                }
                if let order {
                    let anchor = r.mid ?? r.max
                    hit(anchor.span, b.band.path.key(name).key(r.mid == nil ? "max" : "mid"), order, "order them min <= mid <= max",
                        [Evidence("range", .string(name)), Evidence("min", .amount(lo)), Evidence("max", .amount(hi))] + (mid.map { [Evidence("mid", .amount($0))] } ?? []))
                }
                // Base pay must be above 0; 0 is a legitimate equity floor (no equity at that end
                // of the band), so equity must only be 0 or above.
                let zeroAllowed = name == "equity"
                func checkPositive(_ key: String, _ v: Located<Double>?) {
                    guard let v, zeroAllowed ? v.value < 0 : v.value <= 0 else { return }
                    hit(v.span, b.band.path.key(name).key(key), "\(a) \(name).\(key) of \(Format.amount(v.value, cur))",
                        zeroAllowed ? "equity must be 0 or above (0: no equity)" : "base pay must be above 0",
                        [Evidence("range", .string(name)), Evidence(key, .amount(v.value))])
                }
                checkPositive("min", r.min)
                checkPositive("mid", r.mid)
                checkPositive("max", r.max)
            }
            // Steps (`steps:`) are named amounts inside the base range, lowest first: each must lie
            // within base.min..base.max and be above the one before. One finding per step; the
            // range is not judged when base itself is out of order (that is reported above).
            func checkSteps(_ base: AmountRange, _ steps: [BandStep]) {
                let lo = base.min.value, hi = base.max.value
                var previous: BandStep?
                for step in steps {
                    defer { previous = step }
                    let v = step.amount.value, name = step.name.value
                    let path = b.band.path.key("steps").key(name)
                    let shown = "the step '\(name)' at \(Format.amount(v, cur))"
                    let evidence = [Evidence("step", .string(name)), Evidence("amount", .amount(v)), Evidence("min", .amount(lo)), Evidence("max", .amount(hi))]
                    if lo <= hi, v < lo || v > hi {
                        let side = v < lo ? "below base.min \(Format.amount(lo, cur))" : "above base.max \(Format.amount(hi, cur))"
                        hit(step.amount.span, path, "\(shown), \(side)", "keep every step between base.min and base.max", evidence)
                    } else if let p = previous, v <= p.amount.value {
                        hit(step.amount.span, path, "\(shown), not above the step '\(p.name.value)' before it at \(Format.amount(p.amount.value, cur))",
                            "list steps lowest first, each above the one before", evidence + [Evidence("previous_step", .string(p.name.value)), Evidence("previous_amount", .amount(p.amount.value))])
                    }
                }
            }
            checkRange("base", b.band.base)
            if let equity = b.band.equity { checkRange("equity", equity) }
            if !b.band.steps.isEmpty { checkSteps(b.band.base, b.band.steps) }
            if let bonus = b.band.bonusTarget, bonus.value < 0 || bonus.value > 1 {
                hit(bonus.span, b.band.path.key("bonus_target"), "a bonus_target of \(Format.plain(bonus.value)), outside 0 to 1",
                    "write it as a fraction of base (0.10 for 10%)", [Evidence("bonus_target", .number(bonus.value))])
            }
        }
        return hits
    }

    /// A higher grade paid below a lower grade of the same track.
    static let bandProgression = Check(
        id: "band-progression",
        summary: "checks that within a track (shared levels included in every track), zone, currency and period, base.min and base.max rise with grade",
        messageArgs: ["higher", "lower", "what", "higher_amount", "lower_amount", "zone"]
    ) { ctx in
        let bands = ctx.ladder.bands
        var hits: [Hit] = []
        for group in ctx.payGroups {
            // Shared levels (a common trunk, a converged top) are on every track's way up: a
            // track's bands are compared with its own lower grades and the shared ones, and a
            // shared band with every lower grade of the group.
            let shared = group.members.filter { bands[$0].kind == .shared }
            for (track, list) in partition(group.members, by: { bands[$0].track.id.value }) {
                let pool = bands[list[0]].kind == .shared ? group.members : shared.isEmpty ? list : list + shared
                // Compares one end of band `bi`'s base range with the highest of the lower grades'.
                func compare(_ bi: Int, _ key: String, _ end: (AmountRange) -> Located<Double>) {
                    let grade = bands[bi].grade
                    let located = end(bands[bi].band.base), value = located.value
                    let lower = pool.lazy.filter { bands[$0].grade < grade }
                    guard let ti = firstMax(lower, by: { end(bands[$0].band.base).value }) else { return }
                    let lowerValue = end(bands[ti].band.base).value
                    guard value < lowerValue else { return }
                    let b = bands[bi], top = bands[ti]
                    hits.append(Hit(
                        file: b.source.file, span: located.span, path: b.band.path.key("base").key(key),
                        subjects: [b.level.id.value, top.level.id.value],
                        evidence: [
                            Evidence("zone", .string(group.zone)), Evidence("currency", .string(group.currency)),
                            Evidence("measure", .string("base.\(key)")), Evidence("higher_grade", .int(b.grade)), Evidence("lower_grade", .int(top.grade)),
                            Evidence("higher", .amount(value)), Evidence("lower", .amount(lowerValue)),
                        ],
                        args: [
                            "higher": .text("\(b.label), grade \(b.grade)"), "lower": .text("\(top.label), grade \(top.grade)"),
                            "what": .text("base.\(key)"), "higher_amount": .amount(value, currency: group.currency),
                            "lower_amount": .amount(lowerValue, currency: group.currency), "zone": .text(group.zone),
                        ],
                        track: track, grade: b.grade, zone: group.zone))
                }
                for bi in list {
                    compare(bi, "min") { $0.min }
                    compare(bi, "max") { $0.max }
                }
            }
        }
        return hits
    }

    /// A band too narrow or too wide.
    static let bandSpread = Check(
        id: "band-spread",
        summary: "compares each band's spread (max - min) / min with a range",
        params: [
            ParamSpec("min_spread", .number(min: 0, max: nil), .number(0.15), "narrowest acceptable spread"),
            ParamSpec("max_spread", .number(min: 0, max: nil), .number(1.0), "widest acceptable spread"),
        ],
        messageArgs: ["level", "spread", "min_spread", "max_spread", "zone"]
    ) { ctx in
        let lo = ctx.params.number("min_spread"), hi = ctx.params.number("max_spread")
        return ctx.ladder.bands.compactMap { b in
            let r = b.band.base
            guard r.min.value > 0 else { return nil }
            // A formula without steps derives one amount per level and zone, not a range: it
            // has no spread to judge (docs/format.md, "Pay formulas").
            if b.band.formula != nil, b.band.steps.isEmpty { return nil }
            let spread = (r.max.value - r.min.value) / r.min.value
            guard spread < lo || spread > hi else { return nil }
            return Hit(
                file: b.source.file, span: r.span, path: b.band.path.key("base"), subjects: [b.level.id.value],
                evidence: [Evidence("zone", .string(b.band.zone)), Evidence("spread", .ratio(Format.round(spread, 4)))],
                args: [
                    "level": .text(b.label), "spread": .percent(spread), "min_spread": .percent(lo), "max_spread": .percent(hi),
                    "zone": .text(b.band.zone),
                ],
                track: b.track.id.value, grade: b.grade, zone: b.band.zone)
        }
    }
}
