import LadderYAML

/// The kinds of document a run reads.
public enum DocumentKind: String, Sendable, CaseIterable {
    case ladder, compensation, policy, survey
    /// Pay as a formula (benchmark × level, step and zone factors), from which bands are derived.
    case payFormula = "pay-formula"
}

/// The kind of a track: what makes two levels of one grade "peers".
public enum TrackKind: String, Sendable, CaseIterable, Hashable {
    case individualContributor = "individual-contributor"
    case management
    /// Levels of both tracks at once: a common trunk before the fork (Medium's Engineer I/II)
    /// or a converged top (FT's Technology Director). A level may also write `track: shared`
    /// without declaring the track.
    case shared

    /// The id a level may name without a declared track.
    public static let sharedTrackID = "shared"
}

/// `kind: ladder`: tracks and their levels.
public struct Ladder: Sendable {
    public var source: DocumentSource
    public var id: Located<String>
    public var name: String
    public var organization: String?
    public var effective: Day?
    public var tracks: [Track]
    public var levels: [Level]
    /// Each level's job family (`family:` of a level), by level id, for pay formulas with one
    /// benchmark per family. Kept beside the levels, not in each: a level is copied into every
    /// band placed for it, and few ladders give families.
    public var families: [String: String] = [:]
    /// `roles:` of the ladder: what holding a role asks of a person (a tech-lead-manager's
    /// reports and time for IC work). Levels name roles in their own `roles:` tags.
    public var roles: [RoleDefinition] = []
}

/// A role the ladder describes (`roles:` of a ladder document), e.g. the tech-lead-manager:
/// `{id: tech-lead-manager, max_reports: 6, ic_time_share: 0.3}`.
public struct RoleDefinition: Sendable {
    public var id: Located<String>
    public var name: Located<String>?
    public var description: Located<String>?
    /// The most direct reports a person in the role may have.
    public var maxReports: Located<Int>?
    /// The share of their time kept for hands-on IC work, a fraction (0.3 is 30%).
    public var icTimeShare: Located<Double>?

    public init(id: Located<String>, name: Located<String>? = nil, description: Located<String>? = nil, maxReports: Located<Int>? = nil, icTimeShare: Located<Double>? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.maxReports = maxReports
        self.icTimeShare = icTimeShare
    }

    public var path: ModelPath { ModelPath.root.item("roles", ["id": id.value]) }
}

public struct Track: Sendable {
    public var id: Located<String>
    public var name: String
    public var kind: TrackKind
    /// Where `name` is written (nil when built in code).
    public var nameSpan: Span? = nil
    /// `description:`, free text about the track.
    public var description: Located<String>? = nil
    /// `hands_on:` of a management track: how its managers stay close to the work.
    public var handsOn: HandsOn? = nil
}

/// `hands_on:` of a management track: whether its managers are expected to stay close to the
/// hands-on work, how many years they may be away from it, and the written way back.
public struct HandsOn: Sendable {
    /// The mapping, at its key.
    public var span: Span
    /// `expected:`: whether managers are expected to keep or return to hands-on work.
    public var expected: Located<Bool>?
    /// `max_years_away:`: the longest a manager may be away from hands-on work.
    public var maxYearsAway: Located<Double>?
    /// `rotation:`: the written way back (a rotation, a sabbatical on a team, a return to IC).
    public var rotation: Located<String>?

    public init(span: Span, expected: Located<Bool>? = nil, maxYearsAway: Located<Double>? = nil, rotation: Located<String>? = nil) {
        self.span = span
        self.expected = expected
        self.maxYearsAway = maxYearsAway
        self.rotation = rotation
    }
}

public struct Level: Sendable {
    public var id: Located<String>
    public var track: Located<String>
    public var grade: Located<Int>
    public var title: String
    public var roles: [Located<String>]
    public var promotion: Promotion?
    /// Where `title` is written (nil when built in code).
    public var titleSpan: Span? = nil
    /// `description:`, free text about the level.
    public var description: Located<String>? = nil

    public func hasRole(_ role: String) -> Bool { roles.contains { $0.value == role } }
    public var path: ModelPath { ModelPath.root.item("levels", ["id": id.value]) }
}

/// What it takes to reach a level.
public struct Promotion: Sendable {
    public var requires: [Located<String>]
    public var criteria: [Located<String>]
    /// `min_months_in_level`: the fewest months at the level below before this promotion.
    public var minMonthsInLevel: Located<Int>? = nil
}

