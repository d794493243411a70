import LadderModel

extension SurveyImport {
    /// The YAML of the figures: a header comment, then one `kind: survey` document per
    /// audience (a question id is unique within a document, docs/format.md). A withheld figure
    /// is a comment saying why and a `withheld: true` entry without its counts, so that the
    /// rules read the question as asked (survey-return-intent); no comment holds anything a
    /// respondent wrote.
    struct SurveyWriter {
        var file: String
        var ladder: String
        var conducted: Day
        var conductedFrom: String
        var respondents: Int
        var minGroup: Int

        func render(_ figures: [Figure]) -> String {
            var out = ""
            func line(_ s: String) { out += s + "\n" }
            func comment(_ indent: String, _ s: String) { line(indent + "# " + YAMLText.comment(s)) }
            // Asked, its counts left out: the entry says so and holds no number.
            func withheld(_ f: Figure) {
                line("  - id: \(YAMLText.scalar(f.question))")
                line("    audience: \(f.audience.rawValue)")
                line("    withheld: true")
            }
            comment("", "imported from \(file) by ladderlint import survey: \(respondents) respondents, aggregated; groups under \(minGroup) withheld")
            comment("", "conducted: \(conductedFrom)")
            comment("", "one survey document per audience: a question id is unique within a document")
            var audiences: [Audience] = []
            for f in figures where !audiences.contains(f.audience) { audiences.append(f.audience) }
            for (di, audience) in audiences.enumerated() {
                if di > 0 { line("---") }
                line("kind: survey")
                line("ladder: \(YAMLText.scalar(ladder))")
                line("conducted: \(conducted)")
                line("anonymous: true")
                let mine = figures.filter { $0.audience == audience }
                line(mine.contains { $0.state == .shown || $0.state == .small || $0.state == .complement } ? "questions:" : "questions: []")
                for f in mine {
                    comment("  ", "from \(file) column \(f.column.letter): \"\(shown(f.column.header))\"")
                    switch f.state {
                    case .shown:
                        line("  - id: \(YAMLText.scalar(f.question))")
                        line("    audience: \(f.audience.rawValue)")
                        line("    respondents: \(f.respondents)")
                        line("    agree: \(f.agree)")
                    case .small:
                        comment("  ", "withheld: \(f.question) for \(f.audience.rawValue): fewer than \(minGroup) respondents")
                        withheld(f)
                    case .complement:
                        comment("  ", "withheld: \(f.question) for \(f.audience.rawValue): with an earlier survey's figure it would give the answers of fewer than \(minGroup) people away")
                        withheld(f)
                    case .otherAudience(let rule):
                        let whose = rule == .management ? "managers'" : rule == .individualContributor ? "engineers'" : rule.rawValue
                        comment("  ", "not written: \(f.question) for \(f.audience.rawValue): the rules read every figure of \(f.question) as \(whose) answers")
                    }
                }
            }
            return out
        }
    }
}
