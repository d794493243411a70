import Foundation
import LadderModel
import LadderReport
import LadderRules
import LadderYAML
import LadderOutput

/// `ladderlint lint --add-waivers FILE --reason TEXT [--until YYYY-MM-DD]` (issue 19.3): a
/// waiver for each unsuppressed finding, appended to a waivers file (a YAML list, the form
/// `.ladderlint.yml`'s `waivers_file:` reads), never to a ladder file or any other input. The
/// file is written whole or not at all (AtomicFile); what it held is kept byte for byte. The
/// run then counts those findings waived, so it exits 0 unless a finding no waiver can accept
/// is left (a file that is not valid YAML, a broken reference, an expired waiver).
struct AddWaivers {
    /// As given on the command line.
    var path: String
    var target: String
    var reason: String
    var expires: Day
    /// The file's text now ("" when it does not exist).
    var existing: String
    /// The configuration's waivers file is this one, so the next run reads what is added.
    var configured: Bool
    /// Where `waivers_file:` is to be written, for the hint when it is not.
    var configuration: String?

    /// How long a waiver added without `--until` lasts.
    static let defaultDays = 90

    /// The checks made before anything is read: the reason, the date, the target (not an input
    /// of the run, and, when it exists, a waivers file in block style).
    static func prepare(_ options: LintOptions, inputs: Inputs, settings: Settings, workingDirectory: String) throws -> AddWaivers? {
        guard let path = options.addWaivers else { return nil }
        guard let reason = options.waiverReason, !reason.trimmingSpaces.isEmpty else {
            throw UsageError("--add-waivers needs --reason TEXT: why these findings are accepted, and who approved it (every waiver carries its reason)")
        }
        if options.writeBaseline != nil {
            throw UsageError("--add-waivers and --write-baseline both accept today's findings: choose one")
        }
        let today = settings.today
        let expires = options.waiverUntil ?? Self.day(today, plus: defaultDays)
        guard !(expires < today) else {
            throw UsageError("--until \(expires) is before the run date \(today): give a later date, or leave --until out for \(defaultDays) days")
        }
        let target = Discovery.absolute(path, cwd: workingDirectory)
        let config = settings.configuration
        let configured = config.waiversFileSource.map { RepositoryBounds.resolve($0) == RepositoryBounds.resolve(target) } ?? false
        let read = Delivery.readFiles(inputs.files + inputs.context, settings: settings, baseline: options.baseline, cwd: workingDirectory)
        if !configured, let refusal = read.refusal(target) {
            let why = refusal.replacingOccurrences(of: "refusing to write an output over", with: "refusing to add waivers to")
                .replacingOccurrences(of: ": choose another output path", with: "")
            throw UsageError(file: path, "\(why): waivers go in a file of their own (a YAML list of waivers that .ladderlint.yml names in waivers_file:); give another path")
        }
        var existing = ""
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDir) {
            guard !isDir.boolValue, let data = FileManager.default.contents(atPath: target) else {
                throw UsageError(file: path, "--add-waivers: cannot read the waivers file: give the path of a file (it is created when missing)")
            }
            let bytes = Array(data)
            _ = try Configuration.parseWaiversFile(bytes, file: path)
            existing = String(decoding: bytes, as: UTF8.self)
            if let first = Self.firstContent(existing), first != "-" {
                throw UsageError(file: path, "--add-waivers: the waivers file is not a list of waivers written one '- rule: …' item a line (found '\(Escape.capped(String(first)))'): "
                    + "waivers are appended after its last item, so write the list in block style, or give another file")
            }
        }
        let shownConfig = config.source.map { Discovery.relative($0, to: workingDirectory) }
        return AddWaivers(path: path, target: target, reason: reason, expires: expires, existing: existing, configured: configured, configuration: shownConfig)
    }

    /// The first character of the text that is not blank, a comment or `---`.
    static func firstContent(_ text: String) -> Character? {
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let t = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
            if t.isEmpty || t.first == "#" || t.hasPrefix("---") { continue }
            return t.first
        }
        return nil
    }

    /// `d` and `n` days.
    static func day(_ d: Day, plus n: Int) -> Day {
        var (y, m, day) = (d.year, d.month, d.day)
        for _ in 0..<n {
            day += 1
            if Day(year: y, month: m, day: day) == nil {
                day = 1
                m += 1
                if m > 12 { (m, y) = (1, y + 1) }
            }
        }
        return Day(year: y, month: m, day: day) ?? d
    }

    /// Findings no waiver may accept: the input's own problems and the waivers' and baseline's.
    static func waivable(_ f: Finding) -> Bool {
        !f.suppressed && !CoreRules.ids.contains(f.rule) && !CoreRules.waiverIDs.contains(f.rule) && f.rule != "stale-baseline"
    }

    /// One waiver: the rule, the finding's first subject and its zone; each once.
    struct Entry: Hashable {
        var rule: String
        var subject: String?
        var zone: String?
    }

    static func entries(_ findings: [Finding]) -> [Entry] {
        var seen = Set<Entry>(), out: [Entry] = []
        for f in findings where waivable(f) {
            let e = Entry(rule: f.rule, subject: f.subjects.first, zone: f.zone)
            if seen.insert(e).inserted { out.append(e) }
        }
        return out
    }

    /// A YAML double-quoted scalar: `\`, `"` and every control, bidi and zero-width character
    /// escaped, so the file shows what it holds.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default:
                if u == "\t" || Escape.needsVisible(u) {
                    let hex = String(u.value, radix: 16), width = u.value > 0xFFFF ? 8 : 4
                    out += (width == 8 ? "\\U" : "\\u") + String(repeating: "0", count: width - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// The text appended: one item per entry, in the order of the findings.
    func text(_ entries: [Entry]) -> String {
        var out = ""
        if existing.isEmpty {
            out += "# Waivers: findings accepted until they expire (ladderlint lint --add-waivers).\n"
            out += "# Read through waivers_file: in .ladderlint.yml. Edit the reasons; remove a waiver once its finding is fixed.\n"
        } else if !existing.hasSuffix("\n") {
            out += "\n"
        }
        for e in entries {
            out += "- rule: \(e.rule)\n"
            if let s = e.subject { out += "  subject: \(Self.quoted(s))\n" }
            if let z = e.zone { out += "  zone: \(Self.quoted(z))\n" }
            out += "  reason: \(Self.quoted(reason))\n"
            out += "  expires: \(expires)\n"
        }
        return out
    }

    /// Adds the waivers, counts their findings waived in the outcome, delivers it (only the
    /// one line, when no `--format` was asked for), and writes the file last, whole.
    func run(_ outcome: Outcome, delivery: Delivery, inputs: Inputs, settings: Settings, options: LintOptions, stdout: ByteSink) throws -> LintResult {
        let entries = Self.entries(outcome.findings)
        let waived = Set(outcome.findings.lazy.filter(Self.waivable).map(\.fingerprint))
        let left = outcome.findings.filter { !$0.suppressed && !Self.waivable($0) }
        var outcome = outcome
        let suppression = Suppression(kind: .waiver, reason: reason, expires: expires)
        func mark(_ list: [Finding]) -> [Finding] {
            list.map { waived.contains($0.fingerprint) && !$0.suppressed ? $0.with(suppression: suppression) : $0 }
        }
        outcome.findings = mark(outcome.findings)
        var report = outcome.report
        report.findings = mark(report.findings)
        let s = report.summary
        report.summary = Summary(findings: report.findings, files: s.files, documents: s.documents, ladders: s.ladders)
        report.folds = BandFold.folds(report.findings, rules: settings.rules)
        outcome.report = report
        outcome.failed = !outcome.unmet.isEmpty || outcome.findings.contains { !$0.suppressed && settings.failOn.fails($0.severity) }

        let n = entries.count, shown = Escape.terminal(path)
        var line = "added \(n) waiver\(n == 1 ? "" : "s") to \(shown) (expires \(expires))"
        if n == 0 { line = "no finding to waive: \(shown) is unchanged" }
        if n > 0 && !configured {
            line += configuration.map { ": add waivers_file: \(shown) to \(Escape.terminal($0)) so that lint reads them" }
                ?? ": create .ladderlint.yml with waivers_file: \(shown) so that lint reads them"
        }
        var notes = ""
        if !left.isEmpty {
            let rules = Set(left.map(\.rule)).sorted().joined(separator: ", ")
            notes = "ladderlint: note: \(left.count) finding\(left.count == 1 ? "" : "s") (\(rules)) cannot be waived: fix \(left.count == 1 ? "it" : "them")\n"
        }
        var result: LintResult
        if options.outputs.isEmpty {
            if n > 0 { try write(entries) }
            stdout.write(line + "\n")
            let stderr = outcome.notes.map { "ladderlint: note: \(Escape.terminal($0))\n" }.joined() + notes
            result = LintResult(exitCode: outcome.exitCode, stdout: "", stderr: stderr, report: outcome.report)
        } else {
            result = try delivery.deliver(outcome, inputs: inputs, settings: settings, options: options, stdout: stdout)
            if n > 0 { try write(entries) }
            result.stderr += "ladderlint: \(line)\n" + notes
        }
        return result
    }

    func write(_ entries: [Entry]) throws {
        let added = text(entries)
        try AtomicFile.write(to: target, shown: path) { sink in
            sink.write(existing)
            sink.write(added)
        }
    }
}
