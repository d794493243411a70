import LadderModel
import LadderReport
import LadderRules

/// The last value of a run before output: the report every reporter renders, whether the run
/// failed, and the notes for standard error. `ladderlint lint` writes it (Delivery); a library
/// caller renders it with `Reporters`.
public struct Outcome: Sendable {
    public var report: Report
    /// The findings before the report's final redaction pass: what `--write-baseline` records.
    public var findings: [Finding]
    /// A finding not suppressed is at or above the run's `failOn`, or a family `--require`
    /// asked for was not checked for some ladder.
    public var failed: Bool
    /// Unescaped: Delivery escapes them for the terminal.
    public var notes: [String]
    /// What `--require` asked for and did not get, one line per ladder and family
    /// ("required: pay was not checked: …"); unescaped, printed as `ladderlint: required: …`.
    public var unmet: [String] = []
    /// Entries of the compared baseline that matched nothing while some file could not be read
    /// whole: a rewritten baseline keeps them, as they may still match (issue 18.8).
    var unjudgedEntries: [Baseline.Entry] = []
    /// The files not read whole, for what the run says about those entries.
    var unread = UnreadFiles([])

    public var exitCode: Int32 { failed ? 1 : 0 }

    /// One format's whole output, or nil for a format no reporter has.
    public func render(_ format: String, style: ReportStyle = ReportStyle()) -> String? {
        Reporters.render(format, report, style)
    }
}

/// A baseline a run compares its findings against (`--baseline`, `--strict-baseline`).
struct BaselineComparison {
    var baseline: Baseline
    /// As the user wrote its path.
    var shown: String
    var strict: Bool
}

