import LadderModel
import LadderYAML

/// Runs rules over resolved ladders and turns hits into findings: position from the span the
/// model recorded, message from the rule's template, fingerprint from the model path.
public struct Engine: Sendable {
    public var registry: CheckRegistry

    public init(registry: CheckRegistry = .builtin) {
        self.registry = registry
    }

    public func run(_ model: ResolvedModel, rules: [Rule], today: Day) -> [Finding] {
        model.ladders.flatMap { run($0, rules: rules, today: today) }
    }

    /// The findings of one ladder: ladders are independent, so a caller may run them in parallel.
    /// `comparing`: a `--changed-since` run, whose `previous` is the ladder at that revision
    /// (nil when it is new); only such a run runs the checks that compare revisions.
    public func run(_ ladder: ResolvedLadder, rules: [Rule], today: Day, comparing: Bool = false, previous: ResolvedLadder? = nil) -> [Finding] {
        let minGroup = Metrics.minimumGroup(rules)
        var findings: [Finding] = []
        let payGroups = PayGroup.groups(ladder.bands)
        let surveyWithheld = ladder.surveys.isEmpty ? [] : SurveySuppression.withheld(ladder.surveys, minGroup: minGroup)
        for rule in rules {
            guard let check = registry[rule.check], check.needs.isDisjoint(with: ladder.incomplete) else { continue }
            if check.comparesRevisions && (!comparing || previous == nil) { continue }
            var ctx = CheckContext(ladder: ladder, params: rule.params, today: today, minGroup: minGroup, payGroups: payGroups, surveyWithheld: surveyWithheld)
            ctx.previous = previous
            for hit in check.run(ctx) where rule.scope.contains(hit) {
                findings.append(finding(hit, rule: rule, ladder: ladder.id))
            }
        }
        return findings
    }

    /// Findings are made whole, amounts and all: `--redact` is one stage after them
    /// (`Redactor.redact`), before any reporter sees the report.
    func finding(_ hit: Hit, rule: Rule, ladder: String) -> Finding {
        var f = Finding(
            rule: rule.id, severity: rule.severity, message: MessageTemplate.render(rule.template(for: hit), hit.args),
            location: Location(file: hit.file, span: hit.span), ladder: ladder, subjects: hit.subjects, evidence: hit.evidence,
            modelPath: hit.path.description, zone: hit.zone)
        // The fingerprint above is of the whole ids; what the finding shows of each is capped.
        f.subjects = f.subjects.map { Escape.capped($0) }
        f.ladder = f.ladder.map { Escape.capped($0) }
        f.zone = f.zone.map { Escape.capped($0) }
        f.modelPath = Escape.capped(f.modelPath, 4 * Escape.inputCap)
        f.evidence = f.evidence.map { e in
            switch e.value {
            case .string(let s): return Evidence(e.key, .string(Escape.capped(s)))
            case .strings(let l): return Evidence(e.key, .strings(l.map { Escape.capped($0) }))
            default: return e
            }
        }
        return f
    }
}

/// Rules that report problems with the input itself; no configuration turns them off.
public enum CoreRules {
    public static let ids = ["yaml-syntax", "invalid-document", "unknown-reference", "duplicate-id", "unreadable-file", "input-limit"]
    public static let waiverIDs = ["expired-waiver", "unused-waiver", "invalid-waiver"]
    public static let baselineIDs: [String] = []

    /// One-line descriptions, for the catalogue and SARIF.
    public static let summaries: [String: String] = [
        "yaml-syntax": "A file is not well-formed YAML, or not UTF-8 text.",
        "invalid-document": "A document has a wrong or missing kind, a missing, unknown or duplicate key, or a value of the wrong type.",
        "unknown-reference": "A document refers to a ladder, track or level id that does not exist.",
        "duplicate-id": "An id is used twice where it must be unique.",
        "unreadable-file": "A file or folder cannot be read.",
        "input-limit": "A file, its nesting depth or its alias expansion is beyond the loader's limits.",
        "expired-waiver": "A waiver in the configuration has passed its expiry date.",
        "unused-waiver": "A waiver in the configuration matches no finding.",
        "invalid-waiver": "A waiver written as a comment (# ladderlint: waive RULE -- REASON) is malformed or names an unknown rule.",
    ]

    public static func severity(_ id: String) -> Severity { id == "unused-waiver" ? .warning : .error }
}
