import LadderModel
import LadderYAML

extension Check {
    /// Words that call a move into management a promotion, or a move back a step down.
    static let promotionWording = Check(
        id: "promotion-wording",
        summary: "reads titles, names, descriptions and promotion criteria for words that call moving into management a promotion, or moving back a step down",
        params: [
            ParamSpec(
                "up_phrases", .strings,
                .strings(WordingMatcher.Defaults.up),
                "words of going up; followed by to, into or as and a management word within three words (\"promotion to engineering manager\"), or after is/as a (\"management is a promotion\")"),
            ParamSpec(
                "down_phrases", .strings,
                .strings(WordingMatcher.Defaults.down),
                "words of going down; followed by (back) to, into, as or from and an IC or management word within three words (\"step down to IC\"), or after is/as a (\"going back to IC is a step down\")"),
            ParamSpec(
                "management_words", .strings,
                .strings(WordingMatcher.Defaults.management),
                "what a move into management is a move to"),
            ParamSpec(
                "ic_words", .strings,
                .strings(WordingMatcher.Defaults.ic),
                "what a move back from management is a move to"),
            ParamSpec(
                "exceptions", .strings,
                .strings(WordingMatcher.Defaults.exceptions),
                "a word right before a management word that makes it another role (product manager, incident manager, technical leadership)"),
            ParamSpec(
                "within", .strings,
                .strings(WordingMatcher.Defaults.within),
                "a word between the verb and the role that makes it a move within a track (promotion to senior engineering manager)"),
        ],
        messageArgs: ["subject", "move", "phrase", "fix"]
    ) { ctx in
        let l = ctx.ladder
        // Made once for the default words (the usual case), not once per ladder.
        let matcher = WordingMatcher.isDefault(ctx.params) ? WordingMatcher.standard : WordingMatcher(ctx.params)
        var hits: [Hit] = []
        // A long text read once: one title aliased by every level (`title: *t`) would otherwise
        // be scanned once per level (issue 23's hostile corpus: 800 levels, a 256 KiB title).
        var long: [String: (up: Bool, phrase: String)?] = [:]
        func find(_ text: String) -> (up: Bool, phrase: String)? {
            guard text.utf8.count > 1024 else { return matcher.find(text) }
            if let known = long[text] { return known }
            let found = matcher.find(text)
            long[text] = .some(found)
            return found
        }
        // Path, subject and subjects are made only for a text that says it: most say nothing.
        func look(
            _ text: String, _ span: Span, file: String, path: @autoclosure () -> ModelPath, subject: @autoclosure () -> String,
            subjects: @autoclosure () -> [String], track: String? = nil, grade: Int? = nil
        ) {
            guard let found = find(text) else { return }
            hits.append(Hit(
                file: file, span: span, path: path(), subjects: subjects(),
                evidence: [Evidence("direction", .string(found.up ? "into-management" : "back-from-management")), Evidence("phrase", .string(found.phrase)), Evidence("text", .string(text))],
                args: [
                    "subject": .text(subject()),
                    "move": .text(found.up ? "a move into management a promotion" : "a move back from management a step down"),
                    "phrase": .text(found.phrase),
                    "fix": .text(found.up
                        ? "management is a change of job, not a step up; say \"move into management\" or \"change to the management track\""
                        : "going back to engineering is not a demotion; say \"return to engineering\" or \"move to the IC track\""),
                ],
                track: track, grade: grade))
        }
        let trackPath = { (id: String) in ModelPath.root.item("tracks", ["id": id]) }
        for t in l.ladder.tracks {
            look(t.name, t.nameSpan ?? t.id.span, file: l.file, path: trackPath(t.id.value).key("name"), subject: "the name of track \(t.id.value)", subjects: [t.id.value], track: t.id.value)
            if let d = t.description {
                look(d.value, d.span, file: l.file, path: trackPath(t.id.value).key("description"), subject: "the description of track \(t.id.value) (\(t.name))", subjects: [t.id.value], track: t.id.value)
            }
        }
        for level in l.levels {
            let id = level.id.value, track = level.track.value, grade = level.grade.value
            look(level.title, level.titleSpan ?? level.id.span, file: l.file, path: level.path.key("title"), subject: "the title of \(id)", subjects: [id], track: track, grade: grade)
            if let d = level.description {
                look(d.value, d.span, file: l.file, path: level.path.key("description"), subject: "the description of \(id) (\(level.title))", subjects: [id], track: track, grade: grade)
            }
            for c in level.promotion?.criteria ?? [] {
                look(c.value, c.span, file: l.file, path: level.path.key("promotion").entry("criteria", c.value), subject: "a promotion criterion of \(id) (\(level.title))", subjects: [id], track: track, grade: grade)
            }
        }
        for p in l.policies {
            let file = p.source.file
            for prog in p.programs {
                look(prog.name, prog.nameSpan ?? prog.id.span, file: file, path: prog.path.key("name"), subject: "the name of program \(prog.id.value)", subjects: [prog.id.value])
            }
            for f in p.forums {
                look(f.name, f.nameSpan ?? f.id.span, file: file, path: f.path.key("name"), subject: "the name of forum \(f.id.value)", subjects: [f.id.value])
            }
            for d in p.decisions {
                look(d.area.value, d.area.span, file: file, path: d.path.key("area"), subject: "the decision area", subjects: [d.area.value])
            }
            for t in p.transitions {
                let move = "the move from \(t.from.value) to \(t.to.value)"
                if let n = t.name { look(n.value, n.span, file: file, path: t.path.key("name"), subject: "the name of \(move)", subjects: [t.from.value, t.to.value], track: t.from.value) }
                if let d = t.description { look(d.value, d.span, file: file, path: t.path.key("description"), subject: "the description of \(move)", subjects: [t.from.value, t.to.value], track: t.from.value) }
            }
        }
        return hits
    }
}

