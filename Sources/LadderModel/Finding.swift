import LadderYAML

/// How serious a finding is; ordered info < warning < error.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Where a finding points: a file and the span of the node.
public struct Location: Hashable, Sendable {
    public var file: String
    public var span: Span

    public init(file: String, span: Span) {
        self.file = file
        self.span = span
    }

    public var line: Int { Int(span.start.line) }
    public var column: Int { Int(span.start.column) }
    public var endLine: Int { Int(span.end.line) }
    public var endColumn: Int { Int(span.end.column) }
}

/// One value of a finding's structured evidence. Amounts are money and are what `--redact` hides.
public enum EvidenceValue: Sendable, Hashable {
    case int(Int)
    case number(Double)
    case amount(Double)
    case ratio(Double)
    case string(String)
    case bool(Bool)
    case strings([String])
}

/// A named piece of evidence; an ordered list of these keeps output stable.
public struct Evidence: Sendable, Hashable {
    public var key: String
    public var value: EvidenceValue

    public init(_ key: String, _ value: EvidenceValue) {
        self.key = key
        self.value = value
    }
}

/// Why a finding does not count: a waiver from the configuration, or a baseline entry.
public struct Suppression: Sendable, Hashable {
    public enum Kind: String, Sendable { case waiver, baseline }
    public var kind: Kind
    public var reason: String
    public var expires: Day?
    /// For a waiver written as a comment in a ladder file (`# ladderlint: waive …`): where the
    /// comment is. nil for a waiver of the configuration or its waivers file, and a baseline.
    public var inline: Location?

    public init(kind: Kind, reason: String, expires: Day? = nil, inline: Location? = nil) {
        self.kind = kind
        self.reason = reason
        self.expires = expires
        self.inline = inline
    }
}

/// Another place a finding is about: one of the findings folded into it (an overpaid band's
/// other values, `BandFold`), with that part's own rule, severity, message and fingerprint.
public struct RelatedLocation: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var location: Location
    public var fingerprint: String

    public init(rule: String, severity: Severity, message: String, location: Location, fingerprint: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.fingerprint = fingerprint
    }

    /// The part `f`, as a related location of the finding it is folded into.
    public init(_ f: Finding) {
        self.init(rule: f.rule, severity: f.severity, message: f.message, location: f.location, fingerprint: f.fingerprint)
    }
}

/// A finding: an immutable value with copy-with-changes methods.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var location: Location
    public var ladder: String?
    public var subjects: [String]
    public var evidence: [Evidence]
    /// The model path of the value pointed at, e.g. `transitions[from=ic,to=em].pay_change`.
    public var modelPath: String
    public var zone: String?
    public var fingerprint: String
    public var suppression: Suppression?
    /// The other findings folded into this one, in report order; empty for a finding that
    /// stands alone (every finding but a folded one: `Report.presentedFindings`).
    public var related: [RelatedLocation] = []

    public init(
        rule: String, severity: Severity, message: String, location: Location, ladder: String? = nil,
        subjects: [String] = [], evidence: [Evidence] = [], modelPath: String = "", zone: String? = nil,
        fingerprint: String? = nil, suppression: Suppression? = nil
    ) {
        self.rule = rule
        self.severity = severity
        // A backstop under the per-string cap of message arguments: decoder messages quote
        // keys and values from the input, and no message may grow with it.
        self.message = Escape.capped(message, Finding.messageCap)
        self.location = location
        self.ladder = ladder
        self.subjects = subjects
        self.evidence = evidence
        self.modelPath = modelPath
        self.zone = zone
        self.suppression = suppression
        self.fingerprint = fingerprint ?? Fingerprint.of(
            rule: rule, file: location.file, ladder: ladder, subjects: subjects, zone: zone, modelPath: modelPath)
    }

    /// The most characters a message keeps (docs/security.md): several capped input strings
    /// and ladderlint's own words fit.
    public static let messageCap = 8 * Escape.inputCap

    public var suppressed: Bool { suppression != nil }

    public func with(severity: Severity) -> Finding {
        var f = self
        f.severity = severity
        return f
    }

    public func with(suppression: Suppression?) -> Finding {
        var f = self
        f.suppression = suppression
        return f
    }

    public func with(message: String) -> Finding {
        var f = self
        f.message = message
        return f
    }

    /// This finding as the lead of a fold: the other parts as related locations.
    public func with(related: [RelatedLocation]) -> Finding {
        var f = self
        f.related = related
        return f
    }

    /// The fingerprint of what a reader is shown: the finding's own, or for a folded finding the
    /// fold's, a hash of every part's (`Fingerprint.of(parts:)`), which changes when a part
    /// comes or goes.
    public var shownFingerprint: String {
        related.isEmpty ? fingerprint : Fingerprint.of(parts: [fingerprint] + related.map(\.fingerprint))
    }

    /// `findings` in report order (`precedes`), stable. Indices are sorted, not findings: a
    /// finding is a large value, and the merge passes of `sort` copied each one several times,
    /// on the serial part of a large run. Here each is copied once.
    public static func inReportOrder(_ findings: [Finding]) -> [Finding] {
        let order = findings.withUnsafeBufferPointer { buffer in
            Array(buffer.indices).sorted { i, j in
                if precedes(buffer[i], buffer[j]) { return true }
                return !precedes(buffer[j], buffer[i]) && i < j
            }
        }
        return order.map { findings[$0] }
    }

    /// The order of every output: file, line, column, rule (then message, for total order).
    public static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        if a.location.file != b.location.file { return a.location.file < b.location.file }
        if a.location.line != b.location.line { return a.location.line < b.location.line }
        if a.location.column != b.location.column { return a.location.column < b.location.column }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.message != b.message { return a.message < b.message }
        return a.fingerprint < b.fingerprint
    }
}

/// Stable fingerprints: a hash of what identifies a finding, never its line or message, so a
/// baseline survives moved lines and reworded messages. FNV-1a written by hand: the hash only
/// needs to be stable across runs and platforms, not cryptographic, and Foundation on Linux
/// has no digest API.
public enum Fingerprint {
    public static func of(rule: String, file: String, ladder: String?, subjects: [String], zone: String?, modelPath: String) -> String {
        let parts = [rule, file, ladder ?? "", subjects.joined(separator: ","), zone ?? "", modelPath]
        let text = Array(parts.joined(separator: "\u{1F}").utf8)
        return hex(fnv(text, basis: 0xcbf2_9ce4_8422_2325)) + hex(fnv(text, basis: 0x8422_2325_cbf2_9ce4))
    }

    /// The fingerprint of findings folded into one (`BandFold`): a hash of its parts'
    /// fingerprints, in any order. It changes exactly when a part comes or goes, so a folded
    /// finding is new when one of its parts is new.
    public static func of(parts: [String]) -> String {
        let text = Array((["fold"] + parts.sorted()).joined(separator: "\u{1F}").utf8)
        return hex(fnv(text, basis: 0xcbf2_9ce4_8422_2325)) + hex(fnv(text, basis: 0x8422_2325_cbf2_9ce4))
    }

    static func fnv(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
        var h = basis
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
