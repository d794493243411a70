import Foundation
import LadderDriver
import LadderModel
import LadderRules
import Testing

struct MetricsTests {
    @Test("metrics: top grades, pay rows per grade, zone and currency with ratios, survey ratios withheld for small groups")
    func ownOrganisationMetrics() throws {
        let folder = Repo.orgs.appendingPathComponent("brightwater")
        let report = try #require(Fixture.lint(folder).report)
        let m = try #require(report.metrics.first)
        #expect(report.metrics.count == 1)
        #expect(m.id == "brightwater-eng")
        #expect(m.topIC == 4 && m.topManagement == 5)
        let g3 = try #require(m.pay.first { $0.grade == 3 && $0.zone == "default" })
        #expect(g3.currency == "USD" && g3.period == "annual")
        #expect(g3.icMax == 182000 && g3.managementMax == 192000)
        #expect(g3.ratio == 1.0549)
        #expect(g3.icMid == 161000 && g3.managementMid == 168000)
        #expect(g3.icLevels == ["se-3"] && g3.managementLevels == ["em-3"])
        let g5 = try #require(m.pay.first { $0.grade == 5 })
        #expect(g5.icMax == nil && g5.managementMax == 265000 && g5.ratio == nil, "a grade without an IC peer has no ratio")
        let eu = try #require(m.pay.first { $0.zone == "eu" })
        #expect(eu.currency == "EUR" && eu.ratio == 1.0)
        #expect(m.pay.map(\.zone) == ["default", "default", "default", "default", "default", "eu"], "rows sorted by zone, currency, period, grade")
        let seat = try #require(m.survey.first { $0.question == "seat-at-the-table" })
        #expect(seat.agreeRatio == 0.4167 && !seat.withheld && seat.threshold == 0.2)
        let status = try #require(m.survey.first { $0.question == "return-status-loss" })
        #expect(status.agreeRatio == 0.1429)
    }

    @Test("a group smaller than min_group: ratio withheld in JSON, threshold rule silent, small-group info only")
    func smallGroup() throws {
        let ladder = try Repo.org("brightwater", "ladder.yaml")
        let survey = """
            kind: survey
            ladder: brightwater-eng
            conducted: 2026-06-01
            anonymous: true
            questions:
              - {id: return-status-loss, audience: management, respondents: 4, agree: 4}
            """
        let r = try Fixture.lint(files: ["l.yaml": ladder, "s.yaml": survey])
        let report = try #require(r.report)
        let q = try #require(report.metrics.first?.survey.first)
        #expect(q.withheld && q.agreeRatio == nil && q.respondents == 4)
        #expect(!report.findings.contains { $0.rule == "survey-return-status-loss" })
        let small = try #require(report.findings.first { $0.rule == "survey-small-group" })
        #expect(small.location.file == "s.yaml" && small.location.line == 6)
        #expect(!small.message.contains("100%") && !small.message.contains("4 of 4"))
        #expect(r.stdout.contains("\"agree_ratio\": null,\n            \"withheld\": true"))
        // Raising min_group in the configuration withholds larger groups too, everywhere.
        let r10 = try Fixture.lint(files: ["l.yaml": ladder, "s.yaml": survey.replacingOccurrences(of: "respondents: 4, agree: 4", with: "respondents: 8, agree: 8"),
                                           ".ladderlint.yml": "params: {survey-small-group: {min_group: 10}}\n"])
        let report10 = try #require(r10.report)
        #expect(report10.metrics.first?.survey.first?.withheld == true)
        #expect(!report10.findings.contains { $0.rule == "survey-return-status-loss" })
    }
}
