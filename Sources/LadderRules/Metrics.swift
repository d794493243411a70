import LadderModel

/// A named amount inside a band (`steps:`).
public struct PayStep: Sendable, Equatable {
    public var name: String
    public var amount: Double

    public init(name: String, amount: Double) {
        self.name = name
        self.amount = amount
    }
}

/// One row of the pay comparison: IC and management base bands of one grade, zone, currency
/// and period. Each side is the highest among its levels, as the parity rules compare them.
/// A shared level (of both tracks: a common trunk, a converged top) is on both sides, in both
/// level lists: it is every IC's and every manager's level at its grade, so the ratios stay
/// those of the rules (a management band is compared with its IC and shared peers), and a grade
/// of shared levels alone reads as paid alike.
public struct PayMetric: Sendable {
    public var grade: Int
    public var zone: String
    public var currency: String
    public var period: String
    public var icLevels: [String]
    public var managementLevels: [String]
    public var icMin: Double?
    public var icMid: Double?
    public var icMax: Double?
    public var managementMin: Double?
    public var managementMid: Double?
    public var managementMax: Double?
    /// The steps inside each side's bands, lowest first: `icSteps[i]` are those of
    /// `icLevels[i]`'s band (aligned by position, so a rewrite of the ids keeps them paired),
    /// up to the last level with steps; empty when no band of the side has any (most ladders:
    /// no list is made for them). Shown by the HTML report; the JSON metrics do not carry them.
    public var icSteps: [[PayStep]] = []
    public var managementSteps: [[PayStep]] = []

    /// Bonus target (a fraction of base) and annual equity (the midpoint of the equity range, in
    /// the row's currency only), each the highest among the side's levels; nil when no band of
    /// the side gives it. People in the IC side's bands (`headcount:`, summed over its IC-only
    /// levels); nil when none is written. Shown by the HTML report; not in the JSON metrics.
    public var icBonus: Double? = nil
    public var managementBonus: Double? = nil
    public var icEquity: Double? = nil
    public var managementEquity: Double? = nil
    public var icHeadcount: Int? = nil
    /// People in the management side's management-only bands, for the payroll a cost is a share of.
    public var managementHeadcount: Int? = nil

    /// Whether any band of the row has steps.
    public var hasSteps: Bool { icSteps.contains { !$0.isEmpty } || managementSteps.contains { !$0.isEmpty } }

    /// The levels on both sides: the shared ones (a level is on one track, so only a shared
    /// level is in both lists; redaction keeps it so, as it rewrites both lists alike).
    public var sharedLevels: [String] { icLevels.filter(managementLevels.contains) }

    /// management_max / individual_contributor_max, 4 decimals; nil without both sides.
    public var ratio: Double? { Self.ratio(managementMax, icMax) }
    public var minRatio: Double? { Self.ratio(managementMin, icMin) }
    public var midRatio: Double? { Self.ratio(managementMid, icMid) }

    static func ratio(_ m: Double?, _ i: Double?) -> Double? {
        guard let m, let i, i > 0 else { return nil }
        return Format.round(m / i, 4)
    }
}

/// One survey question; the ratio is withheld when fewer than `min_group` answered, or when it
/// would give such a group away (`SurveySuppression`).
public struct SurveyMetric: Sendable {
    public var question: String
    public var conducted: String
    public var audience: String?
    public var respondents: Int
    /// nil when withheld.
    public var agreeRatio: Double?
    public var withheld: Bool
    /// The threshold of the rule that reads this question, if any.
    public var threshold: Double?
}

public struct LadderMetrics: Sendable {
    public var id: String
    public var name: String
    public var organization: String?
    public var file: String
    public var topIC: Int?
    public var topManagement: Int?
    public var pay: [PayMetric]
    public var survey: [SurveyMetric]
    /// Level ids and titles in the ladder's order, for the report ("Senior Engineer" beside
    /// `swe-4`). A list, not a dictionary: every run computes metrics, only the HTML report
    /// looks titles up (`titles`), and hashing each id cost the metrics a sixth more.
    public var levelTitles: [(id: String, title: String)] = []

