import LadderModel
import LadderRules

extension SurveyImport {
    /// One question's answers from one audience, and whether it may be written.
    struct Figure: Sendable, Equatable {
        enum State: Sendable, Equatable {
            case shown
            /// Fewer than `min_group` answered (primary suppression).
            case small
            /// Shown, it and an earlier survey's figure would give a small group away
            /// (complementary suppression, SurveySuppression).
            case complement
            /// A question the rules read as another audience's answers.
            case otherAudience(Audience)
        }

        var question: String
        var column: Column
        var audience: Audience
        var respondents: Int
        var agree: Int
        var state: State
    }

    /// The figures to write, by audience and then in the file's question order, with the
    /// small-group rule applied as `lint` applies it: SurveySuppression over these figures and
    /// the earlier surveys' (`--previous`), so nothing withheld can be recovered by subtraction.
    ///
    /// No `everyone` figure is written: it would be the sum of the audiences' figures, which
    /// the rules do not read, and next to a large audience it would give a small one away, so
    /// that one of the two would have to be withheld, most often the large audience's.
    enum Figures {
        static func make(plan: ColumnPlan, tally: Tally, conducted: Day, options: Options, notes: inout [String]) -> [Figure] {
            var figures: [Figure] = []
            for audience in tally.present {
                for (qi, q) in plan.questions.enumerated() {
                    let count = tally.counts[qi][audience] ?? Tally.Count()
                    var state = Figure.State.shown
                    if let rule = ruleQuestions.first(where: { $0.id == q.id }), rule.audience != audience {
                        state = .otherAudience(rule.audience)
                    }
                    figures.append(Figure(question: q.id, column: q.column, audience: audience, respondents: count.respondents, agree: count.agree, state: state))
                }
            }
            for rule in ruleQuestions where !tally.present.contains(rule.audience) {
                if let q = plan.questions.first(where: { $0.id == rule.id }) {
                    notes.append("no respondent reads as \(rule.audience.rawValue): \(rule.id) (column \(q.column.letter)) is not written; map a role to it with --role VALUE=\(rule.audience.rawValue) if some are")
                }
            }
            let written = figures.indices.filter { figures[$0].state == .shown }
            let cells = options.earlier + written.map {
                SurveySuppression.Cell(question: figures[$0].question, conducted: conducted, audience: figures[$0].audience.rawValue,
                                       respondents: figures[$0].respondents, agree: figures[$0].agree)
            }
            let withheld = SurveySuppression.withheld(cells, minGroup: options.minGroup)
            for (k, i) in written.enumerated() where withheld[options.earlier.count + k] {
                let n = figures[i].respondents
                figures[i].state = n < options.minGroup || n == 0 ? .small : .complement
            }
            return figures
        }
    }
}
