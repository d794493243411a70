import CLibYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A comment of a YAML file whose text starts with a marker (`# ladderlint: …`).
public struct YAMLComment: Sendable, Equatable {
    /// After the `#`, up to the end of its line (the line break left out).
    public var text: String
    /// Where the `#` is.
    public var start: Mark
    /// Nothing but spaces and tabs before the `#` on its line.
    public var ownLine: Bool
    /// The line the comment is about: its own line for a comment after a value; for a comment
    /// on a line of its own, the next line that is not a comment only (so that comments stack).
    public var target: Int
}

/// Finds marked comments without a second parse of the file (libyaml reports no comments): a
/// byte search (`memchr`) for `#` followed by the marker; for a file that has one, the spans
/// of the parse's quoted and block scalars (`textSpans`) rule out a `#` inside one. A file the
/// parse could not read whole falls back to libyaml's scanner (tokens only), up to the last
/// candidate.
public enum YAMLComments {
    /// Whether `bytes` has a `#` at a line start or after a blank followed (after spaces) by
    /// `marker`: one `memchr` pass over a file without.
    public static func mayHave(_ marker: String, in bytes: [UInt8]) -> Bool {
        !candidates(Array(marker.utf8), in: bytes, inputStart: inputStart(bytes)).isEmpty
    }

    /// The spans of `table`'s quoted and block scalars (keys included): the only nodes whose
    /// text may hold ` #` (a plain scalar ends before it).
    public static func textSpans(of table: NodeTable) -> [Span] {
        var spans: [Span] = []
        for r in table.records where r.kind == .scalar && r.style != .plain { spans.append(r.span) }
        return spans
    }

    /// The comments of `bytes` whose text, after the `#` and any spaces, starts with `marker`.
    /// `textSpans`: the quoted and block scalars of a parse that read the whole file; nil
    /// when there is none, and libyaml's scanner finds them. A `#` inside one (a quoted string,
    /// a block scalar, a key) is no comment; nor, without `textSpans`, is one after a syntax
    /// error, where the scanner stopped.
    public static func find(_ marker: String, in bytes: [UInt8], textSpans: [Span]? = nil) -> [YAMLComment] {
        let needle = Array(marker.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return [] }
        let inputStart = inputStart(bytes)
        let hashes = candidates(needle, in: bytes, inputStart: inputStart)
        guard !hashes.isEmpty else { return [] }
        // One walk of the lines: each candidate's mark, and whether only blanks precede it.
        var lines = LineCursor(bytes: bytes, start: inputStart)
        let placed = hashes.map { hash in
            let mark = lines.mark(at: hash)
            return (mark, bytes[lines.lineStart..<hash].allSatisfy { $0 == 0x20 || $0 == 0x09 })
        }
        let scan = textSpans.map { ($0, Mark?.none) } ?? scalars(bytes, from: inputStart, until: placed.last!.0)
        var out: [YAMLComment] = []
        for (hash, (mark, ownLine)) in zip(hashes, placed) {
            if let stop = scan.1, !(mark < stop) { break }
            if scan.0.contains(where: { !(mark < $0.start) && mark < $0.end }) { continue }
            let end = LineCursor.lineEnd(bytes, from: hash)
            out.append(YAMLComment(
                text: String(decoding: bytes[(hash + 1)..<end], as: UTF8.self), start: mark, ownLine: ownLine,
                target: ownLine ? LineCursor.nextContentLine(bytes, after: end, line: Int(mark.line)) : Int(mark.line)))
        }
        return out
    }

    static func inputStart(_ bytes: [UInt8]) -> Int { bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 }

