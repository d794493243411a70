import LadderModel

/// What part of a ladder a group of rules judges, as a run reports whether it could check it
/// (issue 17: a ladder with no bands must not look like a ladder whose pay is fair). The
/// names are what `--require` takes. Rules map to families by their pack `category`, so a
/// rule of your own is counted with the built-in rules of its category.
public enum CoverageFamily: String, Sendable, CaseIterable, Comparable {
    /// The ladder's own shape: IC ceiling, parallel levels, promotion requirements.
    case tracks
    /// Pay bands, explicit or derived from a pay formula.
    case pay
    /// Programs, decisions, forums and recognition (the `training`, `decisions`, `forums` and
    /// `recognition` categories).
    case policy
    /// Moves between tracks.
    case transitions
    /// The parity survey.
    case survey

    /// The family of a rule category; `hygiene` rules (band shape and spread) judge whatever
    /// data is there and belong to none.
    public init?(category: RuleCategory) {
        switch category {
        case .pay: self = .pay
        case .tracks: self = .tracks
        case .training, .decisions, .forums, .recognition: self = .policy
        case .transitions: self = .transitions
        case .survey: self = .survey
        case .hygiene: return nil
        }
    }

    public static func < (a: CoverageFamily, b: CoverageFamily) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The document kinds whose errors leave the family judged on a partial set. Named, so a
    /// document kind added later (a pay formula) joins its family without a switch over kinds.
    var documentKinds: Set<DocumentKind> {
        let names: [String] = switch self {
        case .tracks: ["ladder"]
        case .pay: ["compensation", "pay-formula"]
        case .policy, .transitions: ["policy"]
        case .survey: ["survey"]
        }
        return Set(names.compactMap(DocumentKind.init(rawValue:)))
    }

    /// Parses `--require` values: each a family or a comma-separated list of them. An unknown
    /// name is a usage error with the nearest family.
    public static func parseList(_ values: [String]) throws -> [CoverageFamily] {
        var out = Set<CoverageFamily>()
        let names = allCases.map(\.rawValue)
        for value in values {
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                let name = String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
                guard let family = CoverageFamily(rawValue: name) else {
                    var message = name.isEmpty ? "--require: an empty family name" : "--require: unknown family '\(name)'"
                    if !name.isEmpty, let s = Suggest.nearest(name, in: names) { message += ": did you mean '\(s)'?" } else { message += "." }
                    throw UsageError(message + " Families: \(names.joined(separator: ", "))")
                }
                out.insert(family)
            }
        }
        return out.sorted()
    }
}

/// Whether a family ran on a ladder.
public enum CoverageStatus: String, Sendable {
    /// Its rules ran on the ladder's data.
    case checked
    /// The ladder has no data for it, or the data lost elements to errors.
    case notChecked = "not-checked"
    /// Every rule of the family is disabled in the configuration (or no pack has one).
    case disabled
}

/// One family of one ladder: its status and, unless checked, why.
public struct FamilyCoverage: Sendable, Equatable {
    public var family: CoverageFamily
    public var status: CoverageStatus
    /// A sentence without a trailing full stop that names the ladder, e.g. "no bands or
    /// formula for ladder acme-engineering"; nil when checked, unless part of it stood down
    /// ("pay was not compared at grade 4 in zone us of ladder …: the band of … has errors").
    public var reason: String?

    public init(family: CoverageFamily, status: CoverageStatus, reason: String? = nil) {
        self.family = family
        self.status = status
        self.reason = reason
    }

    /// "pay: not checked — no bands or formula for ladder acme-engineering".
    public var line: String {
        switch status {
        case .checked: "\(family.rawValue): checked\(reason.map { ", but \($0)" } ?? "")"
        case .notChecked: "\(family.rawValue): not checked — \(reason ?? "")"
        case .disabled: "\(family.rawValue): disabled — \(reason ?? "")"
        }
    }
}

/// Which families ran on one ladder, and why the others did not. Input text (the ladder id)
/// is in it unescaped: each reporter escapes it as it escapes findings.
public struct LadderCoverage: Sendable, Equatable {
    public var id: String
    /// The file of the ladder document, as findings show files.
    public var file: String
    /// The line of the ladder's `id`, for annotations that point at the ladder.
    public var line: Int
    /// One entry per family, in `CoverageFamily.allCases` order.
    public var families: [FamilyCoverage]
    /// What stood down of a family that was checked, as the run's note says it after "some
    /// checks did not run because ": "the band of ic-4 in zone us has errors: pay was not
    /// compared at grade 4 in zone us; fix it first" (issue 18.2). Nil when nothing did.
    public var standDown: String?

    public init(id: String, file: String, line: Int, families: [FamilyCoverage], standDown: String? = nil) {
        self.id = id
        self.file = file
        self.line = line
        self.families = families
        self.standDown = standDown
    }

    public subscript(family: CoverageFamily) -> FamilyCoverage? { families.first { $0.family == family } }

    /// The families that did not run, disabled ones included.
    public var unchecked: [FamilyCoverage] { families.filter { $0.status != .checked } }

    /// The same coverage with every input text passed through `transform` (`--redact`).
    public func mapText(_ transform: (String) -> String) -> LadderCoverage {
        var c = self
        c.id = transform(id)
        c.families = families.map { f in
            var f = f
            f.reason = f.reason.map(transform)
            return f
        }
        c.standDown = standDown.map(transform)
        return c
    }
}

