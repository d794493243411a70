import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import Testing

/// The HTML report opened as a reader opens it: in headless Chromium (Debian's `chromium`,
/// installed by scripts/test-setup). One browser at a time.
@Suite(.serialized) struct HTMLBrowserTests {
    /// A multi-finding input: the sample ladders, else the shared examples.
    static var input: [String] {
        HTMLRepo.samples.map { [$0] } ?? [HTMLReportTests.acme, HTMLReportTests.evenkeel]
    }

    @Test func theReportLoadsInChromiumWithNoConsoleErrorAndNoNetworkRequest() throws {
        let run = try HTMLRun.lint(Self.input)
        #expect(run.report.findings.count > 5)
        let dir = try HTMLRepo.temporaryDirectory("browser")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = dir + "/report.html", shot = dir + "/report.png"
        try run.html.write(toFile: page, atomically: true, encoding: .utf8)

        let visit = try HTMLBrowserVisit.open(page, screenshot: shot)
        // The only request is the page itself: no font, image, style sheet or script.
        #expect(visit.requests == ["file://" + page], "requests: \(visit.requests)")
        #expect(visit.console.isEmpty, "console: \(visit.console)")
        #expect(visit.exceptions.isEmpty, "exceptions: \(visit.exceptions)")
        #expect(visit.log.isEmpty, "browser log (e.g. a Content-Security-Policy violation): \(visit.log)")

        // A PNG screenshot was written.
        let png = try #require(FileManager.default.contents(atPath: shot))
        #expect(png.count == visit.screenshotBytes && png.count > 10_000)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

        // The page's text names every finding's rule and location.
        for f in run.report.findings {
            #expect(visit.text.contains(f.rule), "no \(f.rule) in the page")
            let location = "\(f.location.file):\(f.location.line):\(f.location.column)"
            #expect(visit.text.contains(location), "no \(location) in the page")
        }
        // Every chart has its table, with a row per grade.
        let charts = run.report.metrics.reduce(0) { $0 + HTMLGroups.count($1.pay) }
        #expect(visit.charts == charts && charts > 0)
        #expect(visit.tablesForCharts == visit.charts)
        // Total-pay charts too, one per band chart, each with its table.
        #expect(visit.totals == charts && visit.tablesForTotals == visit.totals)
        // Short by default: the folded page reads in well under half the text of the open one.
        #expect(visit.folded > 10)
        #expect(visit.foldedTextLength * 2 < visit.openTextLength, "folded \(visit.foldedTextLength), open \(visit.openTextLength)")
    }

    /// "Save as PDF": Chromium prints the page (print styles), pdftotext (poppler-utils,
    /// installed by scripts/test-setup) reads it back. The PDF is the short audit: the verdict,
    /// the fixes and what was checked; folded details stay folded.
    @Test func thePrintedPDFHoldsTheVerdictAndTheFixesAndNotTheFoldedDetails() throws {
        let run = try HTMLRun.lint(Self.input)
        let dir = try HTMLRepo.temporaryDirectory("pdf")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = dir + "/report.html", pdf = dir + "/report.pdf"
        try run.html.write(toFile: page, atomically: true, encoding: .utf8)
        let printed = try HTMLProcess.run(try HTMLProcess.chromium(), [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=" + dir + "/profile",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--print-to-pdf=" + pdf, "file://" + page,
        ])
        #expect(printed.status == 0, "chromium: \(printed.stderr.suffix(2000))")
        let pdftotext = try #require(["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                     "pdftotext is not installed: run scripts/test-setup (it installs Debian's poppler-utils)")
        let out = try HTMLProcess.run(pdftotext, [pdf, "-"])
        #expect(out.status == 0)
        let text = out.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Career ladder parity audit"))
        #expect(text.contains("Verdict by ladder") && text.contains("grade × zone pairs"))
        #expect(text.contains("Fix first") && text.contains("Raise "))
        #expect(text.contains("What was checked") && text.contains("Findings by rule"))
        // Folded: a band table's caption and a rule's rationale are not printed.
        #expect(!text.contains("the numbers of the chart above"))
        #expect(!text.contains("Why it matters"))
        #expect(run.html.contains("the numbers of the chart above") && run.html.contains("Why it matters"))
    }