    /// The offsets of `#`, spaces, `needle`, with the `#` at a line's start or after a blank.
    /// `memchr` to each `#` (vectorised by libc): a file without comments costs one pass.
    static func candidates(_ needle: [UInt8], in bytes: [UInt8], inputStart: Int) -> [Int] {
        var hashes: [Int] = []
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var from = inputStart
            while from < buf.count, let hit = memchr(base + from, Int32(UInt8(ascii: "#")), buf.count - from) {
                let hash = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                from = hash + 1
                guard hash == inputStart || [0x20, 0x09, 0x0A, 0x0D].contains(buf[hash - 1]) else { continue }
                var p = hash + 1
                while p < buf.count, buf[p] == 0x20 || buf[p] == 0x09 { p += 1 }
                guard p + needle.count <= buf.count else { continue }
                var k = 0
                while k < needle.count, buf[p + k] == needle[k] { k += 1 }
                if k == needle.count { hashes.append(hash) }
            }
        }
        return hashes
    }

    /// The spans of the scalar tokens that start before `last` (the last comment asked about:
    /// the scan stops there, a token after it cannot hold it), and where the scanner stopped on
    /// an error (nil when it did not). Marks as the loader gives them (1-based).
    static func scalars(_ bytes: [UInt8], from inputStart: Int, until last: Mark) -> (spans: [Span], stop: Mark?) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return ([], Mark(line: 1, column: 1)) }
        defer { yaml_parser_delete(&parser) }
        var spans: [Span] = []
        var stop: Mark?
        func mark(_ m: yaml_mark_t) -> Mark { Mark(line: Int(m.line) + 1, column: Int(m.column) + 1) }
        bytes.withUnsafeBufferPointer { buf in
            yaml_parser_set_input_string(&parser, buf.baseAddress! + inputStart, buf.count - inputStart)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var token = yaml_token_t()
            while true {
                guard yaml_parser_scan(&parser, &token) == 1 else {
                    // A reader error (not UTF-8) has no mark: nothing is trusted.
                    // An unclosed quote is reported at the end of the file, with where it opened as
                    // the context: nothing from there on is trusted to be a comment.
                    if parser.error == YAML_READER_ERROR {
                        stop = Mark(line: 1, column: 1)
                    } else {
                        stop = mark(parser.problem_mark)
                        if parser.context != nil { stop = min(stop!, mark(parser.context_mark)) }
                    }
                    return
                }
                let type = token.type, start = mark(token.start_mark)
                if type == YAML_SCALAR_TOKEN { spans.append(Span(start: start, end: mark(token.end_mark))) }
                yaml_token_delete(&token)
                if type == YAML_STREAM_END_TOKEN || type == YAML_NO_TOKEN || last < start { return }
            }
        }
        return (spans, stop)
    }
}

/// Lines and columns of byte offsets, counted as libyaml counts them (characters; `\n`, `\r\n`,
/// `\r`, NEL, LS and PS break lines; a byte order mark is skipped), walking forward only.
struct LineCursor {
    let bytes: [UInt8]
    private(set) var lineStart: Int
    private var line = 1

    init(bytes: [UInt8], start: Int) {
        self.bytes = bytes
        self.lineStart = start
    }

    /// The length of the line break at `i`, or 0.
    static func breakLength(_ bytes: [UInt8], at i: Int) -> Int {
        let b = bytes[i]
        if b == 0x0A { return 1 }
        if b == 0x0D { return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1 }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { return 2 }
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return 3 }
        return 0
    }

    /// Where the line holding `i` ends (its break, or the end of the bytes).
    static func lineEnd(_ bytes: [UInt8], from i: Int) -> Int {
        var j = i
        while j < bytes.count, breakLength(bytes, at: j) == 0 { j += 1 }
        return j
    }

    /// The line number of the first line after the break at `end` (line `line`'s end) that is
    /// not a comment only; blank lines count as lines (a waiver does not reach over them).
    static func nextContentLine(_ bytes: [UInt8], after end: Int, line: Int) -> Int {
        var i = end, n = line
        while i < bytes.count {
            i += max(1, breakLength(bytes, at: i))
            n += 1
            var j = i
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "#") else { return n }
            i = lineEnd(bytes, from: j)
        }
        return n + 1
    }

    /// The mark of `offset`, at or after every offset asked before.
    mutating func mark(at offset: Int) -> Mark {
        var i = lineStart
        bytes.withUnsafeBufferPointer { buf in
            while i < offset {
                // Only these bytes can start a line break (`\n`, `\r`, NEL, LS, PS).
                let b = buf[i]
                guard b == 0x0A || b == 0x0D || b == 0xC2 || b == 0xE2 else {
                    i += 1
                    continue
                }
                let n = Self.breakLength(bytes, at: i)
                if n > 0 {
                    i += n
                    line += 1
                    lineStart = i
                } else {
                    i += 1
                }
            }
        }
        var column = 1
        for b in bytes[lineStart..<offset] where b & 0xC0 != 0x80 { column += 1 }
        return Mark(line: line, column: column)
    }
}
