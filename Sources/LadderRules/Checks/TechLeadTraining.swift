import LadderModel

extension Check {
    /// Tech leads exist, leadership training exists, and no such program admits a tech lead.
    static let techLeadTraining = Check(
        id: "tech-lead-training",
        summary: "checks that some leadership-training program admits a level holding the tech-lead role (a tech-lead-manager, who has reports, is not a tech lead)",
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
        // Role tags match exactly: a level tagged `tech-lead-manager` only is a lead with reports,
        // who belongs in a managers' program, so it neither raises this rule nor satisfies it.
        let holders = l.levels.filter { $0.hasRole(role) }
        guard !holders.isEmpty else { return [] }
        let programs = l.policies.flatMap { p in p.programs.filter { kinds.contains($0.kind.rawValue) }.map { (p, $0) } }
        guard let (policy, first) = programs.first else { return [] }
        // A rule that asks about tech-lead-managers: they have reports, so a program that admits
        // managers admits them too.
        let withReports = role == KnownRoles.techLeadManager
        let admitted = programs.contains { _, program in
            l.members(of: program.eligible.value).contains { $0.hasRole(role) || (withReports && l.kind(of: $0) == .management) }
        }
        guard !admitted else { return [] }
        return [Hit(
            file: policy.source.file, span: first.eligible.span, path: first.path.key("eligible"), subjects: [first.id.value],
            evidence: [Evidence("role", .string(role)), Evidence("role_levels", .strings(holders.map(\.id.value)))],
            args: ["program": .text("\(first.id.value) (\(first.name))"), "role": .text(role), "role_levels": .text(describe(holders))])]
    }
}
