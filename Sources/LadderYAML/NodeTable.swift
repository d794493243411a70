/// Every node of one file in a flat table: the loader's output for the ladder files themselves,
/// which are decoded once and dropped.
///
/// A node is a record of fixed size, a collection's children are one block of records, and
/// the whole file is freed as three blocks; the decoder reads it in place. Measured against
/// the `Node` tree it replaced for ladder files: 1.4% fewer instructions on a large audit
/// (docs/performance.md), less than the profile of the tree had suggested. `Node` stays the
/// loader's general result (rule packs, configuration, tests); `NodeTable.nodes(_:)` converts.
///
/// The records, texts and tags live in memory the table allocates and frees itself, read
/// through pointers: reading an element of an array held by a class retained and released the
/// array's buffer on every read, which cost more than the read. `@unchecked Sendable` because
/// of those pointers: nothing is written through them after `init`, so sharing the table is safe.
public final class NodeTable: @unchecked Sendable {
    public enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
    }

    /// One node. A scalar's text is `texts[first]`; a sequence's items are `records[first..<first + count]`;
    /// a mapping's keys and values alternate in `records[first..<first + 2 * count]`.
    public struct Record: Sendable {
        public var kind: Kind
        public var style: ScalarStyle
        /// Index in `tags`, or -1 for an untagged scalar (and every collection).
        public var tag: Int32
        public var first: Int32
        public var count: Int32
        public var span: Span
    }

    /// Never written after `init`; freed by `deinit`.
    public let records: UnsafeBufferPointer<Record>
    public let texts: UnsafeBufferPointer<String>
    /// One per text: its `signature`, worked out by the loader for keys; 0 for other texts
    /// (`signature(at:)` works theirs out when asked).
    public let signatures: UnsafeBufferPointer<UInt64>
    public let tags: UnsafeBufferPointer<String>

    /// Takes over the loader's buffers as they are, without a copy.
    init(
        records: consuming TableBuffer<Record>, texts: consuming TableBuffer<String>, signatures: consuming TableBuffer<UInt64>,
        tags: consuming TableBuffer<String>
    ) {
        self.records = records.handOver()
        self.texts = texts.handOver()
        self.signatures = signatures.handOver()
        self.tags = tags.handOver()
    }

    /// A table without nodes.
    convenience init() {
        self.init(records: TableBuffer(capacity: 0), texts: TableBuffer(capacity: 0), signatures: TableBuffer(capacity: 0), tags: TableBuffer(capacity: 0))
    }

    /// A text's length in bytes and its first seven bytes in one word, and whether any of its
    /// bytes is not ASCII (the top bit). Keys are compared by signature first (the duplicate
    /// check, `MappingReader`): comparing two strings is a call each, and most keys are short.
    ///
    /// Texts compare as Swift compares them, by canonical equivalence, so a signature only
    /// answers for ASCII: ASCII texts of different signatures differ, and of equal signatures,
    /// up to seven bytes long, are equal (`signatureIsWhole`). A text with a byte that is not
    /// ASCII may equal texts of other signatures (U+212A KELVIN SIGN is "K"): compare the texts.
    public static func signature(_ p: UnsafePointer<UInt8>?, _ length: Int) -> UInt64 {
        var sig = UInt64(min(length, 127)) << 56
        guard let p else { return sig }
        var bits: UInt8 = 0
        for i in 0..<length {
            bits |= p[i]
            if i < 7 { sig |= UInt64(p[i]) << (8 * i) }
        }
        return bits & 0x80 != 0 ? sig | nonASCII : sig
    }

    public static func signature(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { signature($0.baseAddress, $0.count) }
    }

    /// The top bit of a signature: the text has a byte that is not ASCII.
    public static let nonASCII: UInt64 = 1 << 63

    /// The signature of `texts[text]`.
    @inlinable
    public func signature(at text: Int) -> UInt64 {
        let sig = signatures[text]
        // 0 is also the empty text's: working it out again gives 0.
        return sig != 0 ? sig : Self.signature(texts[text])
    }

    /// Whether equal signatures mean equal texts: ASCII texts of up to seven bytes.
    @inlinable
    public static func signatureIsWhole(_ sig: UInt64) -> Bool { sig >> 56 <= 7 }

    deinit {
        for strings in [texts, tags] {
            UnsafeMutableBufferPointer(mutating: strings).deinitialize()
            UnsafeMutableBufferPointer(mutating: strings).deallocate()
        }
        UnsafeMutableBufferPointer(mutating: records).deallocate()
        UnsafeMutableBufferPointer(mutating: signatures).deallocate()
    }

    /// A view of record `index`, valid while this table is alive: keep the table in a
    /// variable for as long as its nodes are read (`withExtendedLifetime`).
    public func node(at index: Int32) -> TableNode { TableNode(table: self, index: index) }

    /// Whether record `index` reads as null: an empty document, e.g. after a trailing `---`.
    public func isNull(_ index: Int32) -> Bool {
        if case .null? = records[Int(index)].scalarValue(texts: texts, tags: tags) { return true }
        return false
    }

    /// The `Node` tree of record `index`.
    public func node(_ index: Int32) -> Node { nodes([index])[0] }

    /// The `Node` trees of the records `indices`, such as every document's root. Children come
    /// before their parents in the table, so one pass in index order converts every record up
    /// to the last of `indices`, without recursion and each record once.
    public func nodes(_ indices: [Int32]) -> [Node] {
        guard let last = indices.max() else { return [] }
        let end = Int(last) + 1
        var nodes: [Node] = []
        nodes.reserveCapacity(end)
        for i in 0..<end {
            let r = records[i]
            let storage: Node.Storage
            switch r.kind {
            case .scalar:
                let text = texts[Int(r.first)]
                storage = r.tag < 0 ? .scalar(text, r.style) : .tagged(Node.TaggedScalar(text: text, style: r.style, tag: tags[Int(r.tag)]))
            case .sequence:
                storage = .sequence(Array(nodes[Int(r.first)..<Int(r.first + r.count)]))
            case .mapping:
                var pairs: [Pair] = []
                pairs.reserveCapacity(Int(r.count))
                var j = Int(r.first)
                for _ in 0..<Int(r.count) {
                    pairs.append(Pair(key: nodes[j], value: nodes[j + 1]))
                    j += 2
                }
                storage = .mapping(pairs)
            }
            nodes.append(Node(storage: storage, span: r.span))
        }
        return indices.map { nodes[Int($0)] }
    }
}

