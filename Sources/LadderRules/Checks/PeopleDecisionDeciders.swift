import LadderModel

extension Check {
    /// A people decision about IC careers (a promotion committee, calibration) with no senior IC
    /// among its owners.
    static let peopleDecisionDeciders = Check(
        id: "people-decision-deciders",
        summary: "reads decisions whose concerns hold IC levels and looks for a senior IC (an IC or shared level at the senior grade or above) among the owners",
        params: [
            ParamSpec("decision_kinds", .strings, .strings(["people"]), "which decision kinds to look at"),
            ParamSpec("senior_grade", .int(min: 0), .int(0), "the grade from which an IC owner counts as senior; 0 takes the lowest grade of the managers among the owners (a peer of a deciding manager), or any grade when no manager owns it"),
        ],
        messageArgs: ["area", "kind", "concerned", "owners", "senior"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        let seniorGrade = ctx.params.int("senior_grade")
        var hits: [Hit] = []
        for (p, d) in l.decisions(ofKinds: Set(ctx.params.strings("decision_kinds"))) {
            // A decision that does not say whose careers it concerns is not judged.
            guard let concerns = d.concerns else { continue }
            let concerned = l.members(of: concerns.value).filter(l.onICSide)
            guard !concerned.isEmpty else { continue }
            let owners = l.members(of: d.owner.value)
            let managerGrades = owners.filter { l.kind(of: $0) == .management }.map(\.grade.value)
            let senior = seniorGrade > 0 ? seniorGrade : managerGrades.min() ?? 0
            guard !owners.contains(where: { l.onICSide($0) && $0.grade.value >= senior }) else { continue }
            let groups = d.owner.value.outsideGroups
            let seniorText = senior > 0 ? "IC of grade \(senior) or above" : "IC"
            hits.append(Hit(
                file: p.source.file, span: d.owner.span, path: d.path.key("owner"), subjects: [d.area.value],
                evidence: [Evidence("kind", .string(d.kind.rawValue)), Evidence("concerned_levels", .strings(concerned.map(\.id.value))),
                           Evidence("owner_levels", .strings(owners.map(\.id.value))), Evidence("senior_grade", .int(senior))]
                    + (groups.isEmpty ? [] : [Evidence("owner_groups", .strings(groups))]),
                args: ["area": .text(d.area.value), "kind": .text(d.kind.rawValue), "concerned": .text(describe(concerned)),
                       "owners": .text(describe(owners, groups: groups)), "senior": .text(seniorText)]))
        }
        return hits
    }
}
