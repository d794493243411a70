import LadderCSV
import LadderRules

extension SurveyImport {
    /// Each respondent's audience, from the role column: `--role` first, else the patterns of
    /// `audience(forRole:)`. A value that maps to nothing stops the import with the list of
    /// such values and the `--role` that maps them: a row is never dropped silently.
    struct RoleMapping: Sendable {
        /// Per row, its audience; nil for a row skipped with `--role VALUE=skip`.
        var audiences: [Audience?]

        init(plan: ColumnPlan, rows: [CSVRecord], file: String, options: Options, notes: inout [String]) throws {
            var overrides: [String: RoleChoice] = [:]
            for (value, choice) in options.roles {
                let n = normalize(value)
                if let before = overrides[n], before != choice {
                    throw UsageError("--role '\(value)': given twice, as \(before.name) and as \(choice.name); give it once")
                }
                overrides[n] = choice
            }
            var used = Set<String>()
            var guessed: [(value: String, audience: Audience)] = []
            var guessedSeen = Set<String>()
            var unmapped: [(value: String, line: Int, column: Int)] = []
            var unmappedSeen = Set<String>()
            audiences = []
            for row in rows {
                let cell = row.cells.count > plan.role.index ? row.cells[plan.role.index] : nil
                let text = cell?.text ?? ""
                let n = normalize(text)
                if let choice = overrides[n] {
                    used.insert(n)
                    if case .audience(let a) = choice { audiences.append(a) } else { audiences.append(nil) }
                } else if let a = audience(forRole: n, managerQuestion: plan.roleIsManagerQuestion) {
                    if guessedSeen.insert(n).inserted { guessed.append((shown(text, cap: 40), a)) }
                    audiences.append(a)
                } else {
                    if unmappedSeen.insert(n).inserted {
                        unmapped.append((n.isEmpty ? "" : shown(text, cap: 60), cell?.line ?? row.line, cell?.column ?? 1))
                    }
                    audiences.append(nil)
                }
            }
            if let first = unmapped.first {
                let values = unmapped.prefix(10).map { $0.value.isEmpty ? "(blank)" : "\"\($0.value)\"" }.joined(separator: ", ")
                    + (unmapped.count > 10 ? " and \(unmapped.count - 10) more" : "")
                let example = first.value.isEmpty ? "--role '=skip' (an empty VALUE is a blank cell)" : "--role \"\(first.value)=AUDIENCE\""
                let what = unmapped.count == 1 ? "1 role maps" : "\(unmapped.count) roles map"
                throw UsageError(file: file, span: span(first.line, first.column), "column \(plan.role.named): \(what) to no audience: \(values); map each with --role VALUE=AUDIENCE, e.g. \(example), where AUDIENCE is individual-contributor, management, tech-lead, or skip to leave those rows out of every count")
            }
            for (value, _) in options.roles where !used.contains(normalize(value)) {
                notes.append("--role '\(value)': no respondent has this role in \(baseName(file)) (roles are compared ignoring case and spacing)")
            }
            if !guessed.isEmpty {
                var line = "\(baseName(file)): roles read as audiences: "
                line += guessed.prefix(12).map { "\"\($0.value)\" as \($0.audience.rawValue)" }.joined(separator: ", ")
                if guessed.count > 12 { line += " and \(guessed.count - 12) more" }
                notes.append(line + "; change one with --role VALUE=AUDIENCE|skip")
            }
            guard audiences.contains(where: { $0 != nil }) else {
                throw UsageError(file: file, "every row's role is skipped: no respondent is left to count; map a role to an audience with --role VALUE=AUDIENCE")
            }
        }
    }

    /// The audience a role value (normalised) reads as, or nil when it names none or could be
    /// two: "Engineering Manager" is management, "Staff Engineer" an individual contributor,
    /// "Tech Lead" a tech lead; "Tech Lead Manager", "Team lead" and anything with a negation
    /// ("not a manager") are left to `--role`. Under a header that asks "are you a manager?",
    /// yes is management and no an individual contributor.
    public static func audience(forRole normalized: String, managerQuestion: Bool = false) -> Audience? {
        let n = normalized
        if managerQuestion {
            if ["yes", "y", "true"].contains(n) { return .management }
            if ["no", "n", "false"].contains(n) { return .individualContributor }
        }
        var spaced = " "
        for ch in n { spaced.append(ch.isLetter || ch.isNumber ? ch : " ") }
        spaced = " " + spaced.split(separator: " ").joined(separator: " ") + " "
        func has(_ words: [String]) -> Bool { words.contains { spaced.contains(" \($0) ") } }
        if has(["not", "non", "no", "never", "former", "ex"]) { return nil }
        let tech = has(["tech lead", "technical lead", "tech leads", "tl"])
        let management = ["manager", "management", "director"].contains { n.contains($0) }
            || has(["head of", "lead of people", "people lead", "vice president", "vp", "vpe", "cto", "em"])
        let ic = ["engineer", "developer", "individual contributor", "programmer", "architect"].contains { n.contains($0) }
            || has(["ic", "swe", "sde", "sre", "staff", "principal", "dev"])
        if tech && management { return nil }
        if tech { return .techLead }
        if management { return .management }
        if ic { return .individualContributor }
        return nil
    }
}
