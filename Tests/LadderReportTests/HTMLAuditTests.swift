import Foundation
import LadderDriver
import LadderModel
@testable import LadderReport
import LadderRules
import Testing

/// Issue 20: an audit report a people-ops lead acts on. The verdict first, in plain words, for
/// every rule family and with counts over what was compared; gaps as percentages, amounts with
/// their currency, levels by title; what to fix first and what it costs (`headcount:`), never
/// an amount under --redact; total pay; details folded; a trend with --changed-since.
@Suite struct HTMLAuditTests {
    static let ladder = """
        kind: ladder
        id: audit
        name: Platform Engineering
        organization: Example Co
        tracks:
          - {id: swe, name: Software Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: swe-3, track: swe, grade: 3, title: Senior Engineer}
          - {id: swe-4, track: swe, grade: 4, title: Staff Engineer}
          - {id: em-3, track: em, grade: 3, title: Engineering Manager}
          - {id: em-4, track: em, grade: 4, title: Senior Engineering Manager}

        """

    /// Two zones, two grades: 4 grade × zone pairs; management above IC at grade 4 in us only
    /// (max 245,000 against 228,000: +7.5%; mid 215,000 against 201,500; min 185,000 against
    /// 175,000). Block style, so scaling an amount moves no column.
    static func bands(times k: Double = 1, headcount: Bool = false) -> String {
        func a(_ v: Double) -> String { Format.plain(v * k) }
        var s = """
            kind: compensation
            ladder: audit
            currency: USD
            bands:
              - level: swe-3
                zone: us
                base:
                  min: \(a(145000))
                  max: \(a(189000))
                bonus_target: 0.10
              - level: em-3
                zone: us
                base:
                  min: \(a(145000))
                  max: \(a(189000))
                bonus_target: 0.10
              - level: swe-4
                zone: us
                base:
                  min: \(a(175000))
                  max: \(a(228000))
                bonus_target: 0.10
                equity:
                  min: \(a(40000))
                  max: \(a(90000))
              - level: em-4
                zone: us
                base:
                  min: \(a(185000))
                  mid: \(a(215000))
                  max: \(a(245000))
                bonus_target: 0.15
                equity:
                  min: \(a(50000))
                  max: \(a(120000))
              - level: swe-3
                zone: eu
                base:
                  min: \(a(100000))
                  max: \(a(130000))
              - level: em-3
                zone: eu
                base:
                  min: \(a(100000))
                  max: \(a(130000))
              - level: swe-4
                zone: eu
                base:
                  min: \(a(120000))
                  max: \(a(150000))
              - level: em-4
                zone: eu
                base:
                  min: \(a(120000))
                  max: \(a(150000))

            """
        if headcount {
            s += """
                headcount:
                  swe-3: 20
                  em-3: 4
                  swe-4: {us: 10, eu: 6}
                  em-4: {us: 2, eu: 1}

                """
        }
        return s
    }

    static func run(headcount: Bool = false, times k: Double = 1, redact: Bool = false) throws -> HTMLRun {
        let dir = try HTMLRepo.temporaryDirectory("audit")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ladder.write(toFile: dir + "/ladder.yaml", atomically: true, encoding: .utf8)
        try bands(times: k, headcount: headcount).write(toFile: dir + "/bands.yaml", atomically: true, encoding: .utf8)
        return try HTMLRun.lint(["ladder.yaml", "bands.yaml"], cwd: dir, redact: redact)
    }

