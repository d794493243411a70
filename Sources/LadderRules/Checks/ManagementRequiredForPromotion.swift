import LadderModel

extension Check {
    /// An IC promotion that asks for people-management experience.
    static let managementRequiredForPromotion = Check(
        id: "management-required-for-ic-promotion",
        summary: "reads the promotion requirements of IC and shared levels for people-management tags and criteria",
        params: [
            ParamSpec(
                "tags", .strings,
                .strings(ManagementPhrases.defaultTags),
                "promotion.requires tags that mean \"has managed people\""),
            ParamSpec(
                "patterns", .strings,
                .strings(ManagementPhrases.defaultPatterns),
                "phrases in promotion.criteria that mean the same (case-insensitive; a hyphen matches a space)"),
            ParamSpec(
                "exceptions", .strings,
                .strings(ManagementPhrases.defaultExceptions),
                "phrases in which a pattern does not count: managing things, not people (\"vendor management experience\")"),
        ],
        messageArgs: ["level", "found", "grade"]
    ) { ctx in
        let l = ctx.ladder
        let tags = Set(ctx.params.strings("tags"))
        // Prepared once for the default phrases (the usual case), not once per ladder.
        let phrases = ManagementPhrases.isDefault(ctx.params) ? ManagementPhrases.standard
            : ManagementPhrases(patterns: ctx.params.strings("patterns"), exceptions: ctx.params.strings("exceptions"))
        var hits: [Hit] = []
        // A shared level is reached from the IC track too (a converged top, a common trunk): a
        // promotion to it that asks for people management closes it to engineers.
        for level in l.levels where l.onICSide(level) {
            guard let promotion = level.promotion else { continue }
            // Made only for a finding: most levels raise none.
            let label = { "\(level.id.value) (\(level.title))" }
            for tag in promotion.requires where tags.contains(tag.value) {
                hits.append(Hit(
                    file: l.file, span: tag.span, path: level.path.key("promotion").entry("requires", tag.value), subjects: [level.id.value],
                    evidence: [Evidence("grade", .int(level.grade.value)), Evidence("tag", .string(tag.value))],
                    args: ["level": .text(label()), "found": .text("the tag '\(tag.value)'"), "grade": .int(level.grade.value)],
                    track: level.track.value, grade: level.grade.value))
            }
            for criterion in promotion.criteria {
                guard let pattern = phrases.first(in: criterion.value) else { continue }
                hits.append(Hit(
                    file: l.file, span: criterion.span, path: level.path.key("promotion").entry("criteria", pattern), subjects: [level.id.value],
                    evidence: [Evidence("grade", .int(level.grade.value)), Evidence("pattern", .string(pattern)), Evidence("criterion", .string(criterion.value))],
                    args: ["level": .text(label()), "found": .text("the criterion \"\(criterion.value)\""), "grade": .int(level.grade.value)],
                    track: level.track.value, grade: level.grade.value))
            }
        }
        return hits
    }

    /// Whether `pattern` occurs in `text` outside every occurrence of the exceptions: "people
    /// management" counts in "people management, not project management", "management
    /// experience" does not in "vendor management experience". Exceptions are looked for only
    /// once the pattern occurs (most criteria mention no pattern).
    static func mentions(_ text: [UInt8], _ pattern: [UInt8], unless exceptions: [[UInt8]]) -> Bool {
        var at = firstIndex(of: pattern, in: text, from: 0)
        guard at != nil else { return false }
        var excluded: [Range<Int>] = []
        for e in exceptions {
            var i = firstIndex(of: e, in: text, from: 0)
            while let start = i {
                excluded.append(start..<start + e.count)
                i = firstIndex(of: e, in: text, from: start + 1)
            }
        }
        while let start = at {
            let match = start..<start + pattern.count
            if !excluded.contains(where: { $0.overlaps(match) }) { return true }
            at = firstIndex(of: pattern, in: text, from: start + 1)
        }
        return false
    }

