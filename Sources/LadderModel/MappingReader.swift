import LadderYAML

/// The keys of one kind of mapping (at most 8), with what finds them fast: a `MappingReader`
/// compares a key's signature (`NodeTable.signature`) or the words of a decoder's literal
/// before comparing strings, which is a call each. A class: readers share it, never copy it.
public final class KeySet: ExpressibleByArrayLiteral, @unchecked Sendable {
    public let names: [String]
    /// Read in place, never written after `init`: hence `@unchecked Sendable`.
    private let signatures: UnsafeMutablePointer<UInt64>
    private let words: UnsafeMutablePointer<(UInt64, UInt64)>

    public required init(arrayLiteral names: String...) {
        precondition(names.count <= 8, "a KeySet holds at most 8 keys")
        self.names = names
        signatures = .allocate(capacity: names.count)
        words = .allocate(capacity: names.count)
        for (i, name) in names.enumerated() {
            (signatures + i).initialize(to: NodeTable.signature(name))
            (words + i).initialize(to: Self.words(name))
        }
        precondition(Set(names.indices.map { signatures[$0] }).count == names.count, "keys of a KeySet must differ in length or first bytes")
    }

    deinit {
        signatures.deallocate()
        words.deallocate()
    }

    /// The two words a `String` value is made of. Equal words are the same string, whatever
    /// they mean inside; unequal ones may still be equal strings.
    @inline(__always)
    static func words(_ s: String) -> (UInt64, UInt64) {
        withUnsafeBytes(of: s) { ($0.load(as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// The slot of the key of signature `sig` and text `text()`, if it is one of these.
    @inline(__always)
    func slot(_ sig: UInt64, _ text: () -> String) -> Int? {
        // Not ASCII: only the texts can tell (`NodeTable.signature`).
        if sig & NodeTable.nonASCII != 0 { return names.firstIndex(of: text()) }
        for i in 0..<names.count where signatures[i] == sig {
            // Equal signatures are equal texts up to seven bytes; longer ones are compared.
            return NodeTable.signatureIsWhole(sig) || names[i] == text() ? i : nil
        }
        return nil
    }

    /// The slot of `key`, one of the decoder's own names. A short name is stored whole in the
    /// string's two words, so the decoder's literal has the same words as the name here.
    @inline(__always)
    func slot(of key: String) -> Int? {
        let w = Self.words(key)
        for i in 0..<names.count where words[i] == w { return i }
        return names.firstIndex(of: key)
    }
}

/// Reads one mapping of a document: reports unknown keys (with a suggestion and the valid
/// keys), missing keys (at the mapping) and wrong types (at the value), each with its key path.
struct MappingReader {
    let anchor: Span
    let path: DecodePath
    let what: String
    let context: DecodeContext
    /// The valid keys, and for each the index of its pair in the mapping (-1: absent). A dictionary
    /// per mapping cost more than the rest of decoding: mappings have a handful of keys, and
    /// the slots live inline (no allocation per mapping), so a reader takes at most 8 keys.
    private let keySet: KeySet
    /// The mapping, read in place from its table.
    private let node: TableNode
    private var slots = SIMD8<Int32>(repeating: -1)
    /// Valid keys suggested for unknown ones ("did you mean"): a typo of a required key is
    /// reported once, as the unknown key, not a second time as a missing one.
    private var suggested: Set<String> = []
    /// Numbers a flow mapping split at their thousands separators (`{min: 168,000}`), by the
    /// index of the pair holding the first part: usually none.
    private var splits: [(pair: Int, split: FlowSplit)] = []
    private(set) var ok: Bool

    /// `anchor` is where findings about the whole mapping point (its key, when it has one).
    init?(_ node: TableNode, anchor: Span, path: DecodePath, what: String, keys: KeySet, context: DecodeContext) {
        self.anchor = anchor
        self.path = path
        self.what = what
        self.context = context
        self.ok = true
        self.keySet = keys
        self.node = node
        guard node.isMapping else {
            context.fail(anchor, path, "expected \(what) (a mapping of keys), found \(node.kindDescription)")
            return nil
        }
        for i in 0..<node.count {
            let key = node.key(i)
            guard let sig = key.scalarSignature else {
                context.fail(key.span, path, "expected a plain key, found \(key.kindDescription): use one of \(keys.names.joined(separator: ", "))")
                continue
            }
            if let slot = keys.slot(sig, { key.scalarText! }) {
                slots[slot] = Int32(truncatingIfNeeded: i)
                continue
            }
            let k = key.scalarText!
            // The first byte turns away most keys before the Unicode-aware `hasPrefix`.
            if k.utf8.first == UInt8(ascii: "x") && k.hasPrefix("x-") { continue }
            // `000` of `min: 168,000`: part of a number, reported with it.
            if FlowSplit.continues(node, pair: i) {
                var owner = i - 1
                while owner > 0 && FlowSplit.continues(node, pair: owner) { owner -= 1 }
                if !splits.contains(where: { $0.pair == owner }), let split = FlowSplit.at(node, pair: owner, context) {
                    splits.append((owner, split))
                }
                continue
            }
            var message = "unknown key '\(k)' in \(what)"
            if let s = Suggest.nearest(k, in: keys.names) {
                message += ": did you mean '\(s)'?"
                suggested.insert(s)
            } else {
                message += "."
            }
            message += " Valid keys: \(keys.names.joined(separator: ", "))"
            context.fail(key.span, path, message)
        }
        // The second `000` of `{min: 168,000, max: 216,000}` is a duplicate key, dropped by the
        // loader: the split of `max` is found from the positions of the dropped keys.
        if !context.droppedDigitKeys.isEmpty {
            for i in 0..<node.count where !splits.contains(where: { $0.pair == i }) && !FlowSplit.continues(node, pair: i) {
                if let split = FlowSplit.at(node, pair: i, context) { splits.append((i, split)) }
            }
        }
    }

    /// The split number whose first part is the value of pair `i`, if any.
    private func split(_ i: Int) -> FlowSplit? {
        splits.isEmpty ? nil : splits.first { $0.pair == i }?.split
    }

    func sub(_ key: String) -> DecodePath { path.key(key) }

    /// The index in the mapping of the pair for `key`, if given.
    private func index(_ key: String) -> Int? {
        guard let slot = keySet.slot(of: key) else { return nil }
        let i = Int(slots[slot])
        return i >= 0 ? i : nil
    }

    private func value(_ i: Int) -> TableNode { node.value(i) }

    func has(_ key: String) -> Bool { index(key) != nil }

    /// Whether `key` is not written at all, and no unknown key was taken for a typo of it.
    func absent(_ key: String) -> Bool { index(key) == nil && !suggested.contains(key) }

    /// The index of the pair for `key` when given and not null.
    private func present(_ key: String) -> Int? {
        guard let i = index(key) else { return nil }
        let v = value(i)
        if Self.mayBeNull(v), case .null? = v.scalarValue { return nil }
        return i
    }

    func optional(_ key: String) -> TablePair? { present(key).map { node.pair(at: $0) } }

    /// False when the core schema cannot read `node` as null, decided without resolving it: a
    /// collection, or an untagged plain scalar that is not empty and starts with none of the
    /// characters that begin `~`, `null`, `Null`, `NULL`. Most values are answered here.
    static func mayBeNull(_ node: TableNode) -> Bool {
        guard let (style, tagged) = node.scalarStyle else { return false }
        if tagged { return true }
        guard style == .plain, let c = node.scalarText?.utf8.first else { return style == .plain }
        return c == UInt8(ascii: "~") || c == UInt8(ascii: "n") || c == UInt8(ascii: "N")
    }

    /// `expected` is only built when the key is missing.
    private mutating func requiredIndex(_ key: String, _ expected: @autoclosure () -> String) -> Int? {
        if let i = present(key) { return i }
        ok = false
        if index(key) == nil && suggested.contains(key) { return nil }
        context.fail(anchor, path, "\(what) lacks the required key '\(key)' (\(expected())): add it")
        return nil
    }

    mutating func required(_ key: String, _ expected: @autoclosure () -> String) -> TablePair? {
        requiredIndex(key, expected()).map { node.pair(at: $0) }
    }

    /// The index of the pair for `key`, reporting it when it is required and missing.
    private mutating func lookup(_ key: String, _ isRequired: Bool, _ expected: @autoclosure () -> String) -> Int? {
        isRequired ? requiredIndex(key, expected()) : present(key)
    }

    // MARK: typed values

    mutating func string(_ key: String, required isRequired: Bool = true) -> Located<String>? {
        guard let i = lookup(key, isRequired, "text") else { return nil }
        let v = value(i)
        if let s = split(i) {
            fail(s.span, key, "expected text, found \(s.found): quote the text (\"\(s.text)\") to keep the comma")
            return nil
        }
        if let t = v.scalarText { return Located(t, span: v.span) }
        return wrong(node.pair(at: i), key, "text", hint: nil)
    }

    mutating func int(_ key: String, required isRequired: Bool = true, min: Int? = nil) -> Located<Int>? {
        func expected() -> String { min.map { "a whole number >= \($0)" } ?? "a whole number" }
        guard let i = lookup(key, isRequired, expected()) else { return nil }
        let found = value(i), span = found.span
        if let s = split(i) {
            fail(s.span, key, s.message(expected: expected(), .amount))
            return nil
        }
        guard let v = Self.intValue(found) else { return wrong(node.pair(at: i), key, expected(), hint: Self.numberHint(found)) }
        if let min, v < min {
            // One finding: the value is a whole number, just below the minimum.
            fail(span, key, "expected \(expected()), found \(v)")
            return nil
        }
        return Located(v, span: span)
    }

    static func intValue(_ node: TableNode) -> Int? {
        switch node.scalarValue {
        case .int(let v)?: return v
        case .float(let d)? where d.isFinite && d == d.rounded() && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }

    /// `fraction`: a fraction of base, where `10%` is read (in a hint) as 0.1.
    mutating func number(_ key: String, required isRequired: Bool = true, expected: String = "a number", fraction: Bool = false) -> Located<Double>? {
        guard let i = lookup(key, isRequired, expected) else { return nil }
        let found = value(i)
        if let s = split(i) {
            fail(s.span, key, s.message(expected: expected, fraction ? .fraction : .amount))
            return nil
        }
        switch found.scalarValue {
        case .int(let v)?: return Located(Double(v), span: found.span)
        case .float(let d)? where d.isFinite: return Located(d, span: found.span)
        default: return wrong(node.pair(at: i), key, expected, hint: Self.numberHint(found, fraction ? .fraction : .amount))
        }
    }

    mutating func bool(_ key: String, required isRequired: Bool = true) -> Located<Bool>? {
        guard let i = lookup(key, isRequired, "true or false") else { return nil }
        let p = node.pair(at: i)
        if case .bool(let b)? = p.value.scalarValue { return Located(b, span: p.value.span) }
        var hint: String?
        if let t = p.value.scalarText?.lowercased(), ["yes", "no", "on", "off", "y", "n"].contains(t) {
            hint = "YAML 1.2 reads '\(p.value.scalarText!)' as text, not a boolean; write \(["yes", "on", "y"].contains(t) ? "true" : "false")"
        }
        return wrong(p, key, "true or false", hint: hint)
    }

    mutating func day(_ key: String, required isRequired: Bool = true) -> Located<Day>? {
        guard let i = lookup(key, isRequired, "a date, YYYY-MM-DD") else { return nil }
        let p = node.pair(at: i)
        if let t = p.value.scalarText, let d = Day(t) { return Located(d, span: p.value.span) }
        return wrong(p, key, "a date written YYYY-MM-DD", hint: nil)
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required isRequired: Bool = true) -> Located<E>? where E.RawValue == String {
        guard let i = lookup(key, isRequired, "one of \(E.allCases.map(\.rawValue).joined(separator: ", "))") else { return nil }
        let p = node.pair(at: i)
        if let t = p.value.scalarText, let v = E(rawValue: t) { return Located(v, span: p.value.span) }
        let names = E.allCases.map(\.rawValue)
        var hint: String?
        if let t = p.value.scalarText, let s = Suggest.nearest(t, in: names) { hint = "did you mean '\(s)'?" }
        return wrong(p, key, "one of \(names.joined(separator: ", "))", hint: hint)
    }

    mutating func stringList(_ key: String, required isRequired: Bool = false) -> Located<[Located<String>]>? {
        guard let i = lookup(key, isRequired, "a list of text") else { return nil }
        let p = node.pair(at: i)
        guard p.value.kind == .sequence else {
            return wrong(p, key, "a list, e.g. [a, b]", hint: nil)
        }
        var out: [Located<String>] = []
        out.reserveCapacity(p.value.count)
        for j in 0..<p.value.count {
            let item = p.value.item(j)
            guard let t = item.scalarText else {
                context.fail(item.span, sub(key).index(j), "expected text, found \(item.kindDescription)")
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

    mutating func wrong<T>(_ p: TablePair, _ key: String, _ expected: String, hint: String?) -> T? {
        var message = "expected \(expected), found \(p.value.kindDescription)"
        if let hint { message += ": \(hint)" }
        fail(p.isValueCollectionAnchor, key, message)
        return nil
    }

    /// Why a number-looking string is not a number, and the form to write: a quoted number, or
    /// one typed as in a spreadsheet (`$216,000`, `187k`, `10%`: `SpreadsheetForms`).
    static func numberHint(_ node: TableNode, _ expected: SpreadsheetForms.Expected = .amount) -> String? {
        guard let t = node.scalarText, !node.isCollection else { return nil }
        if case .string? = node.scalarValue {
            if Double(t) != nil { return "remove the quotes to make it a number" }
            return SpreadsheetForms.hint(t, expected)
        }
        return nil
    }
}

extension TablePair {
    /// Where a wrong value points: the value itself, or the key when the value is a block.
    var isValueCollectionAnchor: Span { anchorSpan }
}
