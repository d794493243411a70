import LadderModel

/// The policies of one ladder with their audiences resolved to levels: who may join which
/// program, who owns which decision, who sits in which forum, what a track change costs.
/// Computed once from the model, like `Metrics`, so a reporter can draw the picture without
/// seeing the model; whether an entry fails parity is told by the findings that point into it
/// (same ladder, file and model path), never decided a second time here.
public struct PolicyPicture: Sendable {
    public var ladder: String
    public var programs: [Program]
    public var decisions: [Decision]
    public var forums: [Forum]
    public var transitions: [Transition]

    /// An audience as written and the levels it resolves to, by track kind, in ladder order.
    /// A shared level (of both tracks) is on both lists, as the rules count it: an audience
    /// holding one holds someone who need not manage, and a manager's level.
    public struct Audience: Sendable {
        /// A short rendering of the YAML, e.g. "track_kinds: management, min_grade: 4".
        public var written: String
        /// IC and shared levels.
        public var individualContributor: [String]
        /// Management and shared levels.
        public var management: [String]
        /// The members that hold the `tech-lead` role.
        public var techLeads: [String]
        /// Groups outside the ladder it names (`group: people-team`), which are neither track.
        public var groups: [String] = []

        /// No level of the ladder (groups outside it aside).
        public var isEmpty: Bool { individualContributor.isEmpty && management.isEmpty }
        /// The shared levels: the only ones on both lists.
        public var shared: [String] { individualContributor.filter(management.contains) }
        /// Only groups outside the ladder: neither engineers nor managers, so no parity question.
        public var outsideOnly: Bool { isEmpty && !groups.isEmpty }
    }

    /// Where an entry lives: a finding whose ladder and file match and whose model path starts
    /// with `path` is about this entry.
    public struct Anchor: Sendable, Hashable {
        public var file: String
        public var path: String

        /// True when `finding` points at this entry or at a value inside it.
        public func contains(_ finding: Finding) -> Bool {
            guard finding.location.file == file, finding.modelPath.hasPrefix(path) else { return false }
            let rest = finding.modelPath.dropFirst(path.count)
            return rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[")
        }
    }

    public struct Program: Sendable {
        public var id: String
        public var name: String
        /// `leadership-training`, `mentoring`, `new-manager`, `new-tech-lead` or `other`.
        public var kind: String
        public var eligible: Audience
        public var anchor: Anchor
    }

    public struct Decision: Sendable {
        public var area: String
        /// `technical`, `people`, `budget`, `product` or `other`.
        public var kind: String
        public var owner: Audience
        public var consulted: Audience?
        public var anchor: Anchor
    }

    public struct Forum: Sendable {
        public var id: String
        public var name: String
        /// `planning`, `decision` or `information`.
        public var purpose: String
        public var members: Audience
        public var anchor: Anchor
    }

    public struct Transition: Sendable {
        public var from: String
        public var fromName: String
        /// The track kinds' raw values; nil for a track the ladder does not have.
        public var fromKind: String?
        public var to: String
        public var toName: String
        public var toKind: String?
        public var gradeChange: Int?
        /// A fraction of base pay (0.10 is +10%): never an amount.
        public var payChange: Double?
        public var anchor: Anchor
    }

    public var isEmpty: Bool { programs.isEmpty && decisions.isEmpty && forums.isEmpty && transitions.isEmpty }
}

extension PolicyPicture {
    /// One picture per ladder, in the model's ladder order.
    public static func compute(_ model: ResolvedModel) -> [PolicyPicture] {
        model.ladders.map(compute)
    }

    public static func compute(_ l: ResolvedLadder) -> PolicyPicture {
        func audience(_ a: LadderModel.Audience) -> Audience {
            let members = l.members(of: a)
            return Audience(
                written: describe(a),
                individualContributor: members.filter(l.onICSide).map(\.id.value),
                management: members.filter(l.onManagementSide).map(\.id.value),
                techLeads: members.filter { $0.hasRole(KnownRoles.techLead) }.map(\.id.value),
                groups: a.outsideGroups)
        }
        var picture = PolicyPicture(ladder: l.id, programs: [], decisions: [], forums: [], transitions: [])
        for p in l.policies {
            let file = p.source.file
            for g in p.programs {
                picture.programs.append(Program(
                    id: g.id.value, name: g.name, kind: g.kind.rawValue, eligible: audience(g.eligible.value),
                    anchor: Anchor(file: file, path: g.path.description)))
            }
            for d in p.decisions {
                picture.decisions.append(Decision(
                    area: d.area.value, kind: d.kind.rawValue, owner: audience(d.owner.value),
                    consulted: d.consulted.map { audience($0.value) }, anchor: Anchor(file: file, path: d.path.description)))
            }
            for f in p.forums {
                picture.forums.append(Forum(
                    id: f.id.value, name: f.name, purpose: f.purpose.rawValue, members: audience(f.members.value),
                    anchor: Anchor(file: file, path: f.path.description)))
            }
            for t in p.transitions {
                let from = l.tracks[t.from.value]
                let to = l.tracks[t.to.value]
                picture.transitions.append(Transition(
                    from: t.from.value, fromName: from?.name ?? t.from.value, fromKind: from?.kind.rawValue,
                    to: t.to.value, toName: to?.name ?? t.to.value, toKind: to?.kind.rawValue,
                    gradeChange: t.gradeChange?.value, payChange: t.payChange?.value,
                    anchor: Anchor(file: file, path: t.path.description)))
            }
        }
        return picture
    }

    /// "everyone", or the clauses as written: "track_kinds: management, min_grade: 4 or roles: tech-lead".
    static func describe(_ a: LadderModel.Audience) -> String {
        switch a {
        case .everyone:
            return "everyone"
        case .anyOf(let clauses):
            if clauses.isEmpty { return "nobody" }
            return clauses.map { c in
                var parts: [String] = []
                if let t = c.tracks { parts.append("tracks: " + t.map(\.value).joined(separator: ", ")) }
                if let k = c.trackKinds { parts.append("track_kinds: " + k.map(\.rawValue).joined(separator: ", ")) }
                if let r = c.roles { parts.append("roles: " + r.joined(separator: ", ")) }
                if let g = c.minGrade { parts.append("min_grade: \(g)") }
                if let g = c.maxGrade { parts.append("max_grade: \(g)") }
                if let g = c.groups { parts.append((g.count == 1 ? "group: " : "groups: ") + g.map(\.value).joined(separator: ", ")) }
                return parts.isEmpty ? "everyone" : parts.joined(separator: ", ")
            }.joined(separator: " or ")
        }
    }
}