    /// A phrase as patterns compare it: lowercased UTF-8, a hyphen or dash read as a space, and
    /// every run of spaces, tabs and line breaks as one space ("Line-managed" and "line
    /// managed" read alike; a folded YAML criterion keeps its line breaks).
    static func phraseUTF8(_ text: String) -> [UInt8] {
        var source = lowercasedUTF8(text)
        if source.contains(where: { $0 >= 0x80 }) {
            // Unicode dashes (U+2010 to U+2015) and the no-break space.
            var t = String(decoding: source, as: UTF8.self)
            for dash in ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{00A0}"] {
                t = t.replacingOccurrences(of: dash, with: " ")
            }
            source = Array(t.utf8)
        }
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        for b in source {
            let space = b == UInt8(ascii: " ") || b == UInt8(ascii: "-") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
            if space {
                if out.last != UInt8(ascii: " ") { out.append(UInt8(ascii: " ")) }
            } else {
                out.append(b)
            }
        }
        return out
    }

    /// The UTF-8 of `text.lowercased()`. ASCII text, the usual case, is lowered byte by byte
    /// instead of through a lowercased copy of the string.
    static func lowercasedUTF8(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return Array(text.lowercased().utf8) }
        for i in bytes.indices where bytes[i] >= UInt8(ascii: "A") && bytes[i] <= UInt8(ascii: "Z") {
            bytes[i] += 32
        }
        return bytes
    }

    /// Where `pattern` first occurs in `text` at or after `from`. Bytes, not strings: criteria
    /// are short, and Foundation's `contains` bridges to NSString on Linux, which showed in the
    /// profile of a large audit.
    static func firstIndex(of pattern: [UInt8], in text: [UInt8], from: Int) -> Int? {
        guard !pattern.isEmpty else { return from <= text.count ? from : nil }
        guard text.count >= pattern.count else { return nil }
        let first = pattern[0]
        var i = from
        let last = text.count - pattern.count
        while i <= last {
            if text[i] == first {
                var j = 1
                while j < pattern.count && text[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }
}

/// The phrases management-required-for-ic-promotion looks for, prepared: each pattern as the
/// bytes `Check.phraseUTF8` gives, and its longest word as an anchor. A criterion is compared
/// with a pattern only when it holds that pattern's anchor, each anchor looked for once: most
/// criteria mention none (a criterion was scanned once per pattern, twenty times).
struct ManagementPhrases: Sendable {
    static let defaultTags = ["people-management", "direct-reports", "management-experience", "line-management", "people-leadership"]
    static let defaultPatterns: [String] = [
                    "direct reports", "people management", "managed a team", "management experience",
                    // British: line management.
                    "line managed", "line managing", "line management", "as a line manager",
                    "managing people", "managed people", "manages people", "managing a team", "manages a team",
                    "as a manager", "as a people manager", "as an engineering manager",
                    "been a manager", "been a people manager", "been an engineering manager",
                    "people leadership",
                ]
    static let defaultExceptions: [String] = [
                    "project management", "programme management", "program management", "product management",
                    "vendor management", "stakeholder management", "incident management", "risk management",
                    "change management", "release management", "time management", "configuration management",
                ]

    static let standard = ManagementPhrases(patterns: defaultPatterns, exceptions: defaultExceptions)

    static func isDefault(_ p: Params) -> Bool {
        p.strings("patterns") == defaultPatterns && p.strings("exceptions") == defaultExceptions
    }

    /// In the parameter's order: the pattern as written (lowercased), its bytes, its anchor's index.
    let patterns: [(shown: String, bytes: [UInt8], anchor: Int)]
    let anchors: [[UInt8]]
    let exceptions: [[UInt8]]

    init(patterns: [String], exceptions: [String]) {
        var anchors: [[UInt8]] = [], index: [[UInt8]: Int] = [:]
        self.patterns = patterns.map { p in
            let bytes = Check.phraseUTF8(p)
            let anchor = Array(bytes.split(separator: UInt8(ascii: " ")).max { $0.count < $1.count } ?? bytes[...])
            let i = index[anchor] ?? anchors.count
            if i == anchors.count {
                anchors.append(anchor)
                index[anchor] = i
            }
            return (p.lowercased(), bytes, i)
        }
        self.anchors = anchors
        self.exceptions = exceptions.map(Check.phraseUTF8)
    }

    /// The first pattern, in the parameter's order, that `criterion` mentions outside the exceptions.
    func first(in criterion: String) -> String? {
        // Most criteria hold no anchor: look in the string's own ASCII bytes (lowered on the fly)
        // before lowering a copy. An anchor is one word, so the copy's other changes (dashes and
        // runs of spaces made one space) cannot make one appear.
        if let any = criterion.utf8.withContiguousStorageIfAvailable({ holdsAnyAnchor($0) }), any == false { return nil }
        let text = Check.phraseUTF8(criterion)
        var present: [Bool?] = Array(repeating: nil, count: anchors.count)
        for p in patterns {
            let has: Bool
            if let known = present[p.anchor] { has = known } else {
                has = Check.firstIndex(of: anchors[p.anchor], in: text, from: 0) != nil
                present[p.anchor] = has
            }
            if has && Check.mentions(text, p.bytes, unless: exceptions) { return p.shown }
        }
        return nil
    }

    /// Whether the ASCII text holds one of the anchors, capitals read as small letters; nil
    /// when it is not ASCII (only the lowered copy answers then).
    private func holdsAnyAnchor(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        @inline(__always) func lowered(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        let n = bytes.count
        for i in 0..<n {
            let b = bytes[i]
            if b >= 0x80 { return nil }
            let l = lowered(b)
            for a in anchors where a.first == l && i + a.count <= n {
                var j = 1
                while j < a.count && lowered(bytes[i + j]) == a[j] { j += 1 }
                if j == a.count { return true }
            }
        }
        return false
    }
}
