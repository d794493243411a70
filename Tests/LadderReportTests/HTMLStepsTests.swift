import Foundation
import LadderModel
import LadderReport
import LadderRules
import Testing

/// The HTML report and issue 17's shapes: steps inside a band (tick marks on its bar, a
/// column of the table), shared levels (on both sides of their grade), groups outside the
/// ladder in the policy picture, and transitions from or to a shared track.
@Suite struct HTMLStepsTests {
    static let ladder = """
        kind: ladder
        id: steps
        name: Stepped
        tracks:
          - {id: eng, name: Engineering, kind: individual-contributor}
          - {id: em, name: Engineering Management, kind: management}
        levels:
          - {id: eng-4, track: eng, grade: 4, title: Principal Engineer}
          - {id: em-4, track: em, grade: 4, title: Engineering Manager}
          - {id: td-5, track: shared, grade: 5, title: Technology Director}

        """

    /// Each step of eng-4 at a distinct place: at min, inside, at max. Block style, so scaling
    /// an amount moves no column.
    static func bands(times k: Double = 1) -> String {
        func a(_ v: Double) -> String { Format.plain(v * k) }
        return """
            kind: compensation
            ladder: steps
            currency: USD
            bands:
              - level: eng-4
                base:
                  min: \(a(150000))
                  max: \(a(190000))
                steps:
                  learning: \(a(150000))
                  growing: \(a(163000))
                  expert: \(a(190000))
              - level: em-4
                base:
                  min: \(a(150000))
                  max: \(a(190000))
              - level: td-5
                base:
                  min: \(a(210000))
                  max: \(a(260000))
                steps:
                  first: \(a(220000))
                  second: \(a(250000))

            """
    }

    static let policy = """
        kind: policy
        ladder: steps
        decisions:
          - {area: interview design, kind: technical, owner: {group: people-team}}
          - {area: architecture, kind: technical, owner: {tracks: [shared]}, consulted: [{tracks: [em]}, {group: people-team}]}
        forums:
          - {id: headcount, name: Headcount planning, purpose: planning, members: [{group: people-team}, {tracks: [em]}]}
        transitions:
          - {from: em, to: shared, grade_change: -1}
          - {from: eng, to: em, grade_change: 0, pay_change: 0}

        """

    static func run(_ files: [String: String], redact: Bool = false) throws -> HTMLRun {
        let dir = try HTMLRepo.temporaryDirectory("steps")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return try HTMLRun.lint(files.keys.sorted(), cwd: dir, redact: redact)
    }

    static var files: [String: String] { ["l.yaml": ladder, "c.yaml": bands(), "p.yaml": policy] }

    /// The numeric attribute `name` of an SVG element's text.
    static func attribute(_ name: String, in element: Substring) -> Double? {
        guard let r = element.range(of: " \(name)=\"") else { return nil }
        return Double(element[r.upperBound...].prefix { $0 != "\"" })
    }

    /// The elements `<tag class="cls" …/>` of a page, in order.
    static func elements(_ tag: String, _ cls: String, in html: String) -> [Substring] {
        html.components(separatedBy: "<\(tag) class=\"\(cls)\" ").dropFirst().map { $0.prefix { $0 != ">" } }
    }

    @Test("steps are tick marks on their bar: one per step and side, at the step's height")
    func stepsAreTicksOnTheBar() throws {
        let html = try Self.run(Self.files).html
        // eng-4: 3 steps on the IC side; td-5 (shared): 2 on each side.
        #expect(Self.elements("line", "step", in: html).count == 7)
        #expect(Self.elements("line", "step-tick", in: html).count == 7)
        #expect(html.contains("Step inside a band"), "the legend names the mark")
        // The IC bar of grade 4 runs from learning (its min) to expert (its max): the first
        // step's tick is at the bar's bottom, the last at its top.
        let icBar = try #require(Self.elements("rect", "ic", in: html).first)
        let top = try #require(Self.attribute("y", in: icBar)), height = try #require(Self.attribute("height", in: icBar))
        let ticks = Self.elements("line", "step", in: html).compactMap { Self.attribute("y1", in: $0) }
        #expect(abs(ticks[0] - (top + height)) <= 0.1, "learning = min at the bar's bottom: \(ticks[0]) vs \(top + height)")
        #expect(abs(ticks[2] - top) <= 0.1, "expert = max at the bar's top: \(ticks[2]) vs \(top)")
        #expect(ticks[1] < ticks[0] && ticks[1] > ticks[2], "growing in between")
    }

