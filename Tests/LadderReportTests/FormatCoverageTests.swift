import Foundation
import LadderDriver
import LadderModel
@testable import LadderReport
import LadderRules
import Testing

/// Every format says what the run could not check (issue 17): the clean ladder with only a
/// survey on file has no findings, yet its pay, policy and transitions were never judged.
@Suite struct FormatCoverageTests {
    static let run: Result<FormatRun, Error> = Result { try FormatRun.lint(FormatFixture.cleanLadderAlone) }

    static let payLine = "pay: not checked — no bands or formula for ladder calm"
    static let policyLine = "policy: not checked — no policy document for ladder calm"
    static let transitionsLine = "transitions: not checked — no policy document for ladder calm"

    /// The run's report as `--require pay` would have made it.
    func requiringPay() throws -> Report {
        var report = try Self.run.get().report
        report.required = [.pay]
        return report
    }

    func render(_ format: String, _ report: Report) throws -> String {
        try #require(Reporters.render(format, report, ReportStyle()))
    }

    @Test func theReportHoldsTheLaddersCoverage() throws {
        let report = try Self.run.get().report
        #expect(report.findings.isEmpty)
        let c = try #require(report.coverage.first)
        #expect(report.coverage.count == 1)
        #expect(c.id == "calm" && c.file == "ladders/ladder.yaml" && c.line == 2)
        #expect(c.families.map(\.status) == [.checked, .notChecked, .notChecked, .notChecked, .checked])
        #expect(report.unmet.isEmpty, "nothing was required")
    }

    @Test func textListsWhatWasNotCheckedBeforeTheSummaryLine() throws {
        let text = try render("text", Self.run.get().report)
        #expect(text == [Self.payLine, Self.policyLine, Self.transitionsLine, "0 errors, 0 warnings, 0 info in 1 file (2 documents, 1 ladder)", ""].joined(separator: "\n"))
        let required = try render("text", requiringPay())
        #expect(required.split(separator: "\n").first == "\(Self.payLine) (required)")
    }

    @Test func textOfAFullyCheckedRunIsUnchanged() throws {
        let clean = try FormatRun.lint(FormatFixture.clean)
        #expect(try render("text", clean.report) == "0 errors, 0 warnings, 0 info in 1 file (4 documents, 1 ladder)\n")
    }

    @Test func jsonHasACoverageObjectValidAgainstTheSchema() throws {
        let run = try Self.run.get()
        let json = try #require(run.outputs["json"])
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Array(doc.keys).contains("coverage"))
        let coverage = try #require(doc["coverage"] as? [String: Any])
        #expect(coverage["required"] as? [String] == [])
        let ladders = try #require(coverage["ladders"] as? [[String: Any]])
        #expect(ladders.count == 1)
        #expect(ladders[0]["id"] as? String == "calm")
        #expect(ladders[0]["file"] as? String == "ladders/ladder.yaml")
        let families = try #require(ladders[0]["families"] as? [String: [String: String]])
        #expect(families["tracks"] == ["status": "checked"])
        #expect(families["pay"] == ["status": "not-checked", "reason": "no bands or formula for ladder calm"])
        #expect(families["survey"] == ["status": "checked"])
        // The last key, after metrics: an addition to the documented order, not a change of it.
        #expect(json.range(of: "\"metrics\"")!.lowerBound < json.range(of: "\"coverage\"")!.lowerBound)

