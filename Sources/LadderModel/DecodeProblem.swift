import LadderYAML

/// Collects the problems of decoding one document, and the ids of elements that could not be
/// decoded, so that references to them are not reported a second time as unknown.
final class DecodeContext {
    var problems: [(span: Span, message: String)] = []
    var brokenIDs: [BrokenID] = []

    func fail(_ span: Span, _ path: String, _ message: String) {
        problems.append((span, path.isEmpty ? message : "\(path): \(message)"))
    }
}

/// An id whose element was dropped because it was invalid.
public struct BrokenID: Sendable, Hashable {
    public enum Scope: String, Sendable {
        case ladder, track, level
        /// A document of kind `id` belonging to `ladder` lost elements or was left out: checks
        /// that judge that kind's whole set would judge an incomplete set.
        case incomplete
    }
    public var scope: Scope
    public var ladder: String?
    public var id: String
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
