import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import Testing

/// The HTML audit report without a browser: strict HTML5, charts with their tables and the
/// JSON metrics' numbers, determinism, redaction, escaping, verdicts, policy marks, waivers.
@Suite struct HTMLReportTests {
    static var acme: String { HTMLExamples.acme }
    static var evenkeel: String { HTMLExamples.evenkeel }

    /// Inputs the tests read: the sample ladders when present, and the two worked examples.
    static var inputs: [[String]] {
        (HTMLRepo.samples.map { [[$0]] } ?? []) + [[acme], [evenkeel]]
    }

    @Test func htmlIsAFormatOfTheCommandLine() {
        #expect(Reporters.table["html"] != nil)
        #expect(Reporters.formats.contains("html"))
    }

    @Test func theCommandLineWritesTheReportToAFile() throws {
        let dir = try HTMLRepo.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = LintOptions()
        options.paths = [Self.acme]
        options.today = Day("2026-11-21")
        options.outputs = [OutputRequest.parse("html:\(dir)/report.html")]
        let result = LintRun(workingDirectory: dir).execute(options)
        #expect(result.exitCode == 1)
        let html = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("manager-only-leadership-training"))
    }

    @Test(arguments: inputs)
    func theReportIsStrictHTML5AndEveryChartHasItsTable(_ paths: [String]) throws {
        let run = try HTMLRun.lint(paths)
        let check = try HTMLValidation.check(run.html)
        #expect(check.errors.isEmpty, "html5lib: \(check.errors)")
        let expected = run.report.metrics.reduce(0) { $0 + HTMLGroups.count($1.pay) }
        #expect(check.charts.count == expected)
        for chart in check.charts {
            #expect(chart.hasTable, "chart \(chart.id) has no table")
            #expect(chart.rows.count == chart.grades, "chart \(chart.id): \(chart.rows.count) rows for \(chart.grades) grades")
        }
    }

    /// One computation, two presentations: every table row holds the numbers of the JSON metrics.
    @Test(arguments: inputs)
    func chartTablesShowTheJSONMetrics(_ paths: [String]) throws {
        let run = try HTMLRun.lint(paths)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter.render(run.report, ReportStyle()).utf8)) as? [String: Any])
        let ladders = try #require((json["metrics"] as? [String: Any])?["ladders"] as? [[String: Any]])
        var expected: [String: [[String]]] = [:]
        for l in ladders {
            for p in l["pay"] as? [[String: Any]] ?? [] {
                let key = [l["id"], p["zone"], p["currency"], p["period"]].map { $0 as? String ?? "" }.joined(separator: "|")
                func amount(_ k: String) -> String { (p[k] as? NSNumber).map { Format.grouped($0.doubleValue) } ?? "" }
                // A ratio as the page words it: 1.0746 -> "+7.5%", 0.97 -> "−3.0%", 1 -> "0.0%".
                func ratio(_ k: String) -> String {
                    (p[k] as? NSNumber).map {
                        let d = ($0.doubleValue - 1) * 100, r = (abs(d) * 10).rounded() / 10
                        return r == 0 ? "0.0%" : (d > 0 ? "+" : "−") + String(format: "%.1f%%", r)
                    } ?? "–"
                }
                expected[key, default: []].append([
                    "\(p["grade"] as? Int ?? -1)",
                    amount("individual_contributor_min"), amount("individual_contributor_mid"), amount("individual_contributor_max"),
                    amount("management_min"), amount("management_mid"), amount("management_max"),
                    ratio("min_ratio"), ratio("mid_ratio"), ratio("ratio"),
                ])
            }
        }
        let charts = try HTMLValidation.check(run.html).charts
        #expect(Set(charts.map(\.key)) == Set(expected.keys))
        for chart in charts {
            let want = expected[chart.key] ?? []
            #expect(chart.rows.count == want.count, "rows of \(chart.key)")
            check(chart.rows, want)
        }
    }

    func check(_ rows: [[String]], _ expected: [[String]]) {
        for (row, want) in zip(rows, expected) {
            // A row: grade, IC levels, min, mid, max, management levels, min, mid, max, 3 ratios;
            // a side without levels is one cell ("no IC peer").
            #expect(row.first == want[0])
            // A gap above IC carries a note for screen readers: "+5.1% (management above IC)".
            let ratios = row.suffix(3).map { $0.split(separator: " ").first.map(String.init) ?? "" }
            #expect(ratios == Array(want.suffix(3)), "ratios of grade \(want[0])")
            for amount in want[1...6] where !amount.isEmpty {
                #expect(row.contains(amount), "grade \(want[0]) lacks \(amount): \(row)")
            }
        }
    }

    @Test(arguments: inputs)
    func theSameInputGivesByteIdenticalOutput(_ paths: [String]) throws {
        let a = try HTMLRun.lint(paths).html
        let b = try HTMLRun.lint(paths).html
        #expect(a == b)
        #expect(Array(a.utf8) == Array(b.utf8))
    }

    @Test(arguments: inputs)
    func redactLeavesNoAmountInAnyFormatting(_ paths: [String]) throws {
        let plain = try HTMLRun.lint(paths)
        let redacted = try HTMLRun.lint(paths, redact: true)
        var amounts = Set<Double>()
        for m in plain.report.metrics {
            for p in m.pay {
                for v in [p.icMin, p.icMid, p.icMax, p.managementMin, p.managementMid, p.managementMax] { if let v { amounts.insert(v) } }
            }
        }
        for f in plain.report.findings {
            for e in f.evidence { if case .amount(let v) = e.value { amounts.insert(v) } }
        }
        #expect(!amounts.isEmpty)
        let html = redacted.html
        for v in amounts.sorted() {
            for form in HTMLAmounts.forms(v) {
                #expect(!HTMLAmounts.occurs(form, in: html), "the amount \(Format.plain(v)) appears as \"\(form)\" in the redacted report")
            }
        }
        // The unredacted report does show them, so the check above can fail.
        #expect(amounts.contains { HTMLAmounts.occurs(Format.grouped($0), in: plain.html) })
        // Ratios and the charts' shapes stay.
        #expect(redacted.html.contains("class=\"bands\""))
        #expect(redacted.html.contains("[redacted]"))
        #expect(!redacted.html.contains("class=\"tick\""))
    }

    @Test func everyTextIsEscaped() throws {
        let dir = try HTMLRepo.temporaryDirectory("escape")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let evil = "<script>alert(\"x\")</script> & 'quotes'"
        let yaml = """
            kind: ladder
            id: evil
            name: "\(evil.replacingOccurrences(of: "\"", with: "\\\""))"
            organization: "</title><b>Org</b>"
            tracks:
              - {id: ic, name: "<i>IC</i>", kind: individual-contributor}
              - {id: em, name: "EM & co", kind: management}
            levels:
              - {id: ic-3, track: ic, grade: 3, title: "<img src=x>"}
              - {id: em-3, track: em, grade: 3, title: "\\"Manager\\""}
            ---
            kind: compensation
            ladder: evil
            currency: USD
            bands:
              - {level: ic-3, zone: "<z>", base: {min: 100, max: 200}}
              - {level: em-3, zone: "<z>", base: {min: 100, max: 300}}
            ---
            kind: policy
            ladder: evil
            programs:
              - {id: "<p>", name: "<svg onload=alert(1)>", kind: leadership-training, eligible: {track_kinds: [management]}}
            decisions:
              - {area: "<area>", kind: technical, owner: {tracks: [em]}}

            """
        try yaml.write(toFile: dir + "/evil.yaml", atomically: true, encoding: .utf8)
        let run = try HTMLRun.lint(["evil.yaml"], cwd: dir)
        let html = run.html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("<b>Org"))
        #expect(!html.contains("<i>IC"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"))
        let check = try HTMLValidation.check(html)
        #expect(check.errors.isEmpty, "html5lib: \(check.errors)")
    }

    @Test func theUnhealthyVerdictSaysWhereManagementIsAPromotion() throws {
        let run = try HTMLRun.lint([Self.acme])
        let html = run.html
        #expect(html.contains("Management is paid above IC peers at 2 of 3 grade × zone pairs, by up to +5.5%"))
        #expect(html.contains("leadership training is open to managers only"))
        #expect(html.contains("managers alone own technical decisions"))
        #expect(html.contains("moving into management earns +10% pay"))
        #expect(html.contains("going back to IC costs −1 grade"))
        #expect(html.contains("Management treated as a promotion"))
        // The chart labels the gap as a percentage and shows the grade without an IC peer.
        #expect(html.contains(">max +5.5%</text>"))
        #expect(html.contains(">no IC peer</text>"))
    }

    @Test func theHealthyVerdictShowsParity() throws {
        let run = try HTMLRun.lint([Self.evenkeel])
        let html = run.html
        #expect(html.contains("IC and management are paid alike at all 20 grade × zone pairs with both tracks"))
        #expect(html.contains("leadership training is open to ICs and managers"))
        #expect(html.contains("engineers own technical decisions"))
        #expect(html.contains("switching tracks keeps grade and pay"))
        #expect(html.contains("chip status-parity"))
        #expect(!html.contains("class=\"gap\""))
        #expect(!html.contains("class=\"mark fail"))
    }

    @Test func thePolicyPictureMarksWhereItFailsParity() throws {
        let run = try HTMLRun.lint([Self.acme])
        let rows = try HTMLValidation.check(run.html).policyRows
        func row(_ containing: String) -> HTMLValidation.PolicyRow? { rows.first { $0.text.contains(containing) } }
        let lab = try #require(row("Lead Forward"))
        #expect(lab.fails)
        #expect(lab.text.contains("manager-only-leadership-training"))
        #expect(lab.text.contains("IC none"))
        let architecture = try #require(row("service architecture"))
        #expect(architecture.fails)
        #expect(architecture.text.contains("manager-owned-technical-decisions"))
        let budget = try #require(row("hiring plan"))
        #expect(!budget.fails)
        let forum = try #require(row("Technology council"))
        #expect(forum.fails)
        #expect(forum.text.contains("leadership-forum-excludes-ics"))
        let back = try #require(rows.first { $0.text.contains("Engineering Management → Software Engineering") })
        #expect(back.fails)
        #expect(back.text.contains("return-to-ic-demotion"))
    }

    @Test func waiversShowTheirReasonAndExpiry() throws {
        let dir = try HTMLRepo.temporaryDirectory("waiver")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            waivers:
              - rule: pay-ceiling-parity
                subject: em-3
                reason: "Approved by the compensation committee, 2026-Q3"
                expires: 2027-03-31

            """.write(toFile: dir + "/.ladderlint.yml", atomically: true, encoding: .utf8)
        let run = try HTMLRun.lint([Self.acme], cwd: dir)
        #expect(run.report.findings.contains { $0.rule == "pay-ceiling-parity" && $0.suppressed })
        #expect(run.html.contains("Approved by the compensation committee, 2026-Q3"))
        #expect(run.html.contains("until <time datetime=\"2027-03-31\">2027-03-31</time>"))
        #expect(run.html.contains("<strong>Waived</strong>"))
    }

    @Test func smallSurveyGroupsAreWithheld() throws {
        let dir = try HTMLRepo.temporaryDirectory("survey")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            kind: ladder
            id: s
            name: Survey ladder
            tracks: [{id: ic, name: IC, kind: individual-contributor}, {id: em, name: EM, kind: management}]
            levels: [{id: ic-3, track: ic, grade: 3, title: Senior}, {id: em-3, track: em, grade: 3, title: Manager}]
            ---
            kind: survey
            ladder: s
            conducted: 2026-09-01
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: individual-contributor, respondents: 40, agree: 12}
              - {id: return-status-loss, audience: management, respondents: 3, agree: 2}

            """.write(toFile: dir + "/s.yaml", atomically: true, encoding: .utf8)
        let run = try HTMLRun.lint(["s.yaml"], cwd: dir)
        let rows = try HTMLValidation.check(run.html).surveyRows
        let seat = try #require(rows.first { $0.contains("seat-at-the-table") })
        #expect(seat.contains("30%") && seat.contains("above threshold"))
        let small = try #require(rows.first { $0.contains("return-status-loss") })
        #expect(small.contains("withheld"))
        #expect(!small.contains("66.7%") && !small.contains("67%"))
    }

    @Test func withoutThePolicyPictureThePolicySectionListsThePolicyFindings() throws {
        let run = try HTMLRun.lint([Self.acme])
        let html = HTMLReporter.page(run.report, policy: nil)
        #expect(html.contains("without the resolved policy picture"))
        #expect(html.contains("manager-only-leadership-training"))
        #expect(try HTMLValidation.check(html).errors.isEmpty)
    }

    @Test func anEmptyRunStillGivesAPage() throws {
        let dir = try HTMLRepo.temporaryDirectory("empty")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "kind: nonsense\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let run = try HTMLRun.lint(["bad.yaml"], cwd: dir)
        #expect(run.html.contains("No ladder was read."))
        #expect(run.html.contains("bad.yaml:1:"))
        #expect(try HTMLValidation.check(run.html).errors.isEmpty)
    }
}

