import LadderModel

extension Check {
    /// A leadership-training program that admits no IC level.
    static let trainingAudience = Check(
        id: "training-audience",
        summary: "resolves each training program's eligible audience and looks for IC or shared levels in it",
        params: [
            ParamSpec("program_kinds", .strings, .strings(["leadership-training"]), "which program kinds to look at"),
        ],
        messageArgs: ["program", "members"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        let kinds = Set(ctx.params.strings("program_kinds"))
        var hits: [Hit] = []
        for p in l.policies {
            for program in p.programs where kinds.contains(program.kind.rawValue) {
                // Only groups outside the ladder (`group: people-team`): no manager is admitted
                // either, so the program is not managers-only.
                guard let (members, groups) = l.withoutIC(program.eligible.value) else { continue }
                hits.append(Hit(
                    file: p.source.file, span: program.eligible.span, path: program.path.key("eligible"), subjects: [program.id.value],
                    evidence: [Evidence("eligible_levels", .strings(members.map(\.id.value)))] + (groups.isEmpty ? [] : [Evidence("eligible_groups", .strings(groups))]),
                    args: ["program": .text("\(program.id.value) (\(program.name))"), "members": .text(Self.describe(members, groups: groups))]))
            }
        }
        return hits
    }

    /// "em-3, em-4 and em-5" or "no level at all".
    static func describe(_ levels: [Level]) -> String {
        let ids = levels.map(\.id.value)
        switch ids.count {
        case 0: return "no level at all"
        case 1: return ids[0]
        case 2...6: return ids.dropLast().joined(separator: ", ") + " and " + ids.last!
        default: return ids.prefix(5).joined(separator: ", ") + " and \(ids.count - 5) more"
        }
    }
}
