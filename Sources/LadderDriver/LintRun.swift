import Foundation
import LadderModel
import LadderReport
import LadderRules
import LadderYAML

/// One `ladderlint lint`: configuration, packs, files, parallel load, resolve, check, waive,
/// report. The command-line layer only parses arguments and writes what this returns.
public struct LintRun: Sendable {
    public var workingDirectory: String
    public var registry: CheckRegistry
    /// Files read before the ladders they complete are checked (default: 64 per job). Tests set
    /// it small to exercise ladders whose documents straddle chunks; the output never depends on it.
    public var chunkSize: Int?

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath, registry: CheckRegistry = .builtin) {
        self.workingDirectory = workingDirectory
        self.registry = registry
    }

    /// Runs and returns the standard output as a String (for tests and small outputs).
    public func execute(_ options: LintOptions) -> LintResult {
        let sink = ByteSink()
        var result = execute(options, stdout: sink)
        result.stdout = sink.string()
        return result
    }

    /// Runs and streams the standard output into `stdout` as it is produced (`result.stdout`
    /// stays empty). Output files and the baseline are written first, so a run that fails with
    /// a usage error has written nothing to `stdout`.
    public func execute(_ options: LintOptions, stdout: ByteSink) -> LintResult {
        do {
            return try run(options, stdout: stdout)
        } catch let e as UsageError {
            return LintResult(exitCode: 2, stdout: "", stderr: "ladderlint: \(e.description)\n", report: nil)
        } catch {
            return LintResult(exitCode: 2, stdout: "", stderr: "ladderlint: \(UsageError.describe(error))\n", report: nil)
        }
    }

    func run(_ options: LintOptions, stdout: ByteSink) throws -> LintResult {
        let outputs = options.outputs.isEmpty ? [OutputRequest(format: "text", file: nil)] : options.outputs
        for o in outputs where Reporters.table[o.format] == nil {
            var message = "unknown format '\(o.format)'"
            if let s = Suggest.nearest(o.format, in: Reporters.formats) { message += ": did you mean '\(s)'?" } else { message += "." }
            throw UsageError(message + " Valid formats: \(Reporters.formats.joined(separator: ", "))")
        }
        let config = try ConfigLoader(workingDirectory: workingDirectory, allowOutsideRepo: options.allowOutsideRepo).load(explicit: options.configFile)
        let (rules, packFiles) = try RuleLoader(workingDirectory: workingDirectory, registry: registry, allowOutsideRepo: options.allowOutsideRepo)
            .load(config: config, extra: options.rulePacks)
        let today = options.today ?? Self.currentDay()

        // Files: named ones, plus the configured paths as context for resolving references.
        let discovery = Discovery(workingDirectory: workingDirectory)
        let configuredPaths = (config.paths ?? ["ladders"]).map { Discovery.absolute($0, cwd: config.directory) }
        let requested = options.paths.isEmpty ? configuredPaths : options.paths
        let (files, discoveryProblems) = discovery.files(requested)
        let namedFiles = options.paths.isEmpty ? [] : Self.explicitFiles(options.paths, cwd: workingDirectory)
        var contextFiles: [InputFile] = []
        if !namedFiles.isEmpty {
            let known = Set(files.map(\.absolute))
            let existing = configuredPaths.filter { FileManager.default.fileExists(atPath: $0) }
            contextFiles = discovery.files(existing).files.filter { !known.contains($0.absolute) }
        }

        let loader = FileLoader(limits: config.limits, collectAmounts: options.redact)
        let jobs = max(1, options.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        // Read in chunks, each ladder resolved and checked (with its metrics and policy picture
        // when an output shows them) as soon as its documents are in, then dropped: see
        // LadderStream.
        let engine = Engine(registry: registry)
        let resolver = Resolver()
        let formats = Set(outputs.map(\.format))
        let wantsMetrics = !formats.isDisjoint(with: ["json", "html"]), wantsPicture = formats.contains("html")
        let stream = LadderStream(loader: loader, jobs: jobs, chunkSize: max(1, chunkSize ?? 64 * jobs)) { group in
            let (ladder, problems) = resolver.resolve(group)
            return LadderOutcome(
                id: ladder.id,
                findings: problems + engine.run(ladder, rules: rules, today: today, redact: options.redact),
                metrics: wantsMetrics ? Metrics.ladder(ladder, rules: rules) : nil,
                picture: wantsPicture ? PolicyPicture.compute(ladder) : nil,
                incomplete: ladder.incomplete.map(\.rawValue).sorted())
        }
        let streamed = stream.run(files + contextFiles, named: files.count, unparsed: !discoveryProblems.isEmpty)
        let outcomes = streamed.outcomes
        var findings = discoveryProblems + streamed.fileFindings + streamed.planFindings
        findings.reserveCapacity(findings.count + outcomes.reduce(0) { $0 + $1.findings.count })
        for o in outcomes { findings += o.findings }

        if !namedFiles.isEmpty {
            // Report the named files' own problems and the findings of the ladders they belong to.
            let contextNames = Set(contextFiles.map(\.display))
            findings = findings.filter { f in
                if streamed.names.contains(f.location.file) { return true }
                if let l = f.ladder, streamed.ladders.contains(l) { return true }
                return !contextNames.contains(f.location.file) && f.rule == "unreadable-file"
            }
        }
        findings = Waivers.apply(config.waivers, to: findings, today: today)

        var notes: [String] = outcomes.filter { !$0.incomplete.isEmpty }.map { o in
            "ladder \(o.id): some checks did not run because its \(o.incomplete.joined(separator: ", ")) documents have errors; fix those first"
        }
        if let path = options.baseline {
            let baseline = try Baseline.read(Discovery.absolute(path, cwd: workingDirectory), display: path)
            let applied = baseline.apply(to: findings)
            findings = applied.findings
            if !applied.stale.isEmpty {
                notes.append("baseline \(path): \(applied.stale.count) entr\(applied.stale.count == 1 ? "y matches" : "ies match") no finding any more; rewrite it with --write-baseline so it only shrinks")
            }
            if options.strictBaseline && !applied.stale.isEmpty {
                findings += applied.stale.map { entry in
                    Finding(rule: "stale-baseline", severity: .error,
                            message: "the baseline entry \(entry.fingerprint) (\(entry.rule), \(entry.file)) matches no finding: remove it with --write-baseline",
                            location: Location(file: path, span: .unknown), subjects: [entry.rule], modelPath: "baseline[\(entry.fingerprint)]")
                }
            }
        }
        let redactor = options.redact ? Redactor(amounts: streamed.amounts) : nil
        if let redactor {
            findings = findings.map(redactor.scrub)
            notes = notes.map(redactor.scrub)
        }
        findings = Finding.inReportOrder(findings)

        let summary = Summary(findings: findings, files: files.count, documents: streamed.documentCount, ladders: outcomes.count)
        var report = Report(
            toolVersion: Tool.version, findings: findings, summary: summary, metrics: outcomes.compactMap(\.metrics), rules: rules,
            files: files.map(\.display), redacted: options.redact, today: today, notes: notes)
        report.policy = wantsPicture ? outcomes.compactMap(\.picture) : nil
        // One stage: every text of the report the reporters print (metrics and policy included).
        if let redactor { report = redactor.redact(report) }

        let failOn = options.failOn ?? config.failOn ?? .error
        let failed = findings.contains { !$0.suppressed && failOn.fails($0.severity) }

        // Notes name ladder ids and paths from the input.
        var stderr = notes.map { "ladderlint: note: \(Escape.terminal($0))\n" }.joined()
        let style = ReportStyle(color: options.color)
        let read = Self.readFiles(files + contextFiles, config: config, packs: packFiles, baseline: options.baseline, cwd: workingDirectory)
        for o in outputs {
            guard let file = o.file else { continue }
            let target = Discovery.absolute(file, cwd: workingDirectory)
            if let refusal = read.refusal(target) { throw UsageError(file: file, refusal) }
            do {
                try AtomicFile.write(to: target) { sink in
                    sink.workers = jobs
                    Reporters.table[o.format]!(report, ReportStyle(color: false), sink)
                }
            } catch let e as UsageError {
                throw e
            } catch {
                throw UsageError("cannot write \(file): \(error)")
            }
        }
        if let path = options.writeBaseline {
            let kept = findings.filter { $0.suppression?.kind != .waiver }
            let target = Discovery.absolute(path, cwd: workingDirectory)
            // Rewriting the baseline the run compared against is what the option is for.
            if let refusal = read.refusal(target, allowing: .baseline) { throw UsageError(file: path, refusal) }
            try AtomicFile.write(Baseline(findings: kept).encoded(), to: target)
            stderr += "ladderlint: wrote \(kept.count) findings to the baseline \(Escape.terminal(path))\n"
        }
        stdout.workers = jobs
        for o in outputs where o.file == nil {
            Reporters.table[o.format]!(report, style, stdout)
        }
        return LintResult(exitCode: failed ? 1 : 0, stdout: "", stderr: stderr, report: report)
    }

    static func readFiles(_ files: [InputFile], config: Configuration, packs: [String], baseline: String?, cwd: String) -> ReadFiles {
        var read = ReadFiles()
        for f in files { read.add(f.absolute, raw: f.rawPath, shown: f.display, role: .ladder) }
        if let source = config.source { read.add(source, shown: config.file ?? source, role: .configuration) }
        for p in packs { read.add(p, shown: Discovery.relative(p, to: cwd), role: .rulePack) }
        if let baseline { read.add(Discovery.absolute(baseline, cwd: cwd), shown: baseline, role: .baseline) }
        return read
    }

    /// Arguments that name files rather than folders (as pre-commit passes them).
    static func explicitFiles(_ paths: [String], cwd: String) -> [String] {
        paths.filter { p in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: Discovery.absolute(p, cwd: cwd), isDirectory: &isDir) && !isDir.boolValue
        }
    }

    public static func currentDay() -> Day {
        var t = time(nil)
        var tmv = tm()
        gmtime_r(&t, &tmv)
        // From its parts: formatting it with `String(format:)` to parse it again went through
        // Foundation's locale machinery.
        return Day(year: Int(tmv.tm_year) + 1900, month: Int(tmv.tm_mon) + 1, day: Int(tmv.tm_mday))!
    }
}
