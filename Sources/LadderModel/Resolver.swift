import LadderYAML

/// Resolves all documents of a run together, across files, in any order: ids, references,
/// duplicates. Documents are first sorted by file and position, so the "second" of two
/// duplicates is the same whatever order the files were read in.
public struct Resolver {
    public init() {}

    /// `unparsedFiles`: some file of the run could not be parsed, so an unknown ladder id may
    /// well be defined there; its syntax error is reported, not a reference to it.
    public func resolve(_ documents: [Document], broken: [BrokenID], unparsedFiles: Bool = false) -> ResolvedModel {
        let docs = documents.sorted { $0.source < $1.source }
        var findings: [Finding] = []
        let brokenLadders = Set(broken.filter { $0.scope == .ladder }.map(\.id))
        func brokenID(_ scope: BrokenID.Scope, _ ladder: String, _ id: String) -> Bool {
            broken.contains { $0.scope == scope && $0.ladder == ladder && $0.id == id }
        }
        func problem(_ rule: String, _ file: String, _ value: Located<String>, ladder: String?, path: ModelPath, _ message: String) {
            findings.append(Finding(
                rule: rule, severity: .error, message: message, location: Location(file: file, span: value.span),
                ladder: ladder, subjects: [value.value], modelPath: path.description))
        }

        // Ladders first: ids unique across the run.
        var ladders: [String: ResolvedLadder] = [:]
        var order: [String] = []
        var droppedLevels: [String: Set<String>] = [:]
        for case .ladder(let l) in docs {
            let file = l.source.file
            if let first = ladders[l.id.value] {
                problem("duplicate-id", file, l.id, ladder: l.id.value, path: .root.key("id"),
                        "ladder id '\(l.id.value)' is already used by \(first.file):\(first.ladder.id.span.start.line): ladder ids must be unique across all files; rename one")
                continue
            }
            var tracks: [String: Track] = [:]
            for t in l.tracks {
                if tracks[t.id.value] != nil {
                    problem("duplicate-id", file, t.id, ladder: l.id.value, path: .root.item("tracks", ["id": t.id.value]).key("id"),
                            "track id '\(t.id.value)' appears twice in ladder '\(l.id.value)': rename the second")
                    continue
                }
                tracks[t.id.value] = t
            }
            var levels: [Level] = []
            var byID: [String: Level] = [:]
            var dropped = Set<String>()
            for lv in l.levels {
                if byID[lv.id.value] != nil {
                    problem("duplicate-id", file, lv.id, ladder: l.id.value, path: lv.path.key("id"),
                            "level id '\(lv.id.value)' appears twice in ladder '\(l.id.value)' (first at line \(byID[lv.id.value]!.id.span.start.line)): level ids must be unique within a ladder; rename the second")
                    continue
                }
                guard tracks[lv.track.value] != nil else {
                    dropped.insert(lv.id.value)
                    if !brokenID(.track, l.id.value, lv.track.value) {
                        problem("unknown-reference", file, lv.track, ladder: l.id.value, path: lv.path.key("track"),
                                Self.unknown("track", lv.track.value, of: "ladder '\(l.id.value)'", known: Array(tracks.keys)))
                    }
                    continue
                }
                levels.append(lv)
                byID[lv.id.value] = lv
            }
            var resolved = ResolvedLadder(ladder: l, tracks: tracks, levels: levels, levelsByID: byID, bands: [], policies: [], surveys: [])
            resolved.incomplete = Set(broken.filter { $0.scope == .incomplete && $0.ladder == l.id.value }.compactMap { DocumentKind(rawValue: $0.id) })
            if !dropped.isEmpty { resolved.incomplete.insert(.ladder) }
            droppedLevels[l.id.value] = dropped
            ladders[l.id.value] = resolved
            order.append(l.id.value)
        }
        let ladderIDs = order

        func owner(_ ref: Located<String>, _ file: String) -> String? {
            if ladders[ref.value] != nil { return ref.value }
            if !brokenLadders.contains(ref.value) && !unparsedFiles {
                problem("unknown-reference", file, ref, ladder: nil, path: .root.key("ladder"),
                        Self.unknown("ladder", ref.value, of: "this run", known: ladderIDs))
            }
            return nil
        }

        /// Reports unknown tracks in an audience; false when there is one, so the item that
        /// holds the audience is left out instead of being judged on a wrong set of levels.
        func checkTracks(_ audience: Located<Audience>, _ rl: ResolvedLadder, _ file: String, _ path: ModelPath) -> Bool {
            guard case .anyOf(let clauses) = audience.value else { return true }
            var ok = true
            for clause in clauses {
                for t in clause.tracks ?? [] where rl.tracks[t.value] == nil {
                    ok = false
                    if brokenID(.track, rl.id, t.value) { continue }
                    problem("unknown-reference", file, t, ladder: rl.id, path: path.entry("tracks", t.value),
                            Self.unknown("track", t.value, of: "ladder '\(rl.id)'", known: Array(rl.tracks.keys)))
                }
            }
            return ok
        }

        for doc in docs {
            switch doc {
            case .ladder:
                continue
            case .compensation(let c):
                let file = c.source.file
                guard let id = owner(c.ladder, file) else { continue }
                var rl = ladders[id]!
                for b in c.bands {
                    guard let level = rl.levelsByID[b.level.value] else {
                        if !brokenID(.level, id, b.level.value) && !(droppedLevels[id]?.contains(b.level.value) ?? false) {
                            problem("unknown-reference", file, b.level, ladder: id, path: b.path.key("level"),
                                    Self.unknown("level", b.level.value, of: "ladder '\(id)'", known: rl.levels.map(\.id.value)))
                        }
                        continue
                    }
                    if let first = rl.bands.first(where: { $0.band.level.value == b.level.value && $0.band.zone == b.zone }) {
                        problem("duplicate-id", file, b.level, ladder: id, path: b.path.key("level"),
                                "a second band for level '\(b.level.value)' in zone '\(b.zone)' (the first is at \(first.source.file):\(first.band.level.span.start.line)): keep one band per level and zone")
                        continue
                    }
                    rl.bands.append(PlacedBand(band: b, source: c.source, level: level, track: rl.tracks[level.track.value]!))
                }
                ladders[id] = rl
            case .policy(var p):
                let file = p.source.file
                guard let id = owner(p.ladder, file) else { continue }
                var rl = ladders[id]!
                var seen = Set<String>()
                p.programs = p.programs.filter { pr in
                    guard checkTracks(pr.eligible, rl, file, pr.path.key("eligible")) else {
                        rl.incomplete.insert(.policy)
                        return false
                    }
                    if seen.insert(pr.id.value).inserted { return true }
                    problem("duplicate-id", file, pr.id, ladder: id, path: pr.path.key("id"), "program id '\(pr.id.value)' appears twice in this document: rename the second")
                    return false
                }
                p.decisions = p.decisions.filter { d in
                    let owner = checkTracks(d.owner, rl, file, d.path.key("owner"))
                    let consulted = d.consulted.map { checkTracks($0, rl, file, d.path.key("consulted")) } ?? true
                    return owner && consulted
                }
                seen = []
                p.forums = p.forums.filter { f in
                    guard checkTracks(f.members, rl, file, f.path.key("members")) else { return false }
                    if seen.insert(f.id.value).inserted { return true }
                    problem("duplicate-id", file, f.id, ladder: id, path: f.path.key("id"), "forum id '\(f.id.value)' appears twice in this document: rename the second")
                    return false
                }
                p.transitions = p.transitions.filter { t in
                    var ok = true
                    for (end, key) in [(t.from, "from"), (t.to, "to")] where rl.tracks[end.value] == nil {
                        ok = false
                        if !brokenID(.track, id, end.value) {
                            problem("unknown-reference", file, end, ladder: id, path: t.path.key(key),
                                    Self.unknown("track", end.value, of: "ladder '\(id)'", known: Array(rl.tracks.keys)))
                        }
                    }
                    return ok
                }
                rl.policies.append(p)
                ladders[id] = rl
            case .survey(var s):
                let file = s.source.file
                guard let id = owner(s.ladder, file) else { continue }
                var seen = Set<String>()
                s.questions = s.questions.filter { q in
                    if seen.insert(q.id.value).inserted { return true }
                    problem("duplicate-id", file, q.id, ladder: id, path: q.path.key("id"), "question id '\(q.id.value)' appears twice in this survey: rename the second")
                    return false
                }
                ladders[id]!.surveys.append(s)
            }
        }
        return ResolvedModel(ladders: order.map { ladders[$0]! }, findings: findings, documentCount: documents.count)
    }

    static func unknown(_ what: String, _ id: String, of scope: String, known: [String]) -> String {
        var message = "no \(what) '\(id)' in \(scope)"
        if let s = Suggest.nearest(id, in: known) { message += ": did you mean '\(s)'?" } else { message += "." }
        let list = known.sorted()
        if !list.isEmpty {
            message += " Known \(what)s: \(list.prefix(12).joined(separator: ", "))\(list.count > 12 ? ", ..." : "")"
        } else {
            message += ": define it first"
        }
        return message
    }
}
