import LadderModel

extension Check {
    /// A technical decision whose owners include no IC level.
    static let decisionOwnership = Check(
        id: "decision-ownership",
        summary: "resolves each decision's owner audience and looks for IC levels in it",
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
                guard !members.contains(where: { l.kind(of: $0) == .individualContributor }) else { continue }
                hits.append(Hit(
                    file: p.source.file, span: d.owner.span, path: d.path.key("owner"), subjects: [d.area.value],
                    evidence: [Evidence("kind", .string(d.kind.rawValue)), Evidence("owner_levels", .strings(members.map(\.id.value)))],
                    args: ["area": .text(d.area.value), "kind": .text(d.kind.rawValue), "owners": .text(describe(members))]))
            }
        }
        return hits
    }
}
