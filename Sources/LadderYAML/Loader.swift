import CLibYAML

/// Builds node tables from libyaml's event stream, keeping the span of every node, enforcing
/// limits, resolving aliases at the place of use and applying merge keys.
public struct YAMLLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads every document of `bytes` as `Node` trees. Never traps on any input.
    public func load(_ bytes: [UInt8]) -> LoadResult {
        let loaded = loadTable(bytes)
        let roots = loaded.table.nodes(loaded.documents.map(\.root))
        return LoadResult(
            documents: zip(roots, loaded.documents).map { YAMLDocument(root: $0, index: $1.index) },
            issues: loaded.issues)
    }

    /// Loads every document of `bytes` into one table (`NodeTable`). Never traps on any input.
    public func loadTable(_ bytes: [UInt8]) -> TableLoadResult {
        if bytes.count > options.limits.maxFileBytes {
            return TableLoadResult(
                table: NodeTable(),
                documents: [],
                issues: [
                    YAMLIssue(
                        kind: .limit,
                        message: "the file is \(bytes.count) bytes, above the limit of \(options.limits.maxFileBytes) bytes: split it into smaller files (limits.max_file_bytes in .ladderlint.yml can lower this limit, never raise it)",
                        span: .unknown)
                ])
        }
        var builder = TableBuilder(options: options, bytes: bytes)
        builder.run()
        let documents = builder.documents, issues = builder.issues
        let table = builder.table()
        return TableLoadResult(table: table, documents: documents, issues: issues)
    }
}

/// The state of one parse. Uses an explicit stack, not recursion, so depth is bounded by the
/// configured limit and never by the thread's stack.
///
/// A finished node is a record on `pending`, the children of the open collections in order;
/// when a collection ends, its children move from the top of `pending` to the end of
/// `records` as one block, and its own record goes on `pending` for its parent. So a node's
/// children always sit before it in `records`.
private struct TableBuilder: ~Copyable {
    typealias Record = NodeTable.Record

    /// An open collection. A struct mutated in place through `top`.
    struct Frame {
        let isMapping: Bool
        let start: Mark
        let anchor: String?
        /// Where this collection's children start in `pending`.
        var pendingStart = 0
        /// Nodes in this subtree so far, itself included (the cost of copying it for an alias).
        var size = 1
        /// Collection levels of the deepest child so far.
        var childLevels = 0
        /// Where this mapping's keys start in the builder's `keyTexts`.
        var keyStart = 0
        /// Keys seen, built from `keyTexts` once a mapping grows past a few keys.
        var keys: Set<String>?
        /// A `<<` pair was kept, so the mapping has merging to do when it ends.
        var hasMergeKey = false

        /// The placeholder `top` while no collection is open.
        static var none: Frame { Frame(isMapping: false, start: Mark(line: 0, column: 0), anchor: nil) }

        init(isMapping: Bool, start: Mark, anchor: String?) {
            self.isMapping = isMapping
            self.start = start
            self.anchor = anchor
        }
    }

    /// An anchored node with what an alias to it costs.
    struct Anchored {
        var record: Record
        var size: Int
        /// How many collections deep the node goes (0 for a scalar).
        var levels: Int
    }

    let options: LoadOptions
    let bytes: [UInt8]
    /// Bytes skipped before libyaml's input: a UTF-8 byte order mark.
    let inputStart: Int
    var records: TableBuffer<Record>
    var texts: TableBuffer<String>
    /// One per text: `NodeTable.signature` of its bytes for keys, 0 for the other texts.
    var signatures: TableBuffer<UInt64>
    var tags = TableBuffer<String>(capacity: 0)
    var pending: [Record] = []
    var documents: [TableDocument] = []
    var issues: [YAMLIssue] = []
    /// The innermost open collection (a placeholder while `depth` is 0), kept outside `stack`:
    /// every node is attached to it, and mutating it through `stack[last]` cost a bounds and a
    /// uniqueness check per access.
    var top = Frame.none
    /// The open collections around `top`, outermost first.
    var stack: [Frame] = []
    /// How many collections are open: `stack` and `top`.
    var depth = 0
    /// The text (its index in `texts`) and signature of each scalar key kept so far by the
    /// open mappings, merge keys left out, for the duplicate check. One pair of arrays for all
    /// mappings, used as a stack: a nested mapping's keys are all added, and dropped, before
    /// its parent keeps its own key.
    var keyTexts: [Int32] = []
    var keySignatures: [UInt64] = []
    var anchors: [String: Anchored] = [:]
    var aliasNodes = 0
    var root: Record?
    var documentIndex = 0

