import LadderModel
import LadderYAML

extension Check {
    /// Management bonus target or equity ceiling above every IC peer's (a missing value is 0).
    static let variablePayParity = Check(
        id: "variable-pay-parity",
        summary: "compares a management band's bonus_target and equity.max with the highest of its IC peers'",
        messageArgs: ["management", "ic", "what", "management_value", "ic_value", "grade", "zone", "currency"],
        needs: [.ladder, .compensation]
    ) { ctx in
        var hits: [Hit] = []
        for (group, bands) in PayGroup.grouped(ctx.ladder.bands) {
            for m in bands where m.kind == .management {
                let peers = bands.filter { $0.kind == .individualContributor && $0.grade == m.grade }
                guard !peers.isEmpty else { continue }
                let bonusPeer = peers.max { ($0.band.bonusTarget?.value ?? 0) < ($1.band.bonusTarget?.value ?? 0) }!
                if let bonus = m.band.bonusTarget, bonus.value > (bonusPeer.band.bonusTarget?.value ?? 0) {
                    let ic = bonusPeer.band.bonusTarget?.value ?? 0
                    hits.append(Hit(
                        file: m.source.file, span: bonus.span, path: m.band.path.key("bonus_target"),
                        subjects: [m.level.id.value, bonusPeer.level.id.value],
                        evidence: [
                            Evidence("grade", .int(m.grade)), Evidence("zone", .string(group.zone)),
                            Evidence("currency", .string(group.currency)), Evidence("period", .string(group.period.rawValue)),
                            Evidence("measure", .string("bonus_target")),
                            Evidence("management", .ratio(bonus.value)), Evidence("individual_contributor", .ratio(ic)),
                        ],
                        args: [
                            "management": .text(m.label), "ic": .text(bonusPeer.label), "what": .text("a bonus target of"),
                            "management_value": .percent(bonus.value), "ic_value": .percent(ic),
                            "grade": .int(m.grade), "zone": .text(group.zone), "currency": .text(group.currency),
                        ],
                        track: m.track.id.value, grade: m.grade, zone: group.zone))
                }
                let equityPeer = peers.max { ($0.band.equity?.max.value ?? 0) < ($1.band.equity?.max.value ?? 0) }!
                if let equity = m.band.equity, equity.max.value > (equityPeer.band.equity?.max.value ?? 0) {
                    let ic = equityPeer.band.equity?.max.value ?? 0
                    hits.append(Hit(
                        file: m.source.file, span: equity.max.span, path: m.band.path.key("equity").key("max"),
                        subjects: [m.level.id.value, equityPeer.level.id.value],
                        evidence: [
                            Evidence("grade", .int(m.grade)), Evidence("zone", .string(group.zone)),
                            Evidence("currency", .string(group.currency)), Evidence("period", .string(group.period.rawValue)),
                            Evidence("measure", .string("equity.max")),
                            Evidence("management", .amount(equity.max.value)), Evidence("individual_contributor", .amount(ic)),
                        ],
                        args: [
                            "management": .text(m.label), "ic": .text(equityPeer.label), "what": .text("an equity ceiling of"),
                            "management_value": .amount(equity.max.value, currency: group.currency), "ic_value": .amount(ic, currency: group.currency),
                            "grade": .int(m.grade), "zone": .text(group.zone), "currency": .text(group.currency),
                        ],
                        track: m.track.id.value, grade: m.grade, zone: group.zone))
                }
            }
        }
        return hits
    }
}
