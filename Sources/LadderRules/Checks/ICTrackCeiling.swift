import LadderModel

extension Check {
    /// The IC track stops below the management track.
    static let icTrackCeiling = Check(
        id: "ic-track-ceiling",
        summary: "compares the highest IC grade of a ladder with its highest management grade",
        messageArgs: ["ladder", "management", "ic", "management_grade", "ic_grade"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        let ics = l.levels.filter { l.kind(of: $0) == .individualContributor }
        let managers = l.levels.filter { l.kind(of: $0) == .management }
        guard let icTop = ics.max(by: { $0.grade.value < $1.grade.value }),
              let mTop = managers.max(by: { $0.grade.value < $1.grade.value }),
              icTop.grade.value < mTop.grade.value
        else { return [] }
        let top = managers.first { $0.grade.value == mTop.grade.value }!
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
