import LadderYAML

/// A model value and the span of the YAML node it came from: the source map. Later code asks
/// a value where it was written; it never computes a line itself.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var span: Span

    public init(_ value: Value, span: Span) {
        self.value = value
        self.span = span
    }
}

extension Located: Equatable where Value: Equatable {}

/// Where a document came from: its file as shown to users and its index in that file.
public struct DocumentSource: Hashable, Sendable, Comparable {
    public var file: String
    public var index: Int

    public init(file: String, index: Int) {
        self.file = file
        self.index = index
    }

    public static func < (a: DocumentSource, b: DocumentSource) -> Bool {
        (a.file, a.index) < (b.file, b.index)
    }
}