/// Finds wording that calls a move into management a promotion, or a move back a step down,
/// word by word: a verb of going up or down, a connector (to, into, as; for going down also
/// from, after an optional back), up to three words, then a role. Punctuation ends a clause:
/// nothing is matched across it.
struct WordingMatcher {
    typealias Words = [[UInt8]]
    let up: [Words], down: [Words], management: [Words], ic: [Words]
    let exceptions: Set<[UInt8]>, within: Set<[UInt8]>
    /// The first words of the verbs, none a prefix of another: a text that holds none of them
    /// is passed over without being split into words (most titles and criteria).
    let screen: [[UInt8]]

    static let gap = 3
    static let negations: Set<[UInt8]> = Set(["no", "not", "never", "without", "nor", "isnt", "isn't", "isn\u{2019}t"].map { Array($0.utf8) })
    static let linking: Set<[UInt8]> = Set(["is", "are", "was", "were", "be", "as", "means", "counts"].map { Array($0.utf8) })
    static let articles: Set<[UInt8]> = Set(["a", "an"].map { Array($0.utf8) })
    /// Words after "leadership" that make it leading a piece of work, not a role.
    static let ofWork: Set<[UInt8]> = Set(["of", "on", "for", "in", "across", "within", "during"].map { Array($0.utf8) })

    /// The default words of the parameters.
    enum Defaults {
        static let up: [String] = [
            "promotion", "promotions", "promoted", "promote", "promotes", "promoting",
            "step up", "steps up", "stepping up", "stepped up", "move up", "moves up", "moving up", "moved up",
        ]
        static let down: [String] = [
            "step down", "steps down", "stepping down", "stepped down", "move down", "moves down", "moving down", "moved down",
            "demotion", "demoted", "demote", "demotes",
        ]
        static let management: [String] = ["manager", "managers", "management", "leadership", "people lead", "people leader", "people leaders"]
        static let ic: [String] = ["ic", "ics", "individual contributor", "individual contributors", "engineer", "engineers", "engineering", "hands on", "coding", "the tools"]
        static let exceptions: [String] = [
            "product", "project", "program", "programme", "incident", "release", "account", "vendor", "stakeholder", "risk",
            "change", "configuration", "community", "office", "delivery", "scrum", "escalation", "quality", "test", "site",
            "technical", "tech", "thought",
        ]
        static let within: [String] = ["senior", "staff", "principal", "group", "director", "head", "executive", "upper"]
    }

    static let standard = WordingMatcher(
        up: Defaults.up, down: Defaults.down, management: Defaults.management, ic: Defaults.ic,
        exceptions: Defaults.exceptions, within: Defaults.within)

    /// Whether a rule's parameters are the default words.
    static func isDefault(_ p: Params) -> Bool {
        p.strings("up_phrases") == Defaults.up && p.strings("down_phrases") == Defaults.down
            && p.strings("management_words") == Defaults.management && p.strings("ic_words") == Defaults.ic
            && p.strings("exceptions") == Defaults.exceptions && p.strings("within") == Defaults.within
    }

    init(_ params: Params) {
        self.init(
            up: params.strings("up_phrases"), down: params.strings("down_phrases"),
            management: params.strings("management_words"), ic: params.strings("ic_words"),
            exceptions: params.strings("exceptions"), within: params.strings("within"))
    }

