import LadderYAML

/// Resolves all documents of a run together, across files, in any order: ids, references,
/// duplicates. Documents are first sorted by file and position, so the "second" of two
/// duplicates is the same whatever order the files were read in.
public struct Resolver: Sendable {
    public init() {}

    /// `unparsedFiles`: some file of the run could not be parsed, so an unknown ladder id may
    /// well be defined there; its syntax error is reported, not a reference to it.
    public func resolve(_ documents: [Document], broken: [BrokenID], unparsedFiles: Bool = false) -> ResolvedModel {
        let grouped = group(documents, broken: broken, unparsedFiles: unparsedFiles)
        var findings = grouped.findings
        var ladders: [ResolvedLadder] = []
        for g in grouped.ladders {
            let (ladder, problems) = resolve(g)
            ladders.append(ladder)
            findings += problems
        }
        return ResolvedModel(ladders: ladders, findings: findings, documentCount: documents.count)
    }

    /// The first, run-wide pass: ladder ids unique across the run, and every other document
    /// given to the ladder it names. What is left per ladder (`resolve(_:)`) needs nothing
    /// outside its group, so ladders can be resolved and checked one at a time, in parallel,
    /// each dropped when done.
    public func group(_ documents: [Document], broken: [BrokenID], unparsedFiles: Bool = false) -> LadderGroups {
        let plan = plan(documents.map(\.stub), broken: broken, unparsedFiles: unparsedFiles)
        let groups = plan.ladders.map { m -> LadderGroup in
            guard case .ladder(let l) = documents[m.ladder] else { preconditionFailure("a plan's ladder is a ladder document") }
            return LadderGroup(ladder: l, documents: m.members.map { documents[$0] }, broken: m.broken)
        }
        return LadderGroups(ladders: groups, findings: plan.findings)
    }

    /// The run-wide pass on what it needs of each document (kind, source, the ladder id it
    /// defines or names): which documents make up each ladder, duplicate ladder ids, references
    /// to unknown ladders. Indices are into `stubs`.
    public func plan(_ stubs: [DocumentStub], broken: [BrokenID], unparsedFiles: Bool = false) -> LadderPlan {
        let order = stubs.indices.sorted { stubs[$0].source < stubs[$1].source }
        var findings: [Finding] = []
        let brokenLadders = Set(broken.filter { $0.scope == .ladder }.map(\.id))
        var brokenByLadder: [String: [BrokenID]] = [:]
        for b in broken where b.scope != .ladder {
            if let l = b.ladder { brokenByLadder[l, default: []].append(b) }
        }

        var index: [String: Int] = [:]
        var ladders: [LadderPlan.Ladder] = []
        for i in order where stubs[i].isLadder {
            let s = stubs[i]
            if let first = index[s.ladder.value] {
                let f = stubs[ladders[first].ladder]
                findings.append(Self.problem(
                    "duplicate-id", s.source.file, s.ladder, ladder: s.ladder.value, path: .root.key("id"),
                    "ladder id '\(s.ladder.value)' is already used by \(f.source.file):\(f.ladder.span.start.line): ladder ids must be unique across all files; rename one"))
                continue
            }
            index[s.ladder.value] = ladders.count
            ladders.append(LadderPlan.Ladder(id: s.ladder.value, ladder: i, members: [], broken: brokenByLadder[s.ladder.value] ?? []))
        }
        let ladderIDs = ladders.map(\.id)
        for i in order where !stubs[i].isLadder {
            let s = stubs[i]
            if let l = index[s.ladder.value] {
                ladders[l].members.append(i)
            } else if !brokenLadders.contains(s.ladder.value) && !unparsedFiles {
                findings.append(Self.problem(
                    "unknown-reference", s.source.file, s.ladder, ladder: nil, path: .root.key("ladder"),
                    Self.unknown("ladder", s.ladder.value, of: "this run", known: ladderIDs)))
            }
        }
        return LadderPlan(ladders: ladders, findings: findings)
    }

