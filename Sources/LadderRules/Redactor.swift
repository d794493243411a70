import Foundation
import LadderModel
import LadderYAML

/// `--redact`: removes every money amount of the input from text, in any number formatting
/// (150000, 150,000, 150.000, 150 000, 150_000, 150000.0, 150k). Typed amounts (evidence,
/// metrics, message arguments) are redacted where they are rendered; this pass is the safety
/// net for free text such as a decoder message quoting a mistyped amount.
public struct Redactor: Sendable {
    public let amounts: Set<Double>

    public init(amounts: Set<Double>) {
        self.amounts = amounts
    }

    /// The money amounts of a compensation document: every min, mid and max value, even ones
    /// that did not decode (a quoted or separated number is still someone's pay).
    public static func amounts(in root: Node) -> [Double] {
        guard root.pair("kind")?.value.scalarText == "compensation" else { return [] }
        var out: [Double] = []
        var stack = [root]
        while let node = stack.popLast() {
            switch node.content {
            case .scalar: continue
            case .sequence(let items): stack += items
            case .mapping(let pairs):
                // A derived midpoint is money too.
                if node.pair("mid") == nil, let lo = node.pair("min")?.value.scalarText.flatMap(Self.number),
                   let hi = node.pair("max")?.value.scalarText.flatMap(Self.number)
                {
                    out.append((lo + hi) / 2)
                }
                for p in pairs {
                    if let k = p.key.scalarText, k == "min" || k == "mid" || k == "max", let t = p.value.scalarText,
                       let v = Self.number(t)
                    {
                        out.append(v)
                    }
                    stack.append(p.value)
                }
            }
        }
        return out
    }

    /// A number written with any common separators, or nil.
    static func number(_ text: String) -> Double? {
        let cleaned = text.filter { $0 != "_" && $0 != "," && $0 != " " && $0 != "'" && $0 != "\u{A0}" }
        return Double(cleaned)
    }

    public func scrub(_ text: String) -> String {
        guard !amounts.isEmpty else { return text }
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else {
                out.append(chars[i])
                i += 1
                continue
            }
            // A run of digits with single separators between digit groups.
            var j = i
            while j < chars.count {
                if chars[j].isASCII && chars[j].isNumber { j += 1; continue }
                if j + 1 < chars.count, ",._' \u{A0}".contains(chars[j]), chars[j + 1].isASCII, chars[j + 1].isNumber { j += 1; continue }
                break
            }
            var token = String(chars[i..<j])
            var end = j
            var scale = 1.0
            if j < chars.count, chars[j] == "k" || chars[j] == "K" {
                scale = 1000
                end = j + 1
            }
            if matches(token, scale: scale) {
                out += "[redacted]"
                i = end
                continue
            }
            // A shorter reading: drop a trailing separator group that may be sentence punctuation.
            if let cut = token.lastIndex(where: { ",. ".contains($0) }), matches(String(token[..<cut]), scale: 1) {
                token = String(token[..<cut])
                out += "[redacted]"
                i += token.count
                continue
            }
            out += String(chars[i..<j])
            i = j
        }
        return out
    }

    private func matches(_ token: String, scale: Double) -> Bool {
        var readings: [String] = [token.filter { $0 != "," && $0 != "_" && $0 != "'" && $0 != " " && $0 != "\u{A0}" }]
        // "150.000" may be a thousands separator (European style): read it without dots too.
        readings.append(readings[0].filter { $0 != "." })
        // "150,5" may be a decimal comma.
        if token.filter({ $0 == "," }).count == 1 { readings.append(token.replacingOccurrences(of: ",", with: ".").filter { $0 != "_" && $0 != " " }) }
        for r in readings {
            if let v = Double(r), amounts.contains(v * scale) { return true }
        }
        return false
    }

    /// A finding with every text field scrubbed.
    public func scrub(_ f: Finding) -> Finding {
        var g = f.with(message: scrub(f.message))
        g.evidence = f.evidence.map { e in
            switch e.value {
            case .amount: return Evidence(e.key, .string("[redacted]"))
            case .string(let s): return Evidence(e.key, .string(scrub(s)))
            case .strings(let l): return Evidence(e.key, .strings(l.map(scrub)))
            default: return e
            }
        }
        if let s = f.suppression { g.suppression = Suppression(kind: s.kind, reason: scrub(s.reason), expires: s.expires) }
        return g
    }
}
