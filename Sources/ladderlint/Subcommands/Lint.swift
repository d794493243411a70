import ArgumentParser
import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import LadderOutput

/// `ladderlint lint`: arguments into LintOptions, then LintRun; output streams to stdout.
extension FailLevel: ExpressibleByArgument {}
extension TextGrouping: ExpressibleByArgument {}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Lint ladder files and folders (the default command).")

    @Argument(help: "Ladder files and folders (default: the configuration's paths, else ladders/).")
    var paths: [String] = []

    @Option(name: .customLong("format"), help: "FORMAT[:FILE], repeatable: text, json, sarif, github, junit, gitlab, markdown, html. Without FILE: stdout.")
    var formats: [String] = []

    @Option(help: "Configuration file (default: .ladderlint.yml here or in a parent folder).")
    var config: String?

    @Option(name: .customLong("rules"), help: "Extra rule pack file or folder; repeatable.")
    var rulePacks: [String] = []

    @Option(help: "Lowest severity that fails the run: error, warning, info or never (default error).")
    var failOn: FailLevel?

    @Option(help: "Report only findings not recorded in this baseline file.")
    var baseline: String?

    @Option(help: "Record today's findings in this baseline file (sorted, reviewable).")
    var writeBaseline: String?

    @Flag(help: "Fail when baseline entries match no finding any more.")
    var strictBaseline = false

    @Option(name: .customLong("add-waivers"), help: ArgumentHelp(
        "Append a waiver for each unsuppressed finding to this waivers file (a YAML list of waivers, read through waivers_file: in .ladderlint.yml; never a ladder file), with --reason and --until; the run then counts them waived.",
        valueName: "FILE"))
    var addWaivers: String?

    @Option(help: ArgumentHelp("With --add-waivers: why the findings are accepted, and who approved it (required).", valueName: "TEXT"))
    var reason: String?

    @Option(help: ArgumentHelp("With --add-waivers: the date the waivers expire, YYYY-MM-DD (default: 90 days after the run date).", valueName: "DATE"))
    var until: String?

    @Option(name: .customLong("changed-since"), help: ArgumentHelp(
        "Report only the findings this change adds to the tree at git REF (read through git, nothing checked out); the exit code counts only those.",
        valueName: "REF"))
    var changedSince: String?

    @Option(help: "The run date (YYYY-MM-DD) for date rules: surveys and waivers.")
    var today: String?

    @Flag(help: "No money amount appears in any output.")
    var redact = false

    @Option(help: "Parallel workers (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "No colour (also: NO_COLOR, or when stdout is not a terminal).")
    var noColor = false

    @Flag(help: "Let the configuration's paths, rules and sources name files outside the repository (for a trusted configuration; paths on the command line may always), and --format F:PATH and --write-baseline create missing folders there (without it, an output outside the repository needs an existing folder).")
    var allowOutsideRepo = false

    @Option(name: .customLong("require"), help: "Rule families that must run on every ladder, comma-separated, repeatable: tracks, pay, policy, transitions, survey. One that could not run fails the run (exit 1).")
    var require: [String] = []

    @Flag(help: "Exit 0 when no ladder file is found (default: exit 2, nothing was checked).")
    var allowEmpty = false

    @Option(name: .customLong("group-by"), help: "How the text output groups findings: file (default), rule or ladder.")
    var groupBy: TextGrouping = .file

    @Flag(name: [.customShort("q"), .long], help: "Text on standard output is the summary line only; output files, the baseline and the exit status are unchanged.")
    var quiet = false

    @Option(name: .customLong("sarif-help-base"), help: "The absolute http(s) URL under which docs/rules/RULE.md pages are published, for SARIF's helpUri (default: ladderlint's repository at this version).")
    var sarifHelpBase: String?

    @Flag(help: "Leave waived and baselined results out of SARIF (by default they are in, marked with suppressions).")
    var sarifOmitSuppressed = false

    func validate() throws {
        if let sarifHelpBase, SARIFReporter.helpBase(sarifHelpBase) == nil {
            throw ValidationError("--sarif-help-base: expected an absolute http:// or https:// URL with no query, fragment, space, quote or bracket (such as https://github.com/OWNER/ladderlint/blob/v0.1.0/docs/rules/), found '\(Escape.terminal(Escape.capped(sarifHelpBase)))'")
        }
        if let today, Day(today) == nil { throw ValidationError("--today: expected a date written YYYY-MM-DD, found '\(today)'") }
        if let until, Day(until) == nil { throw ValidationError("--until: expected a date written YYYY-MM-DD, found '\(Escape.terminal(Escape.capped(until)))'") }
        if addWaivers == nil && (reason != nil || until != nil) {
            throw ValidationError("--\(reason != nil ? "reason" : "until") goes with --add-waivers FILE: add it, or leave --\(reason != nil ? "reason" : "until") out")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs: expected a whole number of at least 1, found \(jobs)") }
    }

    func run() throws {
        MallocTuning.restartIfWorthIt(paths: paths, jobs: jobs)
        var options = LintOptions()
        options.paths = paths
        options.outputs = formats.map(OutputRequest.parse)
        options.configFile = config
        options.rulePacks = rulePacks
        options.failOn = failOn
        options.baseline = baseline
        options.writeBaseline = writeBaseline
        options.strictBaseline = strictBaseline
        options.addWaivers = addWaivers
        options.waiverReason = reason
        options.waiverUntil = until.flatMap(Day.init)
        options.changedSince = changedSince
        options.today = today.flatMap(Day.init)
        options.redact = redact
        options.jobs = jobs
        options.allowOutsideRepo = allowOutsideRepo
        options.require = require
        options.allowEmpty = allowEmpty
        options.groupBy = groupBy
        options.quiet = quiet
        options.sarifHelpBase = sarifHelpBase
        options.sarifOmitSuppressed = sarifOmitSuppressed
        // GitHub Actions names the step's summary file; the library reads no environment.
        if let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            options.stepSummary = summary
        }
        let noColorEnv = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        options.color = !noColor && !noColorEnv && isatty(STDOUT_FILENO) == 1
        if isatty(STDOUT_FILENO) == 1 { options.terminalWidth = Self.terminalWidth() }
        // Reports stream to standard output as they are written: a large audit's JSON is never
        // held whole in memory.
        let stdout = ByteSink(fileDescriptor: STDOUT_FILENO)
        let result = LintRun().execute(options, stdout: stdout)
        stdout.flush()
        emit("", result.stderr)
        if let failure = stdout.failure {
            emit("", "ladderlint: cannot write the report to standard output: \(String(cString: strerror(failure)))\n")
            throw ExitCode(2)
        }
        // The process ends here, with the report still held: freeing every finding and metric
        // one by one would be serial work for nothing (a tenth of a second on 10,000 ladders).
        withExtendedLifetime(result) { Foundation.exit(result.exitCode) }
    }

    /// The terminal's columns: the window size, else `COLUMNS`, else 80; at least 40.
    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(40, Int(size.ws_col)) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return max(40, c) }
        return 80
    }
}
