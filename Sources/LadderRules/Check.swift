import LadderModel
import LadderYAML

/// A value a message template can show. Amounts are formatted with thousands separators and
/// their currency; `--redact` hides them later, in one stage over the report (`Redactor`).
public enum MessageArg: Sendable, Equatable {
    case text(String)
    case int(Int)
    case number(Double)
    case percent(Double)
    case amount(Double, currency: String)

    public var rendered: String {
        switch self {
        // Input text: capped, so one long (or aliased) title cannot make a finding huge.
        case .text(let s): return Escape.capped(s)
        case .int(let i): return String(i)
        case .number(let d): return Format.plain(d)
        case .percent(let p): return Format.percent(p)
        case .amount(let v, let c): return Format.amount(v, c)
        }
    }
}

/// What a check reports: the model path and recorded span of the value it points at, never a
/// line it computed; the engine turns hits into findings.
public struct Hit: Sendable {
    public var file: String
    public var span: Span
    public var path: ModelPath
    public var subjects: [String]
    public var evidence: [Evidence]
    public var args: [String: MessageArg]
    /// What a rule's scope filters on: the subject's track, grade and zone, where they apply.
    public var track: String?
    public var grade: Int?
    public var zone: String?

    public init(
        file: String, span: Span, path: ModelPath, subjects: [String], evidence: [Evidence] = [],
        args: [String: MessageArg] = [:], track: String? = nil, grade: Int? = nil, zone: String? = nil
    ) {
        self.file = file
        self.span = span
        self.path = path
        self.subjects = subjects
        self.evidence = evidence
        self.args = args
        self.track = track
        self.grade = grade
        self.zone = zone
    }
}

/// What a check sees: one resolved ladder, its rule's parameters, the run date.
public struct CheckContext: Sendable {
    public var ladder: ResolvedLadder
    public var params: Params
    public var today: Day
    /// Smallest survey group whose ratios may be shown (the `survey-small-group` rule's `min_group`).
    public var minGroup: Int
    /// The same ladder at the revision `--changed-since` names, for the checks that compare the
    /// two (`Check.comparesRevisions`); nil when the ladder is new in this change.
    public var previous: ResolvedLadder? = nil

    /// The ladder's bands grouped by zone, currency and period, for the pay checks: worked out
    /// once per ladder by the engine, not once per pay rule (five of them by default).
    let payGroups: [PayGroup]
    /// Which survey figures are withheld (`SurveySuppression`), `[survey][question]`: worked out
    /// once per ladder by the engine, not once per survey rule.
    let surveyWithheld: [[Bool]]

    public init(ladder: ResolvedLadder, params: Params, today: Day, minGroup: Int) {
        self.init(
            ladder: ladder, params: params, today: today, minGroup: minGroup, payGroups: PayGroup.groups(ladder.bands),
            surveyWithheld: SurveySuppression.withheld(ladder.surveys, minGroup: minGroup))
    }

    init(ladder: ResolvedLadder, params: Params, today: Day, minGroup: Int, payGroups: [PayGroup], surveyWithheld: [[Bool]]) {
        self.ladder = ladder
        self.params = params
        self.today = today
        self.minGroup = minGroup
        self.payGroups = payGroups
        self.surveyWithheld = surveyWithheld
    }
}

/// A check: a pure function from a ladder and parameters to hits, with its declared
/// parameters and the placeholders its messages may use.
public struct Check: Sendable {
    public var id: String
    public var summary: String
    public var params: [ParamSpec]
    public var messageArgs: [String]
    /// Kinds of document the check judges as a whole set (all levels, all programs…): it is not
    /// run on a ladder where such a document lost elements to errors, since a partial set
    /// would give findings that are not true of the files (e.g. a "missing" IC peer that is only
    /// mistyped). The errors themselves are reported.
    public var needs: Set<DocumentKind>
    /// The check compares a ladder with itself at an earlier revision (`CheckContext.previous`):
    /// it runs only with `--changed-since`, and a run without it does not count it as a rule
    /// that could not run.
    public var comparesRevisions: Bool
    public var run: @Sendable (CheckContext) -> [Hit]

    public init(
        id: String, summary: String, params: [ParamSpec] = [], messageArgs: [String], needs: Set<DocumentKind> = [],
        comparesRevisions: Bool = false, run: @escaping @Sendable (CheckContext) -> [Hit]
    ) {
        self.id = id
        self.summary = summary
        self.params = params
        self.messageArgs = messageArgs
        self.needs = needs
        self.comparesRevisions = comparesRevisions
        self.run = run
    }

    /// Default values of every declared parameter.
    public var defaults: Params {
        Params(Dictionary(uniqueKeysWithValues: params.map { ($0.name, $0.defaultValue) }))
    }
}

/// The checks a rule pack may bind to, by id. A value passed in, never a global registry.
public struct CheckRegistry: Sendable {
    public var checks: [String: Check]

