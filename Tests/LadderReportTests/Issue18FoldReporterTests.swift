import Foundation
import LadderModel
@testable import LadderReport
import LadderRules
import Testing

/// Issue 18, item 11: every format shows an overpaid band's findings as one folded finding with
/// its related locations, or, where the format counts rule violations (JSON, JUnit, HTML's
/// findings by rule), keeps each part and links it to the others.
@Suite struct Issue18FoldReporterTests {
    /// em-4 is above ic-4 on floor (line 8), midpoint (9), ceiling (10) and bonus (11); em-3 on
    /// its ceiling only (line 13).
    static let files: [String: String] = [
        "ladders/ladder.yaml": """
            kind: ladder
            id: acme-eng
            name: Engineering
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
              - {id: em, name: Engineering Management, kind: management}
            levels:
              - {id: ic-3, track: ic, grade: 3, title: Senior Engineer}
              - {id: ic-4, track: ic, grade: 4, title: Staff Engineer}
              - {id: em-3, track: em, grade: 3, title: Manager}
              - {id: em-4, track: em, grade: 4, title: "Senior <Manager> & co"}

            """,
        "ladders/pay.yaml": """
            kind: compensation
            ladder: acme-eng
            currency: USD
            bands:
              - {level: ic-4, base: {min: 180000, max: 234000}, bonus_target: 0.10}
              - level: em-4
                base:
                  min: 190000
                  mid: 220000
                  max: 250000
                bonus_target: 0.15
              - {level: ic-3, base: {min: 150000, max: 195000}}
              - {level: em-3, base: {min: 140000, max: 205000}}

            """,
    ]

    static let run = Result { try FormatRun.lint(files) }

