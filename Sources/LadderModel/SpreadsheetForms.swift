import LadderYAML

/// Numbers as people type them in spreadsheets (`$216,000`, `216,000 USD`, `187k`, `1.2M`,
/// `10%`, `150_000`, `0,1`), read only to tell them the form YAML takes: a ladder file is the
/// canonical format, so these stay errors there, with "write 216000" in the message. The forms
/// are the ones `CellValues` (LadderTables) reads in a CSV cell with `decimal: point`.
enum SpreadsheetForms {
    /// What the key takes: an amount (or a count), or a fraction or factor, where `10%` is 0.1.
    enum Expected {
        case amount, fraction
    }

    /// The hint for `text`, a string where a number was expected: "write 216000, without the
    /// currency sign and separators". Nil when it reads as none of the forms.
    static func hint(_ text: String, _ expected: Expected) -> String? {
        var s = Substring(text).trimmingSpaces
        guard !s.isEmpty else { return nil }
        if let comma = decimalComma(s) { return "write \(comma), with a decimal point" }
        var percent = false
        if s.last == "%" {
            percent = true
            s = s.dropLast().trimmingSpaces
        }
        var negative = false
        if let first = s.first, first == "-" || first == "\u{2212}" {
            negative = true
            s = s.dropFirst().trimmingSpaces
        }
        var dropped: [String] = []
        if let (rest, what) = withoutCurrency(s) {
            s = rest
            dropped.append(what)
            if !negative, let first = s.first, first == "-" || first == "\u{2212}" {
                negative = true
                s = s.dropFirst().trimmingSpaces
            }
        }
        var scale = 1.0
        var suffix: String?
        if !percent, let last = s.last, "kKmM".contains(last) {
            scale = last == "k" || last == "K" ? 1_000 : 1_000_000
            suffix = "the \(last)"
            s = s.dropLast().trimmingSpaces
        }
        guard let (number, grouped) = groupedNumber(s) else { return nil }
        if grouped { dropped.append("separators") }
        if let suffix { dropped.append(suffix) }
        let value = (negative ? -number : number) * scale
        guard value.isFinite else { return nil }
        if percent {
            guard expected == .fraction, dropped.allSatisfy({ $0 == "separators" }) else { return nil }
            let fraction = plain(value / 100)
            return "write \(fraction) (\(Escape.capped(text, 40)) is \(fraction))"
        }
        // A plain number in quotes is the caller's ("remove the quotes").
        guard !dropped.isEmpty else { return nil }
        return "write \(plain(value)), without \(list(dropped))"
    }