    /// 1,000 organisations in one run give one report that a browser opens in seconds.
    @Test(.timeLimit(.minutes(10)))
    func aThousandOrganisationsGiveOneReportThatOpens() throws {
        let dir = try HTMLRepo.temporaryDirectory("large")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let count = 1000
        for i in 1...count { try HTMLLargeInput.organisation(i).write(toFile: dir + "/org-\(i).yaml", atomically: true, encoding: .utf8) }

        let clock = ContinuousClock()
        var run: HTMLRun?
        let lint = try clock.measure { run = try HTMLRun.lint(["."], cwd: dir) }
        let r = try #require(run)
        #expect(r.report.metrics.count == count)
        let page = dir + "/report.html"
        try r.html.write(toFile: page, atomically: true, encoding: .utf8)

        let visit = try HTMLBrowserVisit.open(page, screenshot: dir + "/report.png")
        #expect(visit.requests == ["file://" + page])
        #expect(visit.console.isEmpty && visit.exceptions.isEmpty && visit.log.isEmpty)
        #expect(visit.charts == count && visit.tablesForCharts == count)
        #expect(visit.text.contains("Organisation 1000"))
        #expect(visit.screenshotBytes > 10_000)
        print("HTML large input: \(count) organisations, \(r.html.utf8.count / 1_000_000) MB of HTML; lint and render \(lint); Chromium load \(Int(visit.loadMilliseconds)) ms")
        // Generous: a loaded CI machine must not fail this; the time goes into docs/report.md.
        #expect(visit.loadMilliseconds < 120_000)
    }
}

/// Generated organisations: even ones keep parity, odd ones pay and train managers above ICs.
enum HTMLLargeInput {
    static func organisation(_ i: Int) -> String {
        let trap = i % 2 == 1
        let id = "org-\(i)"
        let base = 80_000 + (i % 17) * 1_000
        var levels = ""
        for g in 1...5 { levels += "  - {id: ic-\(g), track: ic, grade: \(g), title: Engineer \(g)}\n" }
        for g in 3...(trap ? 6 : 5) { levels += "  - {id: em-\(g), track: em, grade: \(g), title: Manager \(g)}\n" }
        var bands = ""
        for g in 1...5 {
            let lo = base + g * 20_000
            bands += "  - {level: ic-\(g), base: {min: \(lo), max: \(lo + 30_000)}}\n"
        }
        for g in 3...(trap ? 6 : 5) {
            let lo = base + g * 20_000 + (trap ? 8_000 : 0)
            bands += "  - {level: em-\(g), base: {min: \(lo), max: \(lo + 30_000 + (trap ? 5_000 : 0))}}\n"
        }
        return """
            kind: ladder
            id: \(id)
            name: Engineering
            organization: Organisation \(i)
            tracks:
              - {id: ic, name: Engineering, kind: individual-contributor}
              - {id: em, name: Engineering Management, kind: management}
            levels:
            \(levels)---
            kind: compensation
            ladder: \(id)
            currency: EUR
            bands:
            \(bands)---
            kind: policy
            ladder: \(id)
            programs:
              - {id: lead, name: Leadership programme, kind: leadership-training, eligible: \(trap ? "{track_kinds: [management]}" : "everyone")}
            decisions:
              - {area: architecture, kind: technical, owner: \(trap ? "{tracks: [em]}" : "{tracks: [ic], min_grade: 3}")}
            forums:
              - {id: staff, name: Staff meeting, purpose: planning, members: \(trap ? "{tracks: [em]}" : "{min_grade: 4}")}
            transitions:
              - {from: ic, to: em, grade_change: \(trap ? 1 : 0), pay_change: \(trap ? "0.1" : "0")}
              - {from: em, to: ic, grade_change: 0, pay_change: 0}
            ---
            kind: survey
            ladder: \(id)
            conducted: 2026-06-01
            anonymous: true
            questions:
              - {id: seat-at-the-table, audience: individual-contributor, respondents: \(20 + i % 30), agree: \(trap ? 9 : 2)}
              - {id: return-status-loss, audience: management, respondents: \(3 + i % 5), agree: 1}

            """
    }
}