    init(up: [String], down: [String], management: [String], ic: [String], exceptions: [String], within: [String]) {
        func words(_ s: String) -> Words { Self.clauses(s).flatMap { $0 } }
        self.up = up.map(words).filter { !$0.isEmpty }
        self.down = down.map(words).filter { !$0.isEmpty }
        self.management = management.map(words).filter { !$0.isEmpty }
        self.ic = ic.map(words).filter { !$0.isEmpty }
        self.exceptions = Set(exceptions.flatMap(words))
        self.within = Set(within.flatMap(words))
        let firsts = Set((self.up + self.down).map { $0[0] })
        screen = firsts.filter { w in !firsts.contains { $0 != w && $0.count < w.count && Array(w.prefix($0.count)) == $0 } }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The clauses of a text (split at punctuation), each as its lowercased words.
    static func clauses(_ text: String) -> [Words] { clauses(Check.phraseUTF8(text)) }

    /// The clauses of a text already lowered and spaced by `Check.phraseUTF8`.
    static func clauses(_ bytes: [UInt8]) -> [Words] {
        var out: [Words] = []
        var clause: Words = []
        var word: [UInt8] = []
        func endWord() { if !word.isEmpty { clause.append(word); word = [] } }
        for b in bytes {
            if isWordByte(b) { word.append(b); continue }
            endWord()
            if b != UInt8(ascii: " ") && !clause.isEmpty { out.append(clause); clause = [] }
        }
        endWord()
        if !clause.isEmpty { out.append(clause) }
        return out
    }

    /// A byte of a word: a lowercase letter, a digit, an apostrophe, or part of a non-ASCII letter.
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "'") || b >= 0x80
    }

    static func matches(_ w: Words, _ at: Int, _ phrase: Words) -> Bool {
        at >= 0 && at + phrase.count <= w.count && Array(w[at..<at + phrase.count]) == phrase
    }

    /// The first offending phrase of `text`, and whether it calls going into management up.
    func find(_ text: String) -> (up: Bool, phrase: String)? {
        // Most texts name no verb of going up or down: look for one before anything else, in
        // the string's own bytes when they are ASCII (lowered on the fly), so that a text that
        // says nothing is never copied.
        if let said = text.utf8.withContiguousStorageIfAvailable({ screenedASCII($0) }), said == false { return nil }
        let lower = Check.phraseUTF8(text)
        guard screened(lower) else { return nil }
        for w in Self.clauses(lower) {
            for i in w.indices {
                for (isUp, leads) in [(true, up), (false, down)] {
                    for lead in leads where Self.matches(w, i, lead) {
                        if let found = match(w, i, lead, up: isUp) { return (isUp, found) }
                    }
                }
            }
        }
        return nil
    }

    /// `screened` on a text's UTF-8 as written, each ASCII capital read as its small letter (as
    /// `Check.phraseUTF8` lowers it; its other changes, dashes and spaces, make no letters);
    /// nil when the text is not ASCII, which only the lowered copy answers.
    private func screenedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        @inline(__always) func lowered(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        let n = bytes.count
        var previousIsWord = false
        for i in 0..<n {
            let raw = bytes[i]
            if raw >= 0x80 { return nil }
            let b = lowered(raw)
            if !previousIsWord {
                for w in screen where w[0] == b && i + w.count <= n {
                    var j = 1
                    while j < w.count && lowered(bytes[i + j]) == w[j] { j += 1 }
                    if j == w.count { return true }
                }
            }
            previousIsWord = Self.isWordByte(b)
        }
        return false
    }

    /// Whether a word of `lower` starts with one of `screen`: one pass over the text.
    private func screened(_ lower: [UInt8]) -> Bool {
        var i = 0
        let n = lower.count
        while i < n {
            if i == 0 || !Self.isWordByte(lower[i - 1]) {
                let b = lower[i]
                for w in screen where w[0] == b && i + w.count <= n {
                    var j = 1
                    while j < w.count && lower[i + j] == w[j] { j += 1 }
                    if j == w.count { return true }
                }
            }
            i += 1
        }
        return false
    }

    private func match(_ w: Words, _ i: Int, _ lead: Words, up isUp: Bool) -> String? {
        // "not a promotion", "no demotion to IC".
        if (max(0, i - 3)..<i).contains(where: { Self.negations.contains(w[$0]) }) { return nil }
        let targets = isUp ? management : management + ic
        var j = i + lead.count
        if !isUp, j < w.count, w[j] == Array("back".utf8) { j += 1 }
        let connectors: Set<String> = isUp ? ["to", "into", "as"] : ["to", "into", "as", "from"]
        if j < w.count, connectors.contains(String(decoding: w[j], as: UTF8.self)) {
            let k = j + 1
            for t in k...min(k + Self.gap, w.count) {
                if w[k..<t].contains(where: within.contains) { return nil }
                guard let target = targets.first(where: { Self.matches(w, t, $0) }) else { continue }
                return accepted(w, t, target) ? Self.text(w[i..<t + target.count]) : nil
            }
            return nil
        }
        // "management is a promotion", "going back to IC is a step down": the role comes first.
        guard i >= 2, Self.articles.contains(w[i - 1]), Self.linking.contains(w[i - 2]) else { return nil }
        for t in stride(from: i - 3, through: max(0, i - 8), by: -1) {
            guard let target = targets.first(where: { Self.matches(w, t, $0) && t + $0.count <= i - 2 }) else { continue }
            if w[t + target.count..<i - 2].contains(where: within.contains) { return nil }
            return accepted(w, t, target) ? Self.text(w[t..<i + lead.count]) : nil
        }
        return nil
    }

    /// A role word that is not another role (product manager) or leading a piece of work
    /// (leadership of the migration).
    private func accepted(_ w: Words, _ t: Int, _ target: Words) -> Bool {
        if t > 0, exceptions.contains(w[t - 1]) { return false }
        if target == [Array("leadership".utf8)], t + 1 < w.count, Self.ofWork.contains(w[t + 1]) { return false }
        return true
    }

    static func text(_ words: ArraySlice<[UInt8]>) -> String {
        words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }
}