    /// `0,1` or `1,25`: one comma and one or two digits after it, a decimal in the other
    /// convention (three digits after it are a thousands separator).
    private static func decimalComma(_ s: Substring) -> String? {
        let parts = s.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) || ($0.first == "-" && $0.dropFirst().allSatisfy(\.isASCIIDigit) && !$0.dropFirst().isEmpty) })
        else { return nil }
        return "\(parts[0]).\(parts[1])"
    }

    static let signs: [String] = ["$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "₱", "₦", "¢", "฿", "₴", "₸", "₡", "₲", "₵"]

    /// `s` without a leading or trailing currency sign (`$`, `US$`, `€`) or ISO code (`USD`),
    /// and what was taken off ("the currency sign", "the currency code").
    private static func withoutCurrency(_ s: Substring) -> (Substring, String)? {
        // Letters before a sign: US$, C$, A$, R$.
        let letters = s.prefix { $0.isASCII && $0.isLetter }
        if letters.count <= 3, let sign = signs.first(where: { s.dropFirst(letters.count).hasPrefix($0) }) {
            return (s.dropFirst(letters.count + sign.count).trimmingSpaces, "the currency sign")
        }
        if let sign = signs.first(where: { s.hasSuffix($0) }) {
            return (s.dropLast(sign.count).trimmingSpaces, "the currency sign")
        }
        if letters.count == 3, letters.allSatisfy(\.isUppercase) {
            return (s.dropFirst(3).trimmingSpaces, "the currency code")
        }
        let trailing = s.reversed().prefix { $0.isASCII && $0.isLetter }
        if trailing.count == 3, trailing.allSatisfy(\.isUppercase) {
            return (s.dropLast(3).trimmingSpaces, "the currency code")
        }
        return nil
    }

    /// Digits grouped in threes by `,`, `_`, `'` or spaces (the first group of 1 to 3), with an
    /// optional decimal part after a point; and whether there were separators.
    private static func groupedNumber(_ s: Substring) -> (Double, Bool)? {
        var digits = ""
        var groups = 1, current = 0
        var fraction = -1
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            i = s.index(after: i)
            if c.isASCIIDigit {
                digits.append(c)
                if fraction >= 0 { fraction += 1 } else { current += 1 }
            } else if c == "." {
                guard fraction < 0 else { return nil }
                fraction = 0
                digits.append(c)
            } else if fraction < 0, c == "," || c == "_" || c == "'" || c == " " || c == "\u{A0}" || c == "\u{202F}" {
                guard groups == 1 ? (1...3).contains(current) : current == 3 else { return nil }
                // `1, 500`: a space after the comma.
                while i < s.endIndex, s[i] == " " { i = s.index(after: i) }
                groups += 1
                current = 0
            } else {
                return nil
            }
        }
        guard fraction != 0, groups == 1 ? current >= 1 : current == 3, let value = Double(digits) else { return nil }
        return (value, groups > 1)
    }

    /// 216000 for 216000.0, 0.1 as written; `1.2 * 1e6` comes out whole.
    static func plain(_ value: Double) -> String {
        let rounded = (value * 1e9).rounded() / 1e9
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

/// What YAML made of a number written with thousands separators in a flow mapping:
/// `{min: 168,000}` is `min: 168` and a key `000` with no value (a second `000` in the same
/// mapping is the loader's duplicate key, and dropped). The value and the digit keys after it,
/// each starting within two columns of the end of the one before (`,` or `, `), are one number.
struct FlowSplit {
    /// `168,000`, as written.
    var text: String
    var first: String
    var keys: [String]
    /// From the value through the last key.
    var span: Span

    /// "found 168,000, which a flow mapping splits at the comma into 168 and a key '000'".
    var found: String {
        let into = keys.count == 1 ? "a key '\(keys[0])'" : "the keys \(keys.map { "'\($0)'" }.joined(separator: ", "))"
        return "\(Escape.capped(text, 80)), which a flow mapping splits at the comma\(keys.count == 1 ? "" : "s") into \(Escape.capped(first, 80)) and \(into)"
    }

    /// The whole message after the path: "expected E, found …: write 168000, …".
    func message(expected: String, _ kind: SpreadsheetForms.Expected) -> String {
        var m = "expected \(expected), found \(found)"
        if let hint = SpreadsheetForms.hint(text, kind) { m += ": \(hint)" }
        return m
    }

    /// A key that continues a split number: digits only, 1 to 3 of them, with no value.
    static func isDigitKey(_ key: TableNode, value: TableNode) -> Bool {
        guard let (style, tagged) = key.scalarStyle, style == .plain, !tagged, let t = key.scalarText,
              (1...3).contains(t.utf8.count), t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        guard let (vs, vt) = value.scalarStyle, !vt, vs == .plain, case .null? = value.scalarValue else { return false }
        return true
    }

    static func adjacent(_ end: Mark, _ start: Mark) -> Bool {
        end.line == start.line && (1...2).contains(start.column - end.column)
    }

    /// The split number whose first part is the value of pair `i` of `mapping`, if digit keys
    /// follow it (in the mapping, or dropped by the loader as duplicates:
    /// `context.droppedDigitKeys`, which records those it claims).
    static func at(_ mapping: TableNode, pair i: Int, _ context: DecodeContext) -> FlowSplit? {
        let value = mapping.value(i)
        guard let (style, tagged) = value.scalarStyle, style == .plain, !tagged, let first = value.scalarText else { return nil }
        var end = value.span.end
        var text = first
        var keys: [String] = []
        func add(_ key: String, _ span: Span) {
            // The text as written: a comma, and the space after it when there was one.
            text += span.start.column - end.column == 2 ? ", " : ","
            text += key
            keys.append(key)
            end = span.end
        }
        var j = i + 1
        while true {
            if j < mapping.count, isDigitKey(mapping.key(j), value: mapping.value(j)), adjacent(end, mapping.key(j).span.start) {
                add(mapping.key(j).scalarText!, mapping.key(j).span)
                j += 1
            } else if !context.droppedDigitKeys.isEmpty, let d = context.droppedDigitKeys.first(where: { adjacent(end, $0.span.start) }) {
                context.claimedDigitKeys.insert(d.span)
                add(d.text, d.span)
            } else {
                break
            }
        }
        guard !keys.isEmpty else { return nil }
        return FlowSplit(text: text, first: first, keys: keys, span: Span(start: value.span.start, end: end))
    }

    /// Whether the key of pair `i` continues the value of the pair before it (so it is no key
    /// of its own to report).
    static func continues(_ mapping: TableNode, pair i: Int) -> Bool {
        guard i > 0, isDigitKey(mapping.key(i), value: mapping.value(i)) else { return false }
        let start = mapping.key(i).span.start
        let key = mapping.key(i - 1), value = mapping.value(i - 1)
        if isDigitKey(key, value: value) { return adjacent(key.span.end, start) }
        guard let (style, tagged) = value.scalarStyle, style == .plain, !tagged else { return false }
        return adjacent(value.span.end, start)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
