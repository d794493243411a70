import LadderYAML

/// Collects the problems of decoding one document, and the ids of elements that could not be
/// decoded, so that references to them are not reported a second time as unknown.
final class DecodeContext {
    var problems: [(span: Span, message: String)] = []
    var brokenIDs: [BrokenID] = []
    /// Of `problems`, those of bands whose level could be read (`BrokenID.Scope.band`): they
    /// stand down that level's comparisons only, not the document's whole set.
    var bandProblems = 0

    func fail(_ span: Span, _ path: String, _ message: String) {
        problems.append((span, path.isEmpty ? message : "\(path): \(message)"))
    }

    func fail(_ span: Span, _ path: DecodePath, _ message: String) {
        fail(span, path.rendered, message)
    }

    /// Digit keys the loader dropped as duplicates (`{min: 168,000, max: 216,000}` holds `000`
    /// twice), which may continue a number split in a flow mapping (`FlowSplit`); and those a
    /// split claimed, whose duplicate-key findings the split's own finding replaces.
    var droppedDigitKeys: [(span: Span, text: String)] = []
    var claimedDigitKeys: Set<Span> = []
}

/// The key path of a value, such as `levels[3].promotion`, kept in parts and joined only when
/// a problem is reported: most values have none, and joining the path of every mapping cost
/// more than reading it. The last two parts are kept apart, which covers the format's nesting;
/// a deeper path joins its older parts as it grows.
struct DecodePath {
    /// A key, and the index of an item in its list (-1: none).
    private struct Part {
        var key: String
        var index: Int
    }

    private var head = ""
    private var first: Part?
    private var second: Part?

    static let root = DecodePath()

    /// The path of the value of `key` in the mapping at this path.
    func key(_ key: String) -> DecodePath { appending(Part(key: key, index: -1)) }

    /// The path of item `i` of the list at this path.
    func index(_ i: Int) -> DecodePath {
        var p = self
        if p.second == nil, p.first != nil, p.first!.index < 0 {
            p.first!.index = i
        } else if p.second != nil, p.second!.index < 0 {
            p.second!.index = i
        } else {
            p = appending(Part(key: "", index: i))
        }
        return p
    }

    private func appending(_ part: Part) -> DecodePath {
        var p = self
        if p.first == nil {
            p.first = part
        } else if p.second == nil {
            p.second = part
        } else {
            Self.join(&p.head, p.first!)
            p.first = p.second
            p.second = part
        }
        return p
    }

    /// `a.b[2]`, as the path used to be built: a key after a '.' unless it starts the path,
    /// an index in brackets.
    private static func join(_ s: inout String, _ part: Part) {
        if !part.key.isEmpty { s += s.isEmpty ? part.key : ".\(part.key)" }
        if part.index >= 0 { s += "[\(part.index)]" }
    }

    var rendered: String {
        var s = head
        if let first { Self.join(&s, first) }
        if let second { Self.join(&s, second) }
        return s
    }
}

/// An id whose element was dropped because it was invalid.
public struct BrokenID: Sendable, Hashable {
    public enum Scope: String, Sendable {
        case ladder, track, level
        /// A document of kind `id` belonging to `ladder` lost elements or was left out: checks
        /// that judge that kind's whole set would judge an incomplete set.
        case incomplete
        /// A band of level `id` in `zone` (nil: a zone that could not be read) had errors: it was
        /// left out, or kept without what the file meant. The comparisons of that level's grade
        /// in that zone stand down; the rest of the set is whole.
        case band
    }
    public var scope: Scope
    public var ladder: String?
    public var id: String
    /// For `band`: the band's zone, nil when it could not be read.
    public var zone: String?

    public init(scope: Scope, ladder: String?, id: String, zone: String? = nil) {
        self.scope = scope
        self.ladder = ladder
        self.id = id
        self.zone = zone
    }
}