extension NodeTable.Record {
    /// The resolved value of a scalar, its text and tag read from `texts` and `tags` (the
    /// table's, or the builder's before there is a table); nil for collections.
    func scalarValue(texts: UnsafeBufferPointer<String>, tags: UnsafeBufferPointer<String>) -> ScalarValue? {
        guard kind == .scalar else { return nil }
        return CoreSchema.resolve(texts[Int(first)], style: style, tag: tag < 0 ? nil : tags[Int(tag)])
    }

    /// A short noun for messages, as `Node.kindDescription` words it.
    func kindDescription(texts: UnsafeBufferPointer<String>, tags: UnsafeBufferPointer<String>) -> String {
        switch kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar: return Node.describeScalar(texts[Int(first)], scalarValue(texts: texts, tags: tags) ?? .null)
        }
    }
}

/// Elements the loader appends while it builds a table, then hands over to the `NodeTable`,
/// which frees them. Hand-written because an `Array` cannot give its storage away: building
/// into arrays and copying them into the table cost a copy of every record, and a retain and
/// a release of every text (about 2% of a large audit's instructions).
///
/// Not copyable: one owner appends, then hands the memory over exactly once.
struct TableBuffer<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 8)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count, "TableBuffer index out of range")
        return base[i]
    }

    mutating func append(_ element: Element) {
        if count == capacity { grow(count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append<C: Collection>(contentsOf elements: C) where C.Element == Element {
        if count + elements.count > capacity { grow(count + elements.count) }
        for e in elements {
            (base + count).initialize(to: e)
            count += 1
        }
    }

    private mutating func grow(_ needed: Int) {
        Memory.grow(&base, count: count, capacity: &capacity, toHold: needed)
    }

    /// The elements so far, valid until the next append.
    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The elements, for the new owner to deinitialize and deallocate.
    consuming func handOver() -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeBufferPointer(start: base, count: count)
        discard self
        return buffer
    }
}

/// Growing memory that a buffer owns by hand (`TableBuffer`, the report's `JSONBytes`).
public enum Memory {
    /// Moves the `count` elements at `base` to new memory of at least `needed` elements (the
    /// capacity doubled as often as it takes), frees the old memory, and updates both.
    public static func grow<T>(_ base: inout UnsafeMutablePointer<T>, count: Int, capacity: inout Int, toHold needed: Int) {
        var c = max(capacity, 1) * 2
        while c < needed { c *= 2 }
        let b = UnsafeMutablePointer<T>.allocate(capacity: c)
        b.moveInitialize(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }
}

/// A node of a `NodeTable`, read in place. It does not keep the table alive (a strong
/// reference per view cost a retain and a release per key and value read, which is what the
/// table is there to save): its owner keeps the table for as long as its nodes are read.
public struct TableNode {
    public unowned(unsafe) let table: NodeTable
    public let index: Int32

    @usableFromInline
    init(table: NodeTable, index: Int32) {
        self.table = table
        self.index = index
    }

    @inlinable
    public var record: NodeTable.Record { table.records[Int(index)] }

    @inlinable
    public var span: Span { record.span }

    @inlinable
    public var kind: NodeTable.Kind { record.kind }

    @inlinable
    public var isCollection: Bool { record.kind != .scalar }

    @inlinable
    public var isMapping: Bool { record.kind == .mapping }

    /// Items of a sequence, pairs of a mapping, 0 for a scalar.
    @inlinable
    public var count: Int {
        let r = record
        return r.kind == .scalar ? 0 : Int(r.count)
    }

    /// The text of a scalar node, whatever its resolved type; nil for collections.
    @inlinable
    public var scalarText: String? {
        let r = record
        return r.kind == .scalar ? table.texts[Int(r.first)] : nil
    }

    /// `NodeTable.signature` of a scalar's text; nil for collections.
    @inlinable
    public var scalarSignature: UInt64? {
        let r = record
        return r.kind == .scalar ? table.signature(at: Int(r.first)) : nil
    }

    /// The style of a scalar, and whether it carries a tag; nil for collections.
    @inlinable
    public var scalarStyle: (style: ScalarStyle, tagged: Bool)? {
        let r = record
        return r.kind == .scalar ? (r.style, r.tag >= 0) : nil
    }

    /// The resolved value of a scalar node; nil for collections.
    public var scalarValue: ScalarValue? { record.scalarValue(texts: table.texts, tags: table.tags) }

    /// Item `i` of a sequence.
    @inlinable
    public func item(_ i: Int) -> TableNode { TableNode(table: table, index: record.first + Int32(truncatingIfNeeded: i)) }

    /// The key of pair `i` of a mapping.
    @inlinable
    public func key(_ i: Int) -> TableNode { TableNode(table: table, index: record.first + Int32(truncatingIfNeeded: 2 * i)) }

    /// The value of pair `i` of a mapping.
    @inlinable
    public func value(_ i: Int) -> TableNode { TableNode(table: table, index: record.first + Int32(truncatingIfNeeded: 2 * i + 1)) }

    /// Pair `i` of a mapping.
    @inlinable
    public func pair(at i: Int) -> TablePair { TablePair(key: key(i), value: value(i)) }

    /// The pair of `key` in a mapping node.
    public func pair(_ key: String) -> TablePair? {
        guard isMapping else { return nil }
        for i in 0..<count where self.key(i).scalarText == key { return pair(at: i) }
        return nil
    }

    /// A short noun for messages, as `Node.kindDescription` words it.
    public var kindDescription: String { record.kindDescription(texts: table.texts, tags: table.tags) }
}

/// One key and its value in a mapping of a `NodeTable`.
public struct TablePair {
    public let key: TableNode
    public let value: TableNode

    @usableFromInline
    init(key: TableNode, value: TableNode) {
        self.key = key
        self.value = value
    }

    /// Where a finding about this value points; see `Pair.anchorSpan`.
    public var anchorSpan: Span {
        value.isCollection ? key.span.through(value.span) : value.span
    }
}

/// One YAML document of a file loaded as a table.
public struct TableDocument: Sendable {
    /// The record of the document's root.
    public var root: Int32
    /// Zero-based index of the document in its file.
    public var index: Int
}

/// What loading one file as a table gave: the documents completed before any fatal problem,
/// and the problems.
public struct TableLoadResult: Sendable {
    public var table: NodeTable
    public var documents: [TableDocument]
    public var issues: [YAMLIssue]
}
