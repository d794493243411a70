import Foundation
import LadderModel
import LadderYAML

/// `--redact`: removes every money amount of the input from a report, in any number formatting
/// (150000, 150,000, 150.000, 150 000, 150_000, 150000.0, 150k, 1.5e5). Typed amounts
/// (evidence, metrics, message arguments) are redacted where they are rendered; this stage
/// handles the free text: messages, ids, names, model paths, evidence strings, suppression
/// reasons, the metrics' and the policy picture's texts. The guarantee it keeps: multiplying
/// every amount of the input by a constant leaves the redacted report the same (docs/security.md).
public struct Redactor: Sendable {
    public let amounts: Set<Double>
    /// The amounts in order, to find the nearest one to a number as shown.
    let sorted: [Double]

    public init(amounts: Set<Double>) {
        self.amounts = amounts
        sorted = amounts.sorted()
    }

    /// Whether a number as a text shows it is an amount of the input, exactly or rounded the
    /// way amounts are written (28185.714 shows as 28,185.71; a whole number may drop cents):
    /// a band-shape message formats amounts into its text, where no type says they are money.
    func hides(_ v: Double) -> Bool {
        if amounts.contains(v) { return true }
        guard v.isFinite else { return false }
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        let tolerance = v == v.rounded() ? 0.5 : 0.005
        for i in [lo - 1, lo] where i >= 0 && i < sorted.count {
            if abs(sorted[i] - v) <= tolerance * (1 + 1e-9) { return true }
        }
        return false
    }

    /// Keys of a compensation document whose values are money. Every scalar under them counts,
    /// whether it decoded or not: a quoted or separated number ("$251,000", 250k) is still
    /// someone's pay.
    static let moneyKeys: Set<String> = ["min", "mid", "max"]
    /// Keys that hold money when their value is written wrongly (a scalar where a mapping or a
    /// list belongs: `base: 150000`).
    static let moneyContainers: Set<String> = ["bands", "base", "equity"]
    /// Fractions of base: a value above 1 is an amount written in the wrong place (37000), and
    /// messages show it as a percentage too.
    static let fractionKeys: Set<String> = ["bonus_target", "pay_change"]

    /// The money amounts of a document: every value under min, mid and max of a compensation
    /// document in every reading of its text, derived midpoints, and fractions of base that are
    /// really amounts (with their percentages); of a pay formula, its benchmarks and every
    /// amount it derives (`formulaAmounts`).
    public static func amounts(in root: Node) -> [Double] {
        let kind = root.pair("kind")?.value.scalarText
        if kind == DocumentKind.payFormula.rawValue { return formulaAmounts(in: root) }
        guard kind == "compensation" || kind == "policy" else { return [] }
        var out: [Double] = []
        var stack = [root]
        while let node = stack.popLast() {
            switch node.content {
            case .scalar: continue
            case .sequence(let items): stack += items
            case .mapping(let pairs):
                // A derived midpoint is money too.
                if kind == "compensation", node.pair("mid") == nil, let lo = node.pair("min")?.value.scalarText.flatMap(Self.number),
                   let hi = node.pair("max")?.value.scalarText.flatMap(Self.number)
                {
                    out.append(AmountRange.midpoint(lo, hi))
                }
                for p in pairs {
                    guard let k = p.key.scalarText else {
                        stack.append(p.value)
                        continue
                    }
                    if kind == "compensation", moneyKeys.contains(k) {
                        for t in scalarTexts(p.value) { out += readings(of: t) }
                    } else if kind == "compensation", k == "steps", case .mapping(let steps) = p.value.content {
                        // A band's steps: every value is an amount (the names are not).
                        for step in steps { for t in scalarTexts(step.value) { out += readings(of: t) } }
                        continue
                    } else if kind == "compensation", moneyContainers.contains(k), let t = p.value.scalarText {
                        out += readings(of: t)
                    } else if fractionKeys.contains(k) {
                        for t in scalarTexts(p.value) {
                            for v in readings(of: t) where abs(v) > 1 { out += [abs(v), abs(v) * 100] }
                        }
                    }
                    stack.append(p.value)
                }
            }
        }
        return out
    }

    /// The money amounts a spreadsheet's money cells may stand for (their texts, read as
    /// `readings(of:)` reads them) and the amounts it implies without writing them.
    public static func amounts(inTexts texts: [String], values: [Double]) -> [Double] {
        texts.flatMap(readings(of:)) + values.filter { $0.isFinite && $0 != 0 }
    }

    /// Every scalar text at or under `node`.
    static func scalarTexts(_ node: Node) -> [String] {
        var out: [String] = []
        var stack = [node]
        while let n = stack.popLast() {
            switch n.content {
            case .scalar: if let t = n.scalarText { out.append(t) }
            case .sequence(let items): stack += items
            case .mapping(let pairs): for p in pairs { stack += [p.key, p.value] }
            }
        }
        return out
    }

