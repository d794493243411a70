import LadderModel
import LadderRules

/// Text helpers of the HTML report: escaping, and numbers written the same on every machine.
enum HTMLText {
    /// Escapes text for element content and double- or single-quoted attribute values (Escape.html).
    static func esc(_ s: String) -> String { Escape.html(s) }

    /// A coordinate for SVG: at most one decimal, so it can never read like an amount.
    static func n(_ v: Double) -> String {
        // Coordinates come from the scale, inside the chart; a bound keeps any slip finite.
        let v = v.isNaN ? 0 : Swift.min(Swift.max(v, -1e6), 1e6)
        let r = (v * 10).rounded() / 10
        return Format.plain(r == 0 ? 0 : r)
    }

    /// An amount as the report shows it, or "[redacted]".
    static func amount(_ v: Double?, redacted: Bool) -> String {
        guard let v else { return "–" }
        return redacted ? "[redacted]" : Format.grouped(v)
    }

    /// A ratio with the JSON metrics' 4 decimals, always written out: 1 -> "1.0000".
    static func ratio(_ r: Double?) -> String {
        guard let r, r.isFinite else { return "–" }
        // Beyond what Int64 holds in ten-thousandths, decimals mean nothing: the plain form.
        guard abs(r) < 1e14 else { return Format.plain(r) }
        let scaled = Int64((abs(r) * 10000).rounded())
        let frac = String(scaled % 10000)
        return (r < 0 ? "-" : "") + "\(scaled / 10000)." + String(repeating: "0", count: 4 - frac.count) + frac
    }

    /// A ratio (management ÷ IC) as people read a gap: 1.0746 -> "+7.5%", 0.97 -> "−3.0%",
    /// 1 -> "0.0%"; "–" without one. One decimal always, so a column lines up.
    static func gap(_ r: Double?) -> String {
        guard let r, r.isFinite else { return "–" }
        return percentChange(r - 1)
    }

    /// A fraction as a signed percentage with one decimal: 0.075 -> "+7.5%", -0.03 -> "−3.0%".
    static func percentChange(_ f: Double) -> String {
        guard f.isFinite else { return f.isNaN ? "–" : (f > 0 ? "+∞%" : "−∞%") }
        let tenths = (abs(f) * 1000).rounded()
        guard tenths < 1e15 else { return (f > 0 ? "+" : "−") + Format.plain(abs(f) * 100) + "%" }
        let whole = Int64(tenths) / 10, frac = Int64(tenths) % 10
        let sign = tenths == 0 ? "" : f > 0 ? "+" : "−"
        return "\(sign)\(whole).\(frac)%"
    }

    /// A fraction as a percentage with up to one decimal: 0.1 -> "10%", 0.125 -> "12.5%".
    static func share(_ f: Double) -> String { Format.percent(f) }

    /// An amount with its currency, "245,000 USD", or "[redacted]".
    static func money(_ v: Double?, _ currency: String, redacted: Bool) -> String {
        guard let v else { return "–" }
        return redacted ? "[redacted]" : Format.grouped(v) + "\u{A0}" + currency
    }

    /// A level as people know it: its title, the id in small print ("Senior Engineer swe-4");
    /// the id alone when the ladder gives no title. Escaped.
    static func level(_ id: String, _ titles: [String: String]) -> String {
        guard let t = titles[id], !t.isEmpty, t != id else { return "<code class=\"lid\">\(esc(id))</code>" }
        return "\(esc(t)) <small class=\"lid\">\(esc(id))</small>"
    }

    /// The same, as plain text: "Senior Engineer (swe-4)".
    static func levelText(_ id: String, _ titles: [String: String]) -> String {
        guard let t = titles[id], !t.isEmpty, t != id else { return id }
        return "\(t) (\(id))"
    }

    /// A fraction as a signed percentage: 0.1 -> "+10%", -0.05 -> "−5%", 0 -> "0%".
    static func signedPercent(_ f: Double) -> String {
        if f == 0 { return "0%" }
        return (f > 0 ? "+" : "−") + Format.percent(abs(f))
    }

    /// "+1 grade", "−2 grades", "no change".
    static func gradeChange(_ g: Int) -> String {
        if g == 0 { return "same grade" }
        return (g > 0 ? "+" : "−") + Format.grades(g)
    }

    /// "1 error", "2 warnings", "3 info".
    static func count(_ n: Int, _ word: String) -> String {
        "\(n) \(word)" + (n == 1 || word == "info" ? "" : "s")
    }

    /// An id fragment made of [a-z0-9-], for anchors; callers add an index for uniqueness.
    static func slug(_ s: String) -> String {
        var out = ""
        for c in s.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) { out.unicodeScalars.append(c) } else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : String(out.prefix(40))
    }

    /// Paragraphs of a YAML block text (blank-line separated), escaped.
    static func paragraphs(_ text: String) -> String {
        let blocks = text.split(separator: "\n\n", omittingEmptySubsequences: true)
            .map { $0.split(separator: "\n").map(trim).joined(separator: " ") }
            .filter { !$0.isEmpty }
        return blocks.map { "<p>" + esc($0) + "</p>" }.joined()
    }

    static func trim(_ s: Substring) -> String {
        var s = s
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// "file:line:column", as the text output writes it.
    static func location(_ f: Finding) -> String {
        "\(f.location.file):\(f.location.line):\(f.location.column)"
    }
}
