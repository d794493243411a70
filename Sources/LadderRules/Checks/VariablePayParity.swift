import LadderModel
import LadderYAML

extension Check {
    /// Management bonus target or equity ceiling above every IC peer's (a missing value is 0)
    /// by more than a tolerance.
    static let variablePayParity = Check(
        id: "variable-pay-parity",
        summary: "compares a management band's bonus_target and equity.max with the highest of its IC peers'",
        params: [
            ParamSpec("tolerance", .number(min: 0, max: nil), .number(0), "how far above the IC value (a fraction of it, e.g. 0.05) a management bonus_target or equity.max may go before it is a finding; above an IC value of 0 any amount is one"),
        ],
        messageArgs: ["management", "ic", "what", "management_value", "ic_value", "tolerance", "grade", "zone", "currency"],
        needs: [.ladder, .compensation]
    ) { ctx in
        let bands = ctx.ladder.bands
        let tolerance = ctx.params.number("tolerance")
        // A missing value counts as 0.
        func bonusOf(_ i: Int) -> Double { bands[i].band.bonusTarget?.value ?? 0 }
        func equityOf(_ i: Int) -> Double { bands[i].band.equity?.max.value ?? 0 }
        // Relative, as for base pay: (management - IC) / IC > tolerance. Above an IC value of 0
        // the difference has no ratio: any management value is above it.
        func above(_ m: Double, _ ic: Double) -> Bool { ic > 0 ? (m - ic) / ic > tolerance : m > ic }
        var hits: [Hit] = []
        for group in ctx.payGroups {
            for mi in group.members where bands[mi].kind == .management {
                let grade = bands[mi].grade
                // A band of this grade and zone had errors: the comparison would be a guess.
                if ctx.ladder.comparisonStandsDown(grade: grade, zone: group.zone) { continue }
                // IC peers: levels of an IC track, and shared levels (of both tracks).
                let peers = group.members.lazy.filter { bands[$0].kind != .management && bands[$0].grade == grade }
                guard let bonusPeerIndex = firstMax(peers, by: bonusOf), let equityPeerIndex = firstMax(peers, by: equityOf) else { continue }
                if let bonus = bands[mi].band.bonusTarget, above(bonus.value, bonusOf(bonusPeerIndex)) {
                    let m = bands[mi], bonusPeer = bands[bonusPeerIndex]
                    let ic = bonusOf(bonusPeerIndex)
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
                            "tolerance": .percent(tolerance),
                            "grade": .int(m.grade), "zone": .text(group.zone), "currency": .text(group.currency),
                        ],
                        track: m.track.id.value, grade: m.grade, zone: group.zone))
                }
                // Equity may be in a currency of its own: it is compared only when no IC peer
                // gives equity in another currency than this band's (issue 18.6).
                let cur = bands[mi].band.equityCurrency
                if let equity = bands[mi].band.equity, above(equity.max.value, equityOf(equityPeerIndex)),
                   !peers.contains(where: { bands[$0].band.equity != nil && bands[$0].band.equityCurrency != cur })
                {
                    let m = bands[mi], equityPeer = bands[equityPeerIndex]
                    let ic = equityOf(equityPeerIndex)
                    hits.append(Hit(
                        file: m.source.file, span: equity.max.span, path: m.band.path.key("equity").key("max"),
                        subjects: [m.level.id.value, equityPeer.level.id.value],
                        evidence: [
                            Evidence("grade", .int(m.grade)), Evidence("zone", .string(group.zone)),
                            Evidence("currency", .string(cur)), Evidence("period", .string(group.period.rawValue)),
                            Evidence("measure", .string("equity.max")),
                            Evidence("management", .amount(equity.max.value)), Evidence("individual_contributor", .amount(ic)),
                        ],
                        args: [
                            "management": .text(m.label), "ic": .text(equityPeer.label), "what": .text("an equity ceiling of"),
                            "management_value": .amount(equity.max.value, currency: cur), "ic_value": .amount(ic, currency: cur),
                            "tolerance": .percent(tolerance),
                            "grade": .int(m.grade), "zone": .text(group.zone), "currency": .text(cur),
                        ],
                        track: m.track.id.value, grade: m.grade, zone: group.zone))
                }
            }
        }
        return hits
    }
}