/// Edit distance, for "did you mean" suggestions.
public enum Suggest {
    /// The candidate nearest to `word`, if it is near enough to be what was meant.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = distance(word.lowercased(), c.lowercased())
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best else { return nil }
        return d <= max(2, word.count / 3) ? c : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = Swift.min(cur[j], prev[j - 1])  // adjacent swap counts once
                }
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}

/// What `--redact` keeps of a decoder message about a value that may be money: the problem and
/// the fix, never the value. A value that could not be read as a number is still someone's pay
/// ("$251,000", 250k), and so is a mistyped key of a pay range, so every value and key a
/// message quotes under these keys is withheld.
public enum WithheldValues {
    /// Keys whose values are money, or hold money (`bands`, `base`, `equity`), or are fractions
    /// of pay that an amount may be written into by mistake (`bonus_target: 37000`).
    public static let keys: Set<String> = ["bands", "base", "equity", "min", "mid", "max", "bonus_target", "pay_change", "benchmark"]
    /// Open mappings whose every value is money, keyed by a name: a band's `steps`
    /// (`steps.learning`) and a formula's `benchmark` per job family (`benchmark.engineering`).
    /// A formula's step factors are withheld too: over-redaction is preferred to a leak.
    public static let parents: Set<String> = ["steps", "benchmark"]

    /// `message` with what it quotes withheld when its path ends at one of `keys`; nil when the
    /// message is about another value, or quotes nothing. Reads the shapes `DecodeContext.fail`,
    /// `MappingReader.wrong` and `MappingReader.init` write: `PATH: expected E, found F[: hint]`
    /// and `PATH: unknown key 'K' in WHAT…`.
    public static func withheld(_ message: String) -> String? {
        // Already withheld: a report may pass through redaction twice.
        if find("withheld under --redact", in: message[...]) != nil { return nil }
        guard let colon = find(": ", in: message[...]) else { return nil }
        let path = message[..<colon.lowerBound]
        // A path is keys (step names and job families with their hyphens) and indexes; a
        // message without one starts with words.
        guard !path.isEmpty, path.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.[]-".contains($0)) }) else { return nil }
        let parts = path.split(separator: ".").map { part in part.firstIndex(of: "[").map { String(part[..<$0]) } ?? String(part) }
        let last = parts.last ?? ""
        guard keys.contains(last) || (parts.count >= 2 && parents.contains(parts[parts.count - 2])) else { return nil }
        let rest = message[colon.upperBound...]
        if rest.hasPrefix("unknown key '"), let end = find("' in ", in: rest, last: true) {
            // The suggestion and the valid keys that follow are the format's own words.
            return "\(path): unknown key (name withheld under --redact) in " + rest[end.upperBound...]
        }
        guard rest.hasPrefix("expected "), let found = find(", found ", in: rest) else { return nil }
        let expected = rest[..<found.lowerBound]
        let what = rest[found.upperBound...]
        var noun: String
        if what.hasPrefix("the string ") {
            noun = "text that is not a number"
        } else if what.hasPrefix("the number ") {
            noun = "a number"
        } else if what.hasPrefix("the boolean ") {
            noun = "a boolean"
        } else if let kept = ["a list", "a mapping", "an empty value", "an empty list"].first(where: { what.hasPrefix($0) }) {
            noun = kept
        } else {
            noun = "a value"
        }
        noun += " (value withheld under --redact)"
        let wantsNumber = ["amount", "number", "fraction"].contains { expected.contains($0) }
        let fix = wantsNumber ? ": write a plain number, without quotes, separators, units or currency signs" : ""
        return "\(path): \(expected), found \(noun)\(fix)"
    }

    /// The first (or last) occurrence of `needle` in `text`: LadderModel does without Foundation.
    static func find(_ needle: String, in text: Substring, last: Bool = false) -> Range<Substring.Index>? {
        var hit: Range<Substring.Index>?
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix(needle) {
                hit = i..<text.index(i, offsetBy: needle.count)
                if !last { return hit }
            }
            i = text.index(after: i)
        }
        return hit
    }
}
