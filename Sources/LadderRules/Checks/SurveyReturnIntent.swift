import LadderModel

extension Check {
    /// A survey date that asks one side of the pendulum and not the other: engineers whether they
    /// must manage to have a seat at the table, managers whether going back would cost them
    /// standing (or whether they would go back without that fear).
    static let surveyReturnIntent = Check(
        id: "survey-return-intent",
        summary: "per survey date of a ladder (every survey document of that date together), finds the IC question asked with no manager question, or a manager question with no IC question",
        params: [
            ParamSpec("ic_question", .text, .string("seat-at-the-table"), "the question id that asks individual contributors whether they must manage to have a seat at the table"),
            ParamSpec("manager_questions", .strings, .strings(["return-status-loss", "return-willingness"]),
                      "question ids that ask managers about going back to engineering; any one of them counts as asking the managers"),
        ],
        messageArgs: ["conducted", "asked_side", "asked", "missing_side", "missing", "fix"],
        // A question lost to an error would read as a question not asked.
        needs: [.survey]
    ) { ctx in
        let icQuestion = ctx.params.string("ic_question")
        let managerQuestions = ctx.params.strings("manager_questions")
        let managerSet = Set(managerQuestions)
        // An empty id or list names no question to ask: nothing to compare.
        guard !icQuestion.isEmpty, !managerQuestions.isEmpty else { return [] }
        // The side a question counts for: by its id, and only for an audience that holds that
        // side (`everyone`, no audience, or the side's own track kind; any other audience text
        // is taken as a part of everyone). A question asked of everyone counts for the side its
        // id is on, not for both.
        func isIC(_ q: Question) -> Bool { q.id.value == icQuestion && q.audience != SurveySuppression.management }
        func isManager(_ q: Question) -> Bool { managerSet.contains(q.id.value) && q.audience != SurveySuppression.ic }
        // Dates in the order their first document comes; each date's questions in file order.
        // A withheld figure still counts as asked, also a question written `withheld: true` (asked,
        // its counts left out of the file): only its id and date are shown, never its answers.
        let dates = partition(ctx.ladder.surveys.indices) { ctx.ladder.surveys[$0].conducted.value }
        var hits: [Hit] = []
        for (date, members) in dates {
            var ic: [(survey: Survey, question: Question)] = [], managers: [(survey: Survey, question: Question)] = []
            for si in members {
                let s = ctx.ladder.surveys[si]
                for q in s.questions {
                    if isIC(q) { ic.append((s, q)) }
                    if isManager(q) { managers.append((s, q)) }
                }
            }
            guard ic.isEmpty != managers.isEmpty else { continue }
            let icAsked = !ic.isEmpty
            let asked = icAsked ? ic : managers
            var seen = Set<String>()
            let askedIDs = asked.map(\.question.id.value).filter { seen.insert($0).inserted }
            let missing = icAsked ? managerQuestions : [icQuestion]
            let first = asked[0]
            hits.append(Hit(
                file: first.survey.source.file, span: first.question.id.span, path: first.question.path.key("id"),
                subjects: [first.question.id.value, date.description],
                evidence: [
                    Evidence("conducted", .string(date.description)), Evidence("asked", .strings(askedIDs)),
                    Evidence("missing", .strings(missing)),
                ],
                args: [
                    "conducted": .text(date.description),
                    "asked_side": .text(icAsked ? "engineers" : "managers"),
                    "asked": .text(askedIDs.joined(separator: " and ")),
                    "missing_side": .text(icAsked ? "managers" : "engineers"),
                    "missing": .text(missing.joined(separator: " or ")),
                    "fix": .text(icAsked
                        ? (missing.count == 1 ? "add it" : "add one of them") + " with audience: management on the same date"
                        : "add it with audience: individual-contributor on the same date"),
                ]))
        }
        return hits
    }
}