extension Outcome {
    /// Stage 6: the baseline, notes, redaction and the report, from what checking gave.
    /// `required`: the families `--require` asked for (`Requirements.parse`). `writingBaseline`:
    /// the run records its findings in a new baseline (`--write-baseline`), which accepts them.
    static func make(
        _ checked: Checked, inputs: Inputs, settings: Settings, needs: ReportNeeds, baseline: BaselineComparison?, required: [CoverageFamily] = [],
        writingBaseline: Bool = false, changedSince: ChangedSince? = nil
    ) -> Outcome {
        let outcomes = checked.outcomes
        var findings = checked.findings
        // Before the baseline: what REF already had is not this change's.
        let compared = changedSince.map { $0.compare(findings, reported: checked, scoped: inputs.scoped) }
        if let compared { findings = compared.findings }
        var notes: [String] = outcomes.filter { !$0.incomplete.isEmpty }.map { o in
            "ladder \(o.id): some checks did not run because its \(o.incomplete.joined(separator: ", ")) documents have errors; fix those first"
        }
        // Bands with errors stood down only their grade and zone (issue 18.2): which ones.
        notes += outcomes.compactMap { o in o.coverage?.standDown.map { "ladder \(o.id): some checks did not run because \($0)" } }
        let unread = checked.unread
        if checked.unjudgedWaivers > 0 {
            let n = checked.unjudgedWaivers, one = unread.files.count == 1
            notes.append(
                "\(n) waiver\(n == 1 ? " matches" : "s match") no finding, but \(unread.named) could not be read whole: "
                    + "fix \(one ? "it" : "them") first, then see whether the waiver\(n == 1 ? " is" : "s are") still needed")
        }
        var unjudgedEntries: [Baseline.Entry] = []
        if let baseline {
            let path = baseline.shown
            let applied = baseline.baseline.apply(to: findings, rules: settings.rules)
            findings = applied.findings
            if !unread.files.isEmpty { unjudgedEntries = applied.stale }
            if writingBaseline {
                // The rewrite drops the stale entries: nothing to advise, nothing to fail on.
            } else if !applied.stale.isEmpty && !unread.files.isEmpty {
                // Their findings may be in what could not be read: neither stale nor fixed.
                let n = applied.stale.count, one = unread.files.count == 1
                notes.append(
                    "baseline \(path): \(n) entr\(n == 1 ? "y matches" : "ies match") no finding, but \(unread.named) could not be read whole, "
                        + "so \(n == 1 ? "it" : "they") may still match: fix \(one ? "that file" : "those files") first")
            } else if !applied.stale.isEmpty {
                notes.append("baseline \(path): \(applied.stale.count) entr\(applied.stale.count == 1 ? "y matches" : "ies match") no finding any more; rewrite it with --write-baseline so it only shrinks")
            }
            // Only judged stale entries: a slip is said once, as the error when strict (issue 18.12).
            let slips = unread.files.isEmpty && !writingBaseline
                ? Baseline.slips(of: applied.stale, in: applied.findings, rules: settings.rules, disabled: settings.configuration.disable) : [:]
            if !baseline.strict { notes += Baseline.slipNotes(path, stale: applied.stale, slips: slips) }
            if baseline.strict && !applied.stale.isEmpty && unread.files.isEmpty && !writingBaseline {
                findings += applied.stale.map { entry in
                    Finding(rule: "stale-baseline", severity: .error,
                            message: Baseline.staleMessage(entry, slip: slips[entry]),
                            location: Location(file: path, span: .unknown), subjects: [entry.rule], modelPath: "baseline[\(entry.fingerprint)]")
                }
            }
        }
        if writingBaseline {
            // Writing a baseline is the adoption step (issue 18.9): what it records is accepted
            // by this run too, so the run passes on them, and a report shows them baselined.
            findings = findings.map { f in
                f.suppressed ? f : f.with(suppression: Suppression(kind: .baseline, reason: "recorded in the baseline this run writes"))
            }
        }
        let redactor = settings.redact ? Redactor(amounts: checked.amounts) : nil
        if let redactor {
            findings = findings.map(redactor.scrub)
            notes = notes.map(redactor.scrub)
        }
        findings = Finding.inReportOrder(findings)

        let summary = Summary(findings: findings, files: checked.files.count, documents: checked.documentCount, ladders: outcomes.count)
        var report = Report(
            toolVersion: Tool.version, findings: findings, summary: summary, metrics: outcomes.compactMap(\.metrics), rules: settings.rules,
            files: checked.files, redacted: settings.redact, today: settings.today, notes: notes)
        report.policy = needs.contains(.policyPicture) ? outcomes.compactMap(\.picture) : nil
        report.coverage = checked.coverage
        report.required = required
        report.change = compared?.change
        // One stage: every text of the report the reporters print (metrics and policy included).
        if let redactor {
            report = redactor.redact(report)
            report.coverage = report.coverage.map { $0.mapText(redactor.scrub) }
        }
        // After the baseline and redaction: only unsuppressed parts fold, and from final text.
        report.folds = BandFold.folds(report.findings, rules: settings.rules)

        // What --require asked for and did not get fails the run whatever --fail-on says, and
        // says why on standard error, one line per ladder and family.
        let unmet = report.unmet
        let failed = !unmet.isEmpty || findings.contains { !$0.suppressed && settings.failOn.fails($0.severity) }
        return Outcome(report: report, findings: findings, failed: failed, notes: notes, unmet: Requirements.notes(unmet), unjudgedEntries: unjudgedEntries,
            unread: unread)
    }
}

/// `--require FAMILY,…`: the rule families that must have run on every ladder of the run.
enum Requirements {
    /// The families named, each value a family or a comma-separated list; an unknown name is
    /// a usage error (exit 2) with the nearest family.
    static func parse(_ values: [String]) throws -> [CoverageFamily] {
        try CoverageFamily.parseList(values)
    }

    /// "pay was not checked: no bands or formula for ladder acme-engineering".
    /// A family disabled in the configuration is one line, not one per ladder.
    static func notes(_ unmet: [(ladder: LadderCoverage, family: FamilyCoverage)]) -> [String] {
        var seen = Set<String>()
        return unmet.compactMap { u in
            let f = u.family
            let line = "\(f.family.rawValue) was \(f.status == .disabled ? "disabled" : "not checked"): \(f.reason ?? "ladder \(u.ladder.id)")"
            return seen.insert(line).inserted ? line : nil
        }
    }
}
