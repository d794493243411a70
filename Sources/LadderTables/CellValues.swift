/// How a spreadsheet writes the decimal mark: `187,123.50` (point) or `187.123,50` (comma, as
/// European locales export).
public enum DecimalMark: String, Sendable, CaseIterable {
    case point, comma
}

/// What a cell of a money or percentage column holds.
public enum CellReading: Sendable, Equatable {
    case blank
    case value(Double)
    case unreadable
}

/// Cell values as spreadsheets write them: currency signs and codes, thousands separators,
/// `k`/`M` suffixes, percentages. Written by hand: this is the format's reading of a cell
/// (which forms are money, which grouping is a thousands separator), not a general number
/// parser; Foundation's NumberFormatter reads locale formats but accepts `187,12` as 18712.
public enum CellValues {
    /// The forms an amount may take, for messages.
    public static func amountForms(_ decimal: DecimalMark) -> String {
        switch decimal {
        case .point: "187123, 187,123, 187123.50, $187,123, USD 187,123, 187k, 1.2M"
        case .comma: "187123, 187.123, 187.123,50, €187.123, 187.123 EUR, 187k, 1,2M"
        }
    }

    public static let percentForms = "10%, 10 %, 0.10"

    /// An amount: `$187,123`, `187,123`, `187k`, `€95.000` (with `decimal: comma`), `USD 1,200`,
    /// `(1,200)` and `-1,200` (negative), blank.
    public static func amount(_ text: String, decimal: DecimalMark) -> CellReading {
        var s = Substring(trimmed(text))
        if s.isEmpty { return .blank }
        var negative = false
        if s.first == "(" && s.last == ")" {
            negative = true
            s = s.dropFirst().dropLast()
        }
        s = stripCurrency(s)
        if s.first == "-" || s.first == "\u{2212}" {
            negative.toggle()
            s = stripCurrency(s.dropFirst())
        }
        var scale = 1.0
        if let last = s.last, "kKmM".contains(last) {
            scale = last == "k" || last == "K" ? 1_000 : 1_000_000
            s = s.dropLast()
            while s.last == " " { s = s.dropLast() }
        }
        guard let v = number(s, decimal: decimal) else { return .unreadable }
        return .value((negative ? -v : v) * scale)
    }

    /// A fraction of base: `10%` is 0.10; a number without `%` is a percentage when the column's
    /// header says so (`Target Bonus %`), else a fraction as the YAML format writes it.
    public static func fraction(_ text: String, decimal: DecimalMark, headerIsPercent: Bool) -> CellReading {
        var s = Substring(trimmed(text))
        if s.isEmpty { return .blank }
        var percent = headerIsPercent
        if s.last == "%" {
            percent = true
            s = s.dropLast()
            while s.last == " " { s = s.dropLast() }
        }
        var negative = false
        if s.first == "-" || s.first == "\u{2212}" {
            negative = true
            s = s.dropFirst()
        }
        guard let v = number(s, decimal: decimal) else { return .unreadable }
        let signed = negative ? -v : v
        return .value(percent ? signed / 100 : signed)
    }

    /// Digits with thousands separators in groups of three and an optional decimal part.
    /// Point: `,` (or a space, `'`) groups, `.` decimal. Comma: `.` (or a space, `'`) groups,
    /// `,` decimal. A separator that does not split groups of three (`187,12`) is unreadable:
    /// it is a decimal in the other convention, and guessing would misread pay by 1,000×.
    static func number(_ s: Substring, decimal: DecimalMark) -> Double? {
        let decimalChar: Character = decimal == .point ? "." : ","
        let groupChars: Set<Character> = decimal == .point ? [",", " ", "'", "\u{A0}", "\u{202F}"] : [".", " ", "'", "\u{A0}", "\u{202F}"]
        var integer = s[...]
        var fraction: Substring = ""
        if let d = s.firstIndex(of: decimalChar) {
            integer = s[..<d]
            fraction = s[s.index(after: d)...]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        guard !integer.isEmpty else { return nil }
        var digits = ""
        var groups: [Int] = [0]
        for c in integer {
            if c.isASCIIDigit {
                digits.append(c)
                groups[groups.count - 1] += 1
            } else if groupChars.contains(c) {
                groups.append(0)
            } else {
                return nil
            }
        }
        if groups.count > 1 {
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        } else if fraction.count == 3 {
            // `95.000` or `95,000` with nothing else: a thousands separator in one convention,
            // a decimal in the other. Money is not written to three decimals; refused, so the
            // message can ask for the file's `decimal:` setting.
            return nil
        }
        return Double(fraction.isEmpty ? digits : digits + "." + fraction)
    }

    static let currencySigns: Set<Character> = ["$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "₱", "₦", "¢", "฿", "₴", "₸", "₡", "₲", "₵"]

    /// Without a leading or trailing currency sign (`$`, `US$`, `€`) or ISO code (`USD`).
    static func stripCurrency(_ text: Substring) -> Substring {
        var s = text
        func trim() {
            while let f = s.first, f == " " || f == "\u{A0}" { s = s.dropFirst() }
            while let l = s.last, l == " " || l == "\u{A0}" { s = s.dropLast() }
        }
        trim()
        // A code or letters before a sign: US$, C$, A$, R$.
        let letters = s.prefix { $0.isASCII && $0.isLetter }
        if letters.count <= 3, let next = s.dropFirst(letters.count).first, currencySigns.contains(next) {
            s = s.dropFirst(letters.count + 1)
        } else if letters.count == 3, letters.allSatisfy(\.isUppercase) {
            s = s.dropFirst(3)
        }
        trim()
        if let f = s.first, currencySigns.contains(f) { s = s.dropFirst() }
        trim()
        if let l = s.last, currencySigns.contains(l) { s = s.dropLast() }
        trim()
        let trailing = s.reversed().prefix { $0.isASCII && $0.isLetter }
        if trailing.count == 3, trailing.allSatisfy(\.isUppercase) {
            s = s.dropLast(3)
            trim()
        }
        return s
    }

    static func trimmed(_ text: String) -> Substring {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
