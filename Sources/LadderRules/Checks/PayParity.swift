import LadderModel
import LadderYAML

extension Check {
    /// Management base pay (max, min or midpoint) above the highest IC peer's by more than a tolerance.
    static let payParity = Check(
        id: "pay-parity",
        summary: "compares a management band's base pay with the highest of its IC peers' at the same grade, zone, currency and period",
        params: [
            ParamSpec("measure", .choice(["max", "min", "mid"]), .string("max"), "which part of the base band to compare"),
            ParamSpec("tolerance", .number(min: 0, max: nil), .number(0), "how far above the IC value (a fraction, e.g. 0.02) management may go before it is a finding"),
        ],
        messageArgs: ["management", "ic", "management_amount", "ic_amount", "difference", "tolerance", "grade", "zone", "currency"],
        needs: [.ladder, .compensation]
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
        var hits: [Hit] = []
        for group in ctx.payGroups {
            for mi in group.members where bands[mi].kind == .management {
                let grade = bands[mi].grade
                // IC peers: levels of an IC track, and shared levels (of both tracks).
                let peers = group.members.lazy.filter { bands[$0].kind != .management && bands[$0].grade == grade }
                guard let ti = firstMax(peers, by: value) else { continue }
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
}
