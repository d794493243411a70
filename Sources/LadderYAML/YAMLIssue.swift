/// A problem the loader found in a file. The model layer turns these into findings.
public struct YAMLIssue: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Not well-formed YAML (an unknown alias and a `<<` that cannot be merged included),
        /// or bytes that are not UTF-8 text.
        case syntax = "yaml-syntax"
        /// A file, nesting depth or alias expansion beyond the configured limits.
        case limit = "input-limit"
        /// A key given twice in one mapping.
        case duplicateKey = "invalid-document"
    }

    public var kind: Kind
    public var message: String
    public var span: Span

    public init(kind: Kind, message: String, span: Span) {
        self.kind = kind
        self.message = message
        self.span = span
    }
}

/// One YAML document of a file.
public struct YAMLDocument: Sendable {
    public var root: Node
    /// Zero-based index of the document in its file.
    public var index: Int
}

/// What loading one file gave: the documents completed before any fatal problem, and the problems.
public struct LoadResult: Sendable {
    public var documents: [YAMLDocument]
    public var issues: [YAMLIssue]
}
