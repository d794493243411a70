import LadderModel
import LadderRules

/// What one ladder gave: kept until the report is written, long after its model is gone.
struct LadderOutcome: Sendable {
    var id: String
    var findings: [Finding]
    /// Only when an output shows them: metrics for JSON and HTML, the picture for HTML.
    var metrics: LadderMetrics?
    var picture: PolicyPicture?
    /// Kinds of document with errors, whose set-wide checks did not run.
    var incomplete: [String]
    /// Which rule families could run on the ladder, and why not (`--require`, every format).
    var coverage: LadderCoverage? = nil
    /// The resolved ladder itself, kept only for a `--changed-since` run's earlier revision.
    var model: ResolvedLadder? = nil
}

/// Loads the files of a run in chunks and checks each ladder as soon as its documents seem to
/// be all there, so that an audit of thousands of organisations never holds every document in
/// memory at once (issue 7: peak memory linear in the input, 250 MB for 10,000 organisations).
///
/// Documents may belong to a ladder from any file, in any order, so a ladder checked early is
/// a guess: it is kept only if, once every file is read, the run-wide pass of the resolver
/// (`Resolver.plan`) gives the ladder exactly the documents and decode problems it was checked
/// with. Otherwise it is checked again at the end with its full set, re-reading the files
/// whose documents were dropped. The output is the same as checking everything at the end;
/// when a ladder's documents are scattered over files far apart, it costs a second read.
struct LadderStream {
    var loader: FileLoader
    var jobs: Int
    /// Files read (in parallel) before the ladders they completed are checked.
    var chunkSize: Int
    /// Resolves and checks one ladder.
    var process: @Sendable (LadderGroup) -> LadderOutcome

    /// What the rest of the run needs from the files.
    struct Result {
        var fileFindings: [Finding] = []
        var planFindings: [Finding] = []
        /// One per ladder, in the resolver's order.
        var outcomes: [LadderOutcome] = []
        /// Of the first `named` files (the ones the run reports on).
        var documentCount = 0
        var names = Set<String>()
        var ladders = Set<String>()
        /// Each context file that holds documents: how many of them each ladder has there.
        var contextDocuments: [(file: String, ladders: [String: Int])] = []
        /// Money amounts, for `--redact`.
        var amounts = Set<Double>()
        /// The files' inline waivers (`# ladderlint: waive …`), in file order.
        var waivers: [Waiver] = []
    }

    /// A ladder's documents while files are still being read.
    private struct Pending {
        var documents: [Document] = []
        var ladderDocuments = 0
        /// Checked early, then given more: checked again at the end, documents kept from then on.
        var unsettled = false
    }

    /// One task of a round: read a file, or check a ladder.
    private enum Work: Sendable {
        case check(LadderGroup)
        case load(InputFile)
    }

    private enum Done: Sendable {
        case checked(LadderOutcome)
        case loaded(LoadedFile)
    }

    /// A ladder checked early, and what it was checked with.
    private struct Guess {
        var sources: [DocumentSource]
        var broken: Set<BrokenID>
        var outcome: LadderOutcome
    }

