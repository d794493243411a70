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
    ///
    /// Read on the UTF-8 bytes: a bands export holds tens of thousands of these cells, and
    /// reading them by `Character` cost ~40,000 instructions a cell.
    public static func amount(_ text: String, decimal: DecimalMark) -> CellReading {
        var text = text
        return text.withUTF8 { amount(Bytes($0), decimal: decimal) }
    }

    static func amount(_ whole: Bytes, decimal: DecimalMark) -> CellReading {
        var s = whole.trimmed()
        if s.isEmpty { return .blank }
        var negative = false
        if s.first == UInt8(ascii: "("), s.last == UInt8(ascii: ")") {
            negative = true
            s = s.dropFirst(1).dropLast(1)
        }
        s = stripCurrency(s)
        if let n = s.minusLength() {
            negative.toggle()
            s = stripCurrency(s.dropFirst(n))
        }
        var scale = 1.0
        if let last = s.last, last | 0x20 == UInt8(ascii: "k") || last | 0x20 == UInt8(ascii: "m") {
            scale = last | 0x20 == UInt8(ascii: "k") ? 1_000 : 1_000_000
            s = s.dropLast(1).trimmed()
        }
        // Beyond Double's range (a 400-digit cell, 1e306 with `k`): unreadable, as the YAML
        // decoder refuses a non-finite amount, never an infinite band.
        guard let v = number(s, decimal: decimal), (v * scale).isFinite else { return .unreadable }
        return .value((negative ? -v : v) * scale)
    }

    /// A fraction of base: `10%` is 0.10; a number without `%` is a percentage when the column's
    /// header says so (`Target Bonus %`), else a fraction as the YAML format writes it.
    public static func fraction(_ text: String, decimal: DecimalMark, headerIsPercent: Bool) -> CellReading {
        var text = text
        return text.withUTF8 { buffer in
            var s = Bytes(buffer).trimmed()
            if s.isEmpty { return .blank }
            var percent = headerIsPercent
            if s.last == UInt8(ascii: "%") {
                percent = true
                s = s.dropLast(1).trimmed()
            }
            var negative = false
            if let n = s.minusLength() {
                negative = true
                s = s.dropFirst(n)
            }
            guard let v = number(s, decimal: decimal), v.isFinite else { return .unreadable }
            let signed = negative ? -v : v
            return .value(percent ? signed / 100 : signed)
        }
    }

    /// Digits with thousands separators in groups of three and an optional decimal part.
    /// Point: `,` (or a space, `'`) groups, `.` decimal. Comma: `.` (or a space, `'`) groups,
    /// `,` decimal. A separator that does not split groups of three (`187,12`) is unreadable:
    /// it is a decimal in the other convention, and guessing would misread pay by 1,000×.
    static func number(_ s: Bytes, decimal: DecimalMark) -> Double? {
        let decimalByte = decimal == .point ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let groupByte = decimal == .point ? UInt8(ascii: ",") : UInt8(ascii: ".")
        var digits: [UInt8] = []
        digits.reserveCapacity(s.count)
        var groups = 1, current = 0
        var fractionDigits = -1
        var i = s.start
        while i < s.end {
            let c = s.base[i]
            if c >= 48 && c <= 57 {
                digits.append(c)
                if fractionDigits >= 0 { fractionDigits += 1 } else { current += 1 }
                i += 1
                continue
            }
            if c == decimalByte {
                guard fractionDigits < 0 else { return nil }
                fractionDigits = 0
                digits.append(UInt8(ascii: "."))
                i += 1
                continue
            }
            guard fractionDigits < 0 else { return nil }
            let separator: Int
            if c == groupByte || c == UInt8(ascii: " ") || c == UInt8(ascii: "'") {
                separator = 1
            } else if c == 0xC2, i + 1 < s.end, s.base[i + 1] == 0xA0 {
                separator = 2  // no-break space
            } else if c == 0xE2, i + 2 < s.end, s.base[i + 1] == 0x80, s.base[i + 2] == 0xAF {
                separator = 3  // narrow no-break space
            } else {
                return nil
            }
            // A group ends: the first may hold 1 to 3 digits, every later one exactly 3.
            if groups == 1 {
                guard (1...3).contains(current) else { return nil }
            } else {
                guard current == 3 else { return nil }
            }
            groups += 1
            current = 0
            i += separator
        }
        if groups > 1 {
            guard current == 3 else { return nil }
        } else {
            guard current >= 1 else { return nil }
            // `95.000` or `95,000` with nothing else: a thousands separator in one convention,
            // a decimal in the other. Money is not written to three decimals; refused, so the
            // message can ask for the file's `decimal:` setting.
            if fractionDigits == 3 { return nil }
        }
        if fractionDigits == 0 { return nil }
        if fractionDigits < 0, digits.count <= 18 {
            var v: Int64 = 0
            for d in digits { v = v * 10 + Int64(d - 48) }
            return Double(v)
        }
        return Double(String(decoding: digits, as: UTF8.self))
    }

    /// Currency signs, as UTF-8.
    static let currencySigns: [[UInt8]] = ["$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "₱", "₦", "¢", "฿", "₴", "₸", "₡", "₲", "₵"].map { Array($0.utf8) }

    /// Without a leading or trailing currency sign (`$`, `US$`, `€`) or ISO code (`USD`).
    static func stripCurrency(_ text: Bytes) -> Bytes {
        var s = text.trimmed()
        // Letters before a sign (US$, C$, A$, R$), or a three-letter code.
        var letters = 0
        while letters < 4, s.start + letters < s.end, s.base[s.start + letters].isASCIILetter { letters += 1 }
        if letters <= 3, let sign = s.dropFirst(letters).signPrefix() {
            s = s.dropFirst(letters + sign)
        } else if letters == 3, s.dropFirst(3).first.map({ !$0.isASCIILetter }) ?? true, s.prefixIsUppercase(3) {
            s = s.dropFirst(3)
        }
        s = s.trimmed()
        if let n = s.signPrefix() { s = s.dropFirst(n).trimmed() }
        if let n = s.signSuffix() { s = s.dropLast(n).trimmed() }
        var trailing = 0
        while trailing < 4, s.end - trailing - 1 >= s.start, s.base[s.end - trailing - 1].isASCIILetter { trailing += 1 }
        if trailing == 3, s.suffixIsUppercase(3) { s = s.dropLast(3).trimmed() }
        return s
    }

    /// `text` without white space at either end.
    public static func trimmed(_ text: String) -> Substring {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}

/// A range of a cell's UTF-8 bytes, narrowed without copying.
struct Bytes {
    let base: UnsafeBufferPointer<UInt8>
    var start: Int
    var end: Int

    init(_ base: UnsafeBufferPointer<UInt8>) {
        self.base = base
        start = 0
        end = base.count
    }

    var isEmpty: Bool { start >= end }
    var count: Int { end - start }
    var first: UInt8? { isEmpty ? nil : base[start] }
    var last: UInt8? { isEmpty ? nil : base[end - 1] }

    func dropFirst(_ n: Int) -> Bytes {
        var b = self
        b.start = min(end, start + n)
        return b
    }

    func dropLast(_ n: Int) -> Bytes {
        var b = self
        b.end = max(start, end - n)
        return b
    }

    /// Without spaces, tabs, line breaks and no-break spaces at either end.
    func trimmed() -> Bytes {
        var b = self
        while b.start < b.end {
            let c = base[b.start]
            if c == 32 || (9...13).contains(c) { b.start += 1 } else if c == 0xC2, b.start + 1 < b.end, base[b.start + 1] == 0xA0 { b.start += 2 } else { break }
        }
        while b.start < b.end {
            let c = base[b.end - 1]
            if c == 32 || (9...13).contains(c) { b.end -= 1 } else if c == 0xA0, b.end - 2 >= b.start, base[b.end - 2] == 0xC2 { b.end -= 2 } else { break }
        }
        return b
    }

    func hasPrefix(_ p: [UInt8]) -> Bool {
        guard count >= p.count else { return false }
        for k in 0..<p.count where base[start + k] != p[k] { return false }
        return true
    }

    func hasSuffix(_ p: [UInt8]) -> Bool {
        guard count >= p.count else { return false }
        for k in 0..<p.count where base[end - p.count + k] != p[k] { return false }
        return true
    }

    /// The length of a currency sign this starts (ends) with.
    func signPrefix() -> Int? { CellValues.currencySigns.first(where: hasPrefix)?.count }
    func signSuffix() -> Int? { CellValues.currencySigns.first(where: hasSuffix)?.count }

    /// The length of a minus sign (`-` or U+2212) this starts with.
    func minusLength() -> Int? {
        if first == UInt8(ascii: "-") { return 1 }
        return hasPrefix([0xE2, 0x88, 0x92]) ? 3 : nil
    }

    func prefixIsUppercase(_ n: Int) -> Bool {
        count >= n && (0..<n).allSatisfy { (65...90).contains(base[start + $0]) }
    }

    func suffixIsUppercase(_ n: Int) -> Bool {
        count >= n && (0..<n).allSatisfy { (65...90).contains(base[end - n + $0]) }
    }
}

extension UInt8 {
    var isASCIILetter: Bool { (65...90).contains(self) || (97...122).contains(self) }
}

