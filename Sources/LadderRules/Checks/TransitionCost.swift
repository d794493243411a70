import LadderModel
import LadderYAML

extension Check {
    /// Moving into management gains grade or pay, or moving back to IC loses them.
    static let transitionCost = Check(
        id: "transition-cost",
        summary: "looks at the grade_change and pay_change of transitions between IC and management tracks (not those from or to a shared track)",
        params: [
            ParamSpec("direction", .choice(["to-management", "to-individual-contributor"]), .string("to-management"),
                      "to-management flags gains when moving into management; to-individual-contributor flags losses when moving back"),
        ],
        messageArgs: ["from", "to", "what", "change", "fix"]
    ) { ctx in
        let l = ctx.ladder
        let toManagement = ctx.params.string("direction") == "to-management"
        var hits: [Hit] = []
        for p in l.policies {
            for t in p.transitions {
                // Only moves between an IC and a management track: a shared track is on both
                // sides, so moving into or out of it changes no track and is not judged.
                guard let from = l.tracks[t.from.value], let to = l.tracks[t.to.value] else { continue }
                let wanted: (TrackKind, TrackKind) = toManagement ? (.individualContributor, .management) : (.management, .individualContributor)
                guard from.kind == wanted.0, to.kind == wanted.1 else { continue }
                func flagged(_ v: Double) -> Bool { toManagement ? v > 0 : v < 0 }
                let subjects = [t.from.value, t.to.value]
                if let g = t.gradeChange, flagged(Double(g.value)) {
                    hits.append(Hit(
                        file: p.source.file, span: g.span, path: t.path.key("grade_change"), subjects: subjects,
                        evidence: [Evidence("from", .string(t.from.value)), Evidence("to", .string(t.to.value)), Evidence("grade_change", .int(g.value))],
                        args: [
                            "from": .text("\(from.id.value) (\(from.name))"), "to": .text("\(to.id.value) (\(to.name))"),
                            "what": .text(toManagement ? "gains" : "loses"),
                            "change": .text(Format.grades(g.value)),
                            "fix": .text("make grade_change 0"),
                        ],
                        track: t.from.value))
                }
                if let pc = t.payChange, flagged(pc.value) {
                    hits.append(Hit(
                        file: p.source.file, span: pc.span, path: t.path.key("pay_change"), subjects: subjects,
                        evidence: [Evidence("from", .string(t.from.value)), Evidence("to", .string(t.to.value)), Evidence("pay_change", .ratio(pc.value))],
                        args: [
                            "from": .text("\(from.id.value) (\(from.name))"), "to": .text("\(to.id.value) (\(to.name))"),
                            "what": .text(toManagement ? "gains" : "loses"),
                            "change": .text("\(Format.percent(abs(pc.value))) of base pay"),
                            "fix": .text("make pay_change 0"),
                        ],
                        track: t.from.value))
                }
            }
        }
        return hits
    }
}
