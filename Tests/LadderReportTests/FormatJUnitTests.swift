import Foundation
import LadderModel
@testable import LadderReport
import LadderRules
import Testing

@Suite struct JUnitFormatTests {
    /// junitparser's reading of the XML: the counts as written, the counts it recomputes from
    /// the test cases, and every case with its result.
    static let reader = """
        import json, sys
        from junitparser import JUnitXml, Failure, Error, Skipped
        xml = JUnitXml.fromfile(sys.argv[1])
        out = {"tests": xml.tests, "failures": xml.failures, "errors": xml.errors, "skipped": xml.skipped, "suites": []}
        for suite in xml:
            written = {k: getattr(suite, k) for k in ("tests", "failures", "errors", "skipped")}
            cases = []
            for case in suite:
                results = [{"kind": type(r).__name__, "message": r.message, "type": r.type, "text": r.text} for r in case.result]
                cases.append({"name": case.name, "classname": case.classname, "results": results})
            suite.update_statistics()
            recount = {k: getattr(suite, k) for k in ("tests", "failures", "errors", "skipped")}
            out["suites"].append({"name": suite.name, "written": written, "recount": recount, "cases": cases})
        json.dump(out, sys.stdout)
        """

    func read(_ xml: String) throws -> [String: Any] {
        let file = try FormatPython.file(xml, "junit.xml")
        defer { try? FileManager.default.removeItem(at: file) }
        return try #require(FormatPython.json(Self.reader, [file.path]) as? [String: Any])
    }

    @Test func readByJunitparser() throws {
        let run = try FormatFixture.run.get()
        let doc = try read(run.outputs["junit"]!)
        let report = run.report
        let live = report.findings.filter { !$0.suppressed }
        let suites = try #require(doc["suites"] as? [[String: Any]])

        // A suite per file linted, clean ones too, then the configuration (its waiver finding).
        let names = suites.compactMap { $0["name"] as? String }
        #expect(names == report.files + [".ladderlint.yml"])
        #expect(report.files.contains("ladders/survey.yaml"))

        // The totals: one failure per unsuppressed finding, one skip per suppressed one.
        #expect(doc["failures"] as? Int == live.count)
        #expect(doc["skipped"] as? Int == report.findings.count - live.count)
        #expect(doc["errors"] as? Int == 0)
        var tests = 0
        for s in suites {
            let written = try #require(s["written"] as? [String: Int])
            #expect(written == s["recount"] as? [String: Int], "\(s["name"] ?? "?"): counts as written differ from junitparser's")
            tests += written["tests"] ?? 0
        }
        #expect(doc["tests"] as? Int == tests)

        for s in suites {
            let file = try #require(s["name"] as? String)
            let cases = try #require(s["cases"] as? [[String: Any]])
            let mine = report.findings.filter { $0.location.file == file }
            // A test case per rule that ran, in every file (a case per finding where one fired).
            let caseNames = cases.compactMap { $0["name"] as? String }
            if report.files.contains(file) {
                for rule in report.rules { #expect(caseNames.contains(rule.id), "\(file): no test case for \(rule.id)") }
            } else {
                // A file no ladder rule read (the configuration): only what fired there.
                #expect(Set(caseNames) == Set(mine.map(\.rule)))
            }
            #expect(cases.allSatisfy { $0["classname"] as? String == file })
            let results = cases.flatMap { ($0["results"] as? [[String: Any]]) ?? [] }
            #expect(cases.allSatisfy { (($0["results"] as? [Any])?.count ?? 0) <= 1 }, "a test case holds one result at most")
            let failures = results.filter { $0["kind"] as? String == "Failure" }
            #expect(failures.count == mine.filter { !$0.suppressed }.count)
            for f in mine where !f.suppressed {
                // Invisible characters arrive visibly (Escape.xml); tab and LF as themselves.
                let shown = f.message.unicodeScalars.map { $0 == "\n" || $0 == "\t" ? String($0) : Escape.terminal(String($0)) }.joined()
                let failure = failures.first { $0["message"] as? String == shown }
                #expect(failure != nil, "no failure for \(f.rule) at \(f.location.file):\(f.location.line)")
                #expect(failure?["type"] as? String == f.severity.rawValue)
                #expect((failure?["text"] as? String)?.hasPrefix("\(f.location.file):\(f.location.line):\(f.location.column): ") == true)
            }
            for f in mine where f.suppressed {
                #expect(results.contains { $0["kind"] as? String == "Skipped" && ($0["message"] as? String)?.contains(f.suppression!.reason) == true })
            }
        }
        // The fixture's messages carry `<`, `&`, quotes and a control character.
        #expect(live.contains { $0.message.contains("<") && $0.message.contains("&") && $0.message.contains("\"") && $0.message.contains("\u{07}") })
    }

    @Test func xmlEscaping() {
        // Characters XML forbids, and invisible ones, are shown visibly rather than dropped.
        #expect(JUnitReporter.attribute("a<b & \"c\" 'd'\n\t\u{07}\u{1B}e") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&#10;&#9;\\a\\ee")
        #expect(JUnitReporter.text("]]> <x> & \"q\"\n\u{0}\u{FFFE}ok") == "]]&gt; &lt;x&gt; &amp; \"q\"\n\\0\\u{FFFE}ok")
        #expect(JUnitReporter.text("r\r\n") == "r\\r\n")
    }

    @Test func cleanRunPasses() throws {
        let run = try FormatRun.lint(FormatFixture.clean)
        let doc = try read(run.outputs["junit"]!)
        #expect(doc["failures"] as? Int == 0)
        #expect(doc["skipped"] as? Int == 0)
        #expect(doc["tests"] as? Int == run.report.rules.count * run.report.files.count)
        #expect(run.report.files.count == 1)
    }
}
