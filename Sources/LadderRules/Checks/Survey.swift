import LadderModel

extension Check {
    /// A survey question whose agreement ratio is above a threshold (figures not withheld only).
    static let surveyThreshold = Check(
        id: "survey-threshold",
        summary: "compares one survey question's agreement ratio with a threshold, for figures that are not withheld (groups of at least min_group that give no smaller group away)",
        params: [
            ParamSpec("question", .text, .string("seat-at-the-table"), "the question id"),
            ParamSpec("threshold", .number(min: 0, max: 1), .number(0.2), "the largest acceptable share of respondents who agree"),
        ],
        messageArgs: ["question", "agree", "respondents", "ratio", "threshold", "conducted"]
    ) { ctx in
        let question = ctx.params.string("question"), threshold = ctx.params.number("threshold")
        var hits: [Hit] = []
        // A withheld figure is never judged: a finding would show its answers, and a figure withheld
        // only to protect a smaller group would give that group away.
        let withheld = ctx.surveyWithheld
        for (si, s) in ctx.ladder.surveys.enumerated() {
            // A question written `withheld: true` has no counts and is always withheld.
            for (qi, q) in s.questions.enumerated() where q.id.value == question && !withheld[si][qi] {
                guard let (respondents, agree) = q.counts else { continue }
                let ratio = Double(agree.value) / Double(respondents.value)
                guard ratio > threshold else { continue }
                hits.append(Hit(
                    file: s.source.file, span: agree.span, path: q.path.key("agree"), subjects: [q.id.value],
                    evidence: [
                        Evidence("conducted", .string(s.conducted.value.description)), Evidence("respondents", .int(respondents.value)),
                        Evidence("agree", .int(agree.value)), Evidence("agree_ratio", .ratio(Format.round(ratio, 4))),
                        Evidence("threshold", .ratio(threshold)),
                    ],
                    args: [
                        "question": .text(q.id.value), "agree": .int(agree.value), "respondents": .int(respondents.value),
                        "ratio": .percent(ratio), "threshold": .percent(threshold), "conducted": .text(s.conducted.value.description),
                    ]))
            }
        }
        return hits
    }

    /// A question answered by too few people for its ratio to be shown.
    static let surveySmallGroup = Check(
        id: "survey-small-group",
        summary: "finds survey questions with fewer respondents than min_group; their ratios are withheld from every output",
        params: [
            ParamSpec("min_group", .int(min: 1), .int(5), "the smallest group whose ratios may be shown"),
        ],
        messageArgs: ["question", "respondents", "min_group"]
    ) { ctx in
        let minGroup = ctx.params.int("min_group")
        var hits: [Hit] = []
        for s in ctx.ladder.surveys {
            // A question written `withheld: true` is already left out of the file's figures, and
            // its count is not in the file: nothing to find.
            for q in s.questions {
                guard let respondents = q.respondents, respondents.value < minGroup else { continue }
                hits.append(Hit(
                    file: s.source.file, span: respondents.span, path: q.path.key("respondents"), subjects: [q.id.value],
                    evidence: [Evidence("respondents", .int(respondents.value)), Evidence("min_group", .int(minGroup))],
                    args: ["question": .text(q.id.value), "respondents": .int(respondents.value), "min_group": .int(minGroup)]))
            }
        }
        return hits
    }

    /// A survey that is not anonymous.
    static let surveyNotAnonymous = Check(
        id: "survey-not-anonymous",
        summary: "reads each survey's anonymous flag",
        messageArgs: ["conducted"]
    ) { ctx in
        ctx.ladder.surveys.filter { !$0.anonymous.value }.map { s in
            Hit(
                file: s.source.file, span: s.anonymous.span, path: ModelPath.root.key("anonymous"), subjects: [s.conducted.value.description],
                evidence: [Evidence("conducted", .string(s.conducted.value.description))],
                args: ["conducted": .text(s.conducted.value.description)])
        }
    }

    /// No survey recent enough.
    static let surveyMissing = Check(
        id: "survey-missing",
        summary: "looks for a survey of the ladder conducted within max_age_days of the run date",
        params: [
            ParamSpec("max_age_days", .int(min: 0), .int(400), "how old the latest survey may be, in days"),
        ],
        messageArgs: ["ladder", "latest", "max_age_days", "today"],
        needs: [.survey]
    ) { ctx in
        let l = ctx.ladder
        let maxAge = ctx.params.int("max_age_days")
        let latest = l.surveys.map(\.conducted.value).max()
        if let latest, latest.days(to: ctx.today) <= maxAge { return [] }
        return [Hit(
            file: l.file, span: l.ladder.id.span, path: ModelPath.root.key("id"), subjects: [l.id],
            evidence: [Evidence("latest_survey", .string(latest?.description ?? "none")), Evidence("max_age_days", .int(maxAge))],
            args: [
                "ladder": .text(l.id), "latest": .text(latest.map { "the latest was conducted \($0)" } ?? "it has none"),
                "max_age_days": .int(maxAge), "today": .text(ctx.today.description),
            ])]
    }
}
