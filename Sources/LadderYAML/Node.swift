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

    public var content: Content
    public var span: Span

    public init(_ content: Content, span: Span) {
        self.content = content
        self.span = span
    }

    /// The resolved value of a scalar node; nil for collections.
    public var scalarValue: ScalarValue? {
        guard case .scalar(let text, let style, let tag) = content else { return nil }
        return CoreSchema.resolve(text, style: style, tag: tag)
    }

    /// The text of a scalar node, whatever its resolved type; nil for collections.
    public var scalarText: String? {
        if case .scalar(let text, _, _) = content { return text }
        return nil
    }

    public var isCollection: Bool {
        if case .scalar = content { return false }
        return true
    }

    /// A short noun for messages: "a mapping", "a list", "the number 150000", "the string \"no\"".
    public var kindDescription: String {
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let text, _, _):
            switch scalarValue ?? .null {
            case .null: return "an empty value"
            case .bool(let b): return "the boolean \(b)"
            case .int, .float: return "the number \(text)"
            case .string: return "the string \"\(text.count > 60 ? String(text.prefix(57)) + "..." : text)\""
            }
        }
    }

    /// The value of `key` in a mapping node, with the key node.
    public func pair(_ key: String) -> Pair? {
        guard case .mapping(let pairs) = content else { return nil }
        for p in pairs where p.key.scalarText == key { return p }
        return nil
    }

    /// Copies this subtree with every span replaced by `span` (used for aliases).
    func remarked(_ span: Span, count: inout Int) -> Node {
        count += 1
        switch content {
        case .scalar:
            return Node(content, span: span)
        case .sequence(let items):
            return Node(.sequence(items.map { $0.remarked(span, count: &count) }), span: span)
        case .mapping(let pairs):
            return Node(
                .mapping(pairs.map { Pair(key: $0.key.remarked(span, count: &count), value: $0.value.remarked(span, count: &count)) }),
                span: span)
        }
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
