import LadderYAML

/// Reads one mapping of a document: reports unknown keys (with a suggestion and the valid
/// keys), missing keys (at the mapping) and wrong types (at the value), each with its key path.
struct MappingReader {
    let node: Node
    let anchor: Span
    let path: String
    let what: String
    let context: DecodeContext
    /// The valid keys, and for each the index of its pair in `list` (-1: absent). A dictionary
    /// per mapping cost more than the rest of decoding: mappings have a handful of keys.
    private let keys: [String]
    private let list: [Pair]
    private var slots: [Int]
    /// Valid keys suggested for unknown ones ("did you mean"): a typo of a required key is
    /// reported once, as the unknown key, not a second time as a missing one.
    private var suggested: Set<String> = []
    private(set) var ok: Bool

    /// `anchor` is where findings about the whole mapping point (its key, when it has one).
    init?(_ node: Node, anchor: Span, path: String, what: String, keys: [String], context: DecodeContext) {
        self.node = node
        self.anchor = anchor
        self.path = path
        self.what = what
        self.context = context
        self.ok = true
        self.keys = keys
        guard case .mapping(let list) = node.content else {
            context.fail(anchor, path, "expected \(what) (a mapping of keys), found \(node.kindDescription)")
            return nil
        }
        self.list = list
        self.slots = Array(repeating: -1, count: keys.count)
        for (i, p) in list.enumerated() {
            guard let k = p.key.scalarText, !p.key.isCollection else {
                context.fail(p.key.span, path, "expected a plain key, found \(p.key.kindDescription): use one of \(keys.joined(separator: ", "))")
                continue
            }
            if k.hasPrefix("x-") { continue }
            if let slot = keys.firstIndex(of: k) {
                slots[slot] = i
            } else {
                var message = "unknown key '\(k)' in \(what)"
                if let s = Suggest.nearest(k, in: keys) {
                    message += ": did you mean '\(s)'?"
                    suggested.insert(s)
                } else {
                    message += "."
                }
                message += " Valid keys: \(keys.joined(separator: ", "))"
                context.fail(p.key.span, path, message)
            }
        }
    }

