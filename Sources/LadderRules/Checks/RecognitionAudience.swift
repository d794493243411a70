import LadderModel

extension Check {
    /// An award, title, perk, offsite, stage or visibility that no IC may receive.
    static let recognitionAudience = Check(
        id: "recognition-audience",
        summary: "resolves each recognition's audience and looks for IC or shared levels in it",
        params: [
            ParamSpec("recognition_kinds", .strings, .strings(RecognitionKind.allCases.map(\.rawValue)), "which kinds of recognition to look at"),
        ],
        messageArgs: ["recognition", "kind", "members"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        let kinds = Set(ctx.params.strings("recognition_kinds"))
        var hits: [Hit] = []
        for p in l.policies {
            for x in p.recognition where kinds.contains(x.kind.rawValue) {
                guard let (members, groups) = l.withoutIC(x.audience.value) else { continue }
                hits.append(Hit(
                    file: p.source.file, span: x.audience.span, path: x.path.key("audience"), subjects: [x.id.value],
                    evidence: [Evidence("kind", .string(x.kind.rawValue)), Evidence("audience_levels", .strings(members.map(\.id.value)))]
                        + (groups.isEmpty ? [] : [Evidence("audience_groups", .strings(groups))]),
                    args: ["recognition": .text("\(x.id.value) (\(x.name))"), "kind": .text(x.kind.rawValue), "members": .text(describe(members, groups: groups))]))
            }
        }
        return hits
    }
}
