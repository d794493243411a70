import LadderModel
import LadderRules

/// The properties every output keeps whatever the input (docs/security.md), as a checker that
/// the hostile-corpus tests and the fuzz target share: no invisible or control character but
/// LF and TAB reaches any format raw, every line of the text, github and markdown formats
/// starts with text ladderlint wrote, and Markdown carries no live mention or autolink.
public enum OutputSafety {
    /// What is wrong with one format's output, empty when nothing is. `files` are the file
    /// names of the run as findings carry them (before escaping).
    public static func violations(format: String, output: String, files: [String]) -> [String] {
        var problems: [String] = []
        for (n, c) in output.unicodeScalars.enumerated() where c != "\n" && Escape.needsVisible(c) {
            problems.append("\(format): raw U+\(String(c.value, radix: 16, uppercase: true)) at scalar \(n)")
            break
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        switch format {
        case "text":
            // A finding starts with its file, a folded finding's other parts with four spaces and
            // their file; a line of what was not checked, with its family; a `--group-by`
            // heading, with its word.
            let named = files.map { Escape.terminal($0) + ":" }
            let starts = named + named.map { "    " + $0 } + families.map { $0 + ": " } + ["rule ", "ladder ", "no ladder (", "this change "]
            for line in lines where !starts.contains(where: { line.hasPrefix($0) }) && !isSummary(line) {
                problems.append("text: a line ladderlint did not start: \(Escape.terminal(String(line.prefix(80))))")
                break
            }
        case "github":
            for line in lines where !["::error ", "::warning ", "::notice "].contains(where: { line.hasPrefix($0) }) {
                problems.append("github: a line that is not one of ladderlint's commands: \(Escape.terminal(String(line.prefix(80))))")
                break
            }
        case "markdown":
            // The verdict block: its heading, and one item per ladder that starts with the
            // ladder's name in bold (escaped like every cell).
            let coverage = ["**What was checked:** ", "**What was not checked** ", "**Verdict:**", "- **"] + families.map { "- " + $0 + ": " }
            let folded = { (line: Substring) in line.first?.isNumber == true && line.hasSuffix(" are folded into one row per band.") }
            for line in lines where !(line.hasPrefix("|") || line.hasPrefix("### ladderlint") || line.hasPrefix("…and ") || folded(line) || coverage.contains(where: { line.hasPrefix($0) })) {
                problems.append("markdown: a line ladderlint did not start: \(Escape.terminal(String(line.prefix(80))))")
                break
            }
            problems += liveReferences(output).map { "markdown: live \($0)" }
        default:
            break
        }
        return problems
    }

    /// Mentions, issue references and autolinks that GitHub or GitLab would render live.
    static func liveReferences(_ s: String) -> [String] {
        let scalars = Array(s.unicodeScalars)
        var found: [String] = []
        func word(_ i: Int) -> Bool {
            i < scalars.count && (scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i]))
        }
        for i in scalars.indices {
            switch scalars[i] {
            case "@" where word(i + 1): found.append("mention")
            // `&#8203;` is the entity that breaks references, not one.
            case "#" where i + 1 < scalars.count && ("0"..."9").contains(scalars[i + 1]) && (i == 0 || scalars[i - 1] != "&"):
                found.append("issue reference")
            case ":" where i + 2 < scalars.count && scalars[i + 1] == "/" && scalars[i + 2] == "/": found.append("URL")
            default: continue
            }
        }
        return found
    }

    /// The rule families, as lines of what was not checked start (CoverageLines).
    static let families = CoverageFamily.allCases.map(\.rawValue)

    /// "2 errors, 1 warning, 0 info in 3 files (…)", the text format's last line.
    static func isSummary(_ line: Substring) -> Bool {
        guard let first = line.first, first.isNumber else { return false }
        return line.contains(" error") && line.contains(" in ")
    }
}