/// The run's rules by family, worked out once per run; `ladder(_:)` then costs a few
/// comparisons per ladder and nothing per finding.
public struct CoveragePlan: Sendable {
    struct FamilyRules: Sendable {
        var count = 0
        /// For each rule of the family, the document kinds its check needs whole (`Check.needs`).
        var needs: [Set<DocumentKind>] = []
        /// The family's document kinds and every kind its rules need: errors in any of them
        /// leave the family unchecked.
        var kinds: Set<DocumentKind> = []
    }

    var rules: [CoverageFamily: FamilyRules] = [:]

    /// `rules`: the run's rules, disabled ones already left out (as `Settings.rules` has them).
    public init(rules: [Rule], registry: CheckRegistry) {
        for rule in rules {
            // A rule that compares revisions runs only with --changed-since: never counted as not run.
            guard let family = CoverageFamily(category: rule.category), registry[rule.check]?.comparesRevisions != true else { continue }
            let needs = registry[rule.check]?.needs ?? []
            self.rules[family, default: FamilyRules(kinds: family.documentKinds)].count += 1
            self.rules[family]!.needs.append(needs)
            self.rules[family]!.kinds.formUnion(needs)
        }
    }

    /// The coverage of one resolved ladder.
    public func ladder(_ l: ResolvedLadder) -> LadderCoverage {
        let id = l.id
        let incomplete = l.incomplete
        let hasPolicy = !l.policies.isEmpty
        var items = false, transitions = false
        for p in l.policies {
            if !p.programs.isEmpty || !p.decisions.isEmpty || !p.forums.isEmpty || !p.recognition.isEmpty { items = true }
            if !p.transitions.isEmpty { transitions = true }
        }
        var families = CoverageFamily.allCases.map { family -> FamilyCoverage in
            guard let r = rules[family], r.count > 0 else {
                return FamilyCoverage(family: family, status: .disabled, reason: "every \(family.rawValue) rule is disabled in the configuration")
            }
            // Errors first: a family whose documents are broken is "fix those first", even when
            // what is left of them would also be missing. (Most ladders have none: no set work.)
            let broken = incomplete.isEmpty ? [] : r.kinds.intersection(incomplete)
            if !broken.isEmpty {
                let skipped = r.needs.filter { !$0.isDisjoint(with: incomplete) }.count
                var reason = "the \(broken.map(\.rawValue).sorted().joined(separator: " and ")) documents of ladder \(id) have errors"
                if skipped > 0 { reason += ", so \(skipped) of \(r.count) \(family.rawValue) rule\(r.count == 1 ? "" : "s") did not run" }
                return FamilyCoverage(family: family, status: .notChecked, reason: reason + ": fix those first")
            }
            let missing: String?
            switch family {
            case .tracks: missing = nil
            case .pay: missing = l.bands.isEmpty ? "no bands or formula for ladder \(id)" : nil
            case .policy:
                missing = items ? nil : hasPolicy ? "no programs, decisions, forums or recognition in the policy of ladder \(id)" : "no policy document for ladder \(id)"
            case .transitions:
                missing = transitions ? nil : hasPolicy ? "no transitions in the policy of ladder \(id)" : "no policy document for ladder \(id)"
            case .survey: missing = l.surveys.isEmpty ? "no survey for ladder \(id)" : nil
            }
            if let missing { return FamilyCoverage(family: family, status: .notChecked, reason: missing) }
            return FamilyCoverage(family: family, status: .checked)
        }
        // Bands with errors stood down their grade and zone only: pay is checked, but says what
        // was not compared (a family not checked already says the whole of it).
        var standDown: String?
        if !l.leftOutBands.isEmpty, let i = families.firstIndex(where: { $0.family == .pay && $0.status == .checked }) {
            let s = Self.standDown(l.leftOutBands)
            families[i].reason = "pay was not compared at \(s.pairs) of ladder \(id): \(s.bands) \(s.verb) errors; fix \(s.them) first"
            standDown = "\(s.bands) \(s.verb) errors: pay was not compared at \(s.pairs); fix \(s.them) first"
        }
        return LadderCoverage(id: id, file: l.file, line: Int(l.ladder.id.span.start.line), families: families, standDown: standDown)
    }

    /// The words for bands with errors and the grades and zones they stood down: "the band of
    /// ic-4 in zone us", "grade 4 in zone us"; a band whose zone could not be read stands down
    /// its grade "in every zone".
    static func standDown(_ left: [LeftOutBand]) -> (bands: String, pairs: String, verb: String, them: String) {
        func listed(_ items: [String]) -> String {
            switch items.count {
            case 0, 1: return items.first ?? ""
            case 2...6: return items.dropLast().joined(separator: ", ") + " and " + items.last!
            default: return items.prefix(5).joined(separator: ", ") + " and \(items.count - 5) more"
            }
        }
        let one = left.count == 1
        let bands: String
        if one, left[0].zone == nil {
            bands = "a band of \(left[0].level) (zone unreadable)"
        } else {
            bands = (one ? "the band of " : "the bands of ") + listed(left.map { b in b.zone.map { "\(b.level) in zone \($0)" } ?? "\(b.level) (zone unreadable)" })
        }
        var pairs: [String] = []
        let everyZone = Set(left.filter { $0.zone == nil }.map(\.grade))
        for b in left {
            let pair = everyZone.contains(b.grade) ? "grade \(b.grade) in every zone" : "grade \(b.grade) in zone \(b.zone ?? "")"
            if !pairs.contains(pair) { pairs.append(pair) }
        }
        return (bands, listed(pairs), one ? "has" : "have", one ? "it" : "those")
    }
}
