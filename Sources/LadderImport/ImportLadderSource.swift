import LadderYAML

/// What a source (a competency matrix or a Markdown table) says about its levels, before
/// grades, tracks and ids are decided (`ImportLadderPlan`): the readers only read, the plan
/// decides, so the two input shapes cannot drift apart in how they are judged.
struct SourceLadder: Sendable {
    /// `line` for YAML and JSON, `row` for a Markdown table: the word of the `# from` comments.
    var positionWord: String
    /// What the source is, for the output's header comment.
    var shape: String
    var levels: [SourceLevel]
    /// How grades were found, for the header comment.
    var gradesFrom: String
}

/// One level of a source, in source order.
struct SourceLevel: Sendable {
    /// The source's own id (a matrix level's `id`); nil when the source has none (a table).
    var sourceID: String?
    var title: String
    /// A grade the source states (a table's grade column); nil means "by position".
    var grade: Int?
    /// The track the source states (a table's IC or manager column); nil means "by patterns".
    var track: TrackChoice?
    /// Where the level is written: a matrix item, a table cell.
    var span: Span
    /// Competency summaries, in source order, each with its theme's name when it has one.
    var criteria: [SourceCriterion] = []
}

struct SourceCriterion: Sendable, Equatable {
    var theme: String?
    var text: String
}

/// Where a level goes. `shared` is a level the source gives both tracks; the format has no
/// shared levels yet, so such a level is written on the IC track with a comment.
public enum TrackChoice: String, Sendable, CaseIterable {
    case ic, management, shared

    /// Parses an override's value; `individual-contributor` and `em` are accepted too.
    init?(argument: String) {
        switch argument.lowercased() {
        case "ic", "individual-contributor": self = .ic
        case "management", "em", "manager": self = .management
        case "shared": self = .shared
        default: return nil
        }
    }
}