    /// The text of a page part, tags removed and spaces joined, entities of the report decoded.
    static func text(_ html: some StringProtocol) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true; continue }
            if c == ">" { inTag = false; out += " "; continue }
            if !inTag { out.append(c) }
        }
        out = out.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "\u{A0}", with: " ")
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The part of the page from the element with id `id` to its section's end.
    static func section(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "id=\"\(id)\""), "no #\(id)")
        let rest = html[start.lowerBound...]
        let end = rest.range(of: "</section>")?.upperBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test("the verdict counts grade × zone pairs, covers every family and says what was not checked")
    func verdictCountsPairsAndFamilies() throws {
        let run = try Self.run()
        let verdict = Self.text(try Self.section("summary", in: run.html))
        #expect(verdict.contains("management is paid above IC peers at 1 of 4 grade × zone pairs, by up to +7.5%"))
        for family in ["Errors", "Base pay", "Bonus", "Equity", "Tracks", "Training, Decisions, Forums, Recognition and Transitions", "Survey"] {
            #expect(verdict.contains("\(family) :"), "no \(family) line")
        }
        #expect(verdict.contains("Errors : 1 error fails the run: pay-ceiling-parity"), "\(verdict)")
        #expect(verdict.contains("management's bonus target is above IC at 1 of 2 grade × zone pairs, up to 15% against 10% (grade 4, us)"))
        #expect(verdict.contains("management's annual equity (midpoint) is above IC at 1 of 1 grade × zone pair, by up to +30.8%"))
        // No policy or survey document: the families say so and why, not "parity".
        #expect(verdict.contains("Training, Decisions, Forums, Recognition and Transitions : not checked: no policy document for ladder audit"))
        #expect(verdict.contains("Survey : not checked: no survey for ladder audit"))
    }

    @Test("gaps read as percentages, amounts carry the currency, levels their title with the id in small print")
    func numbersAsPeopleReadThem() throws {
        let html = try Self.run().html
        #expect(!html.contains("1.0746") && !html.contains("÷"))
        #expect(html.contains(">max +7.5%<"))
        #expect(html.contains("Staff Engineer <small class=\"lid\">swe-4</small>"))
        #expect(html.contains("Senior Engineering Manager <small class=\"lid\">em-4</small>"))
        let gaps = Self.text(try #require(html.components(separatedBy: "<table class=\"gaps\">").dropFirst().first))
        #expect(gaps.contains("+5.7% +6.7% +7.5%"))
        #expect(HTMLText.gap(0.97) == "−3.0%" && HTMLText.gap(1.0746) == "+7.5%" && HTMLText.gap(1) == "0.0%" && HTMLText.gap(nil) == "–")
    }

    @Test("fix first: the gap's concrete change, and without headcount the cost asks for it")
    func fixFirstWithoutHeadcount() throws {
        let fixes = Self.text(try Self.section("fix-first", in: try Self.run().html))
        #expect(fixes.contains("Raise Staff Engineer swe-4 in us : max from 228,000 to 245,000 USD (+7.5%), midpoint from 201,500 to 215,000 USD (+6.7%) and min from 175,000 to 185,000 USD (+5.7%), to meet Senior Engineering Manager em-4"), "\(fixes)")
        #expect(fixes.contains("Cost needs headcount: write the people in swe-4 under headcount: in the compensation document."))
        #expect(fixes.contains("The cost of closing the 1 pay gap needs headcount"))
        // Ranked: the error-severity pay gap before the variable-pay warning.
        let raise = try #require(fixes.range(of: "Raise Staff Engineer"))
        let bonus = try #require(fixes.range(of: "bonus target of 15%"))
        #expect(raise.lowerBound < bonus.lowerBound)
    }

    @Test("fix first with headcount: the yearly cost at the floor and at the midpoint, and the total")
    func fixFirstWithHeadcount() throws {
        let fixes = Self.text(try Self.section("fix-first", in: try Self.run(headcount: true).html))
        // 10 people in swe-4 us: floor 10 × 10,000, midpoint 10 × 13,500. Payroll: IC and
        // management midpoints times their people, both zones.
        #expect(fixes.contains("Cost a year: 100,000 USD at the floor, 135,000 USD at the midpoint (10 people in the IC band;"), "\(fixes)")
        #expect(fixes.contains("Closing every pay gap costs a year: 100,000 USD at the floor, 135,000 USD at the midpoint"))
        #expect(!fixes.contains("needs headcount"))
    }

    @Test("under --redact a cost is a share of payroll, never an amount, and scaling every amount changes nothing")
    func redactedCostsAreShares() throws {
        let page = try Self.run(headcount: true, redact: true).html
        let fixes = Self.text(try Self.section("fix-first", in: page))
        #expect(fixes.contains("Cost a year:") && fixes.contains("of payroll at the floor"))
        #expect(!fixes.contains("USD at the floor"))
        for v in [100000.0, 135000, 228000, 245000, 201500, 215000, 175000, 185000] {
            for form in HTMLAmounts.forms(v) where form.count >= 4 {
                #expect(!HTMLAmounts.occurs(form, in: page), "the amount \(Format.plain(v)) appears as \"\(form)\"")
            }
        }
        let scaled = try Self.run(headcount: true, times: 3.7, redact: true).html
        #expect(try Self.section("fix-first", in: scaled) == Self.section("fix-first", in: page))
    }

    @Test("total pay: base, bonus and equity per grade, IC beside management, each chart with its table")
    func totalPay() throws {
        let html = try Self.run().html
        let charts = html.components(separatedBy: "<svg class=\"totals\"").count - 1
        #expect(charts == 2)
        for id in ["ladder-1-total-1-table", "ladder-1-total-2-table"] {
            #expect(html.contains("aria-describedby=\"\(id)\"") && html.contains("<table class=\"bands totals-table\" id=\"\(id)\">"))
        }
        // us grade 4: IC 201,500 + 10% + 65,000 = 286,650; management 215,000 + 15% + 85,000 = 332,250.
        let us = Self.text(try #require(html.components(separatedBy: "id=\"ladder-1-total-1-table\"").dropFirst().first?.components(separatedBy: "</table>").first))
        #expect(us.contains("4 201,500 10% 65,000 286,650 215,000 15% 85,000 332,250 +15.9%"), "\(us)")
    }

    @Test("short by default: bands, total pay, policy, survey and every rule's findings fold into details; a table of contents leads")
    func foldedSections() throws {
        let html = try Self.run().html
        #expect(html.contains("<nav class=\"toc\""))
        for anchor in ["#verdict", "#fix-first", "#coverage", "#ladder-1", "#findings"] { #expect(html.contains("href=\"\(anchor)\""), "no link to \(anchor)") }
        #expect(html.components(separatedBy: "<details class=\"zone\"><summary>Base pay bands").count - 1 == 2)
        #expect(html.components(separatedBy: "<details class=\"zone\"><summary>Total pay").count - 1 == 2)
        #expect(html.contains("<details class=\"block\"><summary><h3>Policy"))
        #expect(html.contains("<details class=\"rule-list\"><summary>"))
        #expect(!html.contains("<details open"))
        #expect(html.contains("@media print"))
    }

    @Test("the Markdown summary ends its header with the same verdict, and keeps the change lead line")
    func markdownVerdict() throws {
        var run = try Self.run()
        let md = MarkdownReporter.render(run.report, ReportStyle())
        #expect(md.contains("\n**Verdict:**\n\n- **Example Co · Platform Engineering** (management treated as a promotion): Management is paid above IC peers at 1 of 4 grade × zone pairs, by up to +7.5%; no parity survey is on file.\n"), "\(md)")
        run.report.change = ChangeSummary(ref: "main", commit: String(repeating: "ab", count: 20), added: 2, fixed: 3, unchanged: 4)
        let changed = MarkdownReporter.render(run.report, ReportStyle())
        #expect(changed.hasPrefix("### ladderlint: this change adds 2 findings and fixes 3 (4 unchanged since main)\n"))
        #expect(changed.contains("**Verdict:**"))
    }

    @Test("a real --changed-since run: the trend counts the new finding and lists it, the old ones stay suppressed")
    func trendFromGit() throws {
        let dir = try HTMLRepo.temporaryDirectory("trend")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.ladder.write(toFile: dir + "/ladder.yaml", atomically: true, encoding: .utf8)
        try Self.bands().write(toFile: dir + "/bands.yaml", atomically: true, encoding: .utf8)
        func git(_ args: [String]) throws {
            let out = try HTMLProcess.run("/usr/bin/env", ["git", "-C", dir, "-c", "user.name=t", "-c", "user.email=t@ladderlint.invalid",
                                                            "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + args)
            #expect(out.status == 0, "git \(args): \(out.stderr)")
        }
        try git(["init", "-q"])
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "last audit"])
        // The change: em-3's ceiling in eu rises above swe-3's (130,000 -> 140,000).
        let changed = Self.bands().replacingOccurrences(of: "  - level: em-3\n    zone: eu\n    base:\n      min: 100000\n      max: 130000", with: "  - level: em-3\n    zone: eu\n    base:\n      min: 100000\n      max: 140000")
        #expect(changed != Self.bands())
        try changed.write(toFile: dir + "/bands.yaml", atomically: true, encoding: .utf8)
        var options = LintOptions()
        options.paths = ["ladder.yaml", "bands.yaml"]
        options.today = Day("2026-11-21")
        options.changedSince = "main"
        options.outputs = [OutputRequest(format: "json", file: nil)]
        let result = LintRun(workingDirectory: dir).execute(options)
        let report = try #require(result.report, "\(result.stderr)")
        let change = try #require(report.change)
        #expect(change.added >= 1 && change.fixed == 0 && change.unchanged >= 1, "\(change)")
        let html = HTMLReporter.page(report, policy: nil)
        let trend = Self.text(try Self.section("trend", in: html))
        #expect(trend.contains("Since the last audit (main)"))
        #expect(trend.contains("New \(change.added)") && trend.contains("Fixed 0") && trend.contains("Unchanged \(change.unchanged)"), "\(trend)")
        #expect(trend.contains("New since main") && trend.contains("em-3 (Engineering Manager) tops out at 140,000 USD"), "\(trend)")
        // Fix first lists only what is open: the new finding, not the unchanged ones.
        let fixes = Self.text(try Self.section("fix-first", in: html))
        #expect(fixes.contains("Raise Senior Engineer swe-3 in eu : max from 130,000 to 140,000 USD (+7.7%)"), "\(fixes)")
        #expect(!fixes.contains("Raise Staff Engineer swe-4"))
    }

    @Test("with --changed-since the page says what changed since the last audit")
    func trend() throws {
        var run = try Self.run()
        run.report.change = ChangeSummary(ref: "main", commit: String(repeating: "ab", count: 20), added: 2, fixed: 3, unchanged: 4)
        let html = HTMLReporter.page(run.report, policy: nil)
        let trend = Self.text(try Self.section("trend", in: html))
        #expect(trend.contains("Since the last audit (main)"))
        #expect(trend.contains("New 2") && trend.contains("Fixed 3") && trend.contains("Unchanged 4"))
        #expect(html.contains("href=\"#trend\""))
        #expect(!Self.text(try Self.section("summary", in: try Self.run().html)).contains("Since the last audit"))
    }
}