    public init(_ list: [Check]) {
        checks = Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public subscript(id: String) -> Check? { checks[id] }

    public var ids: [String] { checks.keys.sorted() }

    /// Every built-in check; a test fails if a file in Checks/ declares one this list lacks.
    public static let builtin = CheckRegistry([
        .payParity, .variablePayParity, .icTrackCeiling, .missingParallelLevel, .transitionCost,
        .managementRequiredForPromotion, .trainingAudience, .techLeadTraining, .cohortDesign,
        .decisionOwnership, .forumMembership, .surveyThreshold, .surveySmallGroup,
        .surveyNotAnonymous, .surveyMissing, .bandShape, .bandProgression, .bandSpread,
        .promotionWording, .payScaling, .managementEntryFloor, .handsOnDistance, .decisionHandsOn,
        .peopleDecisionDeciders, .roleLoad, .timeInLevel, .recognitionAudience,
        .bandChange, .icTrackShortened, .audienceNarrowed,
        .returnPath, .forumGradeParity, .firstManagementGrade,
        .surveyReturnIntent, .surveyTrend,
    ])
}

/// Shared helpers for checks: the one place that says how a shared level (`track: shared`, a
/// level of both tracks at once) and a group outside the ladder (`group: people-team`) count.
extension ResolvedLadder {
    /// True when the level is where an individual contributor can be: an IC level, or a shared
    /// level (a common trunk or a converged top, reached without managing anyone).
    func onICSide(_ level: Level) -> Bool { kind(of: level).map { $0 != .management } ?? false }

    /// True when the level is where a manager can be: a management level, or a shared level.
    func onManagementSide(_ level: Level) -> Bool { kind(of: level).map { $0 != .individualContributor } ?? false }

    /// True when an audience holds someone who need not manage: an IC or a shared level.
    func includesIC(_ audience: Audience) -> Bool { members(of: audience).contains(where: onICSide) }

    /// True when an audience holds someone on the management track or a shared level.
    func includesManagement(_ audience: Audience) -> Bool { members(of: audience).contains(where: onManagementSide) }

    /// The decisions of the given kinds, with the policy each is written in, in file order.
    func decisions(ofKinds kinds: Set<String>) -> [(policy: Policy, decision: Decision)] {
        policies.flatMap { p in p.decisions.lazy.filter { kinds.contains($0.kind.rawValue) }.map { (p, $0) } }
    }

    /// An audience's levels and outside groups when it holds no one who need not manage (no IC
    /// or shared level), so the ICs are left out; nil when it holds one, or when it is outside
    /// groups alone (the people team), which holds no manager either and says nothing about
    /// management being a promotion.
    func withoutIC(_ audience: Audience) -> (levels: [Level], groups: [String])? {
        let members = members(of: audience)
        // A shared level is reached without managing: it counts as an IC level here.
        guard !members.contains(where: onICSide) else { return nil }
        let groups = audience.outsideGroups
        if members.isEmpty && !groups.isEmpty { return nil }
        return (members, groups)
    }
}

extension Audience {
    /// The groups outside the ladder an audience names (`group: people-team`), in order, once each.
    var outsideGroups: [String] {
        guard case .anyOf(let clauses) = self, clauses.contains(where: { $0.groups != nil }) else { return [] }
        var seen = Set<String>()
        return clauses.flatMap { $0.groups ?? [] }.map(\.value).filter { seen.insert($0).inserted }
    }
}

extension Check {
    /// "em-4 plus the group people-team", or the levels alone (`describe`) when no group is named.
    static func describe(_ levels: [Level], groups: [String]) -> String {
        guard !groups.isEmpty else { return describe(levels) }
        let named = (groups.count == 1 ? "the group " : "the groups ") + groups.joined(separator: ", ")
        return levels.isEmpty ? named : describe(levels) + " plus " + named
    }
}

/// Bands grouped by what makes them comparable: zone, currency and period. A group holds
/// indices into `ladder.bands`, not copies: a `PlacedBand` copy retains a dozen strings and
/// arrays, and copying bands into groups was most of the pay checks' cost.
struct PayGroup {
    var zone: String
    var currency: String
    var period: PayPeriod
    /// Indices into the ladder's bands, in ladder order.
    var members: [Int]

    /// Groups in first-seen order, so hits come out in a stable order.
    static func groups(_ bands: [PlacedBand]) -> [PayGroup] {
        struct Key: Hashable {
            var zone: String
            var currency: String
            var period: PayPeriod
        }
        return partition(bands.indices) { i in
            Key(zone: bands[i].band.zone, currency: bands[i].band.currency, period: bands[i].band.period)
        }.map { PayGroup(zone: $0.key.zone, currency: $0.key.currency, period: $0.key.period, members: $0.members) }
    }
}

/// Splits indices by a key, keys in first-seen order and each key's indices in the order given.
/// Bands of one key usually come together, so the last key is compared before the dictionary
/// is asked.
func partition<Key: Hashable>(_ indices: some Sequence<Int>, by key: (Int) -> Key) -> [(key: Key, members: [Int])] {
    var parts: [(key: Key, members: [Int])] = []
    var position: [Key: Int] = [:]
    for i in indices {
        let k = key(i)
        if let last = parts.indices.last, parts[last].key == k {
            parts[last].members.append(i)
        } else if let p = position[k] {
            parts[p].members.append(i)
        } else {
            position[k] = parts.count
            parts.append((k, [i]))
        }
    }
    return parts
}

/// The first of `indices` with the largest value, as `Sequence.max(by:)` picks it.
func firstMax<Value: Comparable>(_ indices: some Sequence<Int>, by value: (Int) -> Value) -> Int? {
    var best: (index: Int, value: Value)?
    for i in indices {
        let v = value(i)
        if let b = best, !(b.value < v) { continue }
        best = (i, v)
    }
    return best?.index
}

extension PlacedBand {
    var kind: TrackKind { track.kind }
    var grade: Int { level.grade.value }
    var label: String { "\(level.id.value) (\(level.title))" }
}