    init(options: LoadOptions, bytes: [UInt8]) {
        self.options = options
        self.bytes = bytes
        // libyaml, told the input is UTF-8, keeps a byte order mark and counts it as a column.
        self.inputStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Measured on the benchmark's ladder files (bench/gen.py, 14 KB): one record per 10
        // bytes and one text per 12 (counted with PyYAML). Reserved a little above that, a
        // file's buffers never grow (growing them was 0.7% of a large audit's instructions).
        // The reservation is a few times the file's size, for as long as it is being read; for
        // a large file most of it is address space the kernel never backs with memory.
        records = TableBuffer(capacity: bytes.count / 8)
        texts = TableBuffer(capacity: bytes.count / 10)
        signatures = TableBuffer(capacity: bytes.count / 10)
        pending.reserveCapacity(64)
    }

    /// The table of what was loaded; the builder is used up.
    consuming func table() -> NodeTable { NodeTable(records: records, texts: texts, signatures: signatures, tags: tags) }

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
                let base = buf.baseAddress.map { $0 + inputStart } ?? UnsafePointer(emptyPtr)
                yaml_parser_set_input_string(&parser, base, buf.count - inputStart)
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

    /// Makes `frame` the innermost open collection. Frames are swapped, not copied.
    mutating func open(_ frame: consuming Frame) {
        frame.pendingStart = pending.count
        swap(&top, &frame)
        if depth > 0 { stack.append(frame) }
        depth += 1
    }