/// Counting charts the way the report draws them: one per zone, currency and period.
enum HTMLGroups {
    static func count(_ rows: [PayMetric]) -> Int {
        var n = 0
        var last: (String, String, String)?
        for r in rows {
            let key = (r.zone, r.currency, r.period)
            if last.map({ $0 != key }) ?? true { n += 1 }
            last = key
        }
        return n
    }
}

/// Amounts in the formattings a reader (or a leak) might use.
enum HTMLAmounts {
    static func forms(_ v: Double) -> [String] {
        guard v == v.rounded() else { return [Format.plain(v), Format.grouped(v)] }
        let digits = String(Int64(v))
        var groups: [String] = []
        var rest = Substring(digits)
        while rest.count > 3 {
            groups.insert(String(rest.suffix(3)), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(String(rest), at: 0)
        var out = [digits, digits + ".0"]
        if groups.count > 1 {
            for sep in [",", ".", " ", "\u{A0}", "_", "'"] { out.append(groups.joined(separator: sep)) }
        }
        if Int64(v) % 1000 == 0 { out.append(String(Int64(v) / 1000) + "k") }
        return out
    }

    /// True when `form` occurs with no digit (or decimal point between digits) on either side.
    static func occurs(_ form: String, in text: String) -> Bool {
        let t = Array(text.utf8), f = Array(form.utf8)
        guard !f.isEmpty, t.count >= f.count else { return false }
        func digit(_ i: Int) -> Bool { i >= 0 && i < t.count && t[i] >= 48 && t[i] <= 57 }
        var i = 0
        while i + f.count <= t.count {
            if t[i] == f[0], Array(t[i..<(i + f.count)]) == f {
                let before = i - 1, after = i + f.count
                let joinedBefore = digit(before) || (before >= 1 && (t[before] == 46 || t[before] == 44) && digit(before - 1))
                let joinedAfter = digit(after) || (after + 1 < t.count && (t[after] == 46 || t[after] == 44) && digit(after + 1))
                if !joinedBefore && !joinedAfter { return true }
            }
            i += 1
        }
        return false
    }
}

/// The page parsed by html5lib in strict mode, with what the tests look at.
struct HTMLValidation {
    struct Chart {
        var id: String
        var grades: Int
        var hasTable: Bool
        var rows: [[String]]
        /// ladder|zone|currency|period, as the JSON metrics group pay rows.
        var key: String
    }

    struct PolicyRow {
        var text: String
        var fails: Bool
    }

    var errors: [String]
    var charts: [Chart]
    var policyRows: [PolicyRow]
    var surveyRows: [String]

    static func check(_ html: String) throws -> HTMLValidation {
        let dir = try HTMLRepo.temporaryDirectory("validate")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try html.write(toFile: dir + "/page.html", atomically: true, encoding: .utf8)
        let out = try HTMLProcess.python(script, [dir + "/page.html"])
        guard out.status == 0, let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any] else {
            throw HTMLSetupError(description: "the html5lib check failed: \(out.stderr.suffix(3000))")
        }
        return HTMLValidation(
            errors: json["errors"] as? [String] ?? ["no result"],
            charts: (json["charts"] as? [[String: Any]] ?? []).map {
                Chart(id: $0["id"] as? String ?? "", grades: $0["grades"] as? Int ?? -1, hasTable: $0["table"] as? Bool ?? false,
                      rows: $0["rows"] as? [[String]] ?? [], key: $0["key"] as? String ?? "")
            },
            policyRows: (json["policy"] as? [[String: Any]] ?? []).map {
                PolicyRow(text: $0["text"] as? String ?? "", fails: $0["fails"] as? Bool ?? false)
            },
            surveyRows: json["survey"] as? [String] ?? [])
    }

    static let script = #"""
        import json, sys, re
        import html5lib
        from html5lib.html5parser import ParseError

        text = open(sys.argv[1], encoding="utf-8").read()
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            doc = parser.parse(text)
        except ParseError as e:
            print(json.dumps({"errors": ["%s at %s" % (e, parser.errors[-1][0] if parser.errors else "?")]}))
            sys.exit(0)
        SVG = "{http://www.w3.org/2000/svg}"

        def words(el):
            return re.sub(r"\s+", " ", "".join(el.itertext())).strip()

        tables = {t.get("id"): t for t in doc.iter("table") if t.get("id")}
        charts = []
        for svg in doc.iter(SVG + "svg"):
            if "bands" not in (svg.get("class") or "").split():
                continue
            t = tables.get(svg.get("aria-describedby"))
            rows = []
            if t is not None:
                for tbody in t.iter("tbody"):
                    for tr in tbody.iter("tr"):
                        rows.append([words(c) for c in tr if c.tag in ("th", "td")])
            key = "|".join(svg.get("data-" + k, "") for k in ("ladder", "zone", "currency", "period"))
            charts.append({"id": svg.get("aria-describedby"), "grades": int(svg.get("data-grades", "-1")), "key": key,
                           "table": t is not None, "rows": rows})
        policy = []
        for t in doc.iter("table"):
            if "policy" in (t.get("class") or "").split():
                for tr in t.iter("tr"):
                    if tr.find("th[@scope='row']") is not None:
                        policy.append({"text": words(tr), "fails": "fails" in (tr.get("class") or "").split()})
        survey = []
        for t in doc.iter("table"):
            if "survey" in (t.get("class") or "").split():
                for tbody in t.iter("tbody"):
                    for tr in tbody.iter("tr"):
                        survey.append(words(tr))
        print(json.dumps({"errors": [], "charts": charts, "policy": policy, "survey": survey}))
        """#
}
