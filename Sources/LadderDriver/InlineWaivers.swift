import LadderModel
import LadderRules
import LadderYAML

/// Waivers written next to the item, as a YAML comment (issue 19.3):
///
///     - {level: em-5, base: {min: 180000, max: 250000}}  # ladderlint: waive pay-ceiling-parity until 2027-06-30 -- SRE market premium
///     # ladderlint: waive band-shape zone=us component=base -- approved by the comp committee, 2026-10
///     - {level: em-6, …}
///
/// `ladderlint: waive RULE-ID [RULE-ID…] [until YYYY-MM-DD] [zone=ZONE] [component=base|bonus|equity] -- REASON`.
/// A comment after a value waives the findings of those rules on its own line; a comment on a
/// line of its own, those on the next line that is not a comment only (so waivers stack). The
/// reason is required; `until` is optional. Any other comment starting `ladderlint:` is a
/// mistake (`invalid-waiver`), as is a malformed waiver: the prefix is ladderlint's.
public enum InlineWaivers {
    static let marker = "ladderlint:"
    static let rule = "invalid-waiver"
    static let grammar = "# ladderlint: waive RULE-ID [until YYYY-MM-DD] [zone=ZONE] [component=base|bonus|equity] -- REASON"

    /// The inline waivers of a YAML file's marked comments (`YAMLInput` finds them), and an
    /// `invalid-waiver` finding for each malformed one. Rule ids are checked later, against the
    /// run's rules (`checked`).
    public static func read(_ comments: [YAMLComment], file: String) -> (waivers: [Waiver], findings: [Finding]) {
        guard !comments.isEmpty else { return ([], []) }
        var waivers: [Waiver] = [], findings: [Finding] = []
        for c in comments {
            switch parse(c, file: file) {
            case .waivers(let ws): waivers += ws
            case .malformed(let f): findings.append(f)
            }
        }
        return (waivers, findings)
    }

    /// What one comment gave: its waivers (one per rule id), or the finding that says what
    /// is wrong with it.
    enum Parsed {
        case waivers([Waiver])
        case malformed(Finding)
    }

    /// One word of the comment and where it is.
    struct Word {
        var text: String
        var span: Span
    }

