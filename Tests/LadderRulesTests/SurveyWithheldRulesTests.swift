import Foundation
import LadderDriver
import LadderModel
import LadderRules
import Testing

/// A survey question written `withheld: true` (issue 21.5): asked, its counts left out of the
/// file. It counts as asked (survey-return-intent, survey-missing), is never judged on counts,
/// never shown in metrics, and survey-small-group has nothing to say about it.
struct SurveyWithheldRulesTests {
    static func survey(_ conducted: String, _ questions: String) -> String {
        "kind: survey\nladder: brightwater-eng\nconducted: \(conducted)\nanonymous: true\nquestions:\n\(questions)\n"
    }

    @Test("a withheld manager question: the managers were asked, nothing is judged or shown of it")
    func withheldManagerQuestion() throws {
        let ladder = try Repo.org("brightwater", "ladder.yaml")
        let survey = Self.survey("2026-06-01", """
              - {id: seat-at-the-table, audience: individual-contributor, respondents: 10, agree: 6}
              - {id: return-status-loss, audience: management, withheld: true}
            """)
        let r = try Fixture.lint(files: ["l.yaml": ladder, "s.yaml": survey])
        #expect(r.exitCode != 2, "\(r.stderr)")
        let report = try #require(r.report)
        let rules = report.findings.map(\.rule)
        for rule in ["survey-return-intent", "survey-small-group", "survey-return-status-loss", "survey-missing", "invalid-document"] {
            #expect(!rules.contains(rule), "\(rule): \(report.findings.map(\.message))")
        }
        // The shown figure is still judged.
        #expect(rules.contains("survey-seat-at-the-table"))
        // No finding points at the withheld question's line.
        #expect(!report.findings.contains { $0.location.file == "s.yaml" && $0.location.line == 7 })
        // Only the figure with counts is a metric.
        let metrics = try #require(report.metrics.first)
        #expect(metrics.survey.map(\.question) == ["seat-at-the-table"])
    }

    @Test("without the withheld entry, the same survey is the survey-return-intent finding the entry answers")
    func leftOutIsNotAsked() throws {
        let ladder = try Repo.org("brightwater", "ladder.yaml")
        let survey = Self.survey("2026-06-01", "  - {id: seat-at-the-table, audience: individual-contributor, respondents: 10, agree: 1}")
        let report = try #require(try Fixture.lint(files: ["l.yaml": ladder, "s.yaml": survey]).report)
        #expect(report.findings.contains { $0.rule == "survey-return-intent" })
    }

    @Test("a survey of withheld questions only is a survey: survey-missing is satisfied, no metric, no small-group finding")
    func onlyWithheld() throws {
        let ladder = try Repo.org("brightwater", "ladder.yaml")
        let survey = Self.survey("2026-06-01", """
              - {id: seat-at-the-table, audience: individual-contributor, withheld: true}
              - {id: return-willingness, audience: management, withheld: true}
            """)
        let report = try #require(try Fixture.lint(files: ["l.yaml": ladder, "s.yaml": survey]).report)
        #expect(!report.findings.contains { $0.rule.hasPrefix("survey-") }, "\(report.findings.map(\.message))")
        #expect(report.metrics.first?.survey.isEmpty == true)
    }

    @Test("survey-trend compares only figures with counts: a withheld year between two shown ones is skipped")
    func trendSkipsWithheld() throws {
        let ladder = try Repo.org("brightwater", "ladder.yaml")
        let surveys = [
            Self.survey("2024-06-01", "  - {id: seat-at-the-table, audience: individual-contributor, respondents: 40, agree: 4}\n  - {id: return-status-loss, audience: management, respondents: 10, agree: 1}"),
            Self.survey("2025-06-01", "  - {id: seat-at-the-table, audience: individual-contributor, withheld: true}\n  - {id: return-status-loss, audience: management, withheld: true}"),
            Self.survey("2026-06-01", "  - {id: seat-at-the-table, audience: individual-contributor, respondents: 40, agree: 4}\n  - {id: return-status-loss, audience: management, respondents: 10, agree: 1}"),
        ].joined(separator: "---\n")
        let report = try #require(try Fixture.lint(files: ["l.yaml": ladder, "s.yaml": surveys]).report)
        #expect(!report.findings.contains { $0.rule.hasPrefix("survey-") }, "\(report.findings.map(\.message))")
        #expect(report.metrics.first?.survey.map(\.conducted) == ["2026-06-01", "2026-06-01", "2024-06-01", "2024-06-01"])
    }

    @Test("a unanimous everyone figure gives a withheld: true subgroup of its date away, so it is withheld; otherwise it stays shown")
    func unanimousEveryoneBesideAWithheldEntry() {
        func cells(agree: Int) -> [SurveySuppression.Cell] {
            var asked = SurveySuppression.Cell(question: "q", conducted: Day("2026-06-01")!, audience: "management", respondents: 0, agree: 0)
            asked.counted = false
            return [SurveySuppression.Cell(question: "q", conducted: Day("2026-06-01")!, audience: nil, respondents: 20, agree: agree), asked]
        }
        #expect(SurveySuppression.withheld(cells(agree: 20), minGroup: 5) == [true, true])
        #expect(SurveySuppression.withheld(cells(agree: 0), minGroup: 5) == [true, true])
        #expect(SurveySuppression.withheld(cells(agree: 12), minGroup: 5) == [false, true])
    }
}