    static var foldedLead: Finding {
        get throws { try #require(try run.get().report.presentedFindings.first { !$0.related.isEmpty }) }
    }

    @Test func theStageFoldsOneBandAndLeadsWithItsMostSevereFinding() throws {
        let report = try Self.run.get().report
        #expect(report.folds.count == 1)
        let fold = try #require(report.folds.first)
        #expect(fold.parts.map { report.findings[$0].rule } == ["pay-ceiling-parity", "pay-floor-parity", "pay-midpoint-parity", "variable-pay-parity"])
        #expect(fold.parts.map { report.findings[$0].location.line } == [10, 8, 9, 11])
        #expect(fold.fingerprint == Fingerprint.of(parts: fold.parts.map { report.findings[$0].fingerprint }))
        let presented = report.presentedFindings
        #expect(presented.count == report.findings.count - 3)
        let lead = try Self.foldedLead
        #expect(lead.rule == "pay-ceiling-parity" && lead.severity == .error && lead.location.line == 10)
        #expect(lead.related.map(\.location.line) == [8, 9, 11])
        #expect(lead.shownFingerprint == fold.fingerprint)
        // em-3's ceiling stands alone.
        #expect(presented.contains { $0.rule == "pay-ceiling-parity" && $0.location.line == 13 && $0.related.isEmpty })
    }

    @Test func theFoldFingerprintIsOfItsPartsInAnyOrderAndChangesWithThem() {
        #expect(Fingerprint.of(parts: ["a", "b", "c"]) == Fingerprint.of(parts: ["c", "a", "b"]))
        #expect(Fingerprint.of(parts: ["a", "b"]) != Fingerprint.of(parts: ["a", "b", "c"]))
        #expect(Fingerprint.of(parts: ["a", "b"]).range(of: "^[0-9a-f]{32}$", options: .regularExpression) != nil)
    }

    @Test func nothingIsFoldedWithoutAnOverpaidBand() throws {
        let clean = try FormatRun.lint(Self.files.merging(["ladders/pay.yaml": """
            kind: compensation
            ladder: acme-eng
            currency: USD
            bands:
              - {level: ic-4, base: {min: 180000, max: 234000}}
              - {level: em-4, base: {min: 180000, max: 234000}}
              - {level: ic-3, base: {min: 150000, max: 195000}}
              - {level: em-3, base: {min: 140000, max: 205000}}

            """]) { $1 })
        #expect(clean.report.folds.isEmpty)
        #expect(clean.report.presentedFindings == clean.report.findings)
    }

    @Test func textIndentsTheOtherPartsUnderTheLead() throws {
        let report = try Self.run.get().report
        let lines = try #require(Reporters.render("text", report, ReportStyle())).split(separator: "\n").map(String.init)
        let lead = try #require(lines.firstIndex { $0.hasPrefix("ladders/pay.yaml:10:") })
        #expect(lines[lead].hasSuffix("[pay-ceiling-parity]"))
        #expect(lines[lead + 1].hasPrefix("    ladders/pay.yaml:8:") && lines[lead + 1].hasSuffix("[pay-floor-parity]"))
        #expect(lines[lead + 2].hasPrefix("    ladders/pay.yaml:9:") && lines[lead + 2].hasSuffix("[pay-midpoint-parity]"))
        #expect(lines[lead + 3].hasPrefix("    ladders/pay.yaml:11:") && lines[lead + 3].hasSuffix("[variable-pay-parity]"))
        // Every part has its line: the summary counts what is shown, with no word about folding.
        #expect(lines.last?.hasSuffix("ladder)") == true)
    }

    @Test func sarifIsOneResultWithRelatedLocationsAndEveryPartsFingerprint() throws {
        let run = try Self.run.get()
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.outputs["sarif"]!.utf8)) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        #expect(results.filter { $0["ruleId"] as? String == "pay-floor-parity" }.isEmpty)
        let folded = try #require(results.first { $0["relatedLocations"] != nil })
        #expect(folded["ruleId"] as? String == "pay-ceiling-parity")
        let related = try #require(folded["relatedLocations"] as? [[String: Any]])
        #expect(related.map { $0["id"] as? Int } == [1, 2, 3])
        #expect(related.map { (($0["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])?["startLine"] } == [8, 9, 11])
        #expect(related.map { (($0["message"] as? [String: Any])?["text"] as? String)?.components(separatedBy: " ").first }
            == ["pay-floor-parity", "pay-midpoint-parity", "variable-pay-parity"])
        let parts = try #require((folded["properties"] as? [String: Any])?["folded"] as? [[String: String]])
        let report = run.report
        #expect(parts.map { $0["fingerprint"] } == report.folds[0].parts.map { report.findings[$0].fingerprint })
        #expect((folded["partialFingerprints"] as? [String: String])?["ladderlint/v1"] == report.folds[0].fingerprint)
        let text = try #require((folded["message"] as? [String: Any])?["text"] as? String)
        #expect(text.hasSuffix(" Also on this band: pay-floor-parity (warning) at line 8, column 12; pay-midpoint-parity (warning) at line 9, column 12; variable-pay-parity (warning) at line 11, column 19."))
    }

    @Test func githubIsOneAnnotationAtTheLeadNamingTheOthers() throws {
        let text = try Self.run.get().outputs["github"]!
        let pay = text.split(separator: "\n").filter { $0.contains("file=ladders/pay.yaml,line=") }
        #expect(pay.count == 2)
        let lead = try #require(pay.first { $0.contains("title=pay-ceiling-parity") && $0.contains("line=10,") })
        #expect(lead.hasPrefix("::error "))
        #expect(lead.contains("%0Apay-floor-parity (warning) at line 8, column 12: em-4"))
        #expect(lead.contains("%0Apay-midpoint-parity (warning) at line 9, column 12: em-4"))
        #expect(lead.contains("%0Avariable-pay-parity (warning) at line 11, column 19: em-4"))
    }

    @Test func gitlabIsOneIssueUnderTheFoldFingerprint() throws {
        let run = try Self.run.get()
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(run.outputs["gitlab"]!.utf8)) as? [[String: Any]])
        let pay = issues.filter { ($0["location"] as? [String: Any])?["path"] as? String == "ladders/pay.yaml" }
        #expect(pay.count == 2)
        let lead = try #require(pay.first { $0["fingerprint"] as? String == run.report.folds[0].fingerprint })
        #expect(lead["check_name"] as? String == "pay-ceiling-parity")
        #expect((lead["description"] as? String)?.hasSuffix("Also on this band: pay-floor-parity (warning) at line 8, column 12; pay-midpoint-parity (warning) at line 9, column 12; variable-pay-parity (warning) at line 11, column 19.") == true)
    }

    @Test func junitKeepsAFailurePerRuleAndNamesTheOtherParts() throws {
        let xml = try Self.run.get().outputs["junit"]!
        // Every part still fails its own rule's test case.
        for rule in ["pay-floor-parity", "pay-midpoint-parity", "variable-pay-parity"] {
            #expect(xml.contains("<testcase name=\"\(rule)\" classname=\"ladders/pay.yaml\">\n      <failure"), "\(rule)")
        }
        // The floor's failure names the three others, indented.
        let floor = try #require(xml.components(separatedBy: "<testcase name=\"pay-floor-parity\" classname=\"ladders/pay.yaml\">").dropFirst().first)
        let body = try #require(floor.components(separatedBy: "</failure>").first)
        #expect(body.contains("\n    ladders/pay.yaml:9:12: warning: "))
        #expect(body.contains("\n    ladders/pay.yaml:10:12: error: "))
        #expect(body.contains("\n    ladders/pay.yaml:11:19: warning: "))
    }

    @Test func markdownIsOneRowWithTheOtherPartsInIt() throws {
        let md = try Self.run.get().outputs["markdown"]!
        #expect(md.contains("4 findings on 1 overpaid band are folded into one row per band."))
        let rows = md.split(separator: "\n").filter { $0.contains("](ladders/pay.yaml#L") && $0.hasPrefix("| ") }
        #expect(rows.count == 2)
        let lead = try #require(rows.first { $0.hasPrefix("| error | `pay-ceiling-parity` | [ladders/pay.yaml:10]") })
        #expect(lead.components(separatedBy: "<br>also ").count == 4)
        #expect(lead.contains("<br>also warning `pay-floor-parity` at [ladders/pay.yaml:8](ladders/pay.yaml#L8): em-4"))
    }

    @Test func htmlListsTheOtherPartsUnderTheLeadAndPointsEachPartAtIt() throws {
        let report = try Self.run.get().report
        let html = try #require(Reporters.render("html", report, ReportStyle()))
        let related = try #require(html.components(separatedBy: "<ul class=\"related\" aria-label=\"Also on this band\">").dropFirst().first)
        let items = related.components(separatedBy: "</ul>")[0].components(separatedBy: "<li>").dropFirst()
        #expect(items.count == 3)
        #expect(items.first?.contains("<code>pay-floor-parity</code></a> at <code class=\"loc\">ladders/pay.yaml:8:12</code>") == true)
        // The input's markup stays text.
        #expect(related.contains("Senior &lt;Manager&gt; &amp; co"))
        #expect(html.components(separatedBy: "<p class=\"folded\">Same overpaid band as the <a href=\"#").count == 4)
    }
}
