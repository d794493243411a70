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
        func value(_ b: PlacedBand) -> Double {
            switch measure {
            case "min": return b.band.base.min.value
            case "mid": return b.band.base.midpoint
            default: return b.band.base.max.value
            }
        }
        var hits: [Hit] = []
        for (group, bands) in PayGroup.grouped(ctx.ladder.bands) {
            for m in bands where m.kind == .management {
                let peers = bands.filter { $0.kind == .individualContributor && $0.grade == m.grade }
                guard let top = peers.max(by: { value($0) < value($1) }) else { continue }
                let ic = value(top), mv = value(m)
                guard ic > 0, (mv - ic) / ic > tolerance else { continue }
                let span: Span
                let key: String
                switch measure {
                case "min": (span, key) = (m.band.base.min.span, "base.min")
                case "mid":
                    if let mid = m.band.base.mid { (span, key) = (mid.span, "base.mid") } else { (span, key) = (m.band.base.span, "base") }
                default: (span, key) = (m.band.base.max.span, "base.max")
                }
                var path = m.band.path
                for k in key.split(separator: ".") { path = path.key(String(k)) }
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
