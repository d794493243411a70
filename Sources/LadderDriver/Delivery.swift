import Foundation
import LadderModel
import LadderReport
import LadderRules
import LadderOutput

/// The last stage of `ladderlint lint`: the outcome into output files, the baseline file, the
/// standard output and the lines for standard error. Files are written first, each atomically
/// (AtomicFile), and never over a file the run read (ReadFiles, docs/security.md).
struct Delivery {
    var workingDirectory: String
    var outputs: [OutputRequest]
    /// A `github` output appends the Markdown summary to `$GITHUB_STEP_SUMMARY` (when set).
    var stepSummary = false

    /// The requested outputs (text to stdout when none), each checked against the reporters
    /// before anything is read.
    static func outputs(_ requested: [OutputRequest]) throws -> [OutputRequest] {
        let outputs = requested.isEmpty ? [OutputRequest(format: "text", file: nil)] : requested
        for o in outputs where Reporters.table[o.format] == nil {
            var message = "unknown format '\(o.format)'"
            if let s = Suggest.nearest(o.format, in: Reporters.formats) { message += ": did you mean '\(s)'?" } else { message += "." }
            throw UsageError(message + " Valid formats: \(Reporters.formats.joined(separator: ", "))")
        }
        return outputs
    }

    /// What the outputs need computed beyond the findings.
    var needs: ReportNeeds {
        let summary = stepSummary && outputs.contains { $0.format == "github" }
        return Reporters.needs(of: outputs.map(\.format) + (summary ? ["markdown"] : []))
    }

    func deliver(_ outcome: Outcome, inputs: Inputs, settings: Settings, options: LintOptions, stdout: ByteSink) throws -> LintResult {
        let report = outcome.report
        let jobs = settings.jobs
        // Notes name ladder ids and paths from the input.
        var stderr = outcome.notes.map { "ladderlint: note: \(Escape.terminal($0))\n" }.joined()
        stderr += outcome.unmet.map { "ladderlint: required: \(Escape.terminal($0))\n" }.joined()
        // Only a run that writes a file needs to know what it read: a stat and a realpath per
        // input, which a run to stdout (the pre-commit hook, a large audit) does not pay.
        let writesFiles = outputs.contains { $0.file != nil } || options.writeBaseline != nil
        let read = writesFiles
            ? Self.readFiles(inputs.files + inputs.context, settings: settings, baseline: options.baseline, cwd: workingDirectory)
            : ReadFiles()
        // Every file output is checked (not over an input, its folders creatable) before any is
        // written, so a bad second path leaves no first file behind.
        let bounds = writesFiles ? RepositoryBounds(configurationFolder: workingDirectory, allowOutside: options.allowOutsideRepo) : nil
        var files: [(request: OutputRequest, file: String, target: String, folders: OutputFolders)] = []
        for o in outputs {
            guard let file = o.file else { continue }
            let target = Discovery.absolute(file, cwd: workingDirectory)
            if let refusal = read.refusal(target) { throw UsageError(file: file, refusal) }
            files.append((o, file, target, try OutputFolders.plan(for: target, file: file, cwd: workingDirectory, bounds: bounds)))
        }
        var baselineTarget: (target: String, folders: OutputFolders)?
        if let path = options.writeBaseline {
            let target = Discovery.absolute(path, cwd: workingDirectory)
            // Rewriting the baseline the run compared against is what the option is for.
            if let refusal = read.refusal(target, allowing: .baseline) { throw UsageError(file: path, refusal) }
            baselineTarget = (target, try OutputFolders.plan(for: target, file: path, cwd: workingDirectory, bounds: bounds))
        }
        for (o, file, target, folders) in files {
            do {
                try AtomicFile.write(to: target, shown: file, creating: folders) { sink in
                    sink.workers = jobs
                    Reporters.table[o.format]!(report, options.style(color: false), sink)
                }
            } catch let e as UsageError {
                throw e
            } catch {
                throw UsageError("cannot write \(file): \(error)")
            }
        }
        // `--write-baseline` without `--format`: its one line is the output (issue 18.9).
        var baselineLine: String?
        if let path = options.writeBaseline, let (target, folders) = baselineTarget {
            let recorded = Baseline(findings: outcome.findings.filter { $0.suppression?.kind != .waiver })
            let baseline = recorded.keeping(outcome.unjudgedEntries)
            try AtomicFile.write(baseline.encoded(), to: target, shown: path, creating: folders)
            let shown = Escape.terminal(path), n = recorded.entries.count, kept = baseline.entries.count - n
            var line = "wrote \(n) finding\(n == 1 ? "" : "s") to the baseline \(shown)"
            if kept > 0 {
                line += " and kept \(kept) entr\(kept == 1 ? "y" : "ies") that may still match (\(Escape.terminal(outcome.unread.named)) could not be read whole)"
            }
            line += ": commit it, and lint with --baseline \(shown) to report only new findings"
            if options.outputs.isEmpty { baselineLine = line } else { stderr += "ladderlint: \(line)\n" }
        }
        stdout.workers = jobs
        if let baselineLine {
            stdout.write(baselineLine + "\n")
        } else {
            var style = options.style(color: options.color)
            style.quiet = options.quiet
            style.terminalWidth = options.terminalWidth
            for o in outputs where o.file == nil {
                Reporters.table[o.format]!(report, style, stdout)
            }
        }
        // GitHub shows a step's annotations only up to its limits; the job summary lists every
        // finding. Appended (GitHub gathers the step's summary from that file), in one write.
        if let path = options.stepSummary, outputs.contains(where: { $0.format == "github" }) {
            let markdown = MarkdownReporter.render(report, options.style(color: false))
            if let problem = Self.append(markdown, to: path) {
                stderr += "ladderlint: warning: cannot append the job summary to $GITHUB_STEP_SUMMARY (\(Escape.terminal(path))): \(problem); the annotations and the exit status are unchanged\n"
            }
        }
        return LintResult(exitCode: outcome.exitCode, stdout: "", stderr: stderr, report: report)
    }

    /// Appends `text` to the file at `path` (created if missing, as the shell's `>>` does), in
    /// one write; nil when done, else why not.
    static func append(_ text: String, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            bytes = bytes.dropFirst(n)
        }
        return nil
    }

    /// Every file the run read, which no output may replace.
    static func readFiles(_ files: [InputFile], settings: Settings, baseline: String?, cwd: String) -> ReadFiles {
        var read = ReadFiles()
        let config = settings.configuration
        for f in files { read.add(f.absolute, raw: f.rawPath, shown: f.display, role: .ladder) }
        if let source = config.source { read.add(source, shown: config.file ?? source, role: .configuration) }
        // Only `--add-waivers` may write it (AddWaivers).
        if let waivers = config.waiversFileSource { read.add(waivers, shown: config.waiversFile ?? waivers, role: .configuration) }
        for p in settings.packFiles { read.add(p, shown: Discovery.relative(p, to: cwd), role: .rulePack) }
        if let baseline { read.add(Discovery.absolute(baseline, cwd: cwd), shown: baseline, role: .baseline) }
        return read
    }
}
