import LadderModel
import LadderYAML

/// A problem with how ladderlint was called or configured: a rule pack, the configuration or
/// an argument. Exit status 2. Names the file, line and column when there is one.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var file: String?
    public var span: Span?
    public var message: String

    public init(file: String? = nil, span: Span? = nil, _ message: String) {
        self.file = file
        self.span = span
        self.message = message
    }

    /// One line for stderr: the file name and the message may carry text from a pull request
    /// (a configuration value, a rule id), so both are terminal-visible and capped (Escape).
    public var description: String {
        let message = Escape.terminal(Escape.capped(self.message, 4 * Escape.inputCap))
        guard let file else { return message }
        let shown = Escape.terminal(file)
        guard let span else { return "\(shown): \(message)" }
        return "\(shown):\(span.start.line):\(span.start.column): \(message)"
    }
}

/// Reads a settings mapping (rule pack, configuration); every problem is a UsageError.
public struct SettingsReader {
    public let file: String
    public let node: Node
    public let anchor: Span
    public let what: String
    private var pairs: [String: Pair] = [:]

    public init(file: String, node: Node, anchor: Span, what: String, keys: [String]) throws {
        self.file = file
        self.node = node
        self.anchor = anchor
        self.what = what
        guard case .mapping(let list) = node.content else {
            throw UsageError(file: file, span: anchor, "expected \(what) (a mapping), found \(node.settingsNoun)")
        }
        for p in list {
            let k = p.key.scalarText ?? ""
            guard keys.contains(k) else {
                var message = "unknown key '\(k)' in \(what)"
                if let s = Suggest.nearest(k, in: keys) { message += ": did you mean '\(s)'?" } else { message += "." }
                throw UsageError(file: file, span: p.key.span, message + " Valid keys: \(keys.joined(separator: ", "))")
            }
            pairs[k] = p
        }
    }

    /// ": did you mean 'warning'?" for a value written for one of `options`: one slip from it
    /// (`eror`, `Warning`), or the start of only one of them, 3 characters or more (`warn`,
    /// `month`); "" otherwise. For the closed sets of words a setting takes.
    public static func meant(_ text: String, in options: [String]) -> String {
        if let s = Suggest.nearest(text, in: options) { return ": did you mean '\(s)'?" }
        let lower = text.lowercased()
        guard lower.count >= 3 else { return "" }
        let starting = options.filter { $0.lowercased().hasPrefix(lower) }
        return starting.count == 1 ? ": did you mean '\(starting[0])'?" : ""
    }

    public func pair(_ key: String) -> Pair? {
        guard let p = pairs[key] else { return nil }
        if case .null? = p.value.scalarValue { return nil }
        return p
    }

    public func required(_ key: String) throws -> Pair {
        guard let p = pair(key) else { throw UsageError(file: file, span: anchor, "\(what) lacks the required key '\(key)'") }
        return p
    }

    public func string(_ key: String, required isRequired: Bool = false) throws -> String? {
        guard let p = isRequired ? try required(key) : pair(key) else { return nil }
        guard !p.value.isCollection, let t = p.value.scalarText else {
            throw UsageError(file: file, span: p.anchorSpan, "\(key): expected text, found \(p.value.settingsNoun)")
        }
        return t
    }

    public func strings(_ key: String) throws -> [String]? {
        guard let p = pair(key) else { return nil }
        return try Self.strings(p.value, file: file, anchor: p.anchorSpan, key: key)
    }

    public static func strings(_ node: Node, file: String, anchor: Span, key: String) throws -> [String] {
        if !node.isCollection, let t = node.scalarText { return [t] }
        guard case .sequence(let items) = node.content else {
            throw UsageError(file: file, span: anchor, "\(key): expected a list of text, found \(node.settingsNoun)")
        }
        return try items.map {
            guard !$0.isCollection, let t = $0.scalarText else {
                throw UsageError(file: file, span: $0.span, "\(key): expected text, found \($0.settingsNoun)")
            }
            return t
        }
    }

    public func int(_ key: String) throws -> Int? {
        guard let p = pair(key) else { return nil }
        guard case .int(let v)? = p.value.scalarValue else {
            throw UsageError(file: file, span: p.value.span, "\(key): expected a whole number, found \(p.value.settingsNoun)")
        }
        return v
    }
}
