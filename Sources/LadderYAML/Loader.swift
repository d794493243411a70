import CLibYAML

/// Builds node trees from libyaml's event stream, keeping the span of every node, enforcing
/// limits, resolving aliases at the place of use and applying merge keys.
public struct YAMLLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads every document of `bytes`. Never traps on any input.
    public func load(_ bytes: [UInt8]) -> LoadResult {
        if bytes.count > options.limits.maxFileBytes {
            return LoadResult(documents: [], issues: [
                YAMLIssue(
                    kind: .limit,
                    message: "the file is \(bytes.count) bytes, above the limit of \(options.limits.maxFileBytes) bytes: split it into smaller files or raise the file-size limit",
                    span: .unknown)
            ])
        }
        var builder = TreeBuilder(options: options, bytes: bytes)
        builder.run()
        return LoadResult(documents: builder.documents, issues: builder.issues)
    }
}

/// The state of one parse. Uses an explicit stack, not recursion, so depth is bounded by the
/// configured limit and never by the thread's stack.
private struct TreeBuilder {
    enum Frame {
        case sequence(start: Mark, anchor: String?, items: [Node], size: Int)
        case mapping(start: Mark, anchor: String?, pairs: [Pair], pendingKey: Node?, size: Int, keys: Set<String>?)
    }

    let options: LoadOptions
    let bytes: [UInt8]
    var documents: [YAMLDocument] = []
    var issues: [YAMLIssue] = []
    var stack: [Frame] = []
    var anchors: [String: (node: Node, size: Int)] = [:]
    var aliasNodes = 0
    var root: Node?
    var documentIndex = 0

    init(options: LoadOptions, bytes: [UInt8]) {
        self.options = options
        self.bytes = bytes
    }

