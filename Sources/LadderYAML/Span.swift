/// A 1-based position in a source file.
public struct Mark: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int32
    public var column: Int32

    public init(line: Int, column: Int) {
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
    }

    public static func < (a: Mark, b: Mark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The region of a node: where it starts and where it ends (end is exclusive, as libyaml reports it).
public struct Span: Hashable, Sendable, CustomStringConvertible {
    public var start: Mark
    public var end: Mark

    public init(start: Mark, end: Mark) {
        self.start = start
        self.end = end
    }

    /// A span from the start of `self` to the end of `other`.
    public func through(_ other: Span) -> Span { Span(start: start, end: other.end) }

    public static let unknown = Span(start: Mark(line: 1, column: 1), end: Mark(line: 1, column: 1))

    public var description: String { "\(start)-\(end)" }
}
