import LadderModel
import LadderRules

/// How a reporter should render: colour for terminals, the working folder for links.
public struct ReportStyle: Sendable {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }
}

/// The reporters: a table from format name to a pure function of the report.
public enum Reporters {
    public typealias Render = @Sendable (Report, ReportStyle) -> String

    public static let table: [String: Render] = [
        "text": TextReporter.render,
        "json": JSONReporter.render,
        "sarif": SARIFReporter.render,
        "github": GitHubReporter.render,
        "junit": JUnitReporter.render,
        "gitlab": GitLabReporter.render,
        "markdown": MarkdownReporter.render,
        "html": HTMLReporter.render,
    ]

    /// Every format the command line accepts, in the order --help lists them.
    public static let formats = ["text", "json", "sarif", "github", "junit", "gitlab", "markdown", "html"].filter { table[$0] != nil }
}
