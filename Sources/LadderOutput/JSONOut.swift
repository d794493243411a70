/// Writes one JSON value a piece at a time, either as bytes, exactly as `JSONValue.write` would
/// (the report's path), or as a `JSONValue` (`StreamedJSON.materialized`, for tests). A report's
/// largest elements (each ladder's metrics) are described once, against this, instead of being
/// built as a tree only to be written and freed: building and freeing the trees of 10,000
/// ladders' metrics cost more than writing them (docs/performance.md).
///
/// Use: `key(_:)` names the next value inside an object; `value(_:)`, `object(_:)` and
/// `array(_:)` write one; `member(_:_:)` writes a key and a value without members.
public struct JSONOut {
    private enum Open {
        case object([(String, JSONValue)], key: String?)
        case array([JSONValue])
    }

    /// The bytes mode's buffer; nil in tree mode, which allocates none (a `JSONBytes` is freed
    /// by its owner, and the tree mode has nothing to hand one back to).
    private var bytes: JSONBytes?
    private var toBytes: Bool { bytes != nil }
    /// Nesting depth of the value being written, as `JSONValue.write` counts it (-1: one line).
    private var indent: Int
    /// Whether each open container (bit `depth`) has had a member, for the commas.
    private var hasMembers: UInt64 = 0
    private var depth = 0
    private var afterKey = false
    /// Tree mode: the open containers, outermost first, and the finished value.
    private var open: [Open] = []
    private var done: JSONValue?

    /// Bytes mode, appending to `bytes` a value that stands at nesting depth `indent`.
    init(appendingTo bytes: JSONBytes, indent: Int) {
        self.bytes = bytes
        self.indent = indent
    }

    /// Tree mode.
    init() {
        bytes = nil
        indent = -1
    }

    /// The bytes mode's buffer, with what was written appended.
    var written: JSONBytes { bytes! }

    /// The tree mode's value.
    var value: JSONValue { done ?? .null }

    /// The key of the next value, in an object: a literal, written as it is (keys of the
    /// report's format need no escaping), without the scan a string value gets.
    public mutating func key(_ key: StaticString) {
        precondition(key.hasPointerRepresentation, "a JSON key is a string literal")
        if toBytes {
            separate()
            bytes!.byte(UInt8(ascii: "\""))
            bytes!.append(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            bytes!.append(indent < 0 ? "\":" : "\": ")
            afterKey = true
        } else if case .object(let pairs, _) = open[open.count - 1] {
            open[open.count - 1] = .object(pairs, key: key.description)
        }
    }

    /// A key and its value without members.
    public mutating func member(_ key: StaticString, _ v: JSONValue) {
        self.key(key)
        value(v)
    }

    /// A value without members: a number, a string, `true`, `false`, `null`.
    public mutating func value(_ v: JSONValue) {
        if toBytes {
            separate()
            v.write(to: &bytes!, indent: indent)
        } else {
            add(v)
        }
    }

    public mutating func object(_ members: (inout JSONOut) -> Void) {
        container(isObject: true, members)
    }

    public mutating func array(_ items: (inout JSONOut) -> Void) {
        container(isObject: false, items)
    }

    private mutating func container(isObject: Bool, _ body: (inout JSONOut) -> Void) {
        guard toBytes else {
            open.append(isObject ? .object([], key: nil) : .array([]))
            body(&self)
            switch open.removeLast() {
            case .object(let pairs, _): add(.object(pairs))
            case .array(let items): add(.array(items))
            }
            return
        }
        separate()
        bytes!.byte(UInt8(ascii: isObject ? "{" : "["))
        depth += 1
        precondition(depth < 64, "JSONOut nests at most 63 containers")
        hasMembers &= ~(1 << depth)
        if indent >= 0 { indent += 1 }
        body(&self)
        if indent >= 0 { indent -= 1 }
        // Empty: `{}` and `[]`, as `JSONValue.write` has them.
        if hasMembers & (1 << depth) != 0 { bytes!.newline(indent) }
        depth -= 1
        bytes!.byte(UInt8(ascii: isObject ? "}" : "]"))
    }

    /// Before a value (unless its key was just written) or a key: the comma and line break.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if hasMembers & (1 << depth) != 0 { bytes!.byte(UInt8(ascii: ",")) }
        hasMembers |= 1 << depth
        bytes!.newline(indent)
    }

    private mutating func add(_ v: JSONValue) {
        guard let last = open.indices.last else {
            done = v
            return
        }
        switch open[last] {
        case .object(var pairs, let key):
            open[last] = .array([])  // drop the reference so `pairs` grows in place
            pairs.append((key ?? "", v))
            open[last] = .object(pairs, key: nil)
        case .array(var items):
            open[last] = .array([])
            items.append(v)
            open[last] = .array(items)
        }
    }
}
