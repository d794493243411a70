import LadderModel

extension Check {
    /// A survey figure that moved the wrong way since the previous survey: more engineers who
    /// feel they must manage to be heard, more managers who fear going back, fewer managers
    /// who would go back.
    static let surveyTrend = Check(
        id: "survey-trend",
        summary: "compares each shown survey figure (question id and audience) with the figure of the previous date that has it shown: a rise of a rising question, or a fall of a falling one, by more than max_change",
        params: [
            ParamSpec("rising", .strings, .strings(["seat-at-the-table", "return-status-loss"]), "question ids whose agreement must not rise"),
            ParamSpec("falling", .strings, .strings(["return-willingness"]), "question ids whose agreement must not fall"),
            ParamSpec("max_change", .number(min: 0, max: 1), .number(0.05), "the largest acceptable change of the agreement ratio between two surveys, a fraction (0.05 is 5 points)"),
        ],
        messageArgs: ["question", "audience", "direction", "before", "earlier", "after", "later", "change", "max_change"],
        // A figure lost to an error would make the rule compare across it.
        needs: [.survey]
    ) { ctx in
        let rising = Set(ctx.params.strings("rising")), falling = Set(ctx.params.strings("falling"))
        let maxChange = ctx.params.number("max_change")
        let surveys = ctx.ladder.surveys
        let withheld = ctx.surveyWithheld
        struct Figure {
            var survey: Int
            var question: Int
            var date: Day
        }
        struct Key: Hashable {
            var question: String
            var audience: String
        }
        // The shown figures of the questions the rule reads, by question id and audience. A
        // withheld figure is never compared, on either side, and never shown: small-group
        // withholding applies to every year.
        var figures: [Key: [Figure]] = [:]
        var order: [Key] = []
        for (si, s) in surveys.enumerated() {
            for (qi, q) in s.questions.enumerated() where !withheld[si][qi] && (q.respondents?.value ?? 0) > 0 {
                guard rising.contains(q.id.value) || falling.contains(q.id.value) else { continue }
                let key = Key(question: q.id.value, audience: q.audience ?? SurveySuppression.everyone)
                if figures[key] == nil { order.append(key) }
                figures[key, default: []].append(Figure(survey: si, question: qi, date: s.conducted.value))
            }
        }
        var hits: [Hit] = []
        for key in order {
            // Two shown figures of one key never share a date (such figures are withheld).
            let list = figures[key, default: []].enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
            for (a, b) in zip(list, list.dropFirst()) where a.date < b.date {
                let qa = surveys[a.survey].questions[a.question], qb = surveys[b.survey].questions[b.question]
                // Only figures with counts were collected (a `withheld: true` question is withheld).
                guard let ca = qa.counts, let cb = qb.counts else { continue }
                let before = Double(ca.agree.value) / Double(ca.respondents.value)
                let after = Double(cb.agree.value) / Double(cb.respondents.value)
                // The change from whole counts, one division at the end, so that 21/48 - 6/40
                // is 28.75 points exactly and shows as 28.8, as 43.8% - 15% reads. Doubles, not
                // Int products: counts come from the file and could overflow.
                let numerator = Double(cb.agree.value) * Double(ca.respondents.value) - Double(ca.agree.value) * Double(cb.respondents.value)
                let denominator = Double(ca.respondents.value) * Double(cb.respondents.value)
                let change = numerator / denominator, points = numerator * 100 / denominator
                let rose = rising.contains(key.question) && change - maxChange > 1e-12
                let fell = falling.contains(key.question) && -change - maxChange > 1e-12
                guard rose || fell else { continue }
                let earlier = a.date.description, later = b.date.description
                hits.append(Hit(
                    file: surveys[b.survey].source.file, span: cb.agree.span, path: qb.path.key("agree"),
                    subjects: [key.question, key.audience, later],
                    evidence: [
                        Evidence("question", .string(key.question)), Evidence("audience", .string(key.audience)),
                        Evidence("earlier_conducted", .string(earlier)), Evidence("earlier_agree_ratio", .ratio(Format.round(before, 4))),
                        Evidence("later_conducted", .string(later)), Evidence("later_agree_ratio", .ratio(Format.round(after, 4))),
                        Evidence("change", .ratio(Format.round(change, 4))), Evidence("max_change", .ratio(maxChange)),
                    ],
                    args: [
                        "question": .text(key.question), "audience": .text(key.audience), "direction": .text(rose ? "rose" : "fell"),
                        "before": .percent(before), "earlier": .text(earlier), "after": .percent(after), "later": .text(later),
                        "change": .number(Format.round(abs(points), 1)), "max_change": .number(Format.round(maxChange * 100, 4)),
                    ]))
            }
        }
        return hits
    }
}
