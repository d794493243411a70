/// A band with everything a check needs beside it: its document, level and track.
public struct PlacedBand: Sendable {
    public var band: Band
    public var source: DocumentSource
    public var level: Level
    public var track: Track
}

/// A ladder with every document that belongs to it, references checked. Only valid elements
/// are here: a level whose track is unknown, or a band of an unknown level, is left out.
public struct ResolvedLadder: Sendable {
    public var ladder: Ladder
    public var tracks: [String: Track]
    public var levels: [Level]
    public var levelsByID: [String: Level]
    public var bands: [PlacedBand]
    public var policies: [Policy]
    public var surveys: [Survey]
    /// Kinds of document of this ladder that lost elements to errors (already reported).
    public var incomplete: Set<DocumentKind> = []
    /// Bands with errors (already reported) whose level is known: the pay comparisons of their
    /// grade in their zone stand down, the rest of the set is compared (issue 18.2). By grade,
    /// zone and level.
    public var leftOutBands: [LeftOutBand] = []
    /// How many of `bands` a pay formula derived: checks that treat them apart skip the look
    /// when there are none, as in most ladders.
    public var derivedBands = 0

    public var id: String { ladder.id.value }
    public var file: String { ladder.source.file }

    public func track(of level: Level) -> Track? { tracks[level.track.value] }

    /// Whether the pay comparisons of `grade` in `zone` stand down: a band they need had errors.
    public func comparisonStandsDown(grade: Int, zone: String) -> Bool {
        leftOutBands.contains { $0.grade == grade && ($0.zone == nil || $0.zone == zone) }
    }

    /// The level's job family (`family:`), if it gives one.
    public func family(of level: Level) -> String? { ladder.families[level.id.value] }

    public func kind(of level: Level) -> TrackKind? { tracks[level.track.value]?.kind }

    /// The levels an audience contains: the one place audiences are resolved.
    public func members(of audience: Audience) -> [Level] {
        switch audience {
        case .everyone:
            return levels
        case .anyOf(let clauses):
            return levels.filter { level in clauses.contains { matches(level, $0) } }
        }
    }

    /// True when the level matches every key the clause gives.
    public func matches(_ level: Level, _ clause: AudienceClause) -> Bool {
        // A group outside the ladder (`group: people-team`) holds no level of it.
        if clause.groups != nil { return false }
        if let tracks = clause.tracks, !tracks.contains(where: { $0.value == level.track.value }) { return false }
        if let kinds = clause.trackKinds {
            guard let k = kind(of: level), kinds.contains(k) else { return false }
        }
        if let roles = clause.roles, !roles.contains(where: level.hasRole) { return false }
        if let min = clause.minGrade, level.grade.value < min { return false }
        if let max = clause.maxGrade, level.grade.value > max { return false }
        return true
    }

    /// Highest grade of each track kind, if the ladder has levels of that kind.
    public func topGrade(_ kind: TrackKind) -> Int? {
        // One pass over the levels in place: filtering first copied every level of the kind.
        var top: Int?
        for i in levels.indices where self.kind(of: levels[i]) == kind {
            top = max(top ?? .min, levels[i].grade.value)
        }
        return top
    }
}

/// A band that had errors: left out, or kept without what the file meant.
public struct LeftOutBand: Sendable, Hashable {
    public var level: String
    public var grade: Int
    /// nil: its zone could not be read, so its grade stands down in every zone.
    public var zone: String?

    public init(level: String, grade: Int, zone: String?) {
        self.level = level
        self.grade = grade
        self.zone = zone
    }
}

/// Every ladder of a run, resolved together, and the reference problems found doing so.
public struct ResolvedModel: Sendable {
    public var ladders: [ResolvedLadder]
    public var findings: [Finding]
    public var documentCount: Int
}

/// A ladder document and the documents that name it, before their references are checked.
public struct LadderGroup: Sendable {
    public var ladder: Ladder
    /// Its compensation, policy and survey documents, in file and position order.
    public var documents: [Document]
    /// Ids of this ladder that were reported broken when decoding (track, level, incomplete).
    public var broken: [BrokenID]

    public init(ladder: Ladder, documents: [Document], broken: [BrokenID]) {
        self.ladder = ladder
        self.documents = documents
        self.broken = broken
    }
}

/// The run-wide pass of the resolver: one group per ladder, and the duplicate ladder ids and
/// references to unknown ladders it found.
public struct LadderGroups: Sendable {
    public var ladders: [LadderGroup]
    public var findings: [Finding]
}

/// What the run-wide pass needs of a document: where it is, and the ladder id it defines (a
/// ladder document) or names (every other kind).
public struct DocumentStub: Sendable {
    public var source: DocumentSource
    public var isLadder: Bool
    public var ladder: Located<String>
}

extension Document {
    public var stub: DocumentStub {
        switch self {
        case .ladder(let l): DocumentStub(source: l.source, isLadder: true, ladder: l.id)
        case .compensation(let c): DocumentStub(source: c.source, isLadder: false, ladder: c.ladder)
        case .policy(let p): DocumentStub(source: p.source, isLadder: false, ladder: p.ladder)
        case .survey(let s): DocumentStub(source: s.source, isLadder: false, ladder: s.ladder)
        case .payFormula(let f): DocumentStub(source: f.source, isLadder: false, ladder: f.ladder)
        }
    }
}

/// The run-wide pass's answer, on document indices: which documents make up each ladder.
public struct LadderPlan: Sendable {
    public struct Ladder: Sendable {
        public var id: String
        /// The ladder document: the first of its id, in file and position order.
        public var ladder: Int
        /// Its compensation, policy and survey documents, in file and position order.
        public var members: [Int]
        public var broken: [BrokenID]
    }

    public var ladders: [Ladder]
    public var findings: [Finding]
}