public enum PayPeriod: String, Sendable, CaseIterable {
    case annual, monthly
}

/// `kind: compensation`: pay bands for levels of one ladder.
public struct Compensation: Sendable {
    public var source: DocumentSource
    public var ladder: Located<String>
    public var currency: Located<String>
    public var period: PayPeriod
    public var bands: [Band]

    public init(source: DocumentSource, ladder: Located<String>, currency: Located<String>, period: PayPeriod, bands: [Band]) {
        self.source = source
        self.ladder = ladder
        self.currency = currency
        self.period = period
        self.bands = bands
    }
}

/// A min/mid/max range of money, with the span of its mapping (at its key).
public struct AmountRange: Sendable {
    public var min: Located<Double>
    public var mid: Located<Double>?
    public var max: Located<Double>
    public var span: Span
    /// The range's own currency (`equity: {currency: USD, …}`), when it is not its band's.
    public var currency: Located<String>?

    public init(min: Located<Double>, mid: Located<Double>?, max: Located<Double>, span: Span, currency: Located<String>? = nil) {
        self.min = min
        self.mid = mid
        self.max = max
        self.span = span
        self.currency = currency
    }

    /// `mid` when given, else `(min + max) / 2`.
    public var midpoint: Double { mid?.value ?? Self.midpoint(min.value, max.value) }

    /// (lo + hi) / 2, in halves when the sum would overflow to inf.
    public static func midpoint(_ lo: Double, _ hi: Double) -> Double {
        let sum = lo + hi
        return sum.isFinite ? sum / 2 : lo / 2 + hi / 2
    }
}

/// A named point inside a band (`steps:`): where people progress within one level.
public struct BandStep: Sendable {
    public var name: Located<String>
    public var amount: Located<Double>

    public init(name: Located<String>, amount: Located<Double>) {
        self.name = name
        self.amount = amount
    }
}

/// A pay component a band or pay formula may say grows with something (`scales_with:`).
public enum PayComponent: String, Sendable, CaseIterable {
    case base, bonus, equity
}

/// What a pay component grows with (`scales_with: {bonus: reports}`). The first four are the
/// size of what is managed; the rest are not.
public enum PayDriver: String, Sendable, CaseIterable {
    case reports
    case teamSize = "team-size"
    case headcount
    case orgSize = "org-size"
    case performance
    case companyPerformance = "company-performance"
    case market, tenure, impact
}

/// One `component: driver` of `scales_with:`, each where it is written.
public struct PayScaling: Sendable {
    public var component: Located<PayComponent>
    public var driver: Located<PayDriver>

    public init(component: Located<PayComponent>, driver: Located<PayDriver>) {
        self.component = component
        self.driver = driver
    }
}

public struct Band: Sendable {
    public var level: Located<String>
    public var zone: String
    public var currency: String
    public var period: PayPeriod
    public var base: AmountRange
    public var bonusTarget: Located<Double>?
    public var equity: AmountRange?
    /// Named points of base pay inside the band, lowest first (`steps:`); empty when none.
    public var steps: [BandStep] = []
    /// The pay formula that derived this band; nil for a band written out in a compensation
    /// document. Every span of a derived band is its level factor's.
    public var formula: BandFormula? = nil
    /// Where `zone` is written; nil when the band gives none (or is derived).
    public var zoneSpan: Span? = nil
    /// `scales_with:`: what each pay component grows with, as the band says.
    public var scalesWith: [PayScaling] = []
    /// People in the band today: the compensation document's `headcount:` for the band's
    /// level (and zone); nil when not written. Only the report's cost of closing a gap reads it.
    public var headcount: Int? = nil

    public init(level: Located<String>, zone: String, currency: String, period: PayPeriod, base: AmountRange, bonusTarget: Located<Double>?, equity: AmountRange?, steps: [BandStep] = [], formula: BandFormula? = nil, zoneSpan: Span? = nil) {
        self.level = level
        self.zone = zone
        self.currency = currency
        self.period = period
        self.base = base
        self.bonusTarget = bonusTarget
        self.equity = equity
        self.steps = steps
        self.formula = formula
        self.zoneSpan = zoneSpan
    }

    /// The currency of the equity range: its own (`equity: {currency: USD, …}`), else the band's.
    public var equityCurrency: String { equity?.currency?.value ?? currency }

