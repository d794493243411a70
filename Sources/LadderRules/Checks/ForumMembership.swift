import LadderModel

extension Check {
    /// A planning or decision forum of managers with no IC level in it.
    static let forumMembership = Check(
        id: "forum-membership",
        summary: "resolves each forum's members and looks for management levels without IC or shared levels; groups outside the ladder are neither",
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
                // A shared level is of both tracks, so a forum holding one seats an IC; a group
                // outside the ladder (the people team) is neither track.
                guard members.contains(where: { l.kind(of: $0) == .management }), !members.contains(where: l.onICSide) else { continue }
                let groups = f.members.value.outsideGroups
                hits.append(Hit(
                    file: p.source.file, span: f.members.span, path: f.path.key("members"), subjects: [f.id.value],
                    evidence: [Evidence("purpose", .string(f.purpose.rawValue)), Evidence("member_levels", .strings(members.map(\.id.value)))]
                        + (groups.isEmpty ? [] : [Evidence("member_groups", .strings(groups))]),
                    args: ["forum": .text("\(f.id.value) (\(f.name))"), "purpose": .text(f.purpose.rawValue), "members": .text(describe(members, groups: groups))]))
            }
        }
        return hits
    }
}
