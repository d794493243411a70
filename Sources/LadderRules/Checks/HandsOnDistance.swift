import LadderModel
import LadderYAML

extension Check {
    /// A management track with no written way to stay close to the hands-on work.
    static let handsOnDistance = Check(
        id: "hands-on-distance",
        summary: "reads hands_on of management tracks: an expectation of hands-on work, the years away, the rotation back",
        params: [
            ParamSpec("max_years_away", .number(min: 0, max: nil), .number(3), "the most years a manager should be away from hands-on work with no rotation back"),
        ],
        messageArgs: ["track", "what", "fix"]
    ) { ctx in
        let l = ctx.ladder
        let limit = ctx.params.number("max_years_away")
        var hits: [Hit] = []
        // Tracks in the order the ladder writes them.
        for track in l.ladder.tracks where track.kind == .management {
            guard l.tracks[track.id.value]?.id.span == track.id.span, let h = track.handsOn else { continue }
            let label = "\(track.id.value) (\(track.name))"
            let path = ModelPath.root.item("tracks", ["id": track.id.value]).key("hands_on")
            func hit(_ span: LadderYAML.Span, _ key: String?, _ what: String, _ fix: String, _ evidence: [Evidence]) {
                hits.append(Hit(
                    file: l.file, span: span, path: key.map { path.key($0) } ?? path, subjects: [track.id.value], evidence: evidence,
                    args: ["track": .text(label), "what": .text(what), "fix": .text(fix)], track: track.id.value))
            }
            if let e = h.expected, !e.value {
                hit(e.span, "expected", "does not expect its managers to return to hands-on work",
                    "expect managers to stay close to the work, with a rotation back to it",
                    [Evidence("expected", .bool(false))])
            } else if let y = h.maxYearsAway, y.value > limit, h.rotation == nil {
                hit(y.span, "max_years_away", "lets managers be \(Self.years(y.value)) away from hands-on work with no rotation back",
                    "keep it to \(Self.years(limit)) or write the rotation back to hands-on work",
                    [Evidence("max_years_away", .number(y.value)), Evidence("limit", .number(limit))])
            } else if h.expected == nil && h.maxYearsAway == nil && h.rotation == nil {
                hit(h.span, nil, "writes no hands-on expectation",
                    "say whether managers return to hands-on work, how long they may be away and how they rotate back",
                    [])
            }
        }
        return hits
    }
}
