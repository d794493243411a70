import LadderModel
import LadderRules
import LadderOutput

/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the rule metadata of
/// the packs and the core rules, every finding with its region, suppressed findings marked.
public enum SARIFReporter: StreamedJSONReporter {
    /// The `$id` of the official schema (OASIS errata 01), the one the tests validate against.
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The base every relative `uri` is resolved against; GitHub resolves it to the checkout.
    public static let sourceRoot = "%SRCROOT%"
    /// The key of our fingerprint in `partialFingerprints`; bump `v1` if the hash ever changes.
    public static let fingerprintKey = "ladderlint/v1"

    /// Where `docs/rules/<rule-id>.md` of ladderlint's repository is published, the default of
    /// `--sarif-help-base` (docs/decisions.md): version-pinned, so a rule's page matches the
    /// binary that reported it. `OWNER` stands for the published repository until it has one.
    public static let defaultHelpBase = "https://github.com/OWNER/ladderlint/blob/v\(Tool.version)/docs/rules/"

    public static func streamed(_ report: Report) -> StreamedJSON { streamed(report, ReportStyle()) }

    public static func write(_ report: Report, _ style: ReportStyle, to sink: ByteSink) {
        sink.write(streamed(report, style), indent: 0)
        sink.write("\n")
    }

    public static func render(_ report: Report, _ style: ReportStyle) -> String {
        let sink = ByteSink()
        write(report, style, to: sink)
        return sink.string()
    }

    /// The whole document as one tree, for tests.
    public static func document(_ report: Report, _ style: ReportStyle) -> JSONValue { streamed(report, style).materialized }

    /// A `--sarif-help-base` as the reporter uses it: a plain http(s) URL ending in `/`, or nil
    /// when it is not one (the command line refuses it before the run).
    public static func helpBase(_ url: String) -> String? {
        guard isPlainWebURI(url), !url.contains("?"), !url.contains("#"), let scheme = url.range(of: "://"),
            url[scheme.upperBound...].first.map({ $0 != "/" }) == true else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }

    public static func streamed(_ report: Report, _ style: ReportStyle) -> StreamedJSON {
        let rules = descriptors(report, helpBase: style.sarifHelpBase)
        var ruleIndex: [String: Int] = [:]
        for (i, r) in rules.enumerated() { ruleIndex[r.id] = i }
        let index = ruleIndex

        var invocation: [(String, JSONValue)] = [("executionSuccessful", .bool(true))]
        // A family --require asked for and did not get fails the run: an error notification
        // per ladder and family, beside the notes.
        var notifications = report.notes.map { note -> JSONValue in
            .object([("level", .string("note")), ("message", .object([("text", .string(note))]))])
        }
        for u in report.unmet {
            let text = "required: \(u.family.line)"
            notifications.append(.object([("level", .string("error")), ("message", .object([("text", .string(text))]))]))
        }
        if !notifications.isEmpty {
            invocation.append(("toolExecutionNotifications", .array(notifications)))
        }
        var properties: [(String, StreamedJSON)] = [("coverage", JSONReporter.coverage(report))]
        if style.sarifOmitSuppressed {
            properties.append(("omittedSuppressed", .value(.int(report.presentedFindings.count { $0.suppressed }))))
        }
        // With --changed-since: what the change does (the JSON report's `change`).
        if let c = report.change { properties.append(("change", .value(JSONReporter.change(c)))) }
        let run: [(String, StreamedJSON)] = [
            ("tool", .value(.object([("driver", .object([
                ("name", .string(Tool.name)),
                ("version", .string(report.toolVersion)),
                ("semanticVersion", .string(report.toolVersion)),
                ("rules", .array(rules.map(descriptor))),
            ]))]))),
            ("invocations", .value(.array([.object(invocation)]))),
            ("originalUriBaseIds", .value(.object([(sourceRoot, .object([
                ("description", .object([("text", .string("The folder ladderlint ran in; every relative uri is relative to it."))])),
            ]))]))),
            // libyaml counts columns in characters (code points), not UTF-16 units.
            ("columnKind", .value(.string("unicodeCodePoints"))),
            ("results", results(report, ruleIndex: index, omitSuppressed: style.sarifOmitSuppressed)),
            // What each ladder could be checked for: the JSON report's `coverage`, in the run's
            // property bag (SARIF has no place of its own for it); how many suppressed results
            // --sarif-omit-suppressed left out.
            ("properties", .object(properties)),
        ]
        return .object([
            ("$schema", .value(.string(schemaURI))),
            ("version", .value(.string("2.1.0"))),
            ("runs", .list([.object(run)])),
        ])
    }

