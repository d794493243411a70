/// Number formatting for messages: thousands separators, fixed decimals, no locale.
/// Hand-written so output is the same on every machine, whatever its locale.
public enum Format {
    /// 260000 -> "260,000"; 1234.5 -> "1,234.5".
    public static func grouped(_ value: Double) -> String {
        // Beyond Int64's exact range (or not finite), the plain form: an absurd amount in a
        // ladder file must give a message, never a trap.
        guard value.isFinite, abs(value) < 1e15 else { return plain(value) }
        // A nonzero amount that rounds to 0.00 would read as nothing at all.
        if value != 0, abs(value) < 0.005 { return plain(value) }
        let negative = value < 0
        let v = abs(value)
        let whole = v.rounded(.down)
        var frac = v - whole
        let digits = Array(String(Int64(whole)).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(d)
        }
        var result = String(decoding: out, as: UTF8.self)
        frac = (frac * 100).rounded() / 100
        if frac > 0 {
            let cents = Int((frac * 100).rounded())
            if cents >= 100 {
                return grouped((negative ? -1 : 1) * (whole + 1))
            }
            let s = cents < 10 ? "0\(cents)" : "\(cents)"
            result += "." + (s.hasSuffix("0") ? String(s.dropLast()) : s)
        }
        return negative ? "-" + result : result
    }

    /// An amount with its currency: "260,000 USD".
    public static func amount(_ value: Double, _ currency: String) -> String {
        "\(grouped(value)) \(currency)"
    }

    /// A number as written in YAML or JSON: 0.1, 12, 1.0833.
    public static func plain(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var s = String(value)
        if s.utf8.contains(UInt8(ascii: "e")) { return s }
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// 0.0833 -> "8.3%".
    public static func percent(_ fraction: Double) -> String {
        // A ratio of finite amounts can still be infinite (x / 5e-324).
        guard fraction.isFinite else { return fraction.isNaN ? "undefined %" : (fraction < 0 ? "-∞%" : "∞%") }
        let whole = fraction * 100
        if abs(whole) < 1e15 { return plain((fraction * 1000).rounded() / 10) + "%" }
        if whole.isFinite { return plain(whole) + "%" }
        // A fraction near Double.greatestFiniteMagnitude: times 100 it is inf, so the exponent
        // of its own text is moved by two instead.
        return shifted(fraction, decimalExponentBy: 2) + "%"
    }

    /// `value` times 10^k, written from its own exponent form so that it cannot overflow:
    /// (1.5e+307, 2) -> "1.5e+309". Only for values whose text has an exponent.
    static func shifted(_ value: Double, decimalExponentBy k: Int) -> String {
        let s = String(value)
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }), let exp = Int(s[s.index(after: e)...]) else { return s }
        let shiftedExp = exp + k
        return s[..<e] + "e" + (shiftedExp < 0 ? "-" : "+") + String(shiftedExp.magnitude)
    }

    /// The size of a grade change, whatever its sign: -2 -> "2 grades", 1 -> "1 grade".
    /// `magnitude`, not `abs`: abs(Int.min) traps, and grade_change comes from the file.
    public static func grades(_ change: Int) -> String {
        let n = change.magnitude
        return "\(n) grade" + (n == 1 ? "" : "s")
    }

    /// Rounds to `places` decimals, for ratios in JSON.
    public static func round(_ value: Double, _ places: Int) -> Double {
        // Past 2^52 every double is whole; scaling it up could only overflow to inf.
        guard value.isFinite, abs(value) < 1e15 else { return value }
        var f = 1.0
        for _ in 0..<places { f *= 10 }
        return (value * f).rounded() / f
    }
}
