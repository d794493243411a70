import LadderModel
import LadderRules
import LadderOutput

/// How a reporter should render: colour for terminals, the working folder for links; for the
/// text format, how its findings are grouped and whether it prints the summary only.
public struct ReportStyle: Sendable {
    public var color: Bool
    public var groupBy: TextGrouping
    /// `--quiet`: the text format on standard output prints its summary line only.
    public var quiet: Bool
    /// `--sarif-help-base`: the absolute http(s) URL the SARIF rules' `helpUri` is built on
    /// (`<base><rule-id>.md`); nil: no `helpUri` but a pack's own `help_uri`.
    public var sarifHelpBase: String?
    /// `--sarif-omit-suppressed`: waived and baselined results are left out of SARIF.
    public var sarifOmitSuppressed: Bool
    /// The terminal's width when the text goes to one (standard output is a TTY): the text
    /// format then leads with a summary block and wraps long lines (issue 20.7). Nil for pipes,
    /// files and CI logs, which keep OUTPUT.md's one line per finding.
    public var terminalWidth: Int? = nil

    public init(color: Bool = false, groupBy: TextGrouping = .file, quiet: Bool = false,
                sarifHelpBase: String? = SARIFReporter.defaultHelpBase, sarifOmitSuppressed: Bool = false) {
        self.color = color
        self.groupBy = groupBy
        self.quiet = quiet
        self.sarifHelpBase = sarifHelpBase
        self.sarifOmitSuppressed = sarifOmitSuppressed
    }
}

/// The reporters: a table from format name to a function of the report that writes it into a
/// sink. JSON, SARIF and GitLab stream (one finding built at a time); the others are small
/// and write one String.
public enum Reporters {
    public typealias Render = @Sendable (Report, ReportStyle, ByteSink) -> Void

    public static let table: [String: Render] = [
        "text": { r, s, sink in sink.write(TextReporter.render(r, s)) },
        "json": JSONReporter.write,
        "sarif": { r, s, sink in SARIFReporter.write(r, s, to: sink) },
        "github": { r, s, sink in sink.write(GitHubReporter.render(r, s)) },
        "junit": { r, s, sink in sink.write(JUnitReporter.render(r, s)) },
        "gitlab": GitLabReporter.write,
        "markdown": { r, s, sink in sink.write(MarkdownReporter.render(r, s)) },
        "html": { r, s, sink in sink.write(HTMLReporter.render(r, s)) },
    ]

    /// What each format shows beyond the findings; the run works out only what some requested
    /// output needs (metrics cost a pass over every ladder). A format not listed needs nothing.
    public static let needs: [String: ReportNeeds] = [
        "json": .metrics,
        "html": [.metrics, .policyPicture],
        // The verdict line per ladder, in the HTML report's words (issue 20.2).
        "markdown": [.metrics, .policyPicture],
    ]

    /// What a set of formats needs, together.
    public static func needs<S: Sequence>(of formats: S) -> ReportNeeds where S.Element == String {
        formats.reduce(into: ReportNeeds()) { $0.formUnion(needs[$1] ?? []) }
    }

    /// Every format the command line accepts, in the order --help lists them.
    public static let formats = ["text", "json", "sarif", "github", "junit", "gitlab", "markdown", "html"].filter { table[$0] != nil }

    /// One format's whole output as a String.
    public static func render(_ format: String, _ report: Report, _ style: ReportStyle) -> String? {
        guard let write = table[format] else { return nil }
        let sink = ByteSink()
        write(report, style, sink)
        return sink.string()
    }
}

/// What a reporter shows that the findings alone do not give.
public struct ReportNeeds: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Each ladder's metrics (`Report.metrics`).
    public static let metrics = ReportNeeds(rawValue: 1 << 0)
    /// Each ladder's policy picture (`Report.policy`).
    public static let policyPicture = ReportNeeds(rawValue: 1 << 1)
}

/// A reporter whose output is one JSON document, streamed into a sink: only one finding (or
/// one ladder's metrics) is built as a tree at a time.
public protocol StreamedJSONReporter {
    static func streamed(_ report: Report) -> StreamedJSON
}

extension StreamedJSONReporter {
    public static func write(_ report: Report, _ style: ReportStyle, to sink: ByteSink) {
        sink.write(streamed(report), indent: 0)
        sink.write("\n")
    }

    public static func render(_ report: Report, _ style: ReportStyle) -> String {
        let sink = ByteSink()
        write(report, style, to: sink)
        return sink.string()
    }

    /// The whole document as one tree, for tests.
    public static func document(_ report: Report) -> JSONValue { streamed(report).materialized }
}