        let required = try render("json", requiringPay())
        let rdoc = try #require(JSONSerialization.jsonObject(with: Data(required.utf8)) as? [String: Any])
        #expect((rdoc["coverage"] as? [String: Any])?["required"] as? [String] == ["pay"])
        let errors = try FormatSchema.errors([json, required])
        #expect(errors.isEmpty, "\(errors)")
    }

    /// The schema itself refuses what the reporter must never write. A checked family may carry
    /// a reason: what of it stood down (issue 18.2, a band with errors).
    @Test func theSchemaRefusesAReasonlessNotChecked() throws {
        let json = try #require(try Self.run.get().outputs["json"])
        /// The report with `edit` applied to its coverage object.
        func edited(_ edit: (inout [String: Any]) -> Void) throws -> String {
            var doc = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            var coverage = try #require(doc["coverage"] as? [String: Any])
            edit(&coverage)
            doc["coverage"] = coverage
            return String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self)
        }
        func family(_ name: String, _ value: [String: String]) -> (inout [String: Any]) -> Void {
            { coverage in
                var ladders = coverage["ladders"] as! [[String: Any]]
                var families = ladders[0]["families"] as! [String: Any]
                families[name] = value
                ladders[0]["families"] = families
                coverage["ladders"] = ladders
            }
        }
        #expect(try FormatSchema.errors([edited { _ in }]).isEmpty, "the unedited report is valid")
        #expect(try FormatSchema.errors([edited(family("pay", ["status": "checked", "reason": "pay was not compared at grade 4 in zone us of ladder acme: the band of ic-4 in zone us has errors; fix it first"]))]).isEmpty)
        let bad = [
            try edited(family("pay", ["status": "not-checked"])),
            try edited(family("tracks", ["status": "checked", "reason": ""])),
            try edited(family("survey", ["status": "skipped", "reason": "x"])),
            try edited { $0["required"] = ["salary"] },
        ]
        for b in bad { #expect(try !FormatSchema.errors([b]).isEmpty, "\(b)") }
    }

    @Test func sarifCarriesItInTheRunsPropertiesAndStaysValid() throws {
        let run = try Self.run.get()
        let sarif = try #require(run.outputs["sarif"])
        let doc = try #require(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let runs = try #require(doc["runs"] as? [[String: Any]])
        let coverage = try #require((runs[0]["properties"] as? [String: Any])?["coverage"] as? [String: Any])
        let json = try #require(JSONSerialization.jsonObject(with: Data(run.outputs["json"]!.utf8)) as? [String: Any])
        #expect(NSDictionary(dictionary: coverage).isEqual(to: json["coverage"] as! [String: Any]), "the same object as the JSON report's")

        // --require: an error notification per ladder and family that did not run.
        let required = try render("sarif", requiringPay())
        let rdoc = try #require(JSONSerialization.jsonObject(with: Data(required.utf8)) as? [String: Any])
        let invocation = try #require(((rdoc["runs"] as? [[String: Any]])?[0]["invocations"] as? [[String: Any]])?.first)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.count == 1)
        #expect(notes[0]["level"] as? String == "error")
        #expect((notes[0]["message"] as? [String: Any])?["text"] as? String == "required: \(Self.payLine)")

        guard FormatRepo.sarifSchemaPresent else { return }
        for text in [sarif, required] {
            let file = try FormatPython.file(text, "coverage.sarif")
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try #require(FormatPython.json(SARIFFormatTests.validator, [FormatRepo.sarifSchema(), file.path]) as? [String: Any])
            #expect((result["errors"] as? [String]) == [], "\(result["errors"] ?? "")")
        }
    }

    @Test func githubNoticesAtTheLadderAndAnErrorWhenRequired() throws {
        let github = try #require(try Self.run.get().outputs["github"])
        #expect(github.split(separator: "\n") == [
            "::notice file=ladders/ladder.yaml,line=2,title=ladderlint coverage::\(Self.payLine)",
            "::notice file=ladders/ladder.yaml,line=2,title=ladderlint coverage::\(Self.policyLine)",
            "::notice file=ladders/ladder.yaml,line=2,title=ladderlint coverage::\(Self.transitionsLine)",
        ])
        let required = try render("github", requiringPay())
        #expect(required.split(separator: "\n").first == "::error file=ladders/ladder.yaml,line=2,title=ladderlint --require::required: \(Self.payLine)")
    }

    /// The pay, policy and transitions rules are skipped in the ladder's file, with the reason:
    /// a rule that had nothing to judge did not pass.
    @Test func junitSkipsTheRulesThatCouldNotRun() throws {
        let run = try Self.run.get()
        let doc = try JUnitFormatTests().read(run.outputs["junit"]!)
        let suites = try #require(doc["suites"] as? [[String: Any]])
        #expect(suites.count == 1)
        let suite = suites[0]
        #expect((suite["written"] as? [String: Int]) == (suite["recount"] as? [String: Int]), "\(suite["written"] ?? "") \(suite["recount"] ?? "")")
        let cases = try #require(suite["cases"] as? [[String: Any]])
        let family = Dictionary(run.report.rules.map { ($0.id, CoverageFamily(category: $0.category)) }, uniquingKeysWith: { a, _ in a })
        var skipped = 0
        for c in cases {
            let name = try #require(c["name"] as? String)
            let results = try #require(c["results"] as? [[String: Any]])
            switch family[name] ?? nil {
            case .pay?, .policy?, .transitions?:
                skipped += 1
                #expect(results.count == 1 && results[0]["kind"] as? String == "Skipped", "\(name): \(results)")
                let message = results.first?["message"] as? String ?? ""
                #expect(message.hasPrefix("not checked: no "), "\(name): \(message)")
            default:
                #expect(results.isEmpty, "\(name) passes: \(results)")
            }
        }
        #expect(skipped > 0)
        #expect(doc["skipped"] as? Int == skipped)
        #expect(doc["failures"] as? Int == 0)
    }

    /// GitLab's Code Quality report holds issues with a place in the code, and a family that
    /// could not run is no such issue: the job log (text) and the exit status carry it.
    @Test func gitlabStaysAnArrayOfFindings() throws {
        #expect(try Self.run.get().outputs["gitlab"] == "[]\n")
    }

    @Test func markdownListsWhatWasNotChecked() throws {
        let markdown = try #require(try Self.run.get().outputs["markdown"])
        #expect(markdown == """
            ### ladderlint: no findings in 1 file

            **What was not checked** (1 of 1 ladder):

            - \(Self.payLine)
            - \(Self.policyLine)
            - \(Self.transitionsLine)

            **Verdict:**

            - **Engineering** (too little on file to judge): No pay bands on file.

            """)
        let required = try render("markdown", requiringPay())
        #expect(required.contains("- \(Self.payLine) (required)\n"))
    }

    /// The fixture's report as an HTML run makes it (with the metrics the page links to).
    static func htmlReport(_ files: [String: String]) throws -> Report {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-coverage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        var options = LintOptions()
        options.today = Day("2026-11-21")
        options.outputs = [OutputRequest(format: "html", file: nil)]
        let result = LintRun(workingDirectory: dir.path).execute(options)
        return try #require(result.report, "\(result.stderr)")
    }

    @Test func htmlHasAWhatWasCheckedSection() throws {
        let report = try Self.htmlReport(FormatFixture.cleanLadderAlone)
        let html = HTMLReporter.page(report, policy: nil)
        let start = try #require(html.range(of: "<section class=\"coverage\" id=\"coverage\""))
        let section = String(html[start.lowerBound...].prefix { _ in true }.prefix(4000))
        let body = String(section[..<section.range(of: "</section>")!.upperBound])
        #expect(body.contains("<h2 id=\"coverage-h\" class=\"section-h\">What was checked</h2>"))
        #expect(body.contains("<a href=\"#ladder-1\">Engineering</a><span class=\"org\"><code>calm</code></span>"))
        #expect(body.contains("<span class=\"mark note\">not checked</span><br><span class=\"muted\">no bands or formula for ladder calm</span>"))
        #expect(body.components(separatedBy: "<span class=\"mark ok\">").count - 1 == 2, "tracks and survey checked")
        // Before the ladders' own sections.
        let ladder = try #require(html.range(of: "id=\"ladder-1\""))
        #expect(start.lowerBound < ladder.lowerBound)

        var requiring = report
        requiring.required = [.pay]
        let required = HTMLReporter.page(requiring, policy: nil)
        #expect(required.contains("<span class=\"mark fail sev-error\">not checked, required</span>"))

        let clean = HTMLReporter.page(try Self.htmlReport(FormatFixture.clean), policy: nil)
        #expect(clean.contains("Every rule family was checked on the ladder."))
    }

    /// Past `CoverageLines.limit` lines, ladders are counted per family: a large audit adds a
    /// handful of lines, not thousands.
    @Test func manyLaddersAreCountedPerFamily() throws {
        var report = try Self.run.get().report
        let one = try #require(report.coverage.first)
        report.coverage = (1...30).map { i in
            var c = one
            c.id = "l\(i)"
            c.families = c.families.map { f in
                var f = f
                f.reason = f.reason?.replacingOccurrences(of: "calm", with: "l\(i)")
                return f
            }
            return c
        }
        let lines = CoverageLines.lines(report).map(\.text)
        #expect(lines == [
            "pay: not checked for 30 of 30 ladders (first: no bands or formula for ladder l1)",
            "policy: not checked for 30 of 30 ladders (first: no policy document for ladder l1)",
            "transitions: not checked for 30 of 30 ladders (first: no policy document for ladder l1)",
        ])
    }

    /// A family disabled in the configuration is one line for the run, not one per ladder.
    @Test func aDisabledFamilyIsOneLine() throws {
        var report = try Self.run.get().report
        let one = try #require(report.coverage.first)
        var two = one
        two.id = "other"
        report.coverage = [one, two].map { c in
            var c = c
            c.families = c.families.map { f in
                f.family == .survey ? FamilyCoverage(family: .survey, status: .disabled, reason: "every survey rule is disabled in the configuration") : f
            }
            return c
        }
        let lines = CoverageLines.lines(report).map(\.text)
        #expect(lines.filter { $0.hasPrefix("survey:") } == ["survey: disabled — every survey rule is disabled in the configuration"])
    }

    /// Input text in coverage (the ladder id) is escaped by each format as findings are.
    @Test func ladderIdsAreEscapedInEveryFormat() throws {
        var report = try Self.run.get().report
        let hostile = "calm\u{1B}[2J\n::error::x <b>&"
        report.coverage = report.coverage.map { c in c.mapText { $0.replacingOccurrences(of: "calm", with: hostile) } }
        let text = try render("text", report)
        #expect(!text.contains("\u{1B}"))
        #expect(text.split(separator: "\n").count == 4, "one line per family and the summary: \(text)")
        let github = try render("github", report)
        #expect(github.split(separator: "\n").allSatisfy { $0.hasPrefix("::notice file=") }, "\(github)")
        let html = HTMLReporter.page(report, policy: nil)
        #expect(!html.contains("<b>&"))
        let markdown = try render("markdown", report)
        #expect(!markdown.contains("\u{1B}"))
    }
}

/// schemas/report.schema.json applied by jsonschema (the .venv's), as the CLI tests apply it.
enum FormatSchema {
    static let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        V = jsonschema.validators.validator_for(schema)
        V.check_schema(schema)
        errors = []
        for path in sys.argv[2:]:
            doc = json.load(open(path))
            errors += [f"{path}: /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in V(schema).iter_errors(doc)]
        json.dump(errors, sys.stdout)
        """

    static func errors(_ documents: [String]) throws -> [String] {
        let files = try documents.enumerated().map { try FormatPython.file($0.element, "report-\($0.offset).json") }
        defer { for f in files { try? FileManager.default.removeItem(at: f) } }
        let schema = FormatRepo.root.appendingPathComponent("schemas/report.schema.json").path
        return try #require(FormatPython.json(script, [schema] + files.map(\.path)) as? [String])
    }
}
