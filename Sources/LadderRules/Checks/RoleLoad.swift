import LadderModel

extension Check {
    /// A role described in the ladder's `roles:` that gives its holders more reports, or less
    /// time for IC work, than one lead can carry beside the technical work.
    static let roleLoad = Check(
        id: "role-load",
        summary: "reads the ladder's description of a role (roles: max_reports, ic_time_share) and compares it with limits",
        params: [
            ParamSpec("role", .text, .string(KnownRoles.techLeadManager), "the role to look at"),
            ParamSpec("max_reports", .int(min: 0), .int(4), "the most direct reports the role may carry"),
            ParamSpec("min_ic_time_share", .number(min: 0, max: 1), .number(0.5), "the least share of time kept for IC work"),
        ],
        messageArgs: ["role", "what", "limit"],
        needs: [.ladder]
    ) { ctx in
        let role = ctx.params.string("role")
        let maxReports = ctx.params.int("max_reports"), minShare = ctx.params.number("min_ic_time_share")
        var hits: [Hit] = []
        let file = ctx.ladder.file
        for r in ctx.ladder.ladder.roles where r.id.value == role {
            let label = r.name.map { "\(r.id.value) (\($0.value))" } ?? r.id.value
            if let reports = r.maxReports, reports.value > maxReports {
                hits.append(Hit(
                    file: file, span: reports.span, path: r.path.key("max_reports"), subjects: [r.id.value, "max_reports"],
                    evidence: [Evidence("max_reports", .int(reports.value)), Evidence("limit", .int(maxReports))],
                    args: ["role": .text(label), "what": .text("allows up to \(reports.value) direct reports"),
                           "limit": .text("at most \(maxReports) reports")]))
            }
            if let share = r.icTimeShare, share.value < minShare {
                hits.append(Hit(
                    file: file, span: share.span, path: r.path.key("ic_time_share"), subjects: [r.id.value, "ic_time_share"],
                    evidence: [Evidence("ic_time_share", .ratio(share.value)), Evidence("limit", .ratio(minShare))],
                    args: ["role": .text(label), "what": .text("keeps \(Format.percent(share.value)) of its time for IC work"),
                           "limit": .text("at least \(Format.percent(minShare)) for IC work")]))
            }
        }
        return hits
    }
}
