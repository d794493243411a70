import LadderModel
import LadderYAML

extension Check {
    /// Management base pay (max, min or midpoint) above the highest IC peer's by more than a tolerance.
    static let payParity = Check(
        id: "pay-parity",
        summary: "compares a management band's base pay with the highest of its IC peers' at the same grade, zone, currency and period; bands of one pay formula once per pair, on their level factors",
        params: [
            ParamSpec("measure", .choice(["max", "min", "mid"]), .string("max"), "which part of the base band to compare"),
            ParamSpec("tolerance", .number(min: 0, max: nil), .number(0), "how far above the IC value (a fraction, e.g. 0.02) management may go before it is a finding"),
        ],
        messageArgs: [
            "management", "ic", "management_amount", "ic_amount", "difference", "tolerance", "grade", "zone", "currency",
            // A pay formula's pair (the rule's `factor_message`).
            "management_level", "ic_level", "management_factor", "ic_factor",
        ],
        needs: [.ladder, .compensation, .payFormula]
    ) { ctx in
        let measure = ctx.params.string("measure")
        let tolerance = ctx.params.number("tolerance")
        let bands = ctx.ladder.bands
        // Chosen once: the measure is read for every pair of peers.
        let pick: (AmountRange) -> Double =
            switch measure {
            case "min": { $0.min.value }
            case "mid": { $0.midpoint }
            default: { $0.max.value }
            }
        func value(_ i: Int) -> Double { pick(bands[i].band.base) }
        var hits = formulaPairs(ctx, measure: measure, tolerance: tolerance)
        for group in ctx.payGroups {
            for mi in group.members where bands[mi].kind == .management {
                let grade = bands[mi].grade
                // A band of this grade and zone had errors: the comparison would be a guess.
                if ctx.ladder.comparisonStandsDown(grade: grade, zone: group.zone) { continue }
                // IC peers: levels of an IC track, and shared levels (of both tracks).
                let peers = group.members.lazy.filter { bands[$0].kind != .management && bands[$0].grade == grade }
                guard let ti = firstMax(peers, by: value) else { continue }
                // Two bands of one pay formula were compared on their factors, once (above).
                if ctx.ladder.derivedBands > 0, bands[mi].band.formula != nil, bands[ti].band.formula != nil, bands[mi].source == bands[ti].source { continue }
                let ic = value(ti), mv = value(mi)
                guard ic > 0, (mv - ic) / ic > tolerance else { continue }
                let m = bands[mi], top = bands[ti]
                let base = m.band.path.key("base")
                let span: Span
                let path: ModelPath
                switch measure {
                case "min": (span, path) = (m.band.base.min.span, base.key("min"))
                case "mid":
                    if let mid = m.band.base.mid { (span, path) = (mid.span, base.key("mid")) } else { (span, path) = (m.band.base.span, base) }
                default: (span, path) = (m.band.base.max.span, base.key("max"))
                }
                hits.append(Hit(
                    file: m.source.file, span: span, path: path,
                    subjects: [m.level.id.value, top.level.id.value],
                    evidence: [
                        Evidence("grade", .int(m.grade)), Evidence("zone", .string(group.zone)),
                        Evidence("currency", .string(group.currency)), Evidence("period", .string(group.period.rawValue)),
                        Evidence("measure", .string(measure)),
                        Evidence("management", .amount(mv)), Evidence("individual_contributor", .amount(ic)),
                        Evidence("ratio", .ratio(Format.round(mv / ic, 4))),
                    ],
                    args: [
                        "management": .text(m.label), "ic": .text(top.label),
                        "management_amount": .amount(mv, currency: group.currency), "ic_amount": .amount(ic, currency: group.currency),
                        "difference": .percent((mv - ic) / ic), "tolerance": .percent(tolerance),
                        "grade": .int(m.grade), "zone": .text(group.zone), "currency": .text(group.currency),
                    ],
                    track: m.track.id.value, grade: m.grade, zone: group.zone))
            }
        }
        return hits
    }

    /// The management levels of each pay formula against their IC peers of the same formula,
    /// on benchmark × level factor. Zone factor, fx and steps are the same on both sides, so
    /// min, mid and max differ by that ratio in every zone: one hit per pair and rule, at the
    /// management factor, whatever the number of zones (and no rounding in the comparison).
    static func formulaPairs(_ ctx: CheckContext, measure: String, tolerance: Double) -> [Hit] {
        guard ctx.ladder.derivedBands > 0 else { return [] }
        let bands = ctx.ladder.bands
        struct LevelOfFormula: Hashable {
            var source: DocumentSource
            var level: String
        }
        // One band per level of each formula (its first zone), in ladder order.
        var seen = Set<LevelOfFormula>()
        var firsts: [Int] = []
        for i in bands.indices where bands[i].band.formula != nil {
            if seen.insert(LevelOfFormula(source: bands[i].source, level: bands[i].level.id.value)).inserted { firsts.append(i) }
        }
        guard !firsts.isEmpty else { return [] }
        func amount(_ i: Int) -> Double { bands[i].band.formula!.levelAmount }
        var hits: [Hit] = []
        for (_, members) in partition(firsts, by: { bands[$0].source }) {
            for mi in members where bands[mi].kind == .management {
                let grade = bands[mi].grade
                let peers = members.lazy.filter { bands[$0].kind != .management && bands[$0].grade == grade }
                guard let ti = firstMax(peers, by: amount) else { continue }
                let ic = amount(ti), mv = amount(mi)
                guard ic > 0, (mv - ic) / ic > tolerance else { continue }
                let m = bands[mi], top = bands[ti]
                let mf = m.band.formula!, tf = top.band.formula!
                // The benchmarks are named only when the two levels' families are paid from different ones.
                let families = mf.benchmark != tf.benchmark
                func shown(_ f: BandFormula) -> String {
                    let factor = Format.plain(f.factor.value)
                    guard families else { return factor }
                    return "\(factor) × the \(f.family.map { "\($0) " } ?? "")benchmark \(Format.amount(f.benchmark, f.currency))"
                }
                var evidence = [
                    Evidence("grade", .int(m.grade)), Evidence("period", .string(m.band.period.rawValue)),
                    Evidence("measure", .string(measure)), Evidence("basis", .string("level_factor")),
                    Evidence("management_factor", .number(mf.factor.value)), Evidence("individual_contributor_factor", .number(tf.factor.value)),
                    Evidence("ratio", .ratio(Format.round(mv / ic, 4))),
                ]
                if families {
                    evidence += [
                        Evidence("currency", .string(mf.currency)),
                        Evidence("management_benchmark", .amount(mf.benchmark)), Evidence("individual_contributor_benchmark", .amount(tf.benchmark)),
                    ]
                }
                hits.append(Hit(
                    file: m.source.file, span: mf.factor.span, path: PayFormula.factorPath(m.level.id.value),
                    subjects: [m.level.id.value, top.level.id.value], evidence: evidence,
                    args: [
                        "management": .text(m.label), "ic": .text(top.label),
                        "management_level": .text(m.level.id.value), "ic_level": .text(top.level.id.value),
                        "management_factor": .text(shown(mf)), "ic_factor": .text(shown(tf)),
                        // For a rule without `factor_message`, its `message` still reads.
                        "management_amount": .text("level factor \(shown(mf))"), "ic_amount": .text("level factor \(shown(tf))"),
                        "difference": .percent((mv - ic) / ic), "tolerance": .percent(tolerance),
                        "grade": .int(m.grade), "zone": .text("every zone of the pay formula"), "currency": .text(mf.currency),
                    ],
                    track: m.track.id.value, grade: m.grade))
            }
        }
        return hits
    }
}