    /// `named`: the first files of `inputs` are the run's own; the rest are context (read to
    /// resolve references, as for a pre-commit run on a few files).
    func run(_ inputs: [InputFile], named: Int, unparsed unparsedAtStart: Bool) -> Result {
        var result = Result()
        var unparsed = unparsedAtStart
        var stubs: [DocumentStub] = []
        var broken: [BrokenID] = []
        var brokenByLadder: [String: [BrokenID]] = [:]
        var pending: [String: Pending] = [:]
        var guesses: [String: Guess] = [:]

        // Each round reads one chunk and, on the same threads, checks the ladders that the chunk
        // before completed: one wait per chunk, and no core idles while the other ends a phase.
        var checking: [(id: String, sources: [DocumentSource])] = []
        var groups: [LadderGroup] = []
        var start = 0
        repeat {
            let end = min(start + chunkSize, inputs.count)
            var work = groups.map(Work.check) + inputs[start..<end].map(Work.load)
            groups = []
            var done = ParallelMap.map(taking: &work, jobs: jobs) { w -> Done in
                switch w {
                case .check(let group): return .checked(process(group))
                case .load(let file): return .loaded(loader.load(file))
                }
            }
            // `done` holds the checks first, in the order of `checking`, then the chunk's files.
            var touched: [String] = []
            var seen = Set<String>()
            func touch(_ id: String) { if seen.insert(id).inserted { touched.append(id) } }
            var checked = 0, fileIndex = start
            for d in done {
                let file: LoadedFile
                switch d {
                case .checked(let outcome):
                    let c = checking[checked]
                    guesses[c.id] = Guess(sources: c.sources, broken: Set(brokenByLadder[c.id] ?? []), outcome: outcome)
                    checked += 1
                    continue
                case .loaded(let f): file = f
                }
                result.fileFindings += file.findings
                result.waivers += file.waivers
                if file.findings.contains(where: { Self.unparsedRules.contains($0.rule) }) { unparsed = true }
                let isNamed = fileIndex < named
                fileIndex += 1
                if isNamed {
                    result.documentCount += file.documentCount
                    result.names.insert(file.file.display)
                }
                result.amounts.formUnion(file.amounts)
                broken += file.brokenIDs
                for b in file.brokenIDs where b.scope != .ladder {
                    guard let l = b.ladder else { continue }
                    brokenByLadder[l, default: []].append(b)
                    touch(l)
                }
                var contextLadders: [String: Int] = [:]
                for d in file.documents {
                    let stub = d.stub
                    stubs.append(stub)
                    if isNamed { result.ladders.insert(stub.ladder.value) } else { contextLadders[stub.ladder.value, default: 0] += 1 }
                    pending[stub.ladder.value, default: Pending()].documents.append(d)
                    if stub.isLadder { pending[stub.ladder.value]!.ladderDocuments += 1 }
                    touch(stub.ladder.value)
                }
                if !contextLadders.isEmpty { result.contextDocuments.append((file.file.display, contextLadders)) }
            }
            done = []
            checking = []

            // The ladders this chunk added to, checked next round; their documents dropped here.
            for id in touched {
                guard var p = pending[id], p.ladderDocuments == 1, !p.unsettled else { continue }
                if guesses.removeValue(forKey: id) != nil {
                    p.unsettled = true
                    pending[id] = p
                    continue
                }
                let docs = p.documents.sorted { $0.source < $1.source }
                guard let l = docs.lazy.compactMap(Self.ladder).first else { continue }
                checking.append((id, docs.map(\.source)))
                groups.append(LadderGroup(ladder: l, documents: docs.filter { Self.ladder($0) == nil }, broken: brokenByLadder[id] ?? []))
                pending[id]!.documents = []
            }
            start = end
        } while start < inputs.count || !groups.isEmpty

        // Every file read: the run-wide pass decides what each ladder is made of.
        let plan = Resolver().plan(stubs, broken: broken, unparsedFiles: unparsed)
        result.planFindings = plan.findings
        var outcomes: [LadderOutcome?] = []
        var again: [Int] = []
        for (i, m) in plan.ladders.enumerated() {
            let sources = ([m.ladder] + m.members).map { stubs[$0].source }.sorted()
            if let g = guesses[m.id], g.sources == sources, g.broken == Set(m.broken) {
                outcomes.append(g.outcome)
            } else {
                outcomes.append(nil)
                again.append(i)
            }
        }
        guesses = [:]
        if !again.isEmpty {
            // Documents still held, and those to read again.
            var available: [DocumentSource: Document] = [:]
            for i in again {
                for d in pending[plan.ladders[i].id]?.documents ?? [] { available[d.source] = d }
            }
            let needed = again.flatMap { i in ([plan.ladders[i].ladder] + plan.ladders[i].members).map { stubs[$0].source } }
            let missing = Set(needed.filter { available[$0] == nil }.map(\.file))
            let reread = ParallelMap.map(inputs.filter { missing.contains($0.display) }, jobs: jobs) { loader.load($0).documents }
            for d in reread.joined() where available[d.source] == nil { available[d.source] = d }
            // A file changed between the two reads can lose a document: that ladder is then
            // judged on what is left, or, without its ladder document, left out.
            var redo: [(Int, LadderGroup)] = []
            for i in again {
                let m = plan.ladders[i]
                guard let doc = available[stubs[m.ladder].source], let l = Self.ladder(doc) else { continue }
                redo.append((i, LadderGroup(ladder: l, documents: m.members.compactMap { available[stubs[$0].source] }, broken: m.broken)))
            }
            available = [:]
            var groups = redo.map(\.1)
            for (k, o) in ParallelMap.map(taking: &groups, jobs: jobs, process).enumerated() { outcomes[redo[k].0] = o }
        }
        result.outcomes = outcomes.compactMap { $0 }
        return result
    }

    /// Findings that mean a file's documents may be missing: an unknown ladder id may be there.
    static let unparsedRules: Set<String> = ["yaml-syntax", "input-limit", "unreadable-file"]

    static func ladder(_ d: Document) -> Ladder? {
        if case .ladder(let l) = d { return l }
        return nil
    }
}
