import LadderModel

extension Check {
    /// The IC track stops below the management track.
    static let icTrackCeiling = Check(
        id: "ic-track-ceiling",
        summary: "compares the highest grade an IC can reach (IC and shared levels) with the highest management grade of a ladder",
        messageArgs: ["ladder", "management", "ic", "management_grade", "ic_grade"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder, levels = l.levels
        let kinds = levels.map { l.kind(of: $0) }
        // What an engineer can reach without managing: the IC tracks and the shared levels (a
        // converged top such as a Technology Director is reached from both tracks).
        guard let icIndex = firstMax(levels.indices.lazy.filter({ kinds[$0] == .individualContributor || kinds[$0] == .shared }), by: { levels[$0].grade.value }),
              let topIndex = firstMax(levels.indices.lazy.filter({ kinds[$0] == .management }), by: { levels[$0].grade.value }),
              levels[icIndex].grade.value < levels[topIndex].grade.value
        else { return [] }
        let icTop = levels[icIndex], top = levels[topIndex]
        return [Hit(
            file: l.file, span: top.grade.span, path: top.path.key("grade"),
            subjects: [top.id.value, icTop.id.value],
            evidence: [Evidence("individual_contributor_top_grade", .int(icTop.grade.value)), Evidence("management_top_grade", .int(top.grade.value))],
            args: [
                "ladder": .text(l.id), "management": .text("\(top.id.value) (\(top.title))"), "ic": .text("\(icTop.id.value) (\(icTop.title))"),
                "management_grade": .int(top.grade.value), "ic_grade": .int(icTop.grade.value),
            ],
            track: top.track.value, grade: top.grade.value)]
    }
}
