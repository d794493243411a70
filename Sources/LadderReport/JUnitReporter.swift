import LadderModel
import LadderRules

/// JUnit XML for CI test reports (GitLab, Jenkins, junitparser): a `<testsuite>` per file, a
/// `<testcase name=RULE classname=FILE>` per rule checked, a `<failure>` per unsuppressed
/// finding and a `<skipped>` per waived or baselined one. The parts of an overpaid band stay
/// one failure each, in their rules' test cases (a rule that fired must not pass), each body
/// naming the other parts.
///
/// The JUnit schema allows at most one `<failure>` in a `<testcase>`, and `failures` counts
/// failed test cases. So a rule that fires more than once in a file gets one test case per
/// finding (same name and classname): every finding is its own failure, and every consumer's
/// count (the attributes, junitparser's recount, GitLab's and Jenkins' per-case status) agrees
/// with the number of findings.
public enum JUnitReporter {
    public static func render(_ report: Report, _ style: ReportStyle) -> String {
        let suites = self.suites(report)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let total = suites.reduce(into: Counts()) { $0.add($1.counts) }
        out += "<testsuites name=\"\(Tool.name)\"\(total.attributes)>\n"
        for s in suites {
            out += "  <testsuite name=\"\(attribute(s.file))\"\(s.counts.attributes)>\n"
            // With --changed-since: what the change does (JUnit has no run-wide place for it).
            if let c = report.change {
                out += "    <properties>\n"
                for (name, value) in [("changed_since", c.ref), ("added", String(c.added)), ("fixed", String(c.fixed)), ("unchanged", String(c.unchanged))] {
                    out += "      <property name=\"ladderlint.\(name)\" value=\"\(attribute(value))\"/>\n"
                }
                out += "    </properties>\n"
            }
            for c in s.cases {
                out += "    <testcase name=\"\(attribute(c.rule))\" classname=\"\(attribute(s.file))\""
                switch c.outcome {
                case .passed:
                    out += "/>\n"
                case .failed(let f):
                    out += ">\n      <failure message=\"\(attribute(f.message))\" type=\"\(f.severity.rawValue)\">"
                    out += text(body(f)) + "</failure>\n    </testcase>\n"
                case .skipped(let f, let s):
                    let inline = s.inline.map { " (inline at \($0.file):\($0.line))" } ?? ""
                    let why = s.kind == .waiver ? "waived\(inline): \(s.reason)" : "in the baseline: \(s.reason)"
                    out += ">\n      <skipped message=\"\(attribute(why))\">" + text(body(f)) + "</skipped>\n    </testcase>\n"
                case .notChecked(let why):
                    out += ">\n      <skipped message=\"\(attribute(why))\"/>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// `file:line:column: severity: message [rule]`, as the text format prints a finding; for a
    /// part of an overpaid band, the other parts follow, indented, in the same form.
    static func body(_ f: Finding) -> String {
        var out = line(f.location, f.severity, f.message, f.rule)
        for r in f.related { out += "\n    " + line(r.location, r.severity, r.message, r.rule) }
        return out
    }

    static func line(_ l: Location, _ severity: Severity, _ message: String, _ rule: String) -> String {
        "\(l.file):\(l.line):\(l.column): \(severity.rawValue): \(message) [\(rule)]"
    }

    // MARK: Shape

    enum Outcome {
        case passed
        case failed(Finding)
        case skipped(Finding, Suppression)
        /// The rule's family could not run on a ladder of the file (no bands, no survey…):
        /// not a pass (Coverage).
        case notChecked(String)
    }

    struct Case {
        var rule: String
        var outcome: Outcome
    }

    struct Counts {
        var tests = 0, failures = 0, errors = 0, skipped = 0

        mutating func add(_ o: Counts) {
            tests += o.tests
            failures += o.failures
            errors += o.errors
            skipped += o.skipped
        }

        var attributes: String {
            " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
        }
    }

    struct Suite {
        var file: String
        var cases: [Case]

        var counts: Counts {
            var c = Counts()
            for x in cases {
                c.tests += 1
                switch x.outcome {
                case .passed: break
                case .failed: c.failures += 1
                case .skipped, .notChecked: c.skipped += 1
                }
            }
            return c
        }
    }

    /// Every file linted, clean ones included, then any other file a finding points at (the
    /// configuration for waiver findings, a baseline). In a linted file: the rules that ran,
    /// then any other rule (the core ones) that fired there; in another file, only the rules
    /// that fired there, as the ladder rules never looked at it. In the file of a ladder
    /// document, a rule with no finding whose family could not run on that ladder is skipped,
    /// with the reason, instead of passed.
    static func suites(_ report: Report) -> [Suite] {
        var files: [String] = []
        var seenFiles = Set<String>()
        for f in report.files where seenFiles.insert(f).inserted { files.append(f) }
        let extra = Set(report.findings.map(\.location.file)).subtracting(seenFiles).sorted()
        files += extra

        var ruleIDs: [String] = []
        var seenRules = Set<String>()
        for r in report.rules where seenRules.insert(r.id).inserted { ruleIDs.append(r.id) }

        var byFile: [String: [Finding]] = [:]
        // A part of a folded band stays its rule's failure, and names the other parts.
        let foldOf = report.foldOfFinding
        for (i, f) in report.findings.enumerated() {
            let part = foldOf[i].map { f.with(related: report.related(of: i, in: report.folds[$0])) } ?? f
            byFile[f.location.file, default: []].append(part)
        }

        // file → family → why it was not checked there (a file may hold several ladders).
        var unchecked: [String: [CoverageFamily: [String]]] = [:]
        for c in report.coverage {
            for f in c.families where f.status == .notChecked {
                unchecked[c.file, default: [:]][f.family, default: []].append("not checked: \(f.reason ?? c.id)")
            }
        }
        let familyOf = Dictionary(report.rules.map { ($0.id, CoverageFamily(category: $0.category)) }, uniquingKeysWith: { a, _ in a })

        return files.map { file in
            let findings = byFile[file] ?? []
            let notChecked = unchecked[file] ?? [:]
            let linted = seenFiles.contains(file)
            var ids = linted ? ruleIDs : []
            var seen = linted ? seenRules : []
            for f in findings where seen.insert(f.rule).inserted { ids.append(f.rule) }
            var cases: [Case] = []
            for id in ids {
                let mine = findings.filter { $0.rule == id }
                if mine.isEmpty {
                    if let family = familyOf[id] ?? nil, let why = notChecked[family] {
                        cases.append(Case(rule: id, outcome: .notChecked(why.joined(separator: "; "))))
                    } else {
                        cases.append(Case(rule: id, outcome: .passed))
                    }
                }
                for f in mine {
                    if let s = f.suppression {
                        cases.append(Case(rule: id, outcome: .skipped(f, s)))
                    } else {
                        cases.append(Case(rule: id, outcome: .failed(f)))
                    }
                }
            }
            return Suite(file: file, cases: cases)
        }
    }

    // MARK: XML

    /// Element text: `&`, `<`, `>` escaped, characters XML 1.0 forbids dropped.
    static func text(_ s: String) -> String {
        escape(s, attribute: false)
    }

    /// Attribute values in double quotes: also `"` and `'`, and tab, CR and LF as character
    /// references, which attribute-value normalisation would otherwise turn into spaces.
    static func attribute(_ s: String) -> String {
        escape(s, attribute: true)
    }

    static func escape(_ s: String, attribute: Bool) -> String { Escape.xml(s, attribute: attribute) }
}