    // MARK: Rules

    /// What SARIF needs to know about one rule id.
    struct Descriptor {
        var id: String
        var summary: String
        var rationale: String
        var help: String
        var helpURI: String?
        var severity: Severity
        var tags: [String]
        /// Whether `ladderlint explain` knows the id (pack and core rules do).
        var explained = true
        /// Whether ladderlint wrote the text (built-in pack, core rules); a rule pack named by
        /// `.ladderlint.yml` comes from a pull request, and its text is Markdown-escaped.
        var trusted = true
    }

    /// The rules that ran, then the core rules (always on), then any other id a finding carries,
    /// so that every result's `ruleIndex` points at its descriptor.
    /// A rule of the built-in pack, or a core rule, has its page `<helpBase><id>.md`
    /// (docs/rules, scripts/rule-docs) unless the pack gives its own `help_uri`; a rule of
    /// another pack only its own `help_uri`.
    static func descriptors(_ report: Report, helpBase: String? = nil) -> [Descriptor] {
        let page = { (id: String) in helpBase.flatMap(Self.helpBase).map { $0 + id + ".md" } }
        var out: [Descriptor] = []
        var seen = Set<String>()
        for r in report.rules where seen.insert(r.id).inserted {
            out.append(Descriptor(
                id: r.id, summary: r.summary, rationale: r.rationale, help: r.help,
                helpURI: r.helpURI ?? (r.origin == BuiltinPack.path ? page(r.id) : nil),
                severity: r.severity, tags: ["career-ladder", "policy", r.check], trusted: r.origin == BuiltinPack.path))
        }
        for id in CoreRules.ids + CoreRules.waiverIDs + CoreRules.baselineIDs where seen.insert(id).inserted {
            let summary = CoreRules.summaries[id] ?? id
            let waiver = CoreRules.waiverIDs.contains(id)
            out.append(Descriptor(
                id: id, summary: summary,
                rationale: waiver
                    ? "Waivers are reviewed exceptions with an expiry date; one that has expired or matches nothing must be renewed or removed, so the list of waivers only shrinks."
                    : "Every ladder file must be readable and valid against the ladder format before its policies can be checked; this finding cannot be turned off.",
                help: summary, helpURI: page(id), severity: CoreRules.severity(id),
                tags: ["career-ladder", waiver ? "waiver" : "input"]))
        }
        for f in report.findings where seen.insert(f.rule).inserted {
            out.append(Descriptor(
                id: f.rule, summary: f.rule, rationale: f.rule, help: f.rule, helpURI: nil,
                severity: f.severity, tags: ["career-ladder"], explained: false))
        }
        return out
    }

