/// Writes the planned levels as one `kind: ladder` document. Every text from the source goes
/// through `YAMLText` (values) or `YAMLText.comment` (comments): a title or summary that holds
/// `: `, `#`, a newline or a bidi control reads back as the same text and never as structure.
struct ImportLadderWriter {
    var sourceName: String
    var source: SourceLadder
    var id: String
    var name: String

    static let icTrack = "ic"
    static let managementTrack = "em"

    func yaml(_ levels: [PlannedLevel]) -> String {
        let from = YAMLText.comment(sourceName)
        var out = """
            # Written by `ladderlint import ladder` from \(from) (\(source.shape)).
            # Grades come from \(source.gradesFrom) unless --grades gave them; tracks from the
            # source's columns or from ids and titles (-ic: IC; -em, -pm, Manager, Director, Head of,
            # VP: management) unless --track gave them. Check both, then run `ladderlint lint`.
            # The format of every key: docs/format.md.
            kind: ladder
            id: \(YAMLText.scalar(id))
            name: \(YAMLText.scalar(name))
            tracks:

            """
        if levels.contains(where: { $0.track != .management }) {
            out += "  - {id: \(Self.icTrack), name: Individual contributor, kind: individual-contributor}\n"
        }
        if levels.contains(where: { $0.track == .management }) {
            out += "  - {id: \(Self.managementTrack), name: Engineering management, kind: management}\n"
        }
        out += "levels:\n"
        for level in levels {
            out += "  - id: \(YAMLText.scalar(level.id))  # from \(from) \(source.positionWord) \(level.line)\n"
            if level.track == .shared {
                out += "    # Shared by both tracks in the source. ladderlint has no shared levels yet: it stands on the\n"
                out += "    # IC track until `track: shared` arrives with shared levels.\n"
            }
            out += "    track: \(level.track == .management ? Self.managementTrack : Self.icTrack)\n"
            out += "    grade: \(level.grade)\n"
            out += "    title: \(YAMLText.scalar(level.title))\n"
            guard !level.criteria.isEmpty else { continue }
            out += "    promotion:\n"
            out += "      criteria:\n"
            var theme: String?
            for c in level.criteria {
                if let t = c.theme, t != theme { out += "        # \(YAMLText.comment(t))\n" }
                theme = c.theme
                out += "        - \(YAMLText.scalar(c.text))\n"
            }
        }
        return out
    }
}
