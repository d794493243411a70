import LadderModel

extension Check {
    /// A management level with no IC peer at a grade the IC track reaches.
    static let missingParallelLevel = Check(
        id: "missing-parallel-level",
        summary: "finds management levels at grades up to the top IC grade that have no IC or shared level beside them",
        messageArgs: ["management", "grade", "ic_top_grade"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        // A shared level is a level of both tracks: it is the parallel of a management level
        // at its grade, and it counts towards how high the IC track reaches.
        var icGrades = Set<Int>()
        for level in l.levels where l.onICSide(level) { icGrades.insert(level.grade.value) }
        guard let icTop = icGrades.max() else { return [] }
        return l.levels.filter { l.kind(of: $0) == .management && $0.grade.value <= icTop && !icGrades.contains($0.grade.value) }.map { m in
            Hit(
                file: l.file, span: m.grade.span, path: m.path.key("grade"), subjects: [m.id.value],
                evidence: [Evidence("grade", .int(m.grade.value)), Evidence("individual_contributor_top_grade", .int(icTop))],
                args: ["management": .text("\(m.id.value) (\(m.title))"), "grade": .int(m.grade.value), "ic_top_grade": .int(icTop)],
                track: m.track.value, grade: m.grade.value)
        }
    }
}
