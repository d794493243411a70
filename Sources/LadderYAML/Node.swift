/// How a scalar was written; only plain scalars are resolved to non-string types.
public enum ScalarStyle: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar's value under the YAML 1.2 core schema.
public enum ScalarValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
}

/// A YAML node with the span it was written at. Nodes reached through an alias carry the
/// alias's span, so every later position points where a value is used, not where it is defined.
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(text: String, style: ScalarStyle, tag: String?)
        case sequence([Node])
        case mapping([Pair])
    }

    /// How a node is kept. Tags are rare in ladder files, so a tagged scalar lives in a box of
    /// its own: an untagged scalar then holds one string, not two, and the smaller node is
    /// cheaper to build, copy and free (freeing the tree was a tenth of loading a file).
    /// Public for the decoder, which switches on it in place of `content` (that builds a
    /// `Content` per read), and for the `@inlinable` accessors: it reads a node's text for
    /// nearly every key and value, and a call per read, copying the node, cost more than the read.
    public enum Storage: Sendable {
        case scalar(String, ScalarStyle)
        case tagged(TaggedScalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public final class TaggedScalar: Sendable {
        public let text: String
        public let style: ScalarStyle
        public let tag: String

        init(text: String, style: ScalarStyle, tag: String) {
            self.text = text
            self.style = style
            self.tag = tag
        }
    }

    public var storage: Storage
    public var span: Span

    public init(_ content: Content, span: Span) {
        switch content {
        case .scalar(let text, let style, nil): storage = .scalar(text, style)
        case .scalar(let text, let style, let tag?): storage = .tagged(TaggedScalar(text: text, style: style, tag: tag))
        case .sequence(let items): storage = .sequence(items)
        case .mapping(let pairs): storage = .mapping(pairs)
        }
        self.span = span
    }

    public init(storage: Storage, span: Span) {
        self.storage = storage
        self.span = span
    }

    public var content: Content {
        get {
            switch storage {
            case .scalar(let text, let style): return .scalar(text: text, style: style, tag: nil)
            case .tagged(let t): return .scalar(text: t.text, style: t.style, tag: t.tag)
            case .sequence(let items): return .sequence(items)
            case .mapping(let pairs): return .mapping(pairs)
            }
        }
        set { self = Node(newValue, span: span) }
    }

    /// The resolved value of a scalar node; nil for collections.
    public var scalarValue: ScalarValue? {
        switch storage {
        case .scalar(let text, let style): return CoreSchema.resolve(text, style: style, tag: nil)
        case .tagged(let t): return CoreSchema.resolve(t.text, style: t.style, tag: t.tag)
        case .sequence, .mapping: return nil
        }
    }

    /// The text of a scalar node, whatever its resolved type; nil for collections.
    @inlinable
    public var scalarText: String? {
        switch storage {
        case .scalar(let text, _): return text
        case .tagged(let t): return t.text
        case .sequence, .mapping: return nil
        }
    }

    @inlinable
    public var isCollection: Bool {
        switch storage {
        case .scalar, .tagged: return false
        case .sequence, .mapping: return true
        }
    }

    /// A short noun for messages: "a mapping", "a list", "the number 150000", "the string \"no\"".
    public var kindDescription: String {
        switch storage {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar, .tagged: return Self.describeScalar(scalarText ?? "", scalarValue ?? .null)
        }
    }

    /// A scalar's noun for messages, from its text and resolved value.
    static func describeScalar(_ text: String, _ value: ScalarValue) -> String {
        switch value {
        case .null: return "an empty value"
        case .bool(let b): return "the boolean \(b)"
        case .int, .float: return "the number \(text)"
        case .string: return "the string \"\(text.count > 60 ? String(text.prefix(57)) + "..." : text)\""
        }
    }

    /// The value of `key` in a mapping node, with the key node.
    public func pair(_ key: String) -> Pair? {
        guard case .mapping(let pairs) = storage else { return nil }
        for p in pairs where p.key.scalarText == key { return p }
        return nil
    }
}

/// One key and its value in a mapping.
public struct Pair: Sendable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }

    /// Where a finding about this value points: the key when the value is a block written
    /// under it (the line a reader looks for), spanning key and value; the value otherwise.
    public var anchorSpan: Span {
        value.isCollection ? key.span.through(value.span) : value.span
    }
}
