import LadderModel

extension Check {
    /// A planning or decision forum of managers with no IC level in it.
    static let forumMembership = Check(
        id: "forum-membership",
        summary: "resolves each forum's members and looks for management levels without IC levels",
        params: [
            ParamSpec("purposes", .strings, .strings(["planning", "decision"]), "which forum purposes ICs must have a seat in"),
        ],
        messageArgs: ["forum", "purpose", "members"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        let purposes = Set(ctx.params.strings("purposes"))
        var hits: [Hit] = []
        for p in l.policies {
            for f in p.forums where purposes.contains(f.purpose.rawValue) {
                let members = l.members(of: f.members.value)
                guard members.contains(where: { l.kind(of: $0) == .management }),
                      !members.contains(where: { l.kind(of: $0) == .individualContributor })
                else { continue }
                hits.append(Hit(
                    file: p.source.file, span: f.members.span, path: f.path.key("members"), subjects: [f.id.value],
                    evidence: [Evidence("purpose", .string(f.purpose.rawValue)), Evidence("member_levels", .strings(members.map(\.id.value)))],
                    args: ["forum": .text("\(f.id.value) (\(f.name))"), "purpose": .text(f.purpose.rawValue), "members": .text(describe(members))]))
            }
        }
        return hits
    }
}
