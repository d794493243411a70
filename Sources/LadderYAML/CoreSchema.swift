/// YAML 1.2 core schema resolution of plain scalars, written by hand because libyaml only
/// tokenises: it leaves every scalar a string and applies no schema.
public enum CoreSchema {
    public static func resolve(_ text: String, style: ScalarStyle, tag: String?) -> ScalarValue {
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:str", "!": return .string(text)
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool": return resolvePlain(text).flatMap { if case .bool = $0 { $0 } else { nil } } ?? .string(text)
            case "tag:yaml.org,2002:int":
                if let v = resolvePlain(text), case .int = v { return v }
                return .string(text)
            case "tag:yaml.org,2002:float":
                if let v = resolvePlain(text) {
                    if case .int(let i) = v { return .float(Double(i)) }
                    if case .float = v { return v }
                }
                return .string(text)
            default: return .string(text)
            }
        }
        guard style == .plain else { return .string(text) }
        return resolvePlain(text) ?? .string(text)
    }

    static func resolvePlain(_ text: String) -> ScalarValue? {
        // Most scalars are words; the first byte rules out every non-string type for them
        // without comparing or copying the text.
        guard let c0 = text.utf8.first else { return .null }
        switch c0 {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            switch text {
            case "~", "null", "Null", "NULL": return .null
            default: return nil
            }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: return nil
            }
        case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
            switch text {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
            case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
            case ".nan", ".NaN", ".NAN": return .float(.nan)
            default: break
            }
        default:
            guard isDigit(c0) else { return nil }
        }
        // Read the bytes in place: copying them into an Array cost an allocation per number.
        var bytes = text
        return bytes.withUTF8 { number(text, $0) }
    }

    /// A plain scalar whose first byte may start a number: an int, a float, or nil for a string.
    private static func number(_ text: String, _ u: UnsafeBufferPointer<UInt8>) -> ScalarValue? {
        let c0 = u[0]
        if u.count > 2, c0 == UInt8(ascii: "0") {
            if u[1] == UInt8(ascii: "o") {
                let digits = u[2...]
                guard digits.allSatisfy({ $0 >= 48 && $0 <= 55 }) else { return nil }
                return integer(digits, radix: 8)
            }
            if u[1] == UInt8(ascii: "x") {
                let digits = u[2...]
                guard digits.allSatisfy({ isHex($0) }) else { return nil }
                return integer(digits, radix: 16)
            }
        }
        // [-+]? [0-9]+
        var i = 0
        if c0 == UInt8(ascii: "-") || c0 == UInt8(ascii: "+") { i = 1 }
        var intDigits = 0
        while i < u.count, isDigit(u[i]) {
            i += 1
            intDigits += 1
        }
        if i == u.count {
            guard intDigits > 0 else { return nil }
            if let v = decimal(u) { return .int(v) }
            return .float(Double(text) ?? .nan)
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var fracDigits = 0
        if u[i] == UInt8(ascii: ".") {
            i += 1
            while i < u.count, isDigit(u[i]) {
                i += 1
                fracDigits += 1
            }
        }
        guard intDigits > 0 || fracDigits > 0 else { return nil }
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { i += 1 }
            var expDigits = 0
            while i < u.count, isDigit(u[i]) {
                i += 1
                expDigits += 1
            }
            guard expDigits > 0 else { return nil }
        }
        guard i == u.count else { return nil }
        if let d = exactDecimal(u, digits: intDigits + fracDigits, fraction: fracDigits) { return .float(d) }
        guard let d = Double(text) else { return nil }
        return .float(d)
    }

    /// Powers of ten that a Double holds exactly.
    private static let exactPowers: [Double] = (0...22).map { (0..<$0).reduce(1.0) { p, _ in p * 10 } }

    /// `[-+]? digits . digits`, without exponent, as the nearest Double, when at most 15 digits
    /// in all: the digits then make an integer below 2^53 and the divisor a power of ten up to
    /// 10^15, both exact, and IEEE division rounds their quotient correctly, so the result is the
    /// one `Double(text)` (strtod) gives, without its cost (a third of decoding a band's numbers).
    /// Nil for anything else, which `Double(text)` reads.
    private static func exactDecimal(_ u: UnsafeBufferPointer<UInt8>, digits: Int, fraction: Int) -> Double? {
        guard digits <= 15 else { return nil }
        var m: Int64 = 0
        var negative = false
        for b in u {
            if isDigit(b) {
                m = m * 10 + Int64(b &- 48)
            } else if b == UInt8(ascii: "-") {
                negative = true
            } else if b != UInt8(ascii: "+") && b != UInt8(ascii: ".") {
                return nil  // an exponent
            }
        }
        let d = Double(m) / exactPowers[fraction]
        return negative ? -d : d
    }

    /// `[-+]?[0-9]+` as an Int, nil when it does not fit: what `Int(text)` gives, without
    /// its generic parsing. Accumulates downwards so that Int.min fits.
    private static func decimal(_ u: UnsafeBufferPointer<UInt8>) -> Int? {
        let negative = u[0] == UInt8(ascii: "-")
        var i = negative || u[0] == UInt8(ascii: "+") ? 1 : 0
        var v = 0
        while i < u.count {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (d, o2) = m.subtractingReportingOverflow(Int(u[i] &- 48))
            if o1 || o2 { return nil }
            v = d
            i += 1
        }
        if negative { return v }
        return v == .min ? nil : -v
    }

    /// An octal or hexadecimal integer; one too big for `Int` becomes the nearest float, as a
    /// too-big decimal does, rather than a string or NaN.
    static func integer(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: Int) -> ScalarValue {
        if let v = Int(String(decoding: digits, as: UTF8.self), radix: radix) { return .int(v) }
        var d = 0.0
        for c in digits {
            let v = isDigit(c) ? Int(c) - 48 : Int(c | 0x20) - 87
            d = d * Double(radix) + Double(v)
        }
        return .float(d)
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) static func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
    }
}
