import Foundation
import LadderModel
import LadderRules
import LadderOutput

/// Findings recorded by fingerprint, so a team can adopt ladderlint on an imperfect ladder and
/// see only new problems. Fingerprints never hash lines or messages, so moved lines and reworded
/// messages still match; a new problem on a flagged subject has its own model path, so it is new.
public struct Baseline: Sendable {
    public struct Entry: Sendable, Hashable {
        public var fingerprint: String
        public var rule: String
        public var file: String
        public var ladder: String?
        public var path: String
        public var subjects: [String]
    }

    public var entries: [Entry]

    public init(findings: [Finding]) {
        var seen = Set<String>()
        entries = findings.compactMap { f in
            guard seen.insert(f.fingerprint).inserted else { return nil }
            return Entry(fingerprint: f.fingerprint, rule: f.rule, file: f.location.file, ladder: f.ladder, path: f.modelPath, subjects: f.subjects)
        }.sorted { ($0.file, $0.rule, $0.path, $0.fingerprint) < ($1.file, $1.rule, $1.path, $1.fingerprint) }
    }

    init(entries: [Entry]) {
        self.entries = entries
    }

    /// This baseline and `kept` (entries of an older one), each fingerprint once, sorted.
    func keeping(_ kept: [Entry]) -> Baseline {
        guard !kept.isEmpty else { return self }
        var seen = Set(entries.map(\.fingerprint))
        let all = entries + kept.filter { seen.insert($0.fingerprint).inserted }
        return Baseline(entries: all.sorted { ($0.file, $0.rule, $0.path, $0.fingerprint) < ($1.file, $1.rule, $1.path, $1.fingerprint) })
    }

    /// Pretty-printed, sorted JSON: reviewable in a pull request.
    public func encoded() -> String {
        JSONValue.object([
            ("tool", .string(Tool.name)),
            ("baseline_version", .int(1)),
            ("findings", .array(entries.map { e in
                .object([
                    ("fingerprint", .string(e.fingerprint)), ("rule", .string(e.rule)), ("file", .string(e.file)),
                    ("ladder", e.ladder.map { .string($0) } ?? .null), ("path", .string(e.path)),
                    ("subjects", .array(e.subjects.map { .string($0) })),
                ])
            })),
        ]).encoded(pretty: true) + "\n"
    }

    public static func read(_ path: String, display: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(file: display, "cannot read the baseline: check the --baseline path, or create it with --write-baseline")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["findings"] as? [[String: Any]]
        else {
            throw UsageError(file: display, "the baseline is not a ladderlint baseline (a JSON object with a 'findings' list): recreate it with --write-baseline")
        }
        if let v = root["baseline_version"] as? Int, v != 1 {
            throw UsageError(file: display, "baseline version \(v) is newer than this ladderlint understands (1)")
        }
        return Baseline(entries: try list.map { item in
            guard let fp = item["fingerprint"] as? String else {
                throw UsageError(file: display, "a baseline entry has no fingerprint: recreate the baseline with --write-baseline")
            }
            return Entry(
                fingerprint: fp, rule: item["rule"] as? String ?? "", file: item["file"] as? String ?? "",
                ladder: item["ladder"] as? String, path: item["path"] as? String ?? "", subjects: item["subjects"] as? [String] ?? [])
        })
    }

    /// Marks recorded findings suppressed; returns the entries that matched nothing.
    /// An entry matches by its fingerprint, rule and file together: a baseline comes with pull
    /// requests too, and an entry copying a new error's fingerprint under another rule's or
    /// file's label must not silence it.
    public func apply(to findings: [Finding]) -> (findings: [Finding], stale: [Entry]) {
        apply(to: findings, rules: [])
    }

    /// As above; an entry recorded under an old id (an alias) of one of `rules` matches that
    /// rule's finding whose fingerprint, taken under the old id, is the entry's. Only findings of
    /// rules with such entries pay for the second fingerprint.
    public func apply(to findings: [Finding], rules: [Rule]) -> (findings: [Finding], stale: [Entry]) {
        let known = Set(entries.map(Key.init))
        let canonical = Rule.aliasMap(rules)
        // Current id to the old ids the baseline records it under.
        var oldIDs: [String: [String]] = [:]
        if !canonical.isEmpty {
            for old in Set(entries.map(\.rule)) { if let id = canonical[old] { oldIDs[id, default: []].append(old) } }
        }
        var used = Set<Key>()
        let out = findings.map { f -> Finding in
            guard !f.suppressed else { return f }
            var key = Key(f)
            if !known.contains(key) {
                guard let olds = oldIDs[f.rule], let k = olds.lazy.map({ old in
                    Key(fingerprint: Fingerprint.of(rule: old, file: f.location.file, ladder: f.ladder, subjects: f.subjects, zone: f.zone, modelPath: f.modelPath), rule: old, file: f.location.file)
                }).first(where: known.contains) else { return f }
                key = k
            }
            used.insert(key)
            return f.with(suppression: Suppression(kind: .baseline, reason: "recorded in the baseline"))
        }
        return (out, entries.filter { !used.contains(Key($0)) })
    }

