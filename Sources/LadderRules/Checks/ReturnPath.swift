import LadderModel
import LadderYAML

extension Check {
    /// A way into management is written, and no way back from that management track to an IC track.
    static let returnPath = Check(
        id: "return-path",
        summary: "pairs transitions from IC tracks into management tracks with a transition from that management track back to an IC track (not those from or to a shared track)",
        messageArgs: ["from", "to", "fix"],
        // A way back lost to an error in the policy (a mistyped track) is not a missing one.
        needs: [.ladder, .policy]
    ) { ctx in
        let l = ctx.ladder
        func kind(_ track: String) -> TrackKind? { l.tracks[track]?.kind }
        // Management tracks with a written way back to an IC track, from any policy of the ladder.
        var wayBack = Set<String>()
        for p in l.policies {
            for t in p.transitions where kind(t.from.value) == .management && kind(t.to.value) == .individualContributor {
                wayBack.insert(t.from.value)
            }
        }
        // One finding per management track without a way back, on the first move into it.
        var reported = Set<String>()
        var hits: [Hit] = []
        for p in l.policies {
            for t in p.transitions {
                guard let from = l.tracks[t.from.value], let to = l.tracks[t.to.value], from.kind == .individualContributor, to.kind == .management,
                      !wayBack.contains(to.id.value), reported.insert(to.id.value).inserted else { continue }
                hits.append(Hit(
                    file: p.source.file, span: t.to.span, path: t.path.key("to"), subjects: [t.from.value, t.to.value],
                    evidence: [Evidence("from", .string(t.from.value)), Evidence("to", .string(t.to.value))],
                    args: [
                        "from": .text("\(from.id.value) (\(from.name))"), "to": .text("\(to.id.value) (\(to.name))"),
                        "fix": .text("{from: \(to.id.value), to: \(from.id.value), grade_change: 0, pay_change: 0}"),
                    ],
                    track: t.to.value))
            }
        }
        return hits
    }
}
