import LadderModel
import LadderYAML

extension Check {
    /// The way into management is open to people with too little experience or too low a grade.
    static let managementEntryFloor = Check(
        id: "management-entry-floor",
        summary: "reads min_years_experience and min_grade of transitions into a management track, and with min_grade the lowest management levels",
        params: [
            ParamSpec("min_years", .number(min: 0, max: nil), .number(5), "the fewest years of experience a move into management should ask for"),
            ParamSpec("min_grade", .int(min: 0), .int(0), "the lowest grade from which management should be open (0: not checked)"),
        ],
        messageArgs: ["subject", "what", "fix"]
    ) { ctx in
        let l = ctx.ladder
        let minYears = ctx.params.number("min_years"), minGrade = ctx.params.int("min_grade")
        var hits: [Hit] = []
        for p in l.policies {
            for t in p.transitions {
                guard let from = l.tracks[t.from.value], let to = l.tracks[t.to.value], to.kind == .management, from.kind != .management else { continue }
                let subject = "the move from \(from.id.value) (\(from.name)) into \(to.id.value) (\(to.name))"
                if let y = t.minYearsExperience, y.value < minYears {
                    hits.append(Hit(
                        file: p.source.file, span: y.span, path: t.path.key("min_years_experience"), subjects: [t.from.value, t.to.value],
                        evidence: [Evidence("min_years_experience", .number(y.value)), Evidence("expected", .number(minYears))],
                        args: [
                            "subject": .text(subject),
                            "what": .text("asks for \(Self.years(y.value)) of experience, fewer than \(Self.years(minYears))"),
                            "fix": .text("ask for at least \(Self.years(minYears))"),
                        ],
                        track: t.to.value))
                }
                if minGrade > 0, let g = t.minGrade, g.value < minGrade {
                    hits.append(Hit(
                        file: p.source.file, span: g.span, path: t.path.key("min_grade"), subjects: [t.from.value, t.to.value],
                        evidence: [Evidence("min_grade", .int(g.value)), Evidence("expected", .int(minGrade))],
                        args: ["subject": .text(subject), "what": .text("is open from grade \(g.value), below grade \(minGrade)"), "fix": .text("open it from grade \(minGrade)")],
                        track: t.to.value, grade: g.value))
                }
            }
        }
        // With a grade floor, a management level below it is a way into management below it.
        if minGrade > 0 {
            for level in l.levels where l.kind(of: level) == .management && level.grade.value < minGrade {
                hits.append(Hit(
                    file: l.file, span: level.grade.span, path: level.path.key("grade"), subjects: [level.id.value],
                    evidence: [Evidence("grade", .int(level.grade.value)), Evidence("expected", .int(minGrade))],
                    args: [
                        "subject": .text("the management level \(level.id.value) (\(level.title))"),
                        "what": .text("is at grade \(level.grade.value), below grade \(minGrade)"),
                        "fix": .text("start the management track at grade \(minGrade)"),
                    ],
                    track: level.track.value, grade: level.grade.value))
            }
        }
        return hits
    }

    /// "1 year", "2.5 years".
    static func years(_ v: Double) -> String { "\(Format.plain(v)) year\(v == 1 ? "" : "s")" }
}