    /// `bands[level=…,zone=…]`; for a derived band, its level factor, `level_factors.em-4` (the
    /// zone is the finding's own field), so that a finding on it names what to change.
    public var path: ModelPath {
        formula == nil ? ModelPath.root.item("bands", ["level": level.value, "zone": zone]) : PayFormula.factorPath(level.value)
    }
}

/// `kind: policy`: programs, decisions, forums and transitions.
public struct Policy: Sendable {
    public var source: DocumentSource
    public var ladder: Located<String>
    public var programs: [Program]
    public var decisions: [Decision]
    public var forums: [Forum]
    public var transitions: [Transition]
    /// Awards, titles, perks, stage time and visibility, and who may receive them.
    public var recognition: [Recognition] = []
}

public enum ProgramKind: String, Sendable, CaseIterable {
    case leadershipTraining = "leadership-training"
    case mentoring
    /// Role-transition training: the first months of a new role, for the people taking it up
    /// (a new-manager bootcamp, tech lead onboarding). Not leadership training.
    case newManager = "new-manager"
    case newTechLead = "new-tech-lead"
    case other
}

public struct Program: Sendable {
    public var id: Located<String>
    public var name: String
    public var kind: ProgramKind
    /// Who may join; `everyone` when omitted (its span is then the program's).
    public var eligible: Located<Audience>
    public var cohort: Cohort?
    /// Where `name` is written (nil when built in code).
    public var nameSpan: Span? = nil

    public var path: ModelPath { ModelPath.root.item("programs", ["id": id.value]) }
}

public struct Cohort: Sendable {
    public var span: Span
    public var size: Located<Int>?
    public var weeks: Located<Int>?
    public var confidential: Located<Bool>?
    public var mix: Located<[String]>?
}

public enum DecisionKind: String, Sendable, CaseIterable {
    case technical, people, budget, product, other
}

public struct Decision: Sendable {
    public var area: Located<String>
    public var kind: DecisionKind
    public var owner: Located<Audience>
    public var consulted: Located<Audience>?
    /// `owner_hands_on:`: whether the owners build, and are on call for, the systems concerned.
    public var ownerHandsOn: OwnerHandsOn? = nil
    /// `concerns:`: whose careers or work the decision is about (a promotion committee's
    /// `concerns: {track_kinds: [individual-contributor]}`).
    public var concerns: Located<Audience>? = nil

    public var path: ModelPath { ModelPath.root.item("decisions", ["area": area.value]) }
}

/// `owner_hands_on: {builds: false, on_call: false}` of a decision.
public struct OwnerHandsOn: Sendable {
    /// The mapping, at its key.
    public var span: Span
    public var builds: Located<Bool>?
    public var onCall: Located<Bool>?

    public init(span: Span, builds: Located<Bool>? = nil, onCall: Located<Bool>? = nil) {
        self.span = span
        self.builds = builds
        self.onCall = onCall
    }
}

public enum ForumPurpose: String, Sendable, CaseIterable {
    case planning, decision, information
}

/// What a forum is: a standing meeting (the default), a channel or a document list.
public enum ForumKind: String, Sendable, CaseIterable {
    case meeting, channel, document
}

public struct Forum: Sendable {
    public var id: Located<String>
    public var name: String
    public var purpose: ForumPurpose
    public var members: Located<Audience>
    /// Where `name` is written (nil when built in code).
    public var nameSpan: Span? = nil
    public var kind: ForumKind = .meeting

    public var path: ModelPath { ModelPath.root.item("forums", ["id": id.value]) }
}

public enum RecognitionKind: String, Sendable, CaseIterable {
    case award, title, perk, offsite, stage, visibility, other
}

/// One kind of recognition (`recognition:` of a policy): an award, a title, a perk, an offsite,
/// stage time (all-hands presenters, conference talks) or visibility (launch announcements),
/// and who may receive it.
public struct Recognition: Sendable {
    public var id: Located<String>
    public var name: String
    public var kind: RecognitionKind
    /// Who may receive it; `everyone` when left out (its span is then the item's).
    public var audience: Located<Audience>
    public var description: Located<String>? = nil
    /// Where `name` is written (nil when built in code).
    public var nameSpan: Span? = nil

    public init(id: Located<String>, name: String, kind: RecognitionKind, audience: Located<Audience>, description: Located<String>? = nil, nameSpan: Span? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.audience = audience
        self.description = description
        self.nameSpan = nameSpan
    }

