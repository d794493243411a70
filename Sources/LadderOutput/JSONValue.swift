import LadderModel
import LadderYAML

/// A JSON value with ordered keys. Written by hand because the output contract fixes key
/// order, which Foundation's JSONSerialization does not keep, and because the encoder is on
/// the hot path of large audits. Not `indirect`: arrays and objects already hold their
/// elements out of line, and boxing every number and string cost an allocation each.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Value of a key of an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    /// Serialises with two-space indentation (`pretty`) or on one line.
    public func encoded(pretty: Bool = true) -> String {
        // Bytes into one growing buffer, turned into a String once: appending to a String piece
        // by piece, with a `String(repeating:)` per indent, was 14% of a large audit's time.
        var out = JSONBytes()
        defer { out.free() }
        write(to: &out, indent: pretty ? 0 : -1)
        return out.string()
    }

    func write(to out: inout JSONBytes, indent: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(i)
        case .number(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { out.append(Int(Int64(d))) } else { out.append(JSONValue.number(d)) }
        case .string(let s): out.quote(s)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.byte(UInt8(ascii: "["))
            // Through the buffer: iterating the array copied (retained and released) each element.
            items.withUnsafeBufferPointer { items in
                for i in items.indices {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    out.newline(indent < 0 ? -1 : indent + 1)
                    items[i].write(to: &out, indent: indent < 0 ? -1 : indent + 1)
                }
            }
            out.newline(indent)
            out.byte(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append("{}"); return }
            out.byte(UInt8(ascii: "{"))
            pairs.withUnsafeBufferPointer { pairs in
                for i in pairs.indices {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    out.newline(indent < 0 ? -1 : indent + 1)
                    out.quote(pairs[i].0)
                    out.append(indent < 0 ? ":" : ": ")
                    pairs[i].1.write(to: &out, indent: indent < 0 ? -1 : indent + 1)
                }
            }
            out.newline(indent)
            out.byte(UInt8(ascii: "}"))
        }
    }

    /// Shortest text that reads back as the same double; integers without a fraction.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    public static func quote(_ s: String, into out: inout String) {
        var bytes = JSONBytes(capacity: s.utf8.count + 16)
        defer { bytes.free() }
        bytes.quote(s)
        out += bytes.string()
    }
}

/// A growable byte buffer for the encoder: plain memory, no per-append bookkeeping.
struct JSONBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    func free() { base.deallocate() }

    /// The bytes so far, for writing out; valid until the next append.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Forgets the bytes, keeping the memory for the next ones.
    mutating func removeAll() { count = 0 }

    func string() -> String {
        String(unsafeUninitializedCapacity: count) { buf in
            buf.baseAddress!.update(from: base, count: count)
            return count
        }
    }

    @inline(__always) private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        Memory.grow(&base, count: count, capacity: &capacity, toHold: needed)
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let p = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: p, count: bytes.count)
        count += bytes.count
    }

    /// Decimal digits, as `String(i)` writes them.
    mutating func append(_ i: Int) {
        reserve(20)
        var m = i.magnitude
        if i < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var digits = 1
        var t = m
        while t >= 10 { t /= 10; digits += 1 }
        var at = count + digits - 1
        repeat {
            base[at] = UInt8(truncatingIfNeeded: m % 10) &+ 48
            m /= 10
            at -= 1
        } while m > 0
        count += digits
    }

    /// A line break and two spaces per level; nothing on one line (indent < 0).
    @inline(__always) mutating func newline(_ indent: Int) {
        guard indent >= 0 else { return }
        reserve(1 + 2 * indent)
        base[count] = 10
        (base + count + 1).initialize(repeating: 32, count: 2 * indent)
        count += 1 + 2 * indent
    }

    /// A JSON string: quotes, backslash and control characters escaped; DEL, C1 controls, bidi,
    /// zero-width characters and noncharacters as `\uXXXX` (Escape.needsVisible), so a consumer
    /// that prints a value to a terminal or a web page gets the same text but no live control;
    /// everything else as is.
    mutating func quote(_ s: String) {
        var s = s
        let plain = s.withUTF8 { u -> Bool in
            for b in u where b < 0x20 || b == 0x22 || b == 0x5C || b >= 0x7F { return false }
            reserve(u.count + 2)
            byte(UInt8(ascii: "\""))
            append(u)
            byte(UInt8(ascii: "\""))
            return true
        }
        if plain { return }
        // Byte by byte over the UTF-8 (a String's is always valid): ASCII as before, and a
        // multi-byte sequence decoded only to ask whether it is invisible.
        s.withUTF8 { u in
            byte(UInt8(ascii: "\""))
            var i = 0
            while i < u.count {
                let b = u[i]
                if b < 0x80 {
                    switch b {
                    case 0x22: append("\\\"")
                    case 0x5C: append("\\\\")
                    case 0x0A: append("\\n")
                    case 0x0D: append("\\r")
                    case 0x09: append("\\t")
                    case 0..<0x20, 0x7F: hex4(UInt32(b))
                    default: byte(b)
                    }
                    i += 1
                    continue
                }
                let n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var v = UInt32(b) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
                for k in 1..<n { v = v << 6 | UInt32(u[i + k] & 0x3F) }
                if Escape.needsVisible(Unicode.Scalar(v) ?? "?") {
                    if v > 0xFFFF {
                        // A noncharacter of a supplementary plane: a UTF-16 surrogate pair.
                        hex4(0xD800 + ((v - 0x10000) >> 10))
                        hex4(0xDC00 + ((v - 0x10000) & 0x3FF))
                    } else {
                        hex4(v)
                    }
                } else {
                    for k in 0..<n { byte(u[i + k]) }
                }
                i += n
            }
            byte(UInt8(ascii: "\""))
        }
    }

    private mutating func hex4(_ v: UInt32) {
        append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            let d = UInt8(truncatingIfNeeded: (v >> UInt32(shift)) & 15)
            byte(d < 10 ? 48 + d : 87 + d)
        }
    }
}