    /// The second pass, for one ladder: tracks, levels, and the references of its documents.
    public func resolve(_ group: LadderGroup) -> (ResolvedLadder, [Finding]) {
        let l = group.ladder
        let id = l.id.value
        var findings: [Finding] = []
        let brokenIDs = Set(group.broken)
        func brokenID(_ scope: BrokenID.Scope, _ name: String) -> Bool {
            brokenIDs.contains(BrokenID(scope: scope, ladder: id, id: name))
        }
        func problem(_ rule: String, _ file: String, _ value: Located<String>, path: ModelPath, _ message: String) {
            findings.append(Self.problem(rule, file, value, ladder: id, path: path, message))
        }

        let file = l.source.file
        var tracks: [String: Track] = [:]
        for t in l.tracks {
            if tracks[t.id.value] != nil {
                problem("duplicate-id", file, t.id, path: .root.item("tracks", ["id": t.id.value]).key("id"),
                        "track id '\(t.id.value)' appears twice in ladder '\(id)': rename the second")
                continue
            }
            tracks[t.id.value] = t
        }
        // `track: shared` names the shared track without declaring it.
        if tracks[TrackKind.sharedTrackID] == nil, l.levels.contains(where: { $0.track.value == TrackKind.sharedTrackID }) {
            tracks[TrackKind.sharedTrackID] = Track(id: Located(TrackKind.sharedTrackID, span: l.id.span), name: "Shared", kind: .shared)
        }
        var levels: [Level] = []
        var byID: [String: Level] = [:]
        var dropped = Set<String>()
        for lv in l.levels {
            if byID[lv.id.value] != nil {
                problem("duplicate-id", file, lv.id, path: lv.path.key("id"),
                        "level id '\(lv.id.value)' appears twice in ladder '\(id)' (first at line \(byID[lv.id.value]!.id.span.start.line)): level ids must be unique within a ladder; rename the second")
                continue
            }
            guard tracks[lv.track.value] != nil else {
                dropped.insert(lv.id.value)
                if !brokenID(.track, lv.track.value) {
                    problem("unknown-reference", file, lv.track, path: lv.path.key("track"),
                            Self.unknown("track", lv.track.value, of: "ladder '\(id)'", known: Array(tracks.keys)))
                }
                continue
            }
            levels.append(lv)
            byID[lv.id.value] = lv
        }
        var roleSeen: [String: Int32] = [:]
        for role in l.roles {
            if let first = roleSeen[role.id.value] {
                problem("duplicate-id", file, role.id, path: role.path.key("id"),
                        "role '\(role.id.value)' is described twice in ladder '\(id)' (first at line \(first)): describe each role once")
            } else {
                roleSeen[role.id.value] = role.id.span.start.line
            }
        }
        var rl = ResolvedLadder(ladder: l, tracks: tracks, levels: levels, levelsByID: byID, bands: [], policies: [], surveys: [])
        rl.incomplete = Set(group.broken.filter { $0.scope == .incomplete }.compactMap { DocumentKind(rawValue: $0.id) })
        if !dropped.isEmpty { rl.incomplete.insert(.ladder) }
        // Bands with errors of a known level stand down their grade and zone only.
        let leftOut = Set(group.broken.lazy.filter { $0.scope == .band }.compactMap { b in byID[b.id].map { LeftOutBand(level: b.id, grade: $0.grade.value, zone: b.zone) } })
        rl.leftOutBands = leftOut.sorted { a, b in
            if a.grade != b.grade { return a.grade < b.grade }
            if a.zone != b.zone { return (a.zone ?? "\u{10FFFF}") < (b.zone ?? "\u{10FFFF}") }
            return a.level < b.level
        }

        // The roles the ladder's levels hold, and those the rules know: an audience's role
        // near one of these and none itself is a slip (`tech-laed`). Built on first use.
        var roleNames: [String]?
        /// Reports unknown tracks in an audience, and roles that no level holds but are near one
        /// that does; false when there is one, so the item that holds the audience is left out
        /// instead of being judged on a wrong set of levels.
        func checkTracks(_ audience: Located<Audience>, _ file: String, _ path: ModelPath) -> Bool {
            guard case .anyOf(let clauses) = audience.value else { return true }
            var ok = true
            for clause in clauses {
                for t in clause.tracks ?? [] where tracks[t.value] == nil {
                    ok = false
                    if brokenID(.track, t.value) { continue }
                    problem("unknown-reference", file, t, path: path.entry("tracks", t.value),
                            Self.unknown("track", t.value, of: "ladder '\(id)'", known: Array(tracks.keys)))
                }
                for role in clause.roleSpans ?? [] {
                    if roleNames == nil { roleNames = Self.roleNames(levels) }
                    guard let held = roleNames, !held.contains(role.value), !Self.knownRoles.contains(role.value),
                          let meant = Suggest.nearest(role.value, in: held + Self.knownRoles) else { continue }
                    ok = false
                    problem("unknown-reference", file, role, path: path.entry("roles", role.value),
                            "no level of ladder '\(id)' holds the role '\(role.value)': did you mean '\(meant)'? Roles of its levels: \(held.isEmpty ? "none" : held.prefix(12).joined(separator: ", "))\(held.count > 12 ? ", ..." : "")")
                }
            }
            return ok
        }

        struct BandKey: Hashable { var level: String, zone: String }
        // Pay formulas first: their bands are known before any written band is placed, so a
        // written band for a level and zone that a formula covers is the one reported (and left
        // out), wherever the files put it.
        var derived: [Int: [PlacedBand]] = [:]
        var derivedAt: [BandKey: PlacedBand] = [:]
        for i in group.documents.indices {
            guard case .payFormula(let f) = group.documents[i] else { continue }
            let file = f.source.file
            var out: [PlacedBand] = []
            for lf in f.levelFactors {
                let path = PayFormula.factorPath(lf.name.value)
                guard let level = byID[lf.name.value] else {
                    if !brokenID(.level, lf.name.value) && !dropped.contains(lf.name.value) {
                        problem("unknown-reference", file, lf.name, path: path,
                                Self.unknownLevel(lf.name.value, of: "ladder '\(id)'", levels: levels))
                    }
                    continue
                }
                guard let (benchmark, family) = f.benchmark(family: l.families[level.id.value]) else {
                    // A level of the ladder left without bands: the pay checks would judge a partial set.
                    rl.incomplete.insert(.payFormula)
                    problem("unknown-reference", file, lf.name, path: path, FormulaBands.noBenchmark(level, family: l.families[level.id.value], ladderFile: l.source.file, families: f.families))
                    continue
                }
                var twice: [(zone: String, first: PlacedBand)] = []
                var beyond: [String] = []
                for zone in f.zones {
                    let key = BandKey(level: level.id.value, zone: zone.id.value)
                    if let first = derivedAt[key] {
                        twice.append((zone.id.value, first))
                        continue
                    }
                    guard let band = FormulaBands.band(f, factor: lf, level: level, track: tracks[level.track.value]!, zone: zone, benchmark: benchmark, family: family) else {
                        beyond.append(zone.id.value)
                        continue
                    }
                    derivedAt[key] = band
                    out.append(band)
                }
                // One finding per factor, whatever the number of zones it concerns.
                if let first = twice.first?.first {
                    problem("duplicate-id", file, lf.name, path: path,
                            "a second pay formula for level '\(lf.name.value)' in zone\(twice.count == 1 ? "" : "s") \(twice.map { "'\($0.zone)'" }.joined(separator: ", ")) (the first is at \(first.source.file):\(first.band.level.span.start.line)): keep one formula per level and zone")
                }
                if !beyond.isEmpty {
                    rl.incomplete.insert(.payFormula)
                    findings.append(Finding(
                        rule: "invalid-document", severity: .error,
                        message: "level_factors.\(lf.name.value): benchmark × factors gives no amount a band can hold in zone\(beyond.count == 1 ? "" : "s") \(beyond.map { "'\($0)'" }.joined(separator: ", ")): check the benchmark and the factors",
                        location: Location(file: file, span: lf.factor.span), ladder: id, subjects: [lf.name.value], modelPath: path.description))
                }
            }
            derived[i] = out
        }

        var bandAt: [BandKey: Int] = [:]
        for (i, doc) in group.documents.enumerated() {
            switch doc {
            case .ladder:
                continue
            case .payFormula:
                let bands = derived[i] ?? []
                rl.bands += bands
                rl.derivedBands += bands.count
            case .compensation(let c):
                let file = c.source.file
                rl.bands.reserveCapacity(rl.bands.count + c.bands.count)
                for b in c.bands {
                    guard let level = byID[b.level.value] else {
                        if !brokenID(.level, b.level.value) && !dropped.contains(b.level.value) {
                            problem("unknown-reference", file, b.level, path: b.path.key("level"),
                                    Self.unknownLevel(b.level.value, of: "ladder '\(id)'", levels: levels))
                        }
                        continue
                    }
                    let key = BandKey(level: b.level.value, zone: b.zone)
                    if !derivedAt.isEmpty, let formula = derivedAt[key] {
                        problem("duplicate-id", file, b.level, path: b.path.key("level"),
                                "a band for level '\(b.level.value)' in zone '\(b.zone)', which the pay formula at \(formula.source.file):\(formula.band.level.span.start.line) (\(formula.band.path)) already derives: keep one band per level and zone (remove this band, or leave the zone or the level's factor out of the formula)")
                        continue
                    }
                    if let at = bandAt[key] {
                        let first = rl.bands[at]
                        problem("duplicate-id", file, b.level, path: b.path.key("level"),
                                "a second band for level '\(b.level.value)' in zone '\(b.zone)' (the first is at \(first.source.file):\(first.band.level.span.start.line)): keep one band per level and zone")
                        continue
                    }
                    bandAt[key] = rl.bands.count
                    rl.bands.append(PlacedBand(band: b, source: c.source, level: level, track: tracks[level.track.value]!))
                }
            case .policy(var p):
                let file = p.source.file
                // Items of one kind with an id and an audience: one whose audience names an
                // unknown track or role is left out (reported by checkTracks); of two with one
                // id, the second (reported here).
                func kept<T>(
                    _ items: [T], _ what: String, id: KeyPath<T, Located<String>>, audience: KeyPath<T, Located<Audience>>,
                    key: String, path: KeyPath<T, ModelPath>, incomplete: Bool
                ) -> [T] {
                    var seen = Set<String>()
                    return items.filter { x in
                        guard checkTracks(x[keyPath: audience], file, x[keyPath: path].key(key)) else {
                            if incomplete { rl.incomplete.insert(.policy) }
                            return false
                        }
                        let id = x[keyPath: id]
                        if seen.insert(id.value).inserted { return true }
                        problem("duplicate-id", file, id, path: x[keyPath: path].key("id"), "\(what) id '\(id.value)' appears twice in this document: rename the second")
                        return false
                    }
                }
                p.programs = kept(p.programs, "program", id: \.id, audience: \.eligible, key: "eligible", path: \.path, incomplete: true)
                p.decisions = p.decisions.filter { d in
                    let owner = checkTracks(d.owner, file, d.path.key("owner"))
                    let consulted = d.consulted.map { checkTracks($0, file, d.path.key("consulted")) } ?? true
                    let concerns = d.concerns.map { checkTracks($0, file, d.path.key("concerns")) } ?? true
                    return owner && consulted && concerns
                }
                p.forums = kept(p.forums, "forum", id: \.id, audience: \.members, key: "members", path: \.path, incomplete: false)
                p.recognition = kept(p.recognition, "recognition", id: \.id, audience: \.audience, key: "audience", path: \.path, incomplete: true)
                p.transitions = p.transitions.filter { t in
                    var ok = true
                    for (end, key) in [(t.from, "from"), (t.to, "to")] where tracks[end.value] == nil {
                        ok = false
                        if !brokenID(.track, end.value) {
                            problem("unknown-reference", file, end, path: t.path.key(key),
                                    Self.unknown("track", end.value, of: "ladder '\(id)'", known: Array(tracks.keys)))
                        }
                    }
                    return ok
                }
                rl.policies.append(p)
            case .survey(var s):
                let file = s.source.file
                var seen = Set<String>()
                s.questions = s.questions.filter { q in
                    if seen.insert(q.id.value).inserted { return true }
                    problem("duplicate-id", file, q.id, path: q.path.key("id"), "question id '\(q.id.value)' appears twice in this survey: rename the second")
                    return false
                }
                rl.surveys.append(s)
            }
        }
        if rl.bands.count > rl.derivedBands + 1 { findings += Self.zoneSlips(rl.bands, ladder: id) }
        return (rl, findings)
    }