    /// `https://…` or `http://…` with nothing that could end a Markdown link or start markup.
    static func isPlainWebURI(_ u: String) -> Bool {
        (u.hasPrefix("https://") || u.hasPrefix("http://"))
            && u.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>()[]`\"'\\".unicodeScalars.contains($0) }
    }

    static func descriptor(_ d: Descriptor) -> JSONValue {
        let summary = trimmed(d.summary).isEmpty ? d.id : reflow(d.summary)
        let full = trimmed(d.rationale).isEmpty ? summary : reflow(d.rationale)
        let help = trimmed(d.help).isEmpty ? summary : reflow(d.help)
        // Code scanning renders help.markdown: a pack's own text must not bring live links,
        // mentions or HTML (docs/security.md), and its help_uri only as a plain http(s) link.
        let uri = d.helpURI.flatMap { u in d.trusted || Self.isPlainWebURI(u) ? u : nil }
        var markdown = d.trusted ? help + "\n\n**Why it matters.** " + full
            : Escape.markdown(help) + "\n\n**Why it matters.** " + Escape.markdown(full)
        if let uri { markdown += "\n\n[More about \(d.id)](<\(uri)>)" }
        if d.explained { markdown += "\n\nRun `ladderlint explain \(d.id)` for the details." }
        var pairs: [(String, JSONValue)] = [
            ("id", .string(d.id)),
            ("name", .string(pascalCase(d.id))),
            ("shortDescription", .object([("text", .string(summary))])),
            ("fullDescription", .object([("text", .string(full))])),
            ("help", .object([("text", .string(help)), ("markdown", .string(markdown))])),
        ]
        if let uri { pairs.append(("helpUri", .string(uri))) }
        pairs.append(("defaultConfiguration", .object([("level", .string(level(d.severity)))])))
        pairs.append(("properties", .object([
            ("tags", .array(d.tags.map { .string($0) })),
            // GitHub ranks non-security alerts by these two: the checks are exact, not heuristic.
            ("precision", .string("very-high")),
            ("problem.severity", .string(problemSeverity(d.severity))),
        ])))
        return .object(pairs)
    }

    // MARK: Results

    /// One result per finding as people read them: an overpaid band's parts are one result
    /// with `relatedLocations` (Report.presentedFindings).
    static func results(_ report: Report, ruleIndex index: [String: Int], omitSuppressed: Bool = false) -> StreamedJSON {
        let shown = omitSuppressed ? report.presentedFindings.filter { !$0.suppressed } : report.presentedFindings
        return .items(shown.count) { i in
            let f = shown[i]
            return result(f, ruleIndex: index[f.rule] ?? 0, redacted: report.redacted)
        }
    }

    static func result(_ f: Finding, ruleIndex: Int, redacted: Bool) -> JSONValue {
        var physical: [(String, JSONValue)] = [("artifactLocation", artifactLocation(f.location.file))]
        physical.append(("region", region(f.location)))
        var properties: [(String, JSONValue)] = []
        if let l = f.ladder { properties.append(("ladder", .string(l))) }
        if !f.subjects.isEmpty { properties.append(("subjects", .array(f.subjects.map { .string($0) }))) }
        if !f.modelPath.isEmpty { properties.append(("modelPath", .string(f.modelPath))) }
        if !f.evidence.isEmpty {
            properties.append(("evidence", .object(f.evidence.map { ($0.key, evidence($0.value, redacted: redacted)) })))
        }
        if !f.related.isEmpty {
            // Every part, the lead first: what a baseline or waiver of each would name.
            let lead: JSONValue = .object([("rule", .string(f.rule)), ("fingerprint", .string(f.fingerprint))])
            properties.append(("folded", .array([lead] + f.related.map { r in
                .object([("rule", .string(r.rule)), ("fingerprint", .string(r.fingerprint))])
            })))
        }
        var pairs: [(String, JSONValue)] = [
            ("ruleId", .string(f.rule)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level(f.severity))),
            ("message", .object([("text", .string(f.message + RelatedText.sentence(f)))])),
            ("locations", .array([.object([("physicalLocation", .object(physical))])])),
            ("partialFingerprints", .object([(fingerprintKey, .string(f.shownFingerprint))])),
            // SARIF §3.27.23: in one run, `suppressions` is present on every result or on none.
            // ladderlint always evaluates waivers and the baseline, so it is on every result,
            // empty when the finding stands.
            ("suppressions", .array(f.suppression.map { [suppression($0)] } ?? [])),
        ]
        if !f.related.isEmpty {
            pairs.append(("relatedLocations", .array(f.related.enumerated().map { k, r in
                .object([
                    ("id", .int(k + 1)),
                    ("physicalLocation", .object([("artifactLocation", artifactLocation(r.location.file)), ("region", region(r.location))])),
                    ("message", .object([("text", .string("\(r.rule) (\(r.severity.rawValue)): \(r.message)"))])),
                ])
            })))
        }
        if !properties.isEmpty { pairs.append(("properties", .object(properties))) }
        return .object(pairs)
    }

    /// Waivers live in `.ladderlint.yml` and baselines in their own file: both are outside the
    /// analysed ladder file, which SARIF §3.35.2 calls `external` (`inSource` is for a marker
    /// written inside the analysed file itself, like a `#pragma`). Either was decided by a
    /// person and checked in, so its status is `accepted`.
    /// A waiver written as a comment in the ladder file (`# ladderlint: waive …`) is such a
    /// marker: `inSource`, with the comment as the suppression's `location` (§3.35.5).
    static func suppression(_ s: Suppression) -> JSONValue {
        var properties: [(String, JSONValue)] = [("source", .string(s.kind.rawValue))]
        if let e = s.expires { properties.append(("expires", .string(e.description))) }
        var pairs: [(String, JSONValue)] = [
            ("kind", .string(s.inline == nil ? "external" : "inSource")),
            ("status", .string("accepted")),
            ("justification", .string(s.reason)),
        ]
        if let at = s.inline {
            pairs.append(("location", .object([("physicalLocation", .object([("artifactLocation", artifactLocation(at.file)), ("region", region(at))]))])))
        }
        pairs.append(("properties", .object(properties)))
        return .object(pairs)
    }

    /// A path relative to the working folder becomes a relative URI against `%SRCROOT%`; an
    /// absolute one (a file outside the working folder) a `file://` URI.
    static func artifactLocation(_ file: String) -> JSONValue {
        if file.hasPrefix("/") {
            return .object([("uri", .string("file://" + URIPath.encode(file)))])
        }
        return .object([("uri", .string(URIPath.encode(file))), ("uriBaseId", .string(sourceRoot))])
    }

    /// libyaml's end mark is exclusive, and so is SARIF's `endColumn` (§3.30.7: the column after
    /// the last character), so the span maps as it is. An empty or inverted span (a finding about
    /// a whole file, or a reader error) becomes the one character at its start.
    static func region(_ l: Location) -> JSONValue {
        let startLine = max(1, l.line), startColumn = max(1, l.column)
        var endLine = l.endLine, endColumn = l.endColumn
        if (endLine, endColumn) <= (startLine, startColumn) {
            endLine = startLine
            endColumn = startColumn + 1
        }
        return .object([
            ("startLine", .int(startLine)), ("startColumn", .int(startColumn)),
            ("endLine", .int(endLine)), ("endColumn", .int(endColumn)),
        ])
    }

    static func evidence(_ v: EvidenceValue, redacted: Bool) -> JSONValue {
        switch v {
        case .amount(let d): return redacted ? .string("[redacted]") : .number(d)
        case .int(let i): return .int(i)
        case .number(let d), .ratio(let d): return .number(d)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .strings(let l): return .array(l.map { .string($0) })
        }
    }

    // MARK: Words

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func problemSeverity(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "recommendation"
        }
    }

