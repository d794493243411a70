import LadderModel
import LadderYAML

extension Check {
    /// A technical decision owned only by people who neither build nor run the systems it concerns.
    static let decisionHandsOn = Check(
        id: "decision-hands-on",
        summary: "reads owner_hands_on of decisions: owners who neither build nor are on call for the systems concerned",
        params: [
            ParamSpec("decision_kinds", .strings, .strings(["technical"]), "which decision kinds the people who build must own"),
        ],
        messageArgs: ["area", "kind", "owners"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        var hits: [Hit] = []
        for (p, d) in l.decisions(ofKinds: Set(ctx.params.strings("decision_kinds"))) {
            // Both written false: a key left out says nothing about the owners.
            guard let h = d.ownerHandsOn, h.builds?.value == false, h.onCall?.value == false else { continue }
            let members = l.members(of: d.owner.value)
            let groups = d.owner.value.outsideGroups
            hits.append(Hit(
                file: p.source.file, span: h.span, path: d.path.key("owner_hands_on"), subjects: [d.area.value],
                evidence: [Evidence("kind", .string(d.kind.rawValue)), Evidence("builds", .bool(false)), Evidence("on_call", .bool(false)),
                           Evidence("owner_levels", .strings(members.map(\.id.value)))],
                args: ["area": .text(d.area.value), "kind": .text(d.kind.rawValue), "owners": .text(describe(members, groups: groups))]))
        }
        return hits
    }
}
