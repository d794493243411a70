import LadderModel

/// Counts of a run, as the JSON `summary` shows them.
public struct Summary: Sendable {
    public var files: Int
    public var documents: Int
    public var ladders: Int
    public var error: Int
    public var warning: Int
    public var info: Int
    public var suppressed: Int
    /// Unsuppressed findings by rule, sorted by rule id.
    public var byRule: [(String, Int)]

    public init(findings: [Finding], files: Int, documents: Int, ladders: Int) {
        self.files = files
        self.documents = documents
        self.ladders = ladders
        // One pass that reads each finding in place: filtering first copied every finding, on
        // the serial part of a large run.
        var error = 0, warning = 0, info = 0, suppressed = 0
        var counts: [String: Int] = [:]
        for f in findings {
            if f.suppressed {
                suppressed += 1
                continue
            }
            switch f.severity {
            case .error: error += 1
            case .warning: warning += 1
            case .info: info += 1
            }
            counts[f.rule, default: 0] += 1
        }
        (self.error, self.warning, self.info, self.suppressed) = (error, warning, info, suppressed)
        byRule = counts.sorted { $0.key < $1.key }
    }
}

/// Everything a run produced: the one value every reporter reads. No reporter recomputes a
/// finding or a metric.
public struct Report: Sendable {
    public var toolVersion: String
    public var findings: [Finding]
    public var summary: Summary
    public var metrics: [LadderMetrics]
    /// The rules that ran, for SARIF's and JUnit's rule lists.
    public var rules: [Rule]
    /// Every file read, relative to the working folder where possible.
    public var files: [String]
    /// True with `--redact`: no money amount may appear in any output.
    public var redacted: Bool
    public var today: Day
    /// One-line notes for stderr (e.g. stale baseline entries).
    public var notes: [String]
    /// Programs, decisions, forums and transitions per ladder, audiences resolved (HTML policy section).
    public var policy: [PolicyPicture]? = nil
    /// Per ladder of the run, which rule families ran and why the others did not (every format
    /// says so: a ladder with no bands must not look like one whose pay is fair).
    public var coverage: [LadderCoverage] = []
    /// The families `--require` asked for: one not checked for some ladder fails the run.
    public var required: [CoverageFamily] = []
    /// The findings of one overpaid band, folded into one for the formats people read (BandFold).
    public var folds: [FindingFold] = []
    /// With `--changed-since`: what this change does to the findings.
    public var change: ChangeSummary? = nil

    /// The families `--require` asked for that did not run, per ladder, in report order.
    public var unmet: [(ladder: LadderCoverage, family: FamilyCoverage)] {
        guard !required.isEmpty else { return [] }
        return coverage.flatMap { c in c.families.filter { required.contains($0.family) && $0.status != .checked }.map { (c, $0) } }
    }

    public init(toolVersion: String, findings: [Finding], summary: Summary, metrics: [LadderMetrics], rules: [Rule], files: [String], redacted: Bool, today: Day, notes: [String] = []) {
        self.toolVersion = toolVersion
        self.findings = findings
        self.summary = summary
        self.metrics = metrics
        self.rules = rules
        self.files = files
        self.redacted = redacted
        self.today = today
        self.notes = notes
    }
}

public enum Tool {
    public static let name = "ladderlint"
    public static let version = "0.1.0"
}

/// What a change does to the findings (`--changed-since REF`): findings matched by fingerprint
/// between the tree at REF and the working tree.
public struct ChangeSummary: Sendable, Equatable {
    /// As the user wrote it (capped and escaped where it is shown).
    public var ref: String
    /// The commit REF named.
    public var commit: String
    /// Findings of the working tree that REF does not have: the ones the run reports and fails on.
    public var added: Int
    /// Findings at REF that the working tree no longer has.
    public var fixed: Int
    /// Findings in both: reported as suppressed ("unchanged since REF").
    public var unchanged: Int

    public init(ref: String, commit: String, added: Int, fixed: Int, unchanged: Int) {
        self.ref = ref
        self.commit = commit
        self.added = added
        self.fixed = fixed
        self.unchanged = unchanged
    }

    /// "this change adds 2 findings and fixes 1 (3 unchanged since main)".
    public var sentence: String {
        func n(_ k: Int) -> String { k == 1 ? "1 finding" : "\(k) findings" }
        let adds = added == 0 ? "adds no finding" : "adds \(n(added))"
        let fixes = fixed == 0 ? "fixes none" : "fixes \(fixed)"
        return "this change \(adds) and \(fixes) (\(unchanged) unchanged since \(Escape.capped(ref)))"
    }
}