    static func parse(_ c: YAMLComment, file: String) -> Parsed {
        let scalars = Array(c.text.unicodeScalars)
        let line = Int(c.start.line), base = Int(c.start.column) + 1
        let whole = Span(start: c.start, end: Mark(line: line, column: base + scalars.count))
        // The comment in words, each with its columns (characters, as libyaml counts them).
        var words: [Word] = []
        var i = 0
        while i < scalars.count {
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            let start = i
            while i < scalars.count, scalars[i] != " " && scalars[i] != "\t" { i += 1 }
            if i > start {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[start..<i])
                words.append(Word(text: String(text), span: Span(start: Mark(line: line, column: base + start), end: Mark(line: line, column: base + i))))
            }
        }
        func bad(_ span: Span, _ message: String) -> Parsed {
            .malformed(Finding(
                rule: rule, severity: .error, message: message, location: Location(file: file, span: span),
                subjects: [], modelPath: "inline-waiver[line=\(line)]"))
        }
        func shown(_ s: String) -> String { Escape.capped(s, 60) }
        // words[0] is `ladderlint:` (what the comment was found by), possibly with text after the colon.
        guard let first = words.first, first.text.hasPrefix(marker) else { return .waivers([]) }
        var rest = Array(words.dropFirst())
        if first.text.count > marker.count {
            let glued = String(first.text.dropFirst(marker.count))
            rest.insert(Word(text: glued, span: Span(start: Mark(line: line, column: Int(first.span.start.column) + marker.count), end: first.span.end)), at: 0)
        }
        guard let verb = rest.first else {
            return bad(whole, "a ladderlint comment: expected 'waive' after 'ladderlint:', found nothing: write \(grammar)")
        }
        guard verb.text == "waive" else {
            let meant = Suggest.nearest(verb.text, in: ["waive", "waiver", "waives"]) != nil ? ": did you mean 'waive'?" : ""
            return bad(verb.span, "a ladderlint comment: expected 'waive' after 'ladderlint:', found '\(shown(verb.text))'\(meant.isEmpty ? "." : meant) "
                + "A comment starting 'ladderlint:' is a waiver: write \(grammar), or reword the comment")
        }
        var ids: [Word] = []
        var until: Day?, zone: String?, component: String?
        var reason: String?
        var k = 1
        while k < rest.count {
            let w = rest[k]
            if w.text == "--" {
                // The reason: the comment's text after `--`, as written.
                let from = Int(w.span.end.column) - base
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[min(from, scalars.count)...])
                // Capped as any input text a finding carries (docs/security.md §2).
                reason = Escape.capped(String(String(text).trimmingSpaces))
                break
            }
            if w.text == "until" {
                guard k + 1 < rest.count, rest[k + 1].text != "--" else {
                    return bad(w.span, "the inline waiver's until: expected a date written YYYY-MM-DD after it, found nothing: write until 2027-06-30, or leave until out")
                }
                let d = rest[k + 1]
                guard let day = Day(d.text) else {
                    return bad(d.span, "the inline waiver's until: expected a date written YYYY-MM-DD, found '\(shown(d.text))': write a date such as 2027-06-30")
                }
                until = day
                k += 2
                continue
            }
            if let eq = w.text.firstIndex(of: "=") {
                let key = String(w.text[..<eq]), value = String(w.text[w.text.index(after: eq)...])
                switch key {
                case "zone":
                    guard !value.isEmpty else { return bad(w.span, "the inline waiver's zone=: expected a zone id after '=', found nothing: write zone=us, say") }
                    zone = Escape.capped(value)
                case "component":
                    guard PayComponent(rawValue: value) != nil else {
                        return bad(w.span, "the inline waiver's component=: expected base, bonus or equity, found '\(shown(value))'"
                            + "\(SettingsReader.meant(value, in: PayComponent.allCases.map(\.rawValue))): write component=base, component=bonus or component=equity")
                    }
                    component = value
                default:
                    let meant = Suggest.nearest(key, in: ["zone", "component"]).map { ": did you mean '\($0)='?" } ?? ""
                    return bad(w.span, "the inline waiver: expected zone=ZONE or component=base|bonus|equity before '--', found '\(shown(w.text))'\(meant)")
                }
                k += 1
                continue
            }
            ids.append(w)
            k += 1
        }
        guard !ids.isEmpty else {
            return bad(verb.span, "the inline waiver names no rule: expected one or more rule ids after 'waive': write \(grammar)")
        }
        let named = ids.map(\.text).joined(separator: " ")
        guard let reason, !reason.isEmpty else {
            return bad(whole, "the inline waiver of \(shown(named)) has no reason: end the comment with -- and why this is accepted and who approved it "
                + "(# ladderlint: waive \(shown(named)) -- REASON)")
        }
        let location = Location(file: file, span: whole)
        return .waivers(ids.map { id in
            Waiver(rule: id.text, reason: reason, expires: until, location: location, zone: zone, component: component, line: c.target, ruleSpan: id.span)
        })
    }

    /// The inline waivers whose rule ids name a rule of the run (or an old id of one, or a
    /// disabled one, which then matches nothing), and an `invalid-waiver` finding for each
    /// other id, with the nearest rule id.
    static func checked(_ waivers: [Waiver], rules: [Rule], disabled: [String]) -> (waivers: [Waiver], findings: [Finding]) {
        guard !waivers.isEmpty else { return ([], []) }
        let ids = rules.map(\.id)
        let known = Set(ids + rules.flatMap(\.aliases) + disabled)
        var kept: [Waiver] = [], findings: [Finding] = []
        for w in waivers {
            if known.contains(w.rule) {
                kept.append(w)
                continue
            }
            let message: String
            let id = Escape.capped(w.rule, 60)
            if CoreRules.ids.contains(w.rule) || CoreRules.waiverIDs.contains(w.rule) {
                message = "the inline waiver names '\(id)', which reports a problem with the input or a waiver itself and cannot be waived: fix what it reports, and remove '\(id)' from the comment"
            } else {
                let meant = Suggest.nearest(w.rule, in: ids + rules.flatMap(\.aliases)).map { ": did you mean '\($0)'? Correct it" } ?? ": correct it"
                message = "the inline waiver names an unknown rule id '\(id)'\(meant) (ladderlint rules lists the rule ids), or remove it from the comment"
            }
            findings.append(Finding(
                rule: rule, severity: .error, message: message, location: Location(file: w.location.file, span: w.ruleSpan ?? w.location.span),
                subjects: [w.rule], modelPath: "inline-waiver[line=\(w.location.line),rule=\(w.rule)]"))
        }
        return (kept, findings)
    }

    /// The pay component a finding is about, when it is about one: its evidence's `component`
    /// (pay-scales-with-headcount), its `measure` (min, mid and max are the base band's;
    /// bonus_target; equity.max), else its model path (`….base.max`, `….bonus_target`,
    /// `….equity.max`). nil for a finding about no pay component.
    static func component(of f: Finding) -> String? {
        for e in f.evidence {
            guard case .string(let s) = e.value else { continue }
            if e.key == "component", PayComponent(rawValue: s) != nil { return s }
            if e.key == "measure" {
                if s.hasPrefix("bonus") { return "bonus" }
                if s.hasPrefix("equity") { return "equity" }
                if s == "min" || s == "mid" || s == "max" || s.hasPrefix("base") { return "base" }
            }
        }
        for segment in f.modelPath.split(separator: ".") {
            switch segment.prefix(while: { $0 != "[" }) {
            case "base": return "base"
            case "bonus_target", "bonus": return "bonus"
            case "equity": return "equity"
            default: continue
            }
        }
        return nil
    }
}