    /// The values a text may stand for: the whole text as a number, and every run of digits in
    /// it read as the scrubber reads runs (so "$251,000", "252000 USD" and "250k" give 251000,
    /// 252000 and 250000, and the scrubber then finds them wherever they are quoted).
    static func readings(of text: String) -> [Double] {
        // A number is read one way: its other readings (0.10 without its dot is 10) are not
        // amounts, and would hide ordinary numbers everywhere.
        if let v = number(text) { return v.isFinite && v != 0 ? [v] : [] }
        return runs(Array(text)).flatMap(\.values).filter { $0.isFinite && $0 != 0 }
    }

    /// A number written with any common separators, or nil.
    static func number(_ text: String) -> Double? {
        let cleaned = text.filter { $0 != "_" && $0 != "," && $0 != " " && $0 != "'" && $0 != "\u{A0}" }
        return Double(cleaned)
    }

    /// A run of digits in a text, with single separators between digit groups, an optional
    /// exponent and an optional thousands or millions suffix.
    struct Run {
        var start: Int
        /// Past the digits and the exponent.
        var digitsEnd: Int
        /// Past the suffix, when there is one.
        var end: Int
        var token: String
        var scale: Double

        /// The numbers the run may mean, its suffix applied.
        var values: [Double] {
            var readings: [String] = [token.filter { $0 != "," && $0 != "_" && $0 != "'" && $0 != " " && $0 != "\u{A0}" }]
            // "150.000" may be a thousands separator (European style): read it without dots too.
            readings.append(readings[0].filter { $0 != "." })
            // "150,5" may be a decimal comma.
            if token.filter({ $0 == "," }).count == 1 { readings.append(token.replacingOccurrences(of: ",", with: ".").filter { $0 != "_" && $0 != " " && $0 != "'" && $0 != "\u{A0}" }) }
            return readings.compactMap { Double($0).map { $0 * scale } }
        }
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    static func runs(_ chars: [Character]) -> [Run] {
        var out: [Run] = []
        var i = 0
        while i < chars.count {
            guard isDigit(chars[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count {
                if isDigit(chars[j]) { j += 1; continue }
                if j + 1 < chars.count, ",._' \u{A0}".contains(chars[j]), isDigit(chars[j + 1]) { j += 1; continue }
                break
            }
            // 1.5e5 is one number, not 1.5 and 5.
            if j + 1 < chars.count, chars[j] == "e" || chars[j] == "E" {
                var k = j + 1
                if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
                if k < chars.count, isDigit(chars[k]) {
                    while k < chars.count, isDigit(chars[k]) { k += 1 }
                    j = k
                }
            }
            var end = j
            var scale = 1.0
            if j < chars.count, "kKmM".contains(chars[j]), j + 1 == chars.count || !chars[j + 1].isLetter {
                scale = chars[j] == "k" || chars[j] == "K" ? 1e3 : 1e6
                end = j + 1
            }
            out.append(Run(start: i, digitsEnd: j, end: end, token: String(chars[i..<j]), scale: scale))
            i = j
        }
        return out
    }

    /// `text` with every number that reads as an amount of the input replaced by "[redacted]".
    public func scrub(_ text: String) -> String {
        guard !amounts.isEmpty else { return text }
        let chars = Array(text)
        let found = Self.runs(chars)
        guard !found.isEmpty else { return text }
        var out = ""
        var i = 0
        for run in found {
            out += String(chars[i..<run.start])
            i = run.start
            if run.values.contains(where: hides) || run.scale != 1 && Self.unscaled(run).values.contains(where: hides) {
                out += "[redacted]"
                i = run.values.contains(where: hides) ? run.end : run.digitsEnd
                continue
            }
            // A shorter reading: drop a trailing separator group that may be sentence punctuation.
            if let cut = run.token.lastIndex(where: { ",. ".contains($0) }) {
                let shorter = Run(start: run.start, digitsEnd: 0, end: 0, token: String(run.token[..<cut]), scale: 1)
                if shorter.values.contains(where: hides) {
                    out += "[redacted]"
                    i = run.start + shorter.token.count
                    out += String(chars[i..<run.digitsEnd])
                    i = run.digitsEnd
                    continue
                }
            }
            out += String(chars[run.start..<run.digitsEnd])
            i = run.digitsEnd
        }
        out += String(chars[i...])
        return out
    }

    private static func unscaled(_ run: Run) -> Run {
        Run(start: run.start, digitsEnd: run.digitsEnd, end: run.digitsEnd, token: run.token, scale: 1)
    }

    /// Whether a number shown as evidence is an amount of the input.
    func isAmount(_ v: Double) -> Bool { amounts.contains(v) || amounts.contains(abs(v)) }

    /// A finding with every text field scrubbed, its values under money keys withheld from
    /// decoder messages, and its region cut to its start: where a region ends tells how many
    /// digits an amount has.
    public func scrub(_ f: Finding) -> Finding {
        var g = f
        var message = f.message
        if f.rule == "invalid-document", let withheld = WithheldValues.withheld(message) { message = withheld }
        g.message = scrub(message)
        g.subjects = f.subjects.map(scrub)
        g.ladder = f.ladder.map(scrub)
        g.zone = f.zone.map(scrub)
        g.modelPath = scrub(f.modelPath)
        g.evidence = f.evidence.map { e in
            switch e.value {
            case .amount: return Evidence(e.key, .string("[redacted]"))
            case .number(let d), .ratio(let d): return isAmount(d) ? Evidence(e.key, .string("[redacted]")) : e
            case .int(let i): return isAmount(Double(i)) ? Evidence(e.key, .string("[redacted]")) : e
            case .string(let s): return Evidence(e.key, .string(scrub(s)))
            case .strings(let l): return Evidence(e.key, .strings(l.map(scrub)))
            case .bool: return e
            }
        }
        if let s = f.suppression { g.suppression = Suppression(kind: s.kind, reason: scrub(s.reason), expires: s.expires, inline: s.inline) }
        g.location.span.end = g.location.span.start
        // The fingerprint hashes the ids: one of an id that holds an amount could be reversed by
        // trying every amount, so it is taken again over what the report shows.
        if g.subjects != f.subjects || g.ladder != f.ladder || g.zone != f.zone || g.modelPath != f.modelPath {
            g.fingerprint = Fingerprint.of(rule: g.rule, file: g.location.file, ladder: g.ladder, subjects: g.subjects, zone: g.zone, modelPath: g.modelPath)
        }
        return g
    }

    /// The report as `--redact` shows it: findings, notes, the metrics' and the policy
    /// picture's texts scrubbed. The one redaction stage: reporters only hide typed amounts.
    public func redact(_ report: Report) -> Report {
        var r = report
        r.redacted = true
        r.findings = Finding.inReportOrder(report.findings.map(scrub))
        r.notes = report.notes.map(scrub)
        r.metrics = report.metrics.map(scrub)
        r.policy = report.policy?.map(scrub)
        return r
    }

    func scrub(_ m: LadderMetrics) -> LadderMetrics {
        var m = m
        m.id = scrub(m.id)
        m.name = scrub(m.name)
        m.organization = m.organization.map(scrub)
        // Titles are the file's text, keyed by ids that are scrubbed as the rows' ids are.
        m.levelTitles = m.levelTitles.map { (scrub($0.id), scrub($0.title)) }
        m.pay = m.pay.map { row in
            var row = row
            row.zone = scrub(row.zone)
            row.currency = scrub(row.currency)
            row.icLevels = row.icLevels.map(scrub)
            row.managementLevels = row.managementLevels.map(scrub)
            // Step names are the file's text (a name may hold an amount); step amounts are
            // typed and hidden where they are rendered.
            row.icSteps = row.icSteps.map { $0.map { var st = $0; st.name = scrub(st.name); return st } }
            row.managementSteps = row.managementSteps.map { $0.map { var st = $0; st.name = scrub(st.name); return st } }
            return row
        }
        m.survey = m.survey.map { s in
            var s = s
            s.question = scrub(s.question)
            s.audience = s.audience.map(scrub)
            return s
        }
        return m
    }

    func scrub(_ p: PolicyPicture) -> PolicyPicture {
        func audience(_ a: PolicyPicture.Audience) -> PolicyPicture.Audience {
            var a = a
            a.written = scrub(a.written)
            a.individualContributor = a.individualContributor.map(scrub)
            a.management = a.management.map(scrub)
            a.techLeads = a.techLeads.map(scrub)
            a.groups = a.groups.map(scrub)
            return a
        }
        // Anchors are scrubbed as findings' model paths are, so they still match.
        func anchor(_ a: PolicyPicture.Anchor) -> PolicyPicture.Anchor { PolicyPicture.Anchor(file: a.file, path: scrub(a.path)) }
        var p = p
        p.ladder = scrub(p.ladder)
        p.programs = p.programs.map { x in
            var x = x
            x.id = scrub(x.id)
            x.name = scrub(x.name)
            x.eligible = audience(x.eligible)
            x.anchor = anchor(x.anchor)
            return x
        }
        p.decisions = p.decisions.map { x in
            var x = x
            x.area = scrub(x.area)
            x.owner = audience(x.owner)
            x.consulted = x.consulted.map(audience)
            x.anchor = anchor(x.anchor)
            return x
        }
        p.forums = p.forums.map { x in
            var x = x
            x.id = scrub(x.id)
            x.name = scrub(x.name)
            x.members = audience(x.members)
            x.anchor = anchor(x.anchor)
            return x
        }
        p.transitions = p.transitions.map { x in
            var x = x
            x.from = scrub(x.from)
            x.fromName = scrub(x.fromName)
            x.to = scrub(x.to)
            x.toName = scrub(x.toName)
            x.anchor = anchor(x.anchor)
            return x
        }
        return p
    }
}