    /// Removes the innermost open collection, making its parent the innermost.
    mutating func close() -> Frame? {
        guard depth > 0 else { return nil }
        depth -= 1
        var frame = stack.popLast() ?? Frame.none
        swap(&top, &frame)
        return frame
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

    mutating func scalar(_ text: String, signature: UInt64, style: ScalarStyle, tag: String?, span: Span) -> Record {
        var tagIndex: Int32 = -1
        if let tag {
            tagIndex = Int32(truncatingIfNeeded: tags.count)
            tags.append(tag)
        }
        texts.append(text)
        signatures.append(signature)
        return Record(kind: .scalar, style: style, tag: tagIndex, first: Int32(truncatingIfNeeded: texts.count - 1), count: 0, span: span)
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
            let record = root ?? scalar("", signature: 0, style: .plain, tag: nil, span: Span(start: start, end: end))
            records.append(record)
            documents.append(TableDocument(root: Int32(truncatingIfNeeded: records.count - 1), index: documentIndex))
            documentIndex += 1
            root = nil
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let style: ScalarStyle
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            // A key (an even number of children pending in a mapping) gets its signature here,
            // from the bytes; a value does not need one.
            let isKey = depth > 0 && top.isMapping && (pending.count - top.pendingStart) % 2 == 0
            let record = scalar(
                Self.string(s.value, s.length), signature: isKey ? NodeTable.signature(s.value, s.length) : 0, style: style,
                tag: Self.cString(s.tag), span: Span(start: start, end: end))
            complete(record, size: 1, levels: 0, anchor: Self.cString(s.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.cString(event.data.alias.anchor) ?? ""
            let span = Span(start: start, end: end)
            guard let target = anchors[name] else {
                issues.append(
                    YAMLIssue(
                        kind: .syntax,
                        message: "the alias *\(name) refers to no anchor defined before it: define &\(name) earlier in the same document",
                        span: span))
                return false
            }
            if aliasNodes + target.size > options.limits.maxAliasNodes {
                issues.append(
                    YAMLIssue(
                        kind: .limit,
                        message:
                            "expanding the alias *\(name) would create more than \(options.limits.maxAliasNodes) nodes through aliases in this file (an alias bomb?): use fewer nested aliases (limits.max_alias_nodes in .ladderlint.yml can lower this limit, never raise it)",
                        span: span))
                return false
            }
            // Aliases can nest a subtree under itself; the expanded tree must respect the depth limit too.
            if depth + target.levels > options.limits.maxDepth {
                issues.append(
                    YAMLIssue(
                        kind: .limit,
                        message: "expanding the alias *\(name) here nests deeper than \(options.limits.maxDepth) levels: flatten the structure (limits.max_depth in .ladderlint.yml can lower this limit, never raise it)",
                        span: span))
                return false
            }
            var count = 0
            let copy = remarked(target.record, span, count: &count)
            aliasNodes += count
            complete(copy, size: count, levels: target.levels, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            guard push(start) else { return false }
            open(Frame(isMapping: false, start: start, anchor: Self.cString(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
            guard push(start) else { return false }
            var frame = Frame(isMapping: true, start: start, anchor: Self.cString(event.data.mapping_start.anchor))
            frame.keyStart = keyTexts.count
            open(frame)
        case YAML_SEQUENCE_END_EVENT:
            guard let frame = close(), !frame.isMapping else { return false }
            let first = records.count
            let count = pending.count - frame.pendingStart
            records.append(contentsOf: pending[frame.pendingStart...])
            pending.removeSubrange(frame.pendingStart...)
            let record = Record(
                kind: .sequence, style: .plain, tag: -1, first: Int32(truncatingIfNeeded: first), count: Int32(truncatingIfNeeded: count),
                span: Span(start: frame.start, end: end))
            complete(record, size: frame.size, levels: frame.childLevels + 1, anchor: frame.anchor)
        case YAML_MAPPING_END_EVENT:
            guard let frame = close(), frame.isMapping else { return false }
            keyTexts.removeSubrange(min(frame.keyStart, keyTexts.count)...)
            keySignatures.removeSubrange(min(frame.keyStart, keySignatures.count)...)
            let first = records.count
            if options.mergeKeys && frame.hasMergeKey {
                let merged = merged(pending[frame.pendingStart...])
                records.append(contentsOf: merged)
            } else {
                records.append(contentsOf: pending[frame.pendingStart...])
            }
            pending.removeSubrange(frame.pendingStart...)
            let record = Record(
                kind: .mapping, style: .plain, tag: -1, first: Int32(truncatingIfNeeded: first), count: Int32(truncatingIfNeeded: (records.count - first) / 2),
                span: Span(start: frame.start, end: end))
            complete(record, size: frame.size, levels: frame.childLevels + 1, anchor: frame.anchor)
        default:
            break
        }
        return true
    }

    mutating func push(_ at: Mark) -> Bool {
        if depth >= options.limits.maxDepth {
            issues.append(
                YAMLIssue(
                    kind: .limit,
                    message: "nesting deeper than \(options.limits.maxDepth) levels: flatten the structure (limits.max_depth in .ladderlint.yml can lower this limit, never raise it)",
                    span: Span(start: at, end: at)))
            return false
        }
        return true
    }

    /// A copy of `record`'s subtree with every span replaced by `span` (aliases), its
    /// collections' children copied to new blocks.
    mutating func remarked(_ record: Record, _ span: Span, count: inout Int) -> Record {
        count += 1
        var copy = record
        copy.span = span
        guard record.kind != .scalar else { return copy }
        let n = Int(record.kind == .mapping ? 2 * record.count : record.count)
        var children: [Record] = []
        children.reserveCapacity(n)
        for j in 0..<n { children.append(remarked(records[Int(record.first) + j], span, count: &count)) }
        copy.first = Int32(truncatingIfNeeded: records.count)
        records.append(contentsOf: children)
        return copy
    }

    func text(_ r: Record) -> String? { r.kind == .scalar ? texts[Int(r.first)] : nil }


    static let mergeSignature = NodeTable.signature("<<")

    /// Attaches a finished node to its parent (or makes it the document's root).
    mutating func complete(_ record: Record, size: Int, levels: Int, anchor: String?) {
        if let anchor { anchors[anchor] = Anchored(record: record, size: size, levels: levels) }
        guard depth > 0 else {
            root = record
            return
        }
        top.size += size
        if levels > top.childLevels { top.childLevels = levels }
        // In a mapping, an odd number of children pending means this node is a value.
        guard top.isMapping, (pending.count - top.pendingStart) % 2 == 1 else {
            pending.append(record)
            return
        }
        let key = pending[pending.count - 1]
        if key.kind == .scalar {
            // Signatures first: comparing texts is a call each.
            var sig = signatures[Int(key.first)]
            // An alias to a value used as a key: its text has no signature yet.
            if sig == 0 { sig = NodeTable.signature(texts[Int(key.first)]) }
            if options.mergeKeys && sig == Self.mergeSignature && key.tag < 0 && key.style == .plain {
                top.hasMergeKey = true
            } else if isDuplicate(key.first, sig) {
                let text = texts[Int(key.first)]
                issues.append(
                    YAMLIssue(
                        kind: .duplicateKey,
                        message: "the key '\(text)' appears twice in this mapping: remove or rename the second one (the first is kept)",
                        span: key.span))
                pending.removeLast()
                return
            }
        }
        pending.append(record)
    }

    /// Linear scan for small mappings, a set once a mapping grows, so a huge mapping stays linear.
    /// Keys compare by their text: `1` and `"1"` read the same to a person and to the model.
    /// Records the key (`texts[text]`, of signature `sig`) as seen unless it is a duplicate.
    /// Signatures answer for ASCII keys (`NodeTable.signature`); other keys compare as texts.
    mutating func isDuplicate(_ text: Int32, _ sig: UInt64) -> Bool {
        if top.keys == nil {
            let start = top.keyStart
            if keyTexts.count - start < 24 {
                // An index loop: `keyTexts[start...].contains` cost twice as much.
                var j = start
                while j < keyTexts.count {
                    let other = keySignatures[j]
                    if other == sig || (other | sig) & NodeTable.nonASCII != 0 {
                        if other == sig && NodeTable.signatureIsWhole(sig) { return true }
                        if texts[Int(keyTexts[j])] == texts[Int(text)] { return true }
                    }
                    j += 1
                }
                keyTexts.append(text)
                keySignatures.append(sig)
                return false
            }
            var keys = Set<String>(minimumCapacity: (keyTexts.count - start) * 2)
            for t in keyTexts[start...] { keys.insert(texts[Int(t)]) }
            keyTexts.removeSubrange(start...)
            keySignatures.removeSubrange(start...)
            top.keys = keys
        }
        return !top.keys!.insert(texts[Int(text)]).inserted
    }

    func isMergeKey(_ key: Record) -> Bool {
        key.kind == .scalar && key.tag < 0 && key.style == .plain && texts[Int(key.first)] == "<<"
    }

    /// Applies `<<` to a mapping's keys and values: explicit keys win, then earlier merged
    /// maps over later ones. A merge value that is not a mapping or a list of mappings is
    /// reported and left out.
    mutating func merged(_ children: ArraySlice<Record>) -> [Record] {
        var result: [Record] = []
        var seen = Set<String>()
        var merges: [Record] = []
        var i = children.startIndex
        while i + 1 < children.endIndex {
            let key = children[i], value = children[i + 1]
            if isMergeKey(key) {
                merges.append(value)
            } else {
                result.append(key)
                result.append(value)
                if let t = text(key) { seen.insert(t) }
            }
            i += 2
        }
        for value in merges {
            let sources: [Record]
            switch value.kind {
            case .mapping, .scalar: sources = [value]
            case .sequence: sources = (Int(value.first)..<Int(value.first + value.count)).map { records[$0] }
            }
            for source in sources {
                guard source.kind == .mapping else {
                    issues.append(
                        YAMLIssue(
                            kind: .syntax,
                            message:
                                "the merge key '<<' takes a mapping or a list of mappings, such as *defaults or [*base, *extra], but found \(source.kindDescription(texts: texts.elements, tags: tags.elements)): merge an anchored mapping, or quote '<<' to use it as an ordinary key",
                            span: source.span))
                    continue
                }
                var j = Int(source.first)
                for _ in 0..<Int(source.count) {
                    let key = records[j]
                    if let t = text(key) {
                        if seen.contains(t) {
                            j += 2
                            continue
                        }
                        seen.insert(t)
                    }
                    result.append(key)
                    result.append(records[j + 1])
                    j += 2
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
        case "invalid leading UTF-8 octet", "invalid trailing UTF-8 octet", "incomplete UTF-8 octet sequence",
            "invalid length of a UTF-8 sequence", "invalid Unicode character":
            return "the file is not UTF-8 text (binary data or another encoding); save it as UTF-8"
        case "control characters are not allowed":
            return "the file holds control characters or binary data; ladder files must be UTF-8 text"
        case "found undefined tag handle":
            return "a '!' starts a value; quote the value"
        case "did not find expected <document start>":
            return "more content follows the end of a document; start a new document with '---', or fix the indentation"
        case "did not find expected node content":
            return "a value is missing here; write it, or remove the extra ',', '-' or '?'"
        case "did not find expected alphabetic or numeric character":
            return "'&' and '*' start an anchor or alias and need a name after them; quote values that begin with '&' or '*'"
        case "found unknown escape character":
            return "a '\\' in a double-quoted string starts no known escape; write '\\\\' for a backslash, or use single quotes"
        default:
            return nil
        }
    }

    /// Line and column of a byte offset into libyaml's input, for reader errors, which libyaml
    /// reports without a mark. Counts characters and line breaks the way libyaml's marks do.
    func position(ofOffset offset: Int) -> Mark {
        var line = 1
        var column = 1
        var i = inputStart
        let limit = min(inputStart + offset, bytes.count)
        while i < limit {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 {
                // NEL
                line += 1
                column = 1
                i += 1
            } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                // LINE SEPARATOR, PARAGRAPH SEPARATOR
                line += 1
                column = 1
                i += 2
            } else if b & 0xC0 != 0x80 && b != 0x0D {
                column += 1
            }
            i += 1
        }
        return Mark(line: line, column: column)
    }
}