    /// Why each of `stale` (entries that matched no finding in a run that read every file) may
    /// match nothing, where a slip says it: its rule is no rule of the run ("did you mean
    /// 'band-shape'?"; `disabled`: the ids the configuration disables, which are rules), or a
    /// new finding of its rule in its file is for subjects that differ from the entry's in one,
    /// one slip apart (SubjectSlips: a level renamed `snr-eng` to `sr-eng`, never `em-4` to
    /// `em-5`). `findings`: the run's, with the baseline applied.
    public static func slips(of stale: [Entry], in findings: [Finding], rules: [Rule], disabled: [String] = []) -> [Entry: String] {
        guard !stale.isEmpty else { return [:] }
        let canonical = Rule.aliasMap(rules)
        let ids = rules.map(\.id)
        let known = Set(ids + canonical.keys + CoreRules.ids + CoreRules.waiverIDs + ["stale-baseline"] + disabled)
        // New findings by rule and file: only those a stale entry may have been for.
        let wanted = Set(stale.map { "\(canonical[$0.rule] ?? $0.rule)\u{0}\($0.file)" })
        var new: [String: [Finding]] = [:]
        for f in findings where !f.suppressed {
            let key = "\(f.rule)\u{0}\(f.location.file)"
            if wanted.contains(key) { new[key, default: []].append(f) }
        }
        var out: [Entry: String] = [:]
        var everySubject: Set<String>?
        for e in stale {
            guard known.contains(e.rule) else {
                var hint = ", and no rule of this run has the id '\(e.rule)'"
                if let s = Suggest.nearest(e.rule, in: ids) {
                    hint += ": did you mean '\(s)'? Correct its rule, or remove it with --write-baseline"
                } else {
                    hint += ": remove it with --write-baseline, or run with the rule pack that declares it"
                }
                out[e] = hint
                continue
            }
            let rule = canonical[e.rule] ?? e.rule
            for f in new["\(rule)\u{0}\(e.file)"] ?? [] {
                let gone = e.subjects.filter { !f.subjects.contains($0) }, added = f.subjects.filter { !e.subjects.contains($0) }
                guard gone.count == 1, added.count == 1 else { continue }
                let meant = added[0]
                guard SubjectSlips.alike(gone[0], meant) else { continue }
                // A subject some finding still has names something that exists: no slip.
                if everySubject == nil { everySubject = Set(findings.lazy.flatMap(\.subjects)) }
                if everySubject!.contains(gone[0]) { continue }
                out[e] = ": did you mean '\(meant)'? A new finding of \(rule) in \(e.file) is for \(meant) where the entry has \(gone[0]): "
                    + "if \(gone[0]) was renamed, record its finding again with --write-baseline"
                break
            }
        }
        return out
    }

    /// The `stale-baseline` error for `entry`, with its slip (`slips(of:in:rules:)`) when it has one.
    public static func staleMessage(_ entry: Entry, slip: String?, head: String = "the baseline entry") -> String {
        "\(head) \(entry.fingerprint) (\(entry.rule), \(entry.file)) matches no finding" + (slip ?? ": remove it with --write-baseline")
    }

    /// One note per stale entry with a slip (at most 10, then how many more), for a run that
    /// does not fail on stale entries: `staleMessage` after the baseline's path.
    public static func slipNotes(_ shown: String, stale: [Entry], slips: [Entry: String]) -> [String] {
        let hinted = stale.filter { slips[$0] != nil }
        var notes = hinted.prefix(10).map { "baseline \(shown): " + staleMessage($0, slip: slips[$0], head: "entry") }
        if hinted.count > 10 { notes.append("baseline \(shown): \(hinted.count - 10) more entries like these") }
        return notes
    }

    /// What matches a finding to an entry: fingerprint, rule and file. `--changed-since`
    /// matches the findings of two revisions by the same key.
    struct Key: Hashable {
        var fingerprint: String
        var rule: String
        var file: String

        init(fingerprint: String, rule: String, file: String) {
            self.fingerprint = fingerprint
            self.rule = rule
            self.file = file
        }

        init(_ e: Entry) { self.init(fingerprint: e.fingerprint, rule: e.rule, file: e.file) }

        init(_ f: Finding) { self.init(fingerprint: f.fingerprint, rule: f.rule, file: f.location.file) }
    }
}