    @Test("the table has a steps column per side, with names and amounts, and stays strict HTML5")
    func stepsInTheTable() throws {
        let run = try Self.run(Self.files)
        let check = try HTMLValidation.check(run.html)
        #expect(check.errors.isEmpty, "html5lib: \(check.errors)")
        let chart = try #require(check.charts.first)
        #expect(chart.rows.count == chart.grades && chart.grades == 2)
        #expect(run.html.contains("<th scope=\"col\">Steps</th>"))
        let g4 = try #require(chart.rows.first { $0.first == "4" })
        #expect(g4.contains("learning 150,000 · growing 163,000 · expert 190,000"), "\(g4)")
        // em-4 has no steps: its cell says so.
        #expect(g4.filter { $0 == "–" }.count == 1, "\(g4)")
        let g5 = try #require(chart.rows.first { $0.first == "5" })
        #expect(g5.filter { $0 == "first 220,000 · second 250,000" }.count == 2, "the shared band's steps on both sides: \(g5)")
    }

    @Test("without steps the chart and table are as before: no steps column, no step legend")
    func noStepsNoColumn() throws {
        let bands = Self.bands().components(separatedBy: "\n").filter { !$0.contains("steps:") && !$0.contains("learning") && !$0.contains("growing") && !$0.contains("expert") && !$0.contains("first:") && !$0.contains("second:") }.joined(separator: "\n")
        let html = try Self.run(["l.yaml": Self.ladder, "c.yaml": bands]).html
        #expect(!html.contains("Steps</th>"))
        #expect(!html.contains("Step inside a band"))
        #expect(Self.elements("line", "step", in: html).isEmpty)
        #expect(html.contains("colspan=\"4\" class=\"ic-head\""))
    }

    @Test("a shared level is drawn on both sides, marked shared, and is no missing peer")
    func sharedLevelsInTheChart() throws {
        let run = try Self.run(Self.files)
        let html = run.html
        #expect(html.contains(">td-5 (shared)</text>"), "the level label under the slot names it once")
        #expect(html.contains("Shared level td-5, of both tracks, is drawn on both sides at grade 5"))
        #expect(html.contains("A shared level, of both tracks, is drawn on both sides at grade 5."), "the chart's title says so")
        #expect(!html.contains(">no IC peer</text>") && !html.contains(">no management level</text>"))
        let g5 = try #require(try HTMLValidation.check(html).charts.first?.rows.first { $0.first == "5" })
        #expect(g5.filter { $0 == "Technology Director td-5 (shared)" }.count == 2)
        #expect(g5.suffix(3) == ["0.0%", "0.0%", "0.0%"], "paid alike: \(g5)")
    }

    @Test("the policy picture names outside groups, lists shared levels once, and does not judge moves to a shared track")
    func policyPicture() throws {
        let run = try Self.run(Self.files)
        let rows = try HTMLValidation.check(run.html).policyRows
        let interviews = try #require(rows.first { $0.text.contains("interview design") })
        #expect(interviews.text.contains("Outside people-team"))
        #expect(!interviews.fails)
        let architecture = try #require(rows.first { $0.text.contains("architecture") })
        #expect(architecture.text.contains("Shared td-5"))
        // The IC line is no alarm when a shared level stands for the ICs.
        let start = try #require(run.html.range(of: "<strong>architecture</strong>"))
        let rowHTML = run.html[start.upperBound...].prefix { _ in true }.components(separatedBy: "</tr>")[0]
        #expect(rowHTML.contains("<span class=\"k ic-k\">IC</span> <strong class=\"none quiet\">none</strong>"), "\(rowHTML)")
        let headcount = try #require(rows.first { $0.text.contains("Headcount planning") })
        #expect(headcount.fails && headcount.text.contains("leadership-forum-excludes-ics") && headcount.text.contains("Outside people-team"))
        let toShared = try #require(rows.first { $0.text.contains("Engineering Management → Shared") })
        #expect(toShared.text.contains("not judged: a shared track is on both sides") && !toShared.fails)
        // The verdict: an outside group's decision is not "managers alone"; the one real track
        // switch keeps grade and pay.
        #expect(run.html.contains("engineers own technical decisions"))
        #expect(run.html.contains("switching tracks keeps grade and pay"))
        #expect(run.html.contains("ICs have no seat in the planning or decision forum"))
    }

    @Test("redacted: step amounts are withheld, the ticks do not move when every amount is scaled")
    func redactedSteps() throws {
        func page(_ k: Double) throws -> String {
            try Self.run(["l.yaml": Self.ladder, "c.yaml": Self.bands(times: k), "p.yaml": Self.policy], redact: true).html
        }
        let base = try page(1)
        #expect(base.contains("learning\u{A0}[redacted] · growing\u{A0}[redacted] · expert\u{A0}[redacted]"))
        for v in [150000.0, 163000, 190000, 220000, 250000] {
            for form in HTMLAmounts.forms(v) where form.count >= 4 {
                #expect(!HTMLAmounts.occurs(form, in: base), "the amount \(Format.plain(v)) appears as \"\(form)\"")
            }
        }
        let ticks = Self.elements("line", "step", in: base)
        #expect(ticks.count == 7)
        let scaled = try page(3.7)
        #expect(Self.elements("line", "step", in: scaled) == ticks)
    }
}