    /// Titles by level id (the first level of an id, as the resolver keeps it).
    public var titles: [String: String] {
        Dictionary(levelTitles.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Metrics the model gives: computed once, shown by the JSON `metrics` section and the HTML charts.
public enum Metrics {
    /// Smallest survey group whose ratio may be shown or judged: the `survey-small-group` rule's
    /// `min_group`, one threshold for the whole run (5 when the rule is disabled).
    public static func minimumGroup(_ rules: [Rule]) -> Int {
        rules.first { $0.check == "survey-small-group" }?.params.int("min_group") ?? 5
    }

    public static func compute(_ model: ResolvedModel, rules: [Rule]) -> [LadderMetrics] {
        model.ladders.map { ladder($0, rules: rules) }
    }

    /// One ladder's metrics: ladders are independent, so a caller may compute them in parallel.
    public static func ladder(_ l: ResolvedLadder, rules: [Rule]) -> LadderMetrics {
        let minGroup = minimumGroup(rules)
        var thresholds: [String: Double] = [:]
        for r in rules where r.check == "survey-threshold" { thresholds[r.params.string("question")] = r.params.number("threshold") }
        // One row per zone, currency, period and grade; rows changed in place (a dictionary of
        // rows copied each row, and its level lists, on every band).
        struct RowKey: Hashable {
            var zone: String, currency: String, period: PayPeriod, grade: Int
        }
        var rows: [PayMetric] = []
        var rowAt: [RowKey: Int] = [:]
        rowAt.reserveCapacity(l.bands.count)
        // Bands read in place, by index: `for b in l.bands` copied every band.
        for k in l.bands.indices {
            let band = l.bands[k].band
            let key = RowKey(zone: band.zone, currency: band.currency, period: band.period, grade: l.bands[k].grade)
            let i: Int
            if let at = rowAt[key] {
                i = at
            } else {
                i = rows.count
                rowAt[key] = i
                rows.append(PayMetric(
                    grade: key.grade, zone: band.zone, currency: band.currency, period: band.period.rawValue,
                    icLevels: [], managementLevels: []))
            }
            let base = band.base
            let kind = l.bands[k].track.kind
            let id = l.bands[k].level.id.value
            // Steps, aligned with each side's levels: the levels before this one without steps
            // get an empty list. Most bands have none, and then nothing is made.
            let steps = band.steps.isEmpty ? [] : band.steps.map { PayStep(name: $0.name.value, amount: $0.amount.value) }
            // A shared level's band is on both sides (see PayMetric).
            // A bonus target above 1 is an amount written in the wrong place (band-shape says so):
            // no fraction to compare or to add to base, and under --redact an amount to hide.
            var bonus: Double?
            if let b = band.bonusTarget?.value, b >= 0, b <= 1 { bonus = b }
            // Equity in another currency than the band's cannot be added to its base.
            var equity: Double?
            if let e = band.equity, e.currency == nil || e.currency?.value == band.currency { equity = e.midpoint }
            if kind != .management {
                if let bonus { rows[i].icBonus = max(rows[i].icBonus ?? bonus, bonus) }
                if let equity { rows[i].icEquity = max(rows[i].icEquity ?? equity, equity) }
                if kind == .individualContributor, let n = band.headcount { rows[i].icHeadcount = (rows[i].icHeadcount ?? 0) + n }
                rows[i].icLevels.append(id)
                rows[i].icMin = max(rows[i].icMin ?? -.infinity, base.min.value)
                rows[i].icMid = max(rows[i].icMid ?? -.infinity, base.midpoint)
                rows[i].icMax = max(rows[i].icMax ?? -.infinity, base.max.value)
                if !steps.isEmpty {
                    while rows[i].icSteps.count < rows[i].icLevels.count - 1 { rows[i].icSteps.append([]) }
                    rows[i].icSteps.append(steps)
                }
            }
            if kind != .individualContributor {
                if let bonus { rows[i].managementBonus = max(rows[i].managementBonus ?? bonus, bonus) }
                if let equity { rows[i].managementEquity = max(rows[i].managementEquity ?? equity, equity) }
                if kind == .management, let n = band.headcount { rows[i].managementHeadcount = (rows[i].managementHeadcount ?? 0) + n }
                rows[i].managementLevels.append(id)
                rows[i].managementMin = max(rows[i].managementMin ?? -.infinity, base.min.value)
                rows[i].managementMid = max(rows[i].managementMid ?? -.infinity, base.midpoint)
                rows[i].managementMax = max(rows[i].managementMax ?? -.infinity, base.max.value)
                if !steps.isEmpty {
                    while rows[i].managementSteps.count < rows[i].managementLevels.count - 1 { rows[i].managementSteps.append([]) }
                    rows[i].managementSteps.append(steps)
                }
            }
        }
        // Field by field: a comparison of 4-tuples copied their strings (38 M instructions per
        // 200 ladders). Indices are sorted, not rows: sorting rows moved each several times.
        // Fields read in place: a copy of a row retained its level and step lists too.
        let order = rows.indices.sorted { i, j in
            if rows[i].zone != rows[j].zone { return rows[i].zone < rows[j].zone }
            if rows[i].currency != rows[j].currency { return rows[i].currency < rows[j].currency }
            if rows[i].period != rows[j].period { return rows[i].period < rows[j].period }
            if rows[i].grade != rows[j].grade { return rows[i].grade < rows[j].grade }
            return i < j
        }
        let pay = order.map { rows[$0] }
        var survey: [SurveyMetric] = []
        let suppressed = SurveySuppression.withheld(l.surveys, minGroup: minGroup)
        for si in l.surveys.indices.sorted(by: { l.surveys[$0].conducted.value > l.surveys[$1].conducted.value }) {
            let s = l.surveys[si]
            // A question written `withheld: true` has no figure in the file to show: it is left out.
            for (qi, q) in s.questions.enumerated() {
                guard let (respondents, agree) = q.counts else { continue }
                let withheld = suppressed[si][qi]
                survey.append(SurveyMetric(
                    question: q.id.value, conducted: s.conducted.value.description, audience: q.audience,
                    respondents: respondents.value,
                    agreeRatio: withheld ? nil : Format.round(Double(agree.value) / Double(respondents.value), 4),
                    withheld: withheld, threshold: thresholds[q.id.value]))
            }
        }
        let top = reach(l)
        var titles: [(id: String, title: String)] = []
        titles.reserveCapacity(l.levels.count)
        // Titles capped as findings cap them: one aliased title may be 256 KiB (docs/security.md §2).
        for i in l.levels.indices { titles.append((l.levels[i].id.value, Escape.capped(l.levels[i].title))) }
        return LadderMetrics(
            id: l.id, name: l.ladder.name, organization: l.ladder.organization, file: l.file,
            topIC: top.ic, topManagement: top.management, pay: pay, survey: survey, levelTitles: titles)
    }

    /// The highest grade each side reaches, shared levels (of both tracks) included, as
    /// ic-track-ceiling compares them: the IC side is every level an engineer can reach without
    /// managing, so a common trunk counts even without an IC track; the management side is nil
    /// without a management track (a trunk alone is no management). One pass over the levels.
    static func reach(_ l: ResolvedLadder) -> (ic: Int?, management: Int?) {
        var ic: Int?, management: Int?, shared: Int?
        for i in l.levels.indices {
            let g = l.levels[i].grade.value
            switch l.kind(of: l.levels[i]) {
            case .individualContributor?: ic = max(ic ?? g, g)
            case .management?: management = max(management ?? g, g)
            case .shared?: shared = max(shared ?? g, g)
            case nil: continue
            }
        }
        guard let shared else { return (ic, management) }
        return (max(ic ?? shared, shared), management.map { max($0, shared) })
    }
}