    func sub(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func pair(_ key: String) -> Pair? {
        guard let slot = keys.firstIndex(of: key), slots[slot] >= 0 else { return nil }
        return list[slots[slot]]
    }

    func has(_ key: String) -> Bool { pair(key) != nil }

    func optional(_ key: String) -> Pair? {
        guard let p = pair(key) else { return nil }
        if Self.mayBeNull(p.value), case .null? = p.value.scalarValue { return nil }
        return p
    }

    /// False when the core schema cannot read `node` as null, decided without resolving it: a
    /// collection, or an untagged plain scalar that is not empty and starts with none of the
    /// characters that begin `~`, `null`, `Null`, `NULL`. Most values are answered here.
    static func mayBeNull(_ node: Node) -> Bool {
        guard case .scalar(let text, let style, let tag) = node.content else { return false }
        guard tag == nil else { return true }
        guard style == .plain else { return false }
        guard let c = text.utf8.first else { return true }
        return c == UInt8(ascii: "~") || c == UInt8(ascii: "n") || c == UInt8(ascii: "N")
    }

    /// `expected` is only built when the key is missing.
    mutating func required(_ key: String, _ expected: @autoclosure () -> String) -> Pair? {
        if let p = optional(key) { return p }
        ok = false
        if pair(key) == nil && suggested.contains(key) { return nil }
        context.fail(anchor, path, "\(what) lacks the required key '\(key)' (\(expected())): add it")
        return nil
    }

    // MARK: typed values

    mutating func string(_ key: String, required isRequired: Bool = true) -> Located<String>? {
        guard let p = isRequired ? required(key, "text") : optional(key) else { return nil }
        guard let text = p.value.scalarText, !p.value.isCollection else {
            return wrong(p, key, "text", hint: nil)
        }
        return Located(text, span: p.value.span)
    }

    mutating func int(_ key: String, required isRequired: Bool = true, min: Int? = nil) -> Located<Int>? {
        func expected() -> String { min.map { "a whole number >= \($0)" } ?? "a whole number" }
        guard let p = isRequired ? required(key, expected()) : optional(key) else { return nil }
        guard let v = Self.intValue(p.value) else { return wrong(p, key, expected(), hint: Self.numberHint(p.value)) }
        if let min, v < min {
            // One finding: the value is a whole number, just below the minimum.
            fail(p.value.span, key, "expected \(expected()), found \(v)")
            return nil
        }
        return Located(v, span: p.value.span)
    }

    static func intValue(_ node: Node) -> Int? {
        switch node.scalarValue {
        case .int(let v)?: return v
        case .float(let d)? where d.isFinite && d == d.rounded() && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }

    mutating func number(_ key: String, required isRequired: Bool = true, expected: String = "a number") -> Located<Double>? {
        guard let p = isRequired ? required(key, expected) : optional(key) else { return nil }
        switch p.value.scalarValue {
        case .int(let v)?: return Located(Double(v), span: p.value.span)
        case .float(let d)? where d.isFinite: return Located(d, span: p.value.span)
        default: return wrong(p, key, expected, hint: Self.numberHint(p.value))
        }
    }

    mutating func bool(_ key: String, required isRequired: Bool = true) -> Located<Bool>? {
        guard let p = isRequired ? required(key, "true or false") : optional(key) else { return nil }
        if case .bool(let b)? = p.value.scalarValue { return Located(b, span: p.value.span) }
        var hint: String?
        if let t = p.value.scalarText?.lowercased(), ["yes", "no", "on", "off", "y", "n"].contains(t) {
            hint = "YAML 1.2 reads '\(p.value.scalarText!)' as text, not a boolean; write \(["yes", "on", "y"].contains(t) ? "true" : "false")"
        }
        return wrong(p, key, "true or false", hint: hint)
    }

    mutating func day(_ key: String, required isRequired: Bool = true) -> Located<Day>? {
        guard let p = isRequired ? required(key, "a date, YYYY-MM-DD") : optional(key) else { return nil }
        if let t = p.value.scalarText, !p.value.isCollection, let d = Day(t) { return Located(d, span: p.value.span) }
        return wrong(p, key, "a date written YYYY-MM-DD", hint: nil)
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required isRequired: Bool = true) -> Located<E>? where E.RawValue == String {
        guard let p = isRequired ? required(key, "one of \(E.allCases.map(\.rawValue).joined(separator: ", "))") : optional(key) else { return nil }
        if let t = p.value.scalarText, !p.value.isCollection, let v = E(rawValue: t) { return Located(v, span: p.value.span) }
        let names = E.allCases.map(\.rawValue)
        var hint: String?
        if let t = p.value.scalarText, let s = Suggest.nearest(t, in: names) { hint = "did you mean '\(s)'?" }
        return wrong(p, key, "one of \(names.joined(separator: ", "))", hint: hint)
    }

    mutating func stringList(_ key: String, required isRequired: Bool = false) -> Located<[Located<String>]>? {
        guard let p = isRequired ? required(key, "a list of text") : optional(key) else { return nil }
        guard case .sequence(let items) = p.value.content else {
            return wrong(p, key, "a list, e.g. [a, b]", hint: nil)
        }
        var out: [Located<String>] = []
        for (i, item) in items.enumerated() {
            guard let t = item.scalarText, !item.isCollection else {
                context.fail(item.span, "\(sub(key))[\(i)]", "expected text, found \(item.kindDescription)")
                ok = false
                return nil
            }
            out.append(Located(t, span: item.span))
        }
        return Located(out, span: p.anchorSpan)
    }

    /// Marks the mapping invalid for a problem already reported by a nested reader.
    mutating func invalidate() { ok = false }

    mutating func fail(_ span: Span, _ key: String, _ message: String) {
        context.fail(span, sub(key), message)
        ok = false
    }

    mutating func wrong<T>(_ p: Pair, _ key: String, _ expected: String, hint: String?) -> T? {
        var message = "expected \(expected), found \(p.value.kindDescription)"
        if let hint { message += ": \(hint)" }
        fail(p.isValueCollectionAnchor, key, message)
        return nil
    }

    /// Why a number-looking string is not a number.
    static func numberHint(_ node: Node) -> String? {
        guard let t = node.scalarText, !node.isCollection else { return nil }
        if case .string? = node.scalarValue {
            let digits = t.filter { $0 != "_" && $0 != "," && $0 != " " && $0 != "'" }
            if digits != t, Double(digits) != nil {
                return "write numbers without separators (\(digits))"
            }
            if Double(t) != nil { return "remove the quotes to make it a number" }
        }
        return nil
    }
}

extension Pair {
    /// Where a wrong value points: the value itself, or the key when the value is a block.
    var isValueCollectionAnchor: Span { anchorSpan }
}
