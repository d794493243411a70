import LadderModel
import LadderReport
import LadderRules

/// One requested output: a format, to stdout or to a file.
public struct OutputRequest: Sendable, Equatable {
    public var format: String
    public var file: String?

    public init(format: String, file: String?) {
        self.format = format
        self.file = file
    }

    /// Parses `FORMAT[:FILE]`.
    public static func parse(_ text: String) -> OutputRequest {
        guard let colon = text.firstIndex(of: ":") else { return OutputRequest(format: text, file: nil) }
        let file = String(text[text.index(after: colon)...])
        return OutputRequest(format: String(text[..<colon]), file: file.isEmpty ? nil : file)
    }
}

/// Everything `ladderlint lint` was asked to do.
public struct LintOptions: Sendable {
    public var paths: [String] = []
    /// `--add-waivers FILE`: append a waiver for each unsuppressed finding to this waivers file
    /// (AddWaivers), with `waiverReason` (`--reason`, required) and `waiverUntil` (`--until`).
    public var addWaivers: String?
    public var waiverReason: String?
    public var waiverUntil: Day?
    public var outputs: [OutputRequest] = []
    public var configFile: String?
    public var rulePacks: [String] = []
    public var failOn: FailLevel?
    public var baseline: String?
    public var writeBaseline: String?
    public var strictBaseline = false
    /// `--changed-since REF`: report only the findings this change adds to the tree at git REF.
    public var changedSince: String?
    public var today: Day?
    public var redact = false
    public var jobs: Int?
    public var color = false
    /// Standard output's terminal width, from the command line when it is a TTY (the text
    /// format's layout for people); nil otherwise.
    public var terminalWidth: Int?
    /// Lets the configuration's `paths` and `rules` lead out of the repository (RepositoryBounds).
    public var allowOutsideRepo = false
    /// `--require`: rule families that must run on every ladder, as written (`pay,policy`);
    /// parsed, and an unknown one refused, before anything is read.
    public var require: [String] = []
    /// `--allow-empty`: a run that finds no ladder file exits 0 instead of 2.
    public var allowEmpty = false
    /// `--group-by`: how the text format groups its findings (by file, as before, by default).
    public var groupBy: TextGrouping = .file
    /// `--quiet`: text on standard output is the summary line only; output files, the
    /// baseline and the exit status are unchanged.
    public var quiet = false
    /// `--sarif-help-base`: the URL SARIF's `helpUri` is built on (`<base><rule-id>.md`), a plain
    /// absolute http(s) URL; nil: the default (SARIFReporter.defaultHelpBase). The command line
    /// refuses anything else.
    public var sarifHelpBase: String?
    /// `--sarif-omit-suppressed`: waived and baselined results are left out of SARIF.
    public var sarifOmitSuppressed = false
    /// The file of `$GITHUB_STEP_SUMMARY`, from the command line layer (the library reads no
    /// environment): with a `github` output, the Markdown summary is appended to it.
    public var stepSummary: String?

    public init() {}

    /// How reporters render for these options (colour only where `color` says so).
    func style(color: Bool) -> ReportStyle {
        ReportStyle(
            color: color, groupBy: groupBy, quiet: false,
            sarifHelpBase: sarifHelpBase.flatMap(SARIFReporter.helpBase) ?? SARIFReporter.defaultHelpBase,
            sarifOmitSuppressed: sarifOmitSuppressed)
    }
}

/// What a run produced: bytes for stdout and files, lines for stderr, an exit status.
public struct LintResult: Sendable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    public var report: Report?
}
