import LadderModel
import LadderYAML

extension Check {
    /// Moving into management is itself a grade step: the management track starts above the
    /// grade from which ICs may move into it.
    static let firstManagementGrade = Check(
        id: "first-management-grade",
        summary: "compares the min_grade of transitions from an IC track into a management track with the grade of that track's lowest level",
        messageArgs: ["from", "to", "min_grade", "lowest", "grade"],
        // The lowest management level lost to an error would put the track's start too high.
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        var hits: [Hit] = []
        for p in l.policies {
            for t in p.transitions {
                guard let from = l.tracks[t.from.value], let to = l.tracks[t.to.value], from.kind == .individualContributor, to.kind == .management,
                      let g = t.minGrade else { continue }
                // A written grade step is management-entry-promotion's finding, on grade_change.
                if let change = t.gradeChange, change.value > 0 { continue }
                var lowest: Level?
                for level in l.levels where level.track.value == to.id.value && level.grade.value < (lowest?.grade.value ?? .max) { lowest = level }
                guard let lowest, lowest.grade.value > g.value else { continue }
                hits.append(Hit(
                    file: p.source.file, span: g.span, path: t.path.key("min_grade"), subjects: [t.from.value, t.to.value],
                    evidence: [Evidence("min_grade", .int(g.value)), Evidence("lowest_level", .string(lowest.id.value)),
                               Evidence("lowest_grade", .int(lowest.grade.value))],
                    args: [
                        "from": .text("\(from.id.value) (\(from.name))"), "to": .text("\(to.id.value) (\(to.name))"),
                        "min_grade": .int(g.value), "lowest": .text("\(lowest.id.value) (\(lowest.title))"), "grade": .int(lowest.grade.value),
                    ],
                    track: t.to.value, grade: g.value))
            }
        }
        return hits
    }
}
