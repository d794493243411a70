import LadderModel
import LadderReport
import LadderRules

/// Stages 3 to 5 of a run, inside LadderStream: files into documents (by their input format),
/// documents into each ladder's model (Resolver), each model into findings (Engine), with the
/// metrics and policy picture the requested outputs need, and what each ladder could be
/// checked for (coverage, always: text and `--require` read it). Waivers apply at the end.
struct Checking {
    var registry: CheckRegistry
    var formats: InputFormats
    /// Files read before the ladders they complete are checked; nil: 64 per job.
    var chunkSize: Int?
    /// A `--changed-since` run: the ladders at that revision, by id, for the checks that
    /// compare the two (nil: not such a run).
    var previous: [String: ResolvedLadder]? = nil
    /// Keep each resolved ladder in its outcome (the earlier revision of a `--changed-since` run).
    var keepModels = false

    func run(_ inputs: Inputs, settings: Settings, needs: ReportNeeds) -> Checked {
        let rules = settings.rules, today = settings.today, redact = settings.redact
        let loader = FileLoader(limits: settings.limits, collectAmounts: redact, formats: formats)
        // Read in chunks, each ladder resolved and checked as soon as its documents are in,
        // then dropped: see LadderStream.
        let engine = Engine(registry: registry)
        let resolver = Resolver()
        let wantsMetrics = needs.contains(.metrics), wantsPicture = needs.contains(.policyPicture)
        let jobs = settings.jobs
        let plan = CoveragePlan(rules: rules, registry: registry)
        let previous = self.previous, keepModels = self.keepModels
        let stream = LadderStream(loader: loader, jobs: jobs, chunkSize: max(1, chunkSize ?? 64 * jobs)) { group in
            let (ladder, problems) = resolver.resolve(group)
            return LadderOutcome(
                id: ladder.id,
                findings: problems + engine.run(ladder, rules: rules, today: today, comparing: previous != nil, previous: previous?[ladder.id]),
                metrics: wantsMetrics ? Metrics.ladder(ladder, rules: rules) : nil,
                picture: wantsPicture ? PolicyPicture.compute(ladder) : nil,
                incomplete: ladder.incomplete.map(\.rawValue).sorted(),
                coverage: plan.ladder(ladder),
                model: keepModels ? ladder : nil)
        }
        let streamed = stream.run(inputs.files + inputs.context, named: inputs.files.count, unparsed: !inputs.problems.isEmpty)
        let outcomes = streamed.outcomes
        var findings = inputs.problems + streamed.fileFindings + streamed.planFindings
        findings.reserveCapacity(findings.count + outcomes.reduce(0) { $0 + $1.findings.count })
        for o in outcomes { findings += o.findings }

        // A file not read whole may hide the finding a waiver or a baseline entry is for: such
        // a run does not call them unused (issue 18.8). Waivers are matched against every
        // ladder read, before a scoped run keeps its own: one that waives another ladder's
        // finding is used.
        let unread = UnreadFiles(findings)
        // Inline waivers (`# ladderlint: waive …`) after the configuration's: an id no rule has
        // is an `invalid-waiver` finding at the comment.
        let inline = InlineWaivers.checked(streamed.waivers, rules: settings.rules, disabled: settings.configuration.disable)
        findings += inline.findings
        let waived = Waivers.apply(
            settings.configuration.waivers + inline.waivers, to: findings, today: today, rules: settings.rules, judgingUnused: unread.files.isEmpty)
        findings = waived.findings
        if inputs.scoped {
            // Report the run's files' own problems and the findings of the ladders they belong to.
            let contextNames = Set(inputs.context.map(\.display))
            findings = findings.filter { f in
                if streamed.names.contains(f.location.file) { return true }
                if let l = f.ladder, streamed.ladders.contains(l) { return true }
                // A context file's inline waivers are judged, but said only for the run's files.
                if CoreRules.waiverIDs.contains(f.rule) { return !contextNames.contains(f.location.file) }
                return !contextNames.contains(f.location.file) && f.rule == "unreadable-file"
            }
        }
        // A scoped run (pre-commit on a few files) answers for the ladders of its files only,
        // and counts what it reports: the files of those ladders read as context too.
        var files = inputs.files.map(\.display), documents = streamed.documentCount
        var reported = outcomes
        if inputs.scoped {
            reported = outcomes.filter { streamed.ladders.contains($0.id) }
            for c in streamed.contextDocuments {
                let n = c.ladders.reduce(0) { $0 + (streamed.ladders.contains($1.key) ? $1.value : 0) }
                if n > 0 {
                    files.append(c.file)
                    documents += n
                }
            }
        }
        return Checked(
            findings: findings, outcomes: reported, files: files, documentCount: documents, amounts: streamed.amounts,
            coverage: reported.compactMap(\.coverage), unread: unread, unjudgedWaivers: waived.unjudged.count)
    }
}

/// The files of a run that could not be read whole: not read at all, not YAML, beyond a limit,
/// or with a document or value that could not be decoded (and was left out).
struct UnreadFiles {
    static let rules: Set<String> = ["unreadable-file", "yaml-syntax", "input-limit", "invalid-document"]

    /// Sorted, each once.
    var files: [String]

    init(_ findings: [Finding]) {
        files = Set(findings.lazy.filter { Self.rules.contains($0.rule) }.map(\.location.file)).sorted()
    }

    /// "ladders/acme/compensation.yaml", or "3 files (first: ladders/a.yaml)".
    var named: String {
        files.count == 1 ? files[0] : "\(files.count) files (first: \(files[0]))"
    }
}

/// What checking gave: the findings (waived ones marked), one outcome per ladder reported, and
/// what the report counts and redaction needs.
struct Checked {
    var findings: [Finding]
    /// One per ladder the run reports on: every ladder, or in a scoped run those of its files.
    var outcomes: [LadderOutcome]
    /// The files the run reports on: its own, and in a scoped run the context files that hold
    /// documents of its ladders (their findings are reported, so they are counted).
    var files: [String]
    /// Of `files`: the run's own files' documents, and the reported ladders' in context files.
    var documentCount: Int
    /// Money amounts, for `--redact`.
    var amounts: Set<Double>
    /// Per ladder the run reports on, in the outcomes' order.
    var coverage: [LadderCoverage] = []
    /// Files not read whole: waivers and baseline entries that match nothing are not judged.
    var unread = UnreadFiles([])
    /// Waivers that matched no finding, not reported unused because of `unread`.
    var unjudgedWaivers = 0
}
