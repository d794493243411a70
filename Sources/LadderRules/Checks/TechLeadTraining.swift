import LadderModel

extension Check {
    /// Tech leads exist, leadership training exists, and no such program admits a tech lead.
    static let techLeadTraining = Check(
        id: "tech-lead-training",
        summary: "checks that some leadership-training program admits a level holding the tech-lead role",
        params: [
            ParamSpec("role", .text, .string("tech-lead"), "the role tag that marks people who lead without managing"),
            ParamSpec("program_kinds", .strings, .strings(["leadership-training"]), "which program kinds count as leadership training"),
        ],
        messageArgs: ["program", "role", "role_levels"],
        needs: [.ladder, .policy]
    ) { ctx in
        let l = ctx.ladder
        let role = ctx.params.string("role")
        let kinds = Set(ctx.params.strings("program_kinds"))
        let holders = l.levels.filter { $0.hasRole(role) }
        guard !holders.isEmpty else { return [] }
        let programs = l.policies.flatMap { p in p.programs.filter { kinds.contains($0.kind.rawValue) }.map { (p, $0) } }
        guard let (policy, first) = programs.first else { return [] }
        let admitted = programs.contains { _, program in l.members(of: program.eligible.value).contains { $0.hasRole(role) } }
        guard !admitted else { return [] }
        return [Hit(
            file: policy.source.file, span: first.eligible.span, path: first.path.key("eligible"), subjects: [first.id.value],
            evidence: [Evidence("role", .string(role)), Evidence("role_levels", .strings(holders.map(\.id.value)))],
            args: ["program": .text("\(first.id.value) (\(first.name))"), "role": .text(role), "role_levels": .text(describe(holders))])]
    }
}