    /// The roles the rules know, which an audience may name though no level holds them.
    static let knownRoles = [KnownRoles.techLead, KnownRoles.techLeadManager]

    /// The roles `levels` hold, sorted, each once.
    static func roleNames(_ levels: [Level]) -> [String] {
        Array(Set(levels.lazy.flatMap { $0.roles.map(\.value) })).sorted()
    }

    /// `unknown("level", …)`, also when the name is a level's title (`level: Senior Engineer`).
    static func unknownLevel(_ name: String, of scope: String, levels: [Level]) -> String {
        let lower = name.lowercased()
        guard let titled = levels.first(where: { $0.title.lowercased() == lower })
            ?? Suggest.nearest(name, in: levels.map(\.title)).flatMap({ t in levels.first { $0.title == t } }),
            Suggest.nearest(name, in: levels.map(\.id.value)) == nil
        else { return unknown("level", name, of: scope, known: levels.map(\.id.value)) }
        var message = "no level '\(name)' in \(scope): did you mean '\(titled.id.value)' (\(titled.title))?"
        let list = levels.map(\.id.value).sorted()
        message += " Known levels: \(list.prefix(12).joined(separator: ", "))\(list.count > 12 ? ", ..." : "")"
        return message
    }

    /// Zones of written bands that look like a slip for another zone: a name alike (`UK` and
    /// `uk`, `us-teir-1` and `us-tier-1`, never `us-tier-1` and `us-tier-2`) whose bands are all
    /// for levels the other zone lacks, so that it holds what the other misses. The smaller
    /// zone is taken for the slip; of two alike in size, the one written later. One finding
    /// per such zone, at its first band's zone.
    static func zoneSlips(_ bands: [PlacedBand], ladder: String) -> [Finding] {
        struct Zone {
            var name: String
            /// The zone's bands, indices into `bands`.
            var members: [Int]
            var count: Int { members.count }
            var first: Int { members[0] }
        }
        // Zones are few: a list searched in place costs less than a dictionary. Bands are read
        // in place (a PlacedBand copy retains a dozen strings and arrays).
        var zones: [Zone] = []
        for i in bands.indices where bands[i].band.formula == nil {
            let zone = bands[i].band.zone
            if let z = zones.firstIndex(where: { $0.name == zone }) {
                zones[z].members.append(i)
            } else {
                zones.append(Zone(name: zone, members: [i]))
            }
        }
        guard zones.count > 1 else { return [] }
        // Each name's forms worked out once, not once per pair compared, and a zone's levels only
        // for a zone whose name is alike another's (most ladders have a few zones, none alike).
        let names = zones.map { ZoneName($0.name) }
        var levelSets: [Set<String>?] = Array(repeating: nil, count: zones.count)
        func levels(_ zi: Int) -> Set<String> {
            if let known = levelSets[zi] { return known }
            let set = Set(zones[zi].members.map { bands[$0].level.id.value })
            levelSets[zi] = set
            return set
        }
        var out: [Finding] = []
        for (zi, z) in zones.enumerated() {
            guard let si = zones.indices.first(where: { si in
                let s = zones[si]
                return s.name != z.name && (z.count < s.count || (z.count == s.count && z.first > s.first))
                    && names[zi].alike(names[si]) && levels(zi).isDisjoint(with: levels(si))
            }) else { continue }
            let s = zones[si]
            let b = bands[z.first]
            let held = levels(zi).sorted()
            let what = held.count == 1 ? "the band of \(held[0])" : "the bands of \(held.prefix(12).joined(separator: ", "))\(held.count > 12 ? ", ..." : "")"
            out.append(problem(
                "unknown-reference", b.source.file, Located(z.name, span: b.band.zoneSpan ?? b.band.level.span), ladder: ladder,
                path: b.band.path.key("zone"),
                "zone '\(z.name)' holds only \(what), which zone '\(s.name)' lacks: did you mean '\(s.name)'?"))
        }
        return out
    }

    /// A zone name's forms, for telling whether two names are one slip apart: equal but for
    /// case, `-`, `_`, `.` and spaces; or, both of 4 characters or more, one edit apart (a swap
    /// of neighbours counts once) with the same digits, so that `us-tier-1` and `us-tier-2`
    /// stay two zones.
    struct ZoneName {
        var lower: String, plain: String, digits: String, count: Int

        init(_ s: String) {
            lower = s.lowercased()
            plain = String(lower.filter { !"-_. ".contains($0) })
            digits = String(s.filter(\.isNumber))
            count = s.count
        }

        func alike(_ o: ZoneName) -> Bool {
            if plain == o.plain { return true }
            guard count >= 4, o.count >= 4, abs(count - o.count) <= 1, digits == o.digits else { return false }
            return Suggest.distance(lower, o.lower) == 1
        }
    }

    static func problem(_ rule: String, _ file: String, _ value: Located<String>, ladder: String?, path: ModelPath, _ message: String) -> Finding {
        Finding(rule: rule, severity: .error, message: message, location: Location(file: file, span: value.span),
                ladder: ladder, subjects: [value.value], modelPath: path.description)
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
