import Foundation
import LadderModel
@testable import LadderReport
import LadderRules
import Testing

@Suite struct SARIFFormatTests {
    static let validator = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        doc = json.load(open(sys.argv[2]))
        # The validator of the schema's own draft ($schema: draft-04), with format checks on.
        V = jsonschema.validators.validator_for(schema)
        V.check_schema(schema)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in V(schema, format_checker=V.FORMAT_CHECKER).iter_errors(doc)]
        json.dump({"validator": V.__name__, "errors": errors}, sys.stdout)
        """

    func document(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(.enabled(if: FormatRepo.sarifSchemaPresent, "the official SARIF 2.1.0 schema is in ../shared/schemas/, which only the team's machines have"))
    func validAgainstTheOfficialSchema() throws {
        let run = try FormatFixture.run.get()
        let file = try FormatPython.file(run.outputs["sarif"]!, "report.sarif")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try #require(FormatPython.json(Self.validator, [FormatRepo.sarifSchema(), file.path]) as? [String: Any])
        #expect(result["validator"] as? String == "Draft4Validator")
        #expect((result["errors"] as? [String]) == [], "\(result["errors"] ?? "")")
    }

    /// Issue 19.4: every built-in and core rule links its page in docs/rules; the document stays
    /// valid with another base and with suppressed results left out.
    @Test(.enabled(if: FormatRepo.sarifSchemaPresent, "the official SARIF 2.1.0 schema is in ../shared/schemas/, which only the team's machines have"))
    func helpUriOnEveryRuleValid() throws {
        let run = try FormatFixture.run.get()
        #expect(run.report.findings.contains { $0.suppressed })
        for style in [ReportStyle(), ReportStyle(sarifHelpBase: "https://git.example.com/ladderlint/docs/rules/", sarifOmitSuppressed: true)] {
            let text = SARIFReporter.render(run.report, style)
            let file = try FormatPython.file(text, "report.sarif")
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try #require(FormatPython.json(Self.validator, [FormatRepo.sarifSchema(), file.path]) as? [String: Any])
            #expect((result["errors"] as? [String]) == [], "\(result["errors"] ?? "")")
            let sarifRun = try #require((try document(text)["runs"] as? [[String: Any]])?.first)
            let rules = try #require(((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
            let known = Set(run.report.rules.map(\.id) + CoreRules.ids + CoreRules.waiverIDs)
            for r in rules {
                let id = try #require(r["id"] as? String)
                let uri = r["helpUri"] as? String
                if known.contains(id) {
                    #expect(uri == style.sarifHelpBase! + id + ".md")
                    #expect(uri.map(SARIFReporter.isPlainWebURI) == true)
                } else {
                    #expect(uri == nil, "\(id) has no page")
                }
            }
            let results = try #require(sarifRun["results"] as? [[String: Any]])
            let suppressed = results.filter { !(($0["suppressions"] as? [Any]) ?? []).isEmpty }
            #expect(suppressed.isEmpty == style.sarifOmitSuppressed)
            #expect(results.count == run.report.presentedFindings.count { !style.sarifOmitSuppressed || !$0.suppressed })
        }
        // No base: no helpUri but a pack's own.
        let none = SARIFReporter.document(run.report, ReportStyle(sarifHelpBase: nil)).encoded(pretty: false)
        #expect(!none.contains("helpUri"))
        #expect(SARIFReporter.helpBase("https://example.com/docs") == "https://example.com/docs/")
        for bad in ["javascript:alert(1)", "//example.com/", "https:///x", "https://e.com/?q", "https://e.com/#f", "https://e.com/a)b"] {
            #expect(SARIFReporter.helpBase(bad) == nil, "\(bad)")
        }
    }

    @Test func everythingCodeScanningNeeds() throws {
        let run = try FormatFixture.run.get()
        let doc = try document(run.outputs["sarif"]!)
        #expect(doc["$schema"] as? String == SARIFReporter.schemaURI)
        #expect(doc["version"] as? String == "2.1.0")
        let runs = try #require(doc["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "ladderlint")
        #expect(driver["version"] as? String == run.report.toolVersion)

        // Rule metadata: every rule that ran and every core rule, with descriptions and help.
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count)
        for id in run.report.rules.map(\.id) + CoreRules.ids + CoreRules.waiverIDs {
            #expect(ids.contains(id), "no descriptor for \(id)")
        }
        for r in rules {
            for key in ["shortDescription", "fullDescription", "help"] {
                let text = (r[key] as? [String: Any])?["text"] as? String ?? ""
                #expect(!text.isEmpty, "\(r["id"] ?? "?"): \(key).text is empty")
            }
            let level = (r["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["error", "warning", "note"].contains(level ?? ""))
        }
        let ceiling = try #require(rules.first { $0["id"] as? String == "pay-ceiling-parity" })
        let pack = try #require(run.report.rules.first { $0.id == "pay-ceiling-parity" })
        #expect((ceiling["shortDescription"] as? [String: Any])?["text"] as? String == pack.summary)
        #expect((ceiling["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        // The built-in pack gives no help_uri: the rule's page under the default base (issue 19.4).
        #expect(ceiling["helpUri"] as? String == pack.helpURI ?? SARIFReporter.defaultHelpBase + "pay-ceiling-parity.md")

        // Results: one per finding, suppressed ones included, in report order; an overpaid
        // band's parts are one result with related locations (issue 18).
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        let shown = run.report.presentedFindings
        #expect(shown.contains { !$0.related.isEmpty })
        #expect(results.count == shown.count)
        for (r, f) in zip(results, shown) {
            #expect(r["ruleId"] as? String == f.rule)
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(ids[index] == f.rule)
            let level = ["error": "error", "warning": "warning", "info": "note"][f.severity.rawValue]
            #expect(r["level"] as? String == level)
            #expect((r["message"] as? [String: Any])?["text"] as? String == f.message + RelatedText.sentence(f))
            #expect((r["partialFingerprints"] as? [String: String])?["ladderlint/v1"] == f.shownFingerprint)
            let related = r["relatedLocations"] as? [[String: Any]] ?? []
            #expect(related.count == f.related.count)
            for (l, part) in zip(related, f.related) {
                let region = ((l["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]) ?? [:]
                #expect(region["startLine"] == part.location.line && region["startColumn"] == part.location.column)
                #expect(((l["message"] as? [String: Any])?["text"] as? String)?.hasPrefix(part.rule) == true)
            }

            let locations = try #require(r["locations"] as? [[String: Any]])
            #expect(locations.count == 1)
            let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            let uri = try #require(artifact["uri"] as? String)
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            #expect(!uri.contains(" ") && !uri.contains(",") && !uri.contains(":"), "not percent-encoded: \(uri)")
            #expect(uri.removingPercentEncoding == f.location.file)
            let region = try #require(physical["region"] as? [String: Int])
            let (sl, sc, el, ec) = (region["startLine"]!, region["startColumn"]!, region["endLine"]!, region["endColumn"]!)
            #expect(sl == f.location.line && sc == f.location.column)
            #expect((el, ec) > (sl, sc), "empty or inverted region \(region) for \(f.rule)")

            let suppressions = try #require(r["suppressions"] as? [[String: Any]], "suppressions must be on every result")
            if let s = f.suppression {
                #expect(suppressions.count == 1)
                #expect(suppressions.first?["kind"] as? String == "external")
                #expect(suppressions.first?["status"] as? String == "accepted")
                #expect(suppressions.first?["justification"] as? String == s.reason)
            } else {
                #expect(suppressions.isEmpty)
            }
        }
        // The fixture has a waived finding, so the marking above was exercised.
        #expect(run.report.findings.contains { $0.suppressed })
        #expect(results.contains { ($0["suppressions"] as? [Any])?.isEmpty == false })
        let bases = try #require(runs[0]["originalUriBaseIds"] as? [String: Any])
        #expect(bases["%SRCROOT%"] != nil)
    }

    @Test func uriEncodingOfFileNames() {
        #expect(URIPath.encode("ladders/pay, 2026: 100%.yaml") == "ladders/pay%2C%202026%3A%20100%25.yaml")
        #expect(URIPath.encode("ladders/équipe#1?.yaml") == "ladders/%C3%A9quipe%231%3F.yaml")
    }

    @Test func regionsNeverEmpty() throws {
        // A finding about a whole file has the empty span 1:1-1:1; SARIF gets one character.
        let f = Finding(rule: "unreadable-file", severity: .error, message: "cannot read",
                        location: Location(file: "a.yaml", span: .unknown), modelPath: "file")
        let report = FormatSynthetic.report([f])
        let doc = try document(SARIFReporter.render(report, ReportStyle()))
        let region = (((((doc["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])[0]["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"] as! [String: Int])
        #expect(region == ["startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2])
    }

    @Test func cleanRunHasNoResults() throws {
        let run = try FormatRun.lint(FormatFixture.clean)
        #expect(run.report.findings.isEmpty)
        let doc = try document(run.outputs["sarif"]!)
        let results = (doc["runs"] as? [[String: Any]])?.first?["results"] as? [Any]
        #expect(results?.isEmpty == true)
    }

    /// A rule pack named by `.ladderlint.yml` comes from a pull request: code scanning renders
    /// its help as Markdown, so its text is escaped and only a plain http(s) help_uri is kept.
    @Test func aPackFromThePullRequestBringsNoLiveMarkdown() throws {
        let pack = """
            version: 1
            rules:
              - id: custom-parity
                check: pay-parity
                severity: error
                params: {measure: max, tolerance: 0}
                summary: Custom.
                message: "{management} above {ic}"
                help: "ping @octocat about #12 at https://evil.example <img src=x onerror=alert(1)>"
                rationale: "[click](javascript:alert(1))"
                help_uri: "javascript:alert(1)"
            """
        let rules = try RulePack.parse(pack, file: "team/rules.yaml", registry: .builtin).rules
        var report = FormatSynthetic.report([])
        report.rules = rules
        let d = try #require(SARIFReporter.descriptors(report).first { $0.id == "custom-parity" })
        #expect(!d.trusted)
        let json = SARIFReporter.descriptor(d).encoded(pretty: false)
        #expect(!json.contains("helpUri"))
        #expect(json.contains("@&#8203;octocat"))
        #expect(json.contains("\\\\<img"))
        #expect(json.contains("\\\\[click\\\\](javascript:alert(1))"))
        #expect(!json.contains("(<javascript"))
        #expect(SARIFReporter.isPlainWebURI("https://example.com/rules#custom"))
        #expect(!SARIFReporter.isPlainWebURI("https://example.com/a)(b"))
    }
}
