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
        var hits: [Hit] = []
        for (p, d) in l.decisions(ofKinds: Set(ctx.params.strings("decision_kinds"))) {
            // Owned by a group outside the ladder alone (the people team): neither engineers
            // nor managers own it, so it says nothing about management being a promotion.
            guard let (members, groups) = l.withoutIC(d.owner.value) else { continue }
            hits.append(Hit(
                file: p.source.file, span: d.owner.span, path: d.path.key("owner"), subjects: [d.area.value],
                evidence: [Evidence("kind", .string(d.kind.rawValue)), Evidence("owner_levels", .strings(members.map(\.id.value)))]
                    + (groups.isEmpty ? [] : [Evidence("owner_groups", .strings(groups))]),
                args: ["area": .text(d.area.value), "kind": .text(d.kind.rawValue), "owners": .text(describe(members, groups: groups))]))
        }
        return hits
    }
}
