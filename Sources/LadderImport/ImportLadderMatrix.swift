import LadderModel
import LadderRules
import LadderYAML

/// Reads a competency matrix written in YAML or JSON, shaped like the Financial Times'
/// engineering-progression: `levels` (lowest first), optional `themes`, and `competencies`
/// naming a level each. Real files differ a little, so the reader is liberal where the meaning
/// is plain (a level or theme written as a bare string, `name` or `title`, `theme` or `area`)
/// and strict where a guess would put words on the wrong level (an unknown level id).
struct CompetencyMatrix {
    let file: String

    static let titleKeys = ["name", "title"]
    static let themeKeys = ["theme", "area"]
    static let textKeys = ["summary", "description", "text", "name", "title"]

    /// `json`: the file is JSON (by its name or its first character), whose writers escape a
    /// character outside the BMP as a UTF-16 surrogate pair, which libyaml refuses.
    func read(_ bytes: [UInt8], json: Bool) throws -> SourceLadder {
        let loaded = YAMLLoader().load(json ? Self.joiningSurrogates(bytes) : bytes)
        if let issue = loaded.issues.first {
            throw UsageError(
                file: file, span: issue.span,
                "expected a competency matrix in YAML or JSON (or a Markdown table in a .md file), found text that is not valid YAML or JSON (\(issue.message)): fix the file, or name a Markdown file .md")
        }
        let roots = loaded.documents.map(\.root).filter { if case .null? = $0.scalarValue { return false } else { return true } }
        guard let root = roots.first else {
            throw UsageError(file: file, span: .unknown, "expected a competency matrix with a 'levels' list, found an empty file: give the file that lists the levels")
        }
        guard case .mapping(let pairs) = root.storage else {
            throw UsageError(
                file: file, span: root.span,
                "expected a competency matrix (a mapping with 'levels', 'themes' and 'competencies'), found \(root.kindDescription): put the levels under a 'levels' key")
        }
        guard let levelsPair = root.pair("levels") else {
            let keys = pairs.compactMap(\.key.scalarText).prefix(8).map { "'\($0)'" }.joined(separator: ", ")
            throw UsageError(
                file: file, span: root.span,
                "expected a 'levels' list (the levels, lowest first), found a mapping with the keys \(keys.isEmpty ? "none" : keys): add 'levels: [{id, name}, ...]'")
        }
        var levels = try readLevels(levelsPair)
        let themes = try readThemes(root.pair("themes"))
        if let p = root.pair("competencies") {
            try readCompetencies(p, into: &levels, themes: themes)
        }
        return SourceLadder(positionWord: "line", shape: "a competency matrix", levels: levels, gradesFrom: "the order of 'levels'")
    }

