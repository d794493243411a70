import LadderModel

extension Check {
    /// A forum that seats managers at grades where no IC of the same grade has a seat.
    static let forumGradeParity = Check(
        id: "forum-grade-parity",
        summary: "resolves each forum's members and, grade by grade, looks for management levels seated where no IC or shared level of that grade is; grades without an IC level are not judged",
        params: [
            ParamSpec("purposes", .strings, .strings(["planning", "decision"]), "which forum purposes ICs must have a seat in at every grade managers have one"),
            ParamSpec("without_ic", .choice(["skip", "report"]), .string("skip"),
                      "a forum that seats no IC at all: skip it (leadership-forum-excludes-ics reports it) or report it"),
        ],
        messageArgs: ["forum", "purpose", "grades", "managers", "levels"],
        needs: [.ladder]
    ) { ctx in
        let l = ctx.ladder
        let purposes = Set(ctx.params.strings("purposes"))
        let reportWithoutIC = ctx.params.string("without_ic") == "report"
        // The IC and shared levels of each grade: a shared level is an IC seat at its grade.
        var icLevels: [Int: [Level]] = [:]
        for level in l.levels where l.onICSide(level) { icLevels[level.grade.value, default: []].append(level) }
        guard !icLevels.isEmpty else { return [] }
        var hits: [Hit] = []
        for p in l.policies {
            for f in p.forums where purposes.contains(f.purpose.rawValue) {
                let members = l.members(of: f.members.value)
                let seatedIC = Set(members.filter(l.onICSide).map(\.grade.value))
                if seatedIC.isEmpty && !reportWithoutIC { continue }
                // Management levels seated at a grade with IC levels, none of them seated.
                let managers = members.filter { m in
                    l.kind(of: m) == .management && icLevels[m.grade.value] != nil && !seatedIC.contains(m.grade.value)
                }
                guard !managers.isEmpty else { continue }
                let grades = Array(Set(managers.map(\.grade.value))).sorted()
                let unseated = grades.flatMap { icLevels[$0] ?? [] }
                hits.append(Hit(
                    file: p.source.file, span: f.members.span, path: f.path.key("members"), subjects: [f.id.value],
                    evidence: [
                        Evidence("purpose", .string(f.purpose.rawValue)), Evidence("grades", .strings(grades.map(String.init))),
                        Evidence("management_levels", .strings(managers.map(\.id.value))),
                        Evidence("unseated_levels", .strings(unseated.map(\.id.value))),
                    ],
                    args: [
                        "forum": .text("\(f.id.value) (\(f.name))"), "purpose": .text(f.purpose.rawValue),
                        "grades": .text(Self.list(grades.map(String.init), one: "grade ", many: "grades ")),
                        "managers": .text(describe(managers)), "levels": .text(Self.titled(unseated)),
                    ]))
            }
        }
        return hits
    }

    /// "grade 4", "grades 4 and 6", "grades 3, 4 and 6".
    static func list(_ items: [String], one: String, many: String) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? one + last : many + items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// "swe-6 (Principal Engineer)", "swe-3 (Senior Engineer) and swe-4 (Staff Engineer)"; past
    /// six levels, the first five and how many more.
    static func titled(_ levels: [Level]) -> String {
        let named = levels.prefix(levels.count > 6 ? 5 : 6).map { "\($0.id.value) (\($0.title))" }
        if levels.count > 6 { return named.joined(separator: ", ") + " and \(levels.count - 5) more" }
        return list(named, one: "", many: "")
    }
}