    mutating func run() {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            issues.append(YAMLIssue(kind: .syntax, message: "libyaml could not start (out of memory)", span: .unknown))
            return
        }
        defer { yaml_parser_delete(&parser) }
        bytes.withUnsafeBufferPointer { buf in
            // An empty buffer still needs a valid pointer.
            var empty: UInt8 = 0
            withUnsafeMutablePointer(to: &empty) { emptyPtr in
                let base = buf.baseAddress ?? UnsafePointer(emptyPtr)
                yaml_parser_set_input_string(&parser, base, buf.count)
                yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(&parser, &event) == 1 else {
                        issues.append(syntaxIssue(parser))
                        return
                    }
                    let done = event.type == YAML_STREAM_END_EVENT
                    let ok = handle(&event)
                    yaml_event_delete(&event)
                    if done || !ok { return }
                }
            }
        }
    }

    static func mark(_ m: yaml_mark_t) -> Mark { Mark(line: Int(m.line) + 1, column: Int(m.column) + 1) }

    static func string(_ p: UnsafeMutablePointer<UInt8>?, _ length: Int) -> String {
        guard let p else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: length), as: UTF8.self)
    }

    static func cString(_ p: UnsafeMutablePointer<UInt8>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    /// Handles one event; false stops the parse of this file.
    mutating func handle(_ event: inout yaml_event_t) -> Bool {
        let start = Self.mark(event.start_mark)
        let end = Self.mark(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors.removeAll(keepingCapacity: true)
            root = nil
        case YAML_DOCUMENT_END_EVENT:
            let node = root ?? Node(.scalar(text: "", style: .plain, tag: nil), span: Span(start: start, end: end))
            documents.append(YAMLDocument(root: node, index: documentIndex))
            documentIndex += 1
            root = nil
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = Self.string(s.value, s.length)
            let style: ScalarStyle
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let tag = Self.cString(s.tag)
            let node = Node(.scalar(text: text, style: style, tag: tag), span: Span(start: start, end: end))
            return complete(node, size: 1, anchor: Self.cString(s.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.cString(event.data.alias.anchor) ?? ""
            let span = Span(start: start, end: end)
            guard let target = anchors[name] else {
                issues.append(YAMLIssue(
                    kind: .syntax,
                    message: "the alias *\(name) refers to no anchor defined before it: define &\(name) earlier in the same document",
                    span: span))
                return false
            }
            if aliasNodes + target.size > options.limits.maxAliasNodes {
                issues.append(YAMLIssue(
                    kind: .limit,
                    message: "expanding the alias *\(name) would create more than \(options.limits.maxAliasNodes) nodes through aliases in this file (an alias bomb?): use fewer nested aliases or raise the alias-expansion limit",
                    span: span))
                return false
            }
            var count = 0
            let copy = target.node.remarked(span, count: &count)
            aliasNodes += count
            return complete(copy, size: count, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            guard push(start) else { return false }
            stack.append(.sequence(start: start, anchor: Self.cString(event.data.sequence_start.anchor), items: [], size: 1))
        case YAML_MAPPING_START_EVENT:
            guard push(start) else { return false }
            stack.append(.mapping(start: start, anchor: Self.cString(event.data.mapping_start.anchor), pairs: [], pendingKey: nil, size: 1, keys: nil))
        case YAML_SEQUENCE_END_EVENT:
            guard case .sequence(let s, let anchor, let items, let size)? = stack.popLast() else { return false }
            return complete(Node(.sequence(items), span: Span(start: s, end: end)), size: size, anchor: anchor)
        case YAML_MAPPING_END_EVENT:
            guard case .mapping(let s, let anchor, var pairs, _, let size, _)? = stack.popLast() else { return false }
            if options.mergeKeys { pairs = merged(pairs) }
            return complete(Node(.mapping(pairs), span: Span(start: s, end: end)), size: size, anchor: anchor)
        default:
            break
        }
        return true
    }

    mutating func push(_ at: Mark) -> Bool {
        if stack.count >= options.limits.maxDepth {
            issues.append(YAMLIssue(
                kind: .limit,
                message: "nesting deeper than \(options.limits.maxDepth) levels: flatten the structure or raise the depth limit",
                span: Span(start: at, end: at)))
            return false
        }
        return true
    }

    /// Attaches a finished node to its parent (or makes it the document's root).
    mutating func complete(_ node: Node, size: Int, anchor: String?) -> Bool {
        if let anchor { anchors[anchor] = (node, size) }
        guard let top = stack.popLast() else {
            root = node
            return true
        }
        switch top {
        case .sequence(let s, let a, var items, let n):
            items.append(node)
            stack.append(.sequence(start: s, anchor: a, items: items, size: n + size))
        case .mapping(let s, let a, var pairs, let pendingKey, let n, var keys):
            if let key = pendingKey {
                if let text = key.scalarText, !(options.mergeKeys && isMergeKey(key)) {
                    if isDuplicate(text, pairs: pairs, keys: &keys) {
                        issues.append(YAMLIssue(
                            kind: .duplicateKey,
                            message: "the key '\(text)' appears twice in this mapping: remove or rename the second one (the first is kept)",
                            span: key.span))
                        stack.append(.mapping(start: s, anchor: a, pairs: pairs, pendingKey: nil, size: n + size, keys: keys))
                        return true
                    }
                }
                pairs.append(Pair(key: key, value: node))
                stack.append(.mapping(start: s, anchor: a, pairs: pairs, pendingKey: nil, size: n + size, keys: keys))
            } else {
                stack.append(.mapping(start: s, anchor: a, pairs: pairs, pendingKey: node, size: n + size, keys: keys))
            }
        }
        return true
    }

    /// Linear scan for small mappings, a set once a mapping grows, so a huge mapping stays linear.
    func isDuplicate(_ text: String, pairs: [Pair], keys: inout Set<String>?) -> Bool {
        if keys == nil, pairs.count >= 24 {
            keys = Set(pairs.compactMap { isMergeKey($0.key) ? nil : $0.key.scalarText })
        }
        if keys != nil {
            return !keys!.insert(text).inserted
        }
        for p in pairs where p.key.scalarText == text && !(options.mergeKeys && isMergeKey(p.key)) { return true }
        return false
    }

    func isMergeKey(_ key: Node) -> Bool {
        if case .scalar("<<", .plain, nil) = key.content { return true }
        return false
    }

    /// Applies `<<`: explicit keys win, then earlier merged maps over later ones.
    func merged(_ pairs: [Pair]) -> [Pair] {
        guard pairs.contains(where: { isMergeKey($0.key) }) else { return pairs }
        var result: [Pair] = []
        var seen = Set<String>()
        for p in pairs where !isMergeKey(p.key) {
            result.append(p)
            if let t = p.key.scalarText { seen.insert(t) }
        }
        for p in pairs where isMergeKey(p.key) {
            var sources: [Node] = []
            switch p.value.content {
            case .mapping: sources = [p.value]
            case .sequence(let items): sources = items
            case .scalar: sources = []
            }
            for source in sources {
                guard case .mapping(let inner) = source.content else { continue }
                for q in inner {
                    if let t = q.key.scalarText {
                        if seen.contains(t) { continue }
                        seen.insert(t)
                    }
                    result.append(q)
                }
            }
        }
        return result
    }

    func syntaxIssue(_ parser: yaml_parser_t) -> YAMLIssue {
        let problem = Self.ccString(parser.problem) ?? "unknown problem"
        var span: Span
        if parser.error == YAML_READER_ERROR {
            let at = position(ofOffset: Int(parser.problem_offset))
            span = Span(start: at, end: at)
        } else {
            let m = Self.mark(parser.problem_mark)
            span = Span(start: m, end: m)
        }
        var message = "YAML syntax error: \(problem)"
        if let context = Self.ccString(parser.context) {
            let cm = Self.mark(parser.context_mark)
            message += " (\(context) at line \(cm.line), column \(cm.column))"
        }
        if let hint = Self.hint(for: problem) { message += ": \(hint)" }
        if parser.error == YAML_MEMORY_ERROR { message = "libyaml ran out of memory reading this file" }
        return YAMLIssue(kind: .syntax, message: message, span: span)
    }

    static func ccString(_ p: UnsafePointer<CChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    /// Plain words for libyaml's most common messages.
    static func hint(for problem: String) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return "a ': ' where YAML expected a plain value; quote the value if it contains ': ', or fix the indentation"
        case "did not find expected key":
            return "this line is indented differently from the keys around it; align it with its siblings"
        case "did not find expected '-' indicator":
            return "a list item is indented differently from the items around it; align the '-' signs"
        case "found character that cannot start any token":
            return "a tab, '@' or '`' starts a value; indent with spaces and quote values that begin with '@' or '`'"
        case "could not find expected ':'":
            return "a key without a ':' after it, or a quote that is never closed"
        case "found unexpected end of stream":
            return "the file ends inside a quoted string or an unclosed [ ] or { }; close it"
        case "did not find expected ',' or ']'":
            return "a [ ] list is not closed, or two of its items lack a ',' between them"
        case "did not find expected ',' or '}'":
            return "a { } mapping is not closed, or two of its entries lack a ',' between them"
        case "block sequence entries are not allowed in this context":
            return "a '- ' item on the same line as a key; put the list on the following lines"
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return "indent with spaces, never tabs"
        case "invalid leading UTF-8 octet", "invalid trailing UTF-8 octet", "incomplete UTF-8 octet sequence", "invalid Unicode character":
            return "the file is not UTF-8 text (binary data or another encoding); save it as UTF-8"
        case "control characters are not allowed":
            return "the file holds control characters or binary data; ladder files must be UTF-8 text"
        case "found undefined tag handle":
            return "a '!' starts a value; quote the value"
        default:
            return nil
        }
    }

    /// Line and column of a byte offset, for reader errors, which libyaml reports without a mark.
    func position(ofOffset offset: Int) -> Mark {
        var line = 1
        var column = 1
        var i = 0
        let limit = min(offset, bytes.count)
        while i < limit {
            let b = bytes[i]
            if b == 10 {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return Mark(line: line, column: column)
    }
}