    /// `\ud83d\ude00` → `\U0001F600` inside the double-quoted strings of a JSON text (Python's
    /// `json.dumps` writes every emoji so): the same character, in the escape YAML reads. A
    /// line that holds one keeps its line number; columns after it on that line move by 2.
    static func joiningSurrogates(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "\\")) else { return bytes }
        func hex(_ i: Int) -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for b in bytes[i..<i + 4] {
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(b - UInt8(ascii: "A") + 10)
                default: return nil
                }
            }
            return v
        }
        func isU(_ i: Int) -> Bool { i + 1 < bytes.count && bytes[i] == UInt8(ascii: "\\") && bytes[i + 1] == UInt8(ascii: "u") }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if !inString {
                if b == UInt8(ascii: "\"") { inString = true }
                out.append(b)
                i += 1
                continue
            }
            if b == UInt8(ascii: "\"") {
                inString = false
            } else if b == UInt8(ascii: "\\") {
                if isU(i), let high = hex(i + 2), (0xD800...0xDBFF).contains(high), isU(i + 6), let low = hex(i + 8), (0xDC00...0xDFFF).contains(low) {
                    let v = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    out += Array("\\U\(YAMLText.hex(v, 8))".utf8)
                    i += 12
                    continue
                }
                out.append(b)
                if i + 1 < bytes.count { out.append(bytes[i + 1]) }
                i += 2
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }

    private func items(_ p: Pair, _ what: String, example: String) throws -> [Node]? {
        if case .null? = p.value.scalarValue { return nil }
        guard case .sequence(let items) = p.value.storage else {
            throw UsageError(file: file, span: p.anchorSpan, "\(p.key.scalarText ?? what): expected a list of \(what), found \(p.value.kindDescription): write it as a list, e.g. \(example)")
        }
        return items
    }

    /// A scalar's text, nil for an empty value; a collection is an error.
    private func text(_ node: Node, _ path: String) throws -> String? {
        if case .null? = node.scalarValue { return nil }
        guard !node.isCollection, let t = node.scalarText else {
            throw UsageError(file: file, span: node.span, "\(path): expected text, found \(node.kindDescription): write one line of text")
        }
        return t.isEmpty ? nil : t
    }

    private func first(_ node: Node, _ keys: [String], _ path: String) throws -> String? {
        for k in keys {
            if let p = node.pair(k), let t = try text(p.value, "\(path).\(k)") { return t }
        }
        return nil
    }

    func readLevels(_ p: Pair) throws -> [SourceLevel] {
        guard let items = try items(p, "levels", example: "[{id: engineer, name: Engineer}]"), !items.isEmpty else {
            throw UsageError(file: file, span: p.anchorSpan, "levels: expected at least one level, found none: list the levels, lowest first")
        }
        var out: [SourceLevel] = []
        var seen: [String: Span] = [:]
        for (i, item) in items.enumerated() {
            let path = "levels[\(i)]"
            var id: String?, title: String?
            switch item.storage {
            case .scalar, .tagged:
                id = try text(item, path)
                title = id
            case .mapping:
                id = try item.pair("id").flatMap { try text($0.value, "\(path).id") }
                title = try first(item, Self.titleKeys, path)
            case .sequence:
                throw UsageError(file: file, span: item.span, "\(path): expected a level ({id, name}), found a list: write each level as {id: ..., name: ...}")
            }
            guard let title = title ?? id else {
                throw UsageError(file: file, span: item.span, "\(path): expected a level with an 'id' or a 'name', found neither: give the level an id and a name")
            }
            if let id {
                if let earlier = seen[id] {
                    throw UsageError(
                        file: file, span: item.pair("id")?.value.span ?? item.span,
                        "\(path).id: expected ids that differ, found '\(id)' again (first at line \(earlier.start.line)): give this level its own id")
                }
                seen[id] = item.span
            }
            out.append(SourceLevel(sourceID: id, title: title, grade: nil, track: nil, span: item.span))
        }
        return out
    }

    /// Theme ids to names; a theme written as a bare string is its own name.
    func readThemes(_ p: Pair?) throws -> [String: String] {
        guard let p else { return [:] }
        var names: [String: String] = [:]
        switch p.value.storage {
        case .mapping(let pairs):
            // `themes: {technical: Technical}`: an id to name mapping.
            for q in pairs {
                if let k = q.key.scalarText, let v = try text(q.value, "themes.\(k)") { names[k] = v }
            }
        default:
            guard let items = try items(p, "themes", example: "[{id: technical, name: Technical}]") else { return [:] }
            for (i, item) in items.enumerated() {
                if case .mapping = item.storage {
                    let id = try item.pair("id").flatMap { try text($0.value, "themes[\(i)].id") }
                    let name = try first(item, Self.titleKeys, "themes[\(i)]")
                    if let key = id ?? name { names[key] = name ?? key }
                } else if let t = try text(item, "themes[\(i)]") {
                    names[t] = t
                }
            }
        }
        return names
    }

    func readCompetencies(_ p: Pair, into levels: inout [SourceLevel], themes: [String: String]) throws {
        guard let items = try items(p, "competencies", example: "[{level: engineer, theme: technical, summary: ...}]") else { return }
        var byID: [String: Int] = [:], byTitle: [String: Int] = [:]
        for (i, l) in levels.enumerated() {
            if let id = l.sourceID { byID[id] = i }
            if byTitle[l.title] == nil { byTitle[l.title] = i }
        }
        let known = levels.map { $0.sourceID ?? $0.title }
        for (i, item) in items.enumerated() {
            let path = "competencies[\(i)]"
            guard case .mapping = item.storage else {
                throw UsageError(file: file, span: item.span, "\(path): expected a competency ({level, theme, summary}), found \(item.kindDescription): write it as a mapping")
            }
            guard let levelPair = item.pair("level"), let level = try text(levelPair.value, "\(path).level") else {
                throw UsageError(file: file, span: item.span, "\(path): expected a 'level' naming one of the levels, found none: add 'level: ID'")
            }
            guard let index = byID[level] ?? byTitle[level] else {
                var message = "\(path).level: expected the id of one of the levels, found '\(level)'"
                if let s = Suggest.nearest(level, in: known) { message += ": did you mean '\(s)'?" } else { message += "." }
                message += " Known levels: \(known.prefix(20).joined(separator: ", ")); correct the id or add the level to 'levels'"
                throw UsageError(file: file, span: levelPair.value.span, message)
            }
            guard let summary = try first(item, Self.textKeys, path) else {
                throw UsageError(file: file, span: item.span, "\(path): expected a 'summary' (the competency in words), found none: add 'summary: ...'")
            }
            let theme = try first(item, Self.themeKeys, path).map { themes[$0] ?? $0 }
            levels[index].criteria.append(SourceCriterion(theme: theme, text: summary))
        }
    }
}