    /// `pay-ceiling-parity` -> `PayCeilingParity`, the readable identifier SARIF's `name` asks for.
    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The rule pack's texts are YAML block scalars wrapped at ~100 columns; viewers show
    /// `text` as it is, so the wrapped lines of a paragraph are joined. Blank lines, list items
    /// and indented lines keep their line breaks.
    static func reflow(_ s: String) -> String {
        var out = ""
        var previousJoins = false
        for line in trimmed(s).split(separator: "\n", omittingEmptySubsequences: false) {
            let starts = line.hasPrefix(" ") || line.hasPrefix("- ") || line.hasPrefix("* ")
                || (line.prefix { $0.isNumber }.count > 0 && line.drop { $0.isNumber }.hasPrefix(". "))
            if out.isEmpty {
                out = String(line)
            } else if previousJoins && !line.isEmpty && !starts {
                out += " " + line
            } else {
                out += "\n" + line
            }
            previousJoins = !line.isEmpty
        }
        return out
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.last, c.isWhitespace { t.removeLast() }
        while let c = t.first, c.isWhitespace { t.removeFirst() }
        return String(t)
    }
}

/// Percent-encoding of file paths for URIs and Markdown links (RFC 3986): every byte but the
/// unreserved characters and `/` is encoded, so spaces, `%`, `#`, `?`, `:` and `,` in file
/// names survive, and a first segment with a `:` is never read as a scheme.
enum URIPath {
    static func encode(_ path: String) -> String {
        var out = ""
        out.reserveCapacity(path.utf8.count)
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(b >> 4)])
                out.unicodeScalars.append(hex[Int(b & 0x0F)])
            }
        }
        return out
    }
}
