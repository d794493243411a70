import LadderModel

extension Check {
    /// A technical decision whose owners include no IC level.
    static let decisionOwnership = Check(
        id: "decision-ownership",
        summary: "resolves each decision's owner audience and looks for IC or shared levels in it; an owner of only outside groups is not judged",
        params: [
            ParamSpec("decision_kinds", .strings, .strings(["technical"]), "which decision kinds ICs must be able to own"),
        ],
        messageArgs: ["area", "kind", "owners"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        let kinds = Set(ctx.params.strings("decision_kinds"))
        var hits: [Hit] = []
        for p in l.policies {
            for d in p.decisions where kinds.contains(d.kind.rawValue) {
                let members = l.members(of: d.owner.value)
                // A shared level is reached without managing: it counts as an IC level here.
                guard !members.contains(where: l.onICSide) else { continue }
                // Owned by a group outside the ladder alone (the people team): neither engineers
                // nor managers own it, so it says nothing about management being a promotion.
                let groups = d.owner.value.outsideGroups
                if members.isEmpty && !groups.isEmpty { continue }
                hits.append(Hit(
                    file: p.source.file, span: d.owner.span, path: d.path.key("owner"), subjects: [d.area.value],
                    evidence: [Evidence("kind", .string(d.kind.rawValue)), Evidence("owner_levels", .strings(members.map(\.id.value)))]
                        + (groups.isEmpty ? [] : [Evidence("owner_groups", .strings(groups))]),
                    args: ["area": .text(d.area.value), "kind": .text(d.kind.rawValue), "owners": .text(describe(members, groups: groups))]))
            }
        }
        return hits
    }
}
