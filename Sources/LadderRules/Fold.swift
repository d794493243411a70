import LadderModel

/// The findings of one overpaid band read as one (issue 18): `parts` are indices into the
/// report's findings, the lead first, then the others in report order.
public struct FindingFold: Sendable, Hashable {
    public var parts: [Int]
    /// `Fingerprint.of(parts:)` of the parts' fingerprints.
    public var fingerprint: String

    public init(parts: [Int], fingerprint: String) {
        self.parts = parts
        self.fingerprint = fingerprint
    }

    /// The part the folded finding shows: its rule, severity, message and location.
    public var lead: Int { parts[0] }
}

/// The stage after the baseline and redaction (docs/architecture.md): the unsuppressed
/// findings that compare one management band with its IC peers (base min, mid and max, bonus
/// target, equity: up to five) are folded into one finding with related locations. The parts
/// stay findings of their own, counted, fingerprinted, baselined and waived one by one, and in
/// the JSON and JUnit outputs one by one; the formats people read show the fold
/// (`Report.presentedFindings`). One pass over the findings, whatever their number.
public enum BandFold {
    /// The checks whose findings are about one management band at one grade, zone, currency
    /// and period: a rule of the user's own bound to them folds too.
    public static let checks: Set<String> = ["pay-parity", "variable-pay-parity"]

    /// What makes two parts one band: the ladder, the file, the management level (the first
    /// subject; the IC peer may differ between parts, as the highest bonus need not be the
    /// highest ceiling), its zone, and the currency and period the comparison was made in.
    struct Band: Hashable {
        var ladder: String?
        var file: String
        var level: String
        var zone: String?
        var currency: String?
        var period: String?

        /// Equal bands hash alike on the short ids alone: hashing the file path and the rest
        /// cost more than the whole fold of a run without one.
        func hash(into h: inout Hasher) {
            h.combine(ladder)
            h.combine(level)
            h.combine(zone)
        }
    }

    /// The folds of `findings` (in report order), each of two parts or more. The lead is the
    /// most severe part, the first in report order among equals. Suppressed findings are never
    /// folded: a waived or baselined part stays on its own, marked.
    public static func folds(_ findings: [Finding], rules: [Rule]) -> [FindingFold] {
        // A handful of ids, compared rather than hashed: most findings are of other rules, and
        // a run without an overpaid band pays only this comparison per finding.
        let folding = rules.filter { checks.contains($0.check) }.map(\.id)
        guard !folding.isEmpty else { return [] }
        let candidates = findings.indices.filter { i in
            let f = findings[i]
            return !f.suppressed && !f.subjects.isEmpty && folding.contains(f.rule)
        }
        guard candidates.count > 1 else { return [] }
        var bands: [Band: Int] = [:]
        bands.reserveCapacity(candidates.count)
        var groups: [[Int]] = []
        for i in candidates {
            let f = findings[i]
            let level = f.subjects[0]
            let band = Band(
                ladder: f.ladder, file: f.location.file, level: level, zone: f.zone,
                currency: text(f.evidence, "currency"), period: text(f.evidence, "period"))
            if let g = bands[band] {
                groups[g].append(i)
            } else {
                bands[band] = groups.count
                groups.append([i])
            }
        }
        return groups.compactMap { group in
            guard group.count > 1 else { return nil }
            // The first of the most severe: `max(by:)` would keep the last of equals.
            var lead = group[0]
            for i in group.dropFirst() where findings[i].severity > findings[lead].severity { lead = i }
            let parts = [lead] + group.filter { $0 != lead }
            return FindingFold(parts: parts, fingerprint: Fingerprint.of(parts: parts.map { findings[$0].fingerprint }))
        }
        .sorted { $0.lead < $1.lead }
    }

    static func text(_ evidence: [Evidence], _ key: String) -> String? {
        for e in evidence where e.key == key {
            if case .string(let s) = e.value { return s }
        }
        return nil
    }
}

extension Report {
    /// The findings as people read them (text, SARIF, GitHub, GitLab, Markdown, HTML): each
    /// fold as its lead, carrying the other parts as related locations (its `shownFingerprint`
    /// is the fold's), at the lead's place in report order; the other parts left out. The
    /// report's own findings when nothing was folded.
    public var presentedFindings: [Finding] {
        guard !folds.isEmpty else { return findings }
        var leadOf: [Int: Int] = [:]
        var folded = Set<Int>()
        for (k, fold) in folds.enumerated() {
            leadOf[fold.lead] = k
            folded.formUnion(fold.parts)
        }
        var out: [Finding] = []
        out.reserveCapacity(findings.count - folded.count + folds.count)
        for i in findings.indices {
            if let k = leadOf[i] {
                let fold = folds[k]
                out.append(findings[i].with(related: fold.parts.dropFirst().map { RelatedLocation(findings[$0]) }))
            } else if !folded.contains(i) {
                out.append(findings[i])
            }
        }
        return out
    }

    /// For the formats that keep every part (JSON, JUnit): finding index → its fold's index in
    /// `folds`. Empty when nothing was folded.
    public var foldOfFinding: [Int: Int] {
        var out: [Int: Int] = [:]
        for (k, fold) in folds.enumerated() {
            for i in fold.parts { out[i] = k }
        }
        return out
    }

    /// The other parts of the fold finding `i` belongs to, in report order (empty when none).
    public func related(of i: Int, in fold: FindingFold) -> [RelatedLocation] {
        fold.parts.filter { $0 != i }.sorted().map { RelatedLocation(findings[$0]) }
    }
}
