import LadderModel
import LadderRules

/// Applies waivers: matching findings are marked suppressed (they stay in JSON and SARIF and
/// do not fail the run); an expired waiver is an error and suppresses nothing; a waiver that
/// matches nothing is a warning, so the list of waivers only shrinks.
public enum Waivers {
    public static func apply(_ waivers: [Waiver], to findings: [Finding], today: Day) -> [Finding] {
        apply(waivers, to: findings, today: today, rules: [])
    }

    /// As above; a waiver whose `rule:` is an old id (an alias) of one of `rules` waives that rule.
    public static func apply(_ waivers: [Waiver], to findings: [Finding], today: Day, rules: [Rule]) -> [Finding] {
        apply(waivers, to: findings, today: today, rules: rules, judgingUnused: true).findings
    }

    /// As above; without `judgingUnused` (some input could not be read, so a finding a waiver
    /// is for may be missing), a waiver that matches nothing is returned in `unjudged` instead
    /// of being reported unused.
    public static func apply(
        _ waivers: [Waiver], to findings: [Finding], today: Day, rules: [Rule], judgingUnused: Bool
    ) -> (findings: [Finding], unjudged: [Waiver]) {
        let canonical = waivers.isEmpty ? [:] : Rule.aliasMap(rules)
        var unjudged: [Waiver] = []
        var out = findings
        var extra: [Finding] = []
        // Unused waivers with a subject, by their finding's place in `extra`, and their rule.
        var unused: [(at: Int, waiver: Waiver, rule: String)] = []
        // Findings by rule: an inline waiver each would otherwise look at every finding.
        var byRule: [String: [Int]] = [:]
        if !waivers.isEmpty { for i in out.indices { byRule[out[i].rule, default: []].append(i) } }
        for w in waivers {
            let what = w.line.map { "the inline waiver of \(w.rule) for line \($0)" } ?? "the waiver of \(w.rule)\(w.subject.map { " for \($0)" } ?? "")"
            let scope = [w.zone.map { "zone \($0)" }, w.component.map { "component \($0)" }].compactMap { $0 }
            let scoped = scope.isEmpty ? "" : " (\(scope.joined(separator: ", ")))"
            let modelPath = w.line.map { "inline-waiver[line=\($0),rule=\(w.rule)]" } ?? "waivers[rule=\(w.rule),subject=\(w.subject ?? "*")]"
            if let expires = w.expires, expires < today {
                extra.append(Finding(
                    rule: "expired-waiver", severity: .error,
                    message: "\(what)\(scoped) expired on \(expires) (reason: \(w.reason)): fix the finding, or renew the waiver with a new reason and date",
                    location: w.location, subjects: [w.rule] + (w.subject.map { [$0] } ?? []),
                    evidence: [Evidence("rule", .string(w.rule)), Evidence("expires", .string(expires.description))],
                    modelPath: modelPath))
                continue
            }
            var used = false
            let rule = canonical[w.rule] ?? w.rule
            let inline = w.line != nil ? w.location : nil
            for i in byRule[rule] ?? [] where !out[i].suppressed {
                if let s = w.subject, !out[i].subjects.contains(s) { continue }
                if let line = w.line, out[i].location.line != line || out[i].location.file != w.location.file { continue }
                if let zone = w.zone, out[i].zone != zone { continue }
                if let component = w.component, InlineWaivers.component(of: out[i]) != component { continue }
                out[i] = out[i].with(suppression: Suppression(kind: .waiver, reason: w.reason, expires: w.expires, inline: inline))
                used = true
            }
            if !used && !judgingUnused {
                unjudged.append(w)
            } else if !used {
                if w.subject != nil { unused.append((extra.count, w, rule)) }
                extra.append(Finding(
                    rule: "unused-waiver", severity: .warning,
                    message: w.line != nil
                        ? "\(what)\(scoped) matches no finding: remove \(w.rule) from the comment (a waiver on a line of its own is for the next line)"
                        : "\(what)\(scoped) matches no finding: remove it",
                    location: w.location, subjects: [w.rule] + (w.subject.map { [$0] } ?? []),
                    evidence: [Evidence("rule", .string(w.rule))],
                    modelPath: modelPath))
            }
        }
        if !unused.isEmpty {
            var slips = SubjectSlips(out)
            for u in unused {
                guard let subject = u.waiver.subject, let meant = slips.meant(subject, rule: u.rule) else { continue }
                extra[u.at].message = "the waiver of \(u.waiver.rule) for \(subject) matches no finding: did you mean '\(meant)'? "
                    + "A finding of \(u.rule) is for \(meant): write subject: \(meant) to waive it, or remove the waiver"
                extra[u.at].evidence.append(Evidence("did_you_mean", .string(meant)))
            }
        }
        // Without extra findings, the findings as they came: `out + extra` copied every one,
        // on the serial end of a large run (0.04 s for 38,000 findings).
        if extra.isEmpty { return (out, unjudged) }
        out.append(contentsOf: extra)
        return (out, unjudged)
    }
}

/// A subject one slip from a subject of a finding nothing suppresses (waivers apply before the
/// baseline): what a waiver that matches nothing may have been written for. A slip is what
/// `Suggest.nearest` finds near, with the same digits (`em5`, `EM-5`, `en-5` for `em-5`, never
/// `em-4`), for a subject that no finding of any rule has (which names something that exists).
struct SubjectSlips {
    private let findings: [Finding]
    private var byRule: [String: [String]] = [:]
    private var all: Set<String>?

    init(_ findings: [Finding]) {
        self.findings = findings
    }

    /// The subject of an unsuppressed finding of `rule` that `subject` is a slip for, or nil.
    mutating func meant(_ subject: String, rule: String) -> String? {
        let candidates = subjects(of: rule)
        guard !candidates.isEmpty else { return nil }
        let digits = subject.filter(\.isNumber)
        guard let near = Suggest.nearest(subject, in: candidates.filter { $0 != subject && $0.filter(\.isNumber) == digits }) else { return nil }
        // A subject some finding has names something that exists: not a slip.
        if all == nil { all = Set(findings.lazy.flatMap(\.subjects)) }
        return all!.contains(subject) ? nil : near
    }

    /// `written` is one slip from `meant`, as `meant(_:rule:)` judges it.
    static func alike(_ written: String, _ meant: String) -> Bool {
        written != meant && written.filter(\.isNumber) == meant.filter(\.isNumber) && Suggest.nearest(written, in: [meant]) != nil
    }

    /// The subjects of the unsuppressed findings of `rule`, sorted, each once.
    private mutating func subjects(of rule: String) -> [String] {
        if let known = byRule[rule] { return known }
        let list = Set(findings.lazy.filter { $0.rule == rule && !$0.suppressed }.flatMap(\.subjects)).sorted()
        byRule[rule] = list
        return list
    }
}
