import LadderModel
import LadderRules
import LadderOutput

/// GitLab Code Quality JSON: an array with one issue per unsuppressed finding, in the fields
/// GitLab reads (`description`, `check_name`, `fingerprint`, `severity`, `location.path`,
/// `location.lines.begin`/`end`). GitLab ignores every other Code Climate field, so there are none.
/// An overpaid band's parts are one issue (Report.presentedFindings) whose description names
/// the others and whose fingerprint is the fold's.
public enum GitLabReporter: StreamedJSONReporter {
    public static func streamed(_ report: Report) -> StreamedJSON {
        let presented = report.presentedFindings
        let shown = presented.indices.filter { !presented[$0].suppressed }
        var used: [String: Int] = [:]
        let fingerprints = shown.map { i -> String in
            // GitLab shows issues with one fingerprint as one entry. Fingerprints are unique by
            // design; should two findings ever share one, the later ones (in report order) get
            // `-2`, `-3`…, which no 32-hex-digit fingerprint can clash with.
            let fingerprint = presented[i].shownFingerprint
            let n = (used[fingerprint] ?? 0) + 1
            used[fingerprint] = n
            return n == 1 ? fingerprint : "\(fingerprint)-\(n)"
        }
        return .items(shown.count) { k in
            let f = presented[shown[k]]
            return .object([
                ("description", .string(f.message + RelatedText.sentence(f))),
                ("check_name", .string(f.rule)),
                ("fingerprint", .string(fingerprints[k])),
                ("severity", .string(severity(f.severity))),
                ("location", .object([
                    ("path", .string(f.location.file)),
                    ("lines", .object([("begin", .int(max(1, f.location.line))), ("end", .int(GitHubReporter.lastLine(f.location)))])),
                ])),
            ])
        }
    }

    /// GitLab's scale is info < minor < major < critical < blocker. An error is a policy that
    /// contradicts "management is not a promotion" and fails the run: `major`. `critical` and
    /// `blocker` stay free for security scanners and build breakers that share the merge
    /// request's Code Quality widget, whose report merges every tool's issues.
    static func severity(_ s: Severity) -> String {
        switch s {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }
}