    public var path: ModelPath { ModelPath.root.item("recognition", ["id": id.value]) }
}

public struct Transition: Sendable {
    public var from: Located<String>
    public var to: Located<String>
    public var gradeChange: Located<Int>?
    public var payChange: Located<Double>?
    public var span: Span
    /// `name:` and `description:`, free text about the move.
    public var name: Located<String>? = nil
    public var description: Located<String>? = nil
    /// `min_years_experience:`: the experience asked for before the move.
    public var minYearsExperience: Located<Double>? = nil
    /// `min_grade:`: the lowest grade from which the move is open.
    public var minGrade: Located<Int>? = nil

    public var path: ModelPath { ModelPath.root.item("transitions", ["from": from.value, "to": to.value]) }
}

/// `kind: survey`: aggregated answers of the yearly parity survey.
public struct Survey: Sendable {
    public var source: DocumentSource
    public var ladder: Located<String>
    public var conducted: Located<Day>
    public var anonymous: Located<Bool>
    public var questions: [Question]
}

/// One question of a survey: its counts, or `withheld: true` for a question that was asked
/// but whose figures were left out of the file (fewer than the smallest group answered).
public struct Question: Sendable {
    public var id: Located<String>
    public var audience: String?
    /// How many answered, and how many of them agreed: both given, or both nil for a question
    /// written `withheld: true` (the decoder allows nothing else).
    public var respondents: Located<Int>?
    public var agree: Located<Int>?
    /// `withheld: true`, where it is written; nil when the key is absent or `false`.
    public var withheld: Located<Bool>?

    public init(id: Located<String>, audience: String?, respondents: Located<Int>?, agree: Located<Int>?, withheld: Located<Bool>? = nil) {
        self.id = id
        self.audience = audience
        self.respondents = respondents
        self.agree = agree
        self.withheld = withheld
    }

    /// The counts, when the file gives them; nil for a question asked with its figures withheld.
    /// Such a question counts as asked, but is never judged on counts and never shown.
    public var counts: (respondents: Located<Int>, agree: Located<Int>)? {
        guard let respondents, let agree else { return nil }
        return (respondents, agree)
    }

    public var path: ModelPath { ModelPath.root.item("questions", ["id": id.value]) }
}

/// Who a program, decision or forum is for: `everyone`, or any of several clauses.
public enum Audience: Sendable {
    case everyone
    case anyOf([AudienceClause])
}

/// A level matches a clause when it matches every key the clause gives. A clause that names
/// a group outside the ladder (`group: people-team`) matches no level: the group is neither
/// track.
public struct AudienceClause: Sendable {
    public var tracks: [Located<String>]?
    public var trackKinds: [TrackKind]?
    public var roles: [String]?
    public var minGrade: Int?
    public var maxGrade: Int?
    /// Groups outside the ladder (`group: people-team`, `groups: [people-team, finance]`).
    public var groups: [Located<String>]?
    /// `roles` where they are written, for the resolver's did-you-mean (nil when built in code).
    public var roleSpans: [Located<String>]?

    public init(tracks: [Located<String>]? = nil, trackKinds: [TrackKind]? = nil, roles: [String]? = nil, minGrade: Int? = nil, maxGrade: Int? = nil, groups: [Located<String>]? = nil, roleSpans: [Located<String>]? = nil) {
        self.tracks = tracks
        self.trackKinds = trackKinds
        self.roles = roles
        self.minGrade = minGrade
        self.maxGrade = maxGrade
        self.groups = groups
        self.roleSpans = roleSpans
    }
}

/// The role tags the built-in rules know.
public enum KnownRoles {
    /// A lead of a team's technical work, without reports.
    public static let techLead = "tech-lead"
    /// A lead who also has reports: both a tech lead and a people manager.
    public static let techLeadManager = "tech-lead-manager"
}

/// One decoded document.
public enum Document: Sendable {
    case ladder(Ladder)
    case compensation(Compensation)
    case policy(Policy)
    case survey(Survey)
    /// Boxed: a formula is larger than the other documents, and would make every `Document`
    /// (copied through the loader and the resolver) as large.
    indirect case payFormula(PayFormula)

    public var source: DocumentSource {
        switch self {
        case .ladder(let d): d.source
        case .compensation(let d): d.source
        case .policy(let d): d.source
        case .survey(let d): d.source
        case .payFormula(let d): d.source
        }
    }
}
