import Foundation
import LadderModel
import LadderRules
import LadderYAML

/// A level as it will be written.
struct PlannedLevel: Sendable, Equatable {
    var id: String
    var title: String
    var grade: Int
    /// `.ic` or `.management` as written; a shared level is written on the IC track.
    var track: TrackChoice
    var line: Int
    var criteria: [SourceCriterion]
    /// Its place in the source, the last key of the order.
    var sourceIndex: Int
}

/// The decisions of `import ladder`: each level's grade, track and id, with the user's
/// overrides (`--grades`, `--track`) applied. Pure, so tests can hold every rule to account.
struct ImportLadderPlan {
    /// `id` ending `-ic` means the individual-contributor track.
    static let icIDSuffixes = ["-ic"]
    /// `id` ending `-pm` or `-em` means management.
    static let managementIDSuffixes = ["-pm", "-em"]
    /// Title words that mean management (compared case-insensitively, as whole words).
    static let managementTitleWords = ["manager", "director", "head of", "vp", "vice president"]

    /// The track a level's id and title say, when the source states none.
    static func patternTrack(id: String?, title: String) -> TrackChoice {
        if let id = id?.lowercased() {
            if icIDSuffixes.contains(where: id.hasSuffix) { return .ic }
            if managementIDSuffixes.contains(where: id.hasSuffix) { return .management }
        }
        let words = " " + String(title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ") + " "
        return managementTitleWords.contains { words.contains(" \($0) ") } ? .management : .ic
    }

    /// A safe id: lower-case ASCII letters, digits, `-`, `_` and `.`; anything else becomes
    /// one `-`, accents are dropped first (`Ingénieur` → `ingenieur`).
    static func safeID(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var dash = false
        for u in folded.unicodeScalars {
            let c = Character(u)
            if u.isASCII, c.isLetter || c.isNumber || c == "_" || c == "." {
                out.append(Character(String(c).lowercased()))
                dash = false
            } else if !dash, !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.last == "-" || out.last == "." { out.removeLast() }
        return out
    }

    /// `engineering-progression` → `Engineering Progression`.
    static func titleCased(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    let file: String
    let source: SourceLadder

    /// The plan without overrides: what the user sees first, and what overrides name.
    func provisional() -> [PlannedLevel] {
        let withGrades = source.levels.enumerated().map { i, l -> PlannedLevel in
            PlannedLevel(
                id: "", title: l.title, grade: l.grade ?? (i + 1), track: l.track ?? Self.patternTrack(id: l.sourceID, title: l.title),
                line: Int(l.span.start.line), criteria: l.criteria, sourceIndex: i)
        }
        return Self.named(withGrades, source: source)
    }

    /// Gives every level its id: the source's (made safe), else `ic-GRADE` or `em-GRADE`;
    /// a repeated id gets `-2`, `-3` in the written order.
    static func named(_ levels: [PlannedLevel], source: SourceLadder) -> [PlannedLevel] {
        var used = Set<String>()
        var out = ordered(levels)
        for i in out.indices {
            let l = out[i]
            var base = source.levels[l.sourceIndex].sourceID.map(safeID) ?? ""
            if base.isEmpty { base = "\(l.track == .management ? "em" : "ic")-\(l.grade)" }
            var id = base, n = 2
            while used.contains(id) {
                id = "\(base)-\(n)"
                n += 1
            }
            used.insert(id)
            out[i].id = id
        }
        return out
    }

    /// By grade, then IC (shared included) before management, then source order.
    static func ordered(_ levels: [PlannedLevel]) -> [PlannedLevel] {
        levels.sorted {
            let a = ($0.grade, $0.track == .management ? 1 : 0, $0.sourceIndex)
            let b = ($1.grade, $1.track == .management ? 1 : 0, $1.sourceIndex)
            return a < b
        }
    }

    /// The plan with `--grades LEVEL=N` and `--track LEVEL=ic|management|shared` applied.
    /// A LEVEL is a level's id as first written, its source id, or its title.
    func plan(grades: [String], tracks: [String]) throws -> [PlannedLevel] {
        var levels = provisional()
        for (level, value) in try Self.assignments(grades, option: "--grades") {
            let i = try index(of: level, in: levels, option: "--grades", value: value)
            guard let n = Int(value), n >= 0 else {
                throw UsageError("--grades \(level)=\(value): expected a whole number of 0 or more, found '\(value)': write e.g. --grades \(level)=4")
            }
            levels[i].grade = n
        }
        for (level, value) in try Self.assignments(tracks, option: "--track") {
            let i = try index(of: level, in: levels, option: "--track", value: value)
            guard let t = TrackChoice(argument: value) else {
                throw UsageError("--track \(level)=\(value): expected ic, management or shared, found '\(value)': write e.g. --track \(level)=management")
            }
            levels[i].track = t
        }
        // Ids made from a grade and a track follow the overrides.
        return Self.named(levels, source: source)
    }

    /// `a=1,b=2` and repeated options, as (LEVEL, VALUE) pairs.
    static func assignments(_ values: [String], option: String) throws -> [(String, String)] {
        try values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: true) }.map { item in
            guard let eq = item.lastIndex(of: "="), eq != item.startIndex else {
                throw UsageError("\(option) \(item): expected LEVEL=VALUE, found no '=' after a level: write e.g. \(option) \(option == "--grades" ? "senior=4" : "staff=ic")")
            }
            return (String(item[..<eq]).trimmingCharacters(in: .whitespaces), String(item[item.index(after: eq)...]).trimmingCharacters(in: .whitespaces))
        }
    }

    func index(of name: String, in levels: [PlannedLevel], option: String, value: String) throws -> Int {
        let byID = levels.indices.filter { levels[$0].id == name || source.levels[levels[$0].sourceIndex].sourceID == name }
        if let i = byID.first { return i }
        let byTitle = levels.indices.filter { levels[$0].title == name }
        if byTitle.count == 1 { return byTitle[0] }
        let known = levels.map(\.id)
        if byTitle.count > 1 {
            throw UsageError(
                file: file,
                "\(option) \(name)=\(value): expected one level, found \(byTitle.count) levels with this title (\(byTitle.map { levels[$0].id }.joined(separator: ", "))): name the level by its id")
        }
        var message = "\(option) \(name)=\(value): expected a level of this file, found no level '\(name)'"
        if let s = Suggest.nearest(name, in: known) { message += ": did you mean '\(s)'?" } else { message += "." }
        message += " Levels: \(known.prefix(30).joined(separator: ", ")) (an id as written without overrides, a source id or a title)"
        throw UsageError(file: file, message)
    }
}
